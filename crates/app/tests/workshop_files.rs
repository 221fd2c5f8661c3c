//! The files a workshop's page writes, through the commands the interface calls (the same
//! `dispatch` the desktop shell and the bridge serve), the dialogs answered beforehand: which
//! dialog each asks and the name it proposes — the exchange file under the workshop's title and
//! day, a participant's data under their name and the workshop's title, the report under the
//! workshop's title and today — and, for a workshop that cannot be written, no dialog at all.

#![allow(clippy::unwrap_used)]

#[path = "support/dialogs.rs"]
mod dialogs;

use std::path::PathBuf;
use std::sync::Arc;

use dialogs::Dialogs;
use plan_ouvert_app::{dispatch, App, FileRequest};
use plan_ouvert_domain::*;
use serde_json::{json, Value};

struct World {
    app: App,
    dialogs: Arc<Dialogs>,
    folder: tempfile::TempDir,
    workshop: WorkshopId,
    participant: ParticipantId,
}

/// The demonstration plan and a workshop of it held in 2030 (no keeping day passes while these
/// tests are kept), with one participant.
fn world() -> World {
    let folder = tempfile::tempdir().unwrap();
    let dialogs = Arc::new(Dialogs::default());
    let app = App::open(&folder.path().join("data"), dialogs.clone()).unwrap();
    let mut store = app.store().lock().unwrap();
    let plan = store.load_demo_plan().unwrap();
    let institution = store.list_institutions().unwrap()[0].id;
    let input = WorkshopInput {
        title: "Atelier : transparence / lobbying".into(),
        held_on: "2030-03-12".into(),
        place: "Salle 204".into(),
        area_id: None,
        commitment_ids: Vec::new(),
        facilitator: "Claire Martin".into(),
        consent_text: "Vos contributions sont enregistrées.".into(),
        keep_until: "2031-03-12".into(),
    };
    let workshop = store.create_workshop(plan.id, institution, &input).unwrap().id;
    let participant = ParticipantInput {
        name: "Awa".into(),
        organisation_kind: OrganisationKind::Citizen,
        consent_accepted: true,
        contact_accepted: false,
        contact_email: String::new(),
    };
    let participant = store.add_participant(workshop, &participant, Locale::Fr).unwrap().participant.id;
    drop(store);
    World { app, dialogs, folder, workshop, participant }
}

impl World {
    async fn call(&self, command: &str, args: Value, answer: Option<PathBuf>) -> Result<Value, Failure> {
        self.dialogs.files.push([answer]);
        dispatch(&self.app, command, args).await
    }

    fn asked(&self) -> Vec<(FileRequest, Option<String>)> {
        std::mem::take(&mut *self.dialogs.asked.lock().unwrap())
    }
}

#[tokio::test]
async fn each_file_is_proposed_under_a_name_that_says_what_it_holds() {
    let w = world();
    let today = chrono::Local::now().date_naive().format("%Y-%m-%d");

    let path = w.folder.path().join("echange.planouvert");
    let scope = json!({ "kind": "workshop", "workshopId": w.workshop });
    let saved = w.call("write_exchange", json!({ "scope": scope, "personalData": true }), Some(path.clone())).await;
    assert_eq!(saved.unwrap()["path"], json!(path.display().to_string()));
    // Characters no system accepts in a name are spaces.
    let exchange = "Échange — Atelier transparence lobbying — 2030-03-12.planouvert";
    assert_eq!(w.asked(), [(FileRequest::SaveExchange, Some(exchange.to_string()))]);

    let unsent = w.call("write_exchange", json!({ "scope": { "kind": "unsent" }, "personalData": false }), None).await;
    assert_eq!(unsent.unwrap(), Value::Null, "cancelled");
    let name = format!("Échange — Modifications non envoyées — {today}.planouvert");
    assert_eq!(w.asked(), [(FileRequest::SaveExchange, Some(name))]);

    w.call("export_participant_data", json!({ "participantId": w.participant }), None).await.unwrap();
    let name = "Données de Awa — Atelier transparence lobbying.json".to_string();
    assert_eq!(w.asked(), [(FileRequest::SaveParticipantData, Some(name))]);

    w.call("export_workshop", json!({ "workshopId": w.workshop, "format": "html" }), None).await.unwrap();
    let name = format!("Atelier — Atelier transparence lobbying — {today}.html");
    assert_eq!(w.asked(), [(FileRequest::SaveWorkshopReport, Some(name))]);
    w.call("export_workshop", json!({ "workshopId": w.workshop, "format": "csv" }), None).await.unwrap();
    assert_eq!(w.asked()[0].0, FileRequest::WorkshopCsvFolder);

    // In English.
    dispatch(&w.app, "set_locale", json!({ "locale": "en" })).await.unwrap();
    w.call("write_exchange", json!({ "scope": scope, "personalData": false }), None).await.unwrap();
    let exchange = "Exchange — Atelier transparence lobbying — 2030-03-12.planouvert";
    assert_eq!(w.asked(), [(FileRequest::SaveExchange, Some(exchange.to_string()))]);
    w.call("export_participant_data", json!({ "participantId": w.participant }), None).await.unwrap();
    let name = "Data of Awa — Atelier transparence lobbying.json".to_string();
    assert_eq!(w.asked(), [(FileRequest::SaveParticipantData, Some(name))]);
}

#[tokio::test]
async fn what_cannot_be_written_is_refused_before_any_dialog() {
    let w = world();
    let gone = WorkshopId(uuid_v7());
    let refused = w
        .call(
            "write_exchange",
            json!({ "scope": { "kind": "workshop", "workshopId": gone }, "personalData": true }),
            None,
        )
        .await
        .unwrap_err();
    assert_eq!(refused.code, ErrorCode::NotFound);
    let refused = w.call("export_workshop", json!({ "workshopId": w.workshop, "format": "xlsx" }), None).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::NotFound);
    dispatch(&w.app, "erase_participant", json!({ "participantId": w.participant })).await.unwrap();
    let refused = w.call("export_participant_data", json!({ "participantId": w.participant }), None).await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::NotFound, "erased: nothing left to give back");
    assert!(w.asked().is_empty(), "no dialog opened");
}

fn uuid_v7() -> uuid::Uuid {
    uuid::Uuid::now_v7()
}
