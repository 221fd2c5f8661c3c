//! The progress workbook's round trip through the commands, as the interface calls them (the
//! same `dispatch` the desktop shell and the bridge serve), the file dialogs answered
//! beforehand: the coordination exports a ministry's workbook, the ministry fills it in (cells
//! typed into the file), the coordination reads it back — a preview, or every problem with its
//! row and column —, imports it (each filled row a report signed on the ministry's behalf), and
//! importing it again writes nothing.

#![allow(clippy::unwrap_used)]

#[path = "support/dialogs.rs"]
mod dialogs;
#[path = "../../opendata/tests/support/xlsx_cells.rs"]
mod xlsx_cells;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{Datelike as _, Days, NaiveDate};
use dialogs::Dialogs;
use plan_ouvert_app::{dispatch, App, FileRequest};
use plan_ouvert_domain::*;
use plan_ouvert_store::SavedConnection;
use plan_ouvert_sync::access::Role;
use plan_ouvert_sync::protocol::Person;
use serde_json::{json, Value};
use uuid::Uuid;
use xlsx_cells::{fill, Typed};

struct World {
    app: App,
    dialogs: Arc<Dialogs>,
    folder: tempfile::TempDir,
    plan: Plan,
    ministry: Institution,
    hatvp: Institution,
    /// The ministry's commitment, its two milestones.
    commitment: CommitmentId,
    milestones: [MilestoneId; 2],
    /// The HATVP's commitment and milestone.
    other: (CommitmentId, MilestoneId),
    /// A milestone of another plan.
    elsewhere: (CommitmentId, MilestoneId),
}

fn institution(name: &str, acronym: &str) -> InstitutionInput {
    InstitutionInput { name: name.into(), acronym: acronym.into(), kind: InstitutionKind::Ministry }
}

fn world() -> World {
    let folder = tempfile::tempdir().unwrap();
    let dialogs = Arc::new(Dialogs::default());
    let app = App::open(&folder.path().join("data"), dialogs.clone()).unwrap();
    let mut store = app.store().lock().unwrap();
    let plan_input = PlanInput {
        country: "France".into(),
        title: "France — Plan d'action national 2021-2023".into(),
        period_start: "2021-12-17".into(),
        period_end: "2023-12-31".into(),
    };
    let plan = store.create_plan(&plan_input).unwrap();
    let area = |store: &mut plan_ouvert_store::Store, plan: PlanId| {
        store
            .create_area(
                plan,
                &AreaInput {
                    kind: AreaKind::Thematic,
                    title: "Transition écologique".into(),
                    description: String::new(),
                },
            )
            .unwrap()
    };
    let here = area(&mut store, plan.id);
    let ministry = store.create_institution(&institution("Ministère de la Transition écologique", "MTE")).unwrap();
    let hatvp = store
        .create_institution(&InstitutionInput {
            kind: InstitutionKind::IndependentAuthority,
            ..institution("Haute Autorité pour la transparence de la vie publique", "HATVP")
        })
        .unwrap();
    let coordination = store
        .create_institution(&institution("Direction interministérielle de la transformation publique", "DITP"))
        .unwrap();
    let led = |store: &mut plan_ouvert_store::Store, area: AreaId, lead: InstitutionId, titles: &[&str]| {
        let c = store.create_commitment(area, titles[0]).unwrap();
        store.edit_commitment(c.id, &CommitmentEdit::LeadInstitutionId(Some(lead))).unwrap();
        let ms: Vec<MilestoneId> = titles[1..]
            .iter()
            .map(|t| {
                store.create_milestone(c.id, &MilestoneInput { title: (*t).into(), ..Default::default() }).unwrap().id
            })
            .collect();
        (c.id, ms)
    };
    let (other, other_ms) = led(&mut store, here.id, hatvp.id, &["Publier les déclarations", "Schéma"]);
    let (commitment, ms) = led(&mut store, here.id, ministry.id, &["Ouvrir les données", "Recenser", "Publier"]);
    let other_plan = store.create_plan(&PlanInput { title: "Un autre plan".into(), ..plan_input }).unwrap();
    let there = area(&mut store, other_plan.id);
    let (elsewhere, elsewhere_ms) = led(&mut store, there.id, ministry.id, &["Ailleurs", "Jalon d'ailleurs"]);
    // The coordination imports: its reports are signed on the ministry's behalf.
    store
        .save_connection(&SavedConnection {
            server_url: "http://127.0.0.1:1".into(),
            person: Person {
                id: Uuid::now_v7(),
                name: "Claire Dubois".into(),
                institution_id: coordination.id.0,
                institution_name: coordination.name.clone(),
                role: Role::Coordinator,
            },
            token_storage: TokenStorage::File,
        })
        .unwrap();
    drop(store);
    World {
        app,
        dialogs,
        folder,
        plan,
        ministry,
        hatvp,
        commitment,
        milestones: [ms[0], ms[1]],
        other: (other, other_ms[0]),
        elsewhere: (elsewhere, elsewhere_ms[0]),
    }
}

impl World {
    async fn call(&self, command: &str, args: Value) -> Result<Value, Failure> {
        dispatch(&self.app, command, args).await
    }

    async fn ok(&self, command: &str, args: Value) -> Value {
        self.call(command, args.clone()).await.unwrap_or_else(|e| panic!("{command} {args}: {e:?}"))
    }

    fn answer(&self, path: Option<&Path>) {
        self.dialogs.files.push([path.map(Path::to_path_buf)]);
    }

    fn path(&self, name: &str) -> PathBuf {
        self.folder.path().join(name)
    }

    /// The ministry's workbook, exported; returns its bytes.
    async fn export(&self, institution: Option<InstitutionId>) -> Vec<u8> {
        let path = self.path("exported.xlsx");
        self.answer(Some(&path));
        let written =
            self.ok("export_progress_workbook", json!({ "planId": self.plan.id, "institutionId": institution })).await;
        assert_eq!(written, json!(path.display().to_string()));
        std::fs::read(&path).unwrap()
    }

    /// Reads the workbook `bytes` (written to a file the person picks).
    async fn read(&self, name: &str, bytes: &[u8]) -> ProgressWorkbookPreview {
        let path = self.path(name);
        std::fs::write(&path, bytes).unwrap();
        self.answer(Some(&path));
        serde_json::from_value(self.ok("read_progress_workbook", json!({})).await).unwrap()
    }

    async fn progress(&self, commitment: CommitmentId) -> CommitmentProgress {
        serde_json::from_value(self.ok("get_commitment_progress", json!({ "commitmentId": commitment })).await).unwrap()
    }

    async fn report_count(&self) -> usize {
        let p = self.progress(self.commitment).await;
        p.reports.len() + p.milestones.iter().map(|m| m.reports.len()).sum::<usize>()
    }
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn typed_date(date: NaiveDate) -> Typed<'static> {
    Typed::Date(date.year(), date.month(), date.day())
}

/// The problems as (row, column, message).
fn problems(preview: &ProgressWorkbookPreview) -> Vec<(Option<u32>, Option<&str>, &str)> {
    preview.problems.iter().map(|p| (p.row, p.column.as_deref(), p.message.as_str())).collect()
}

#[tokio::test]
async fn a_workbook_is_exported_filled_read_imported_signed_and_importing_it_again_writes_nothing() {
    let w = world();
    // The institutions a workbook can be made for: those that carry a commitment of the plan.
    let leads: Vec<InstitutionRef> =
        serde_json::from_value(w.ok("list_lead_institutions", json!({ "planId": w.plan.id })).await).unwrap();
    assert_eq!(leads.iter().map(|i| i.acronym.as_str()).collect::<Vec<_>>(), ["HATVP", "MTE"]);

    let exported = w.export(Some(w.ministry.id)).await;
    let proposed = format!("Suivi — MTE — {}.xlsx", today().format("%Y-%m-%d"));
    assert_eq!(*w.dialogs.asked.lock().unwrap(), [(FileRequest::SaveProgressWorkbook, Some(proposed))]);

    // The ministry fills in its account of the commitment (row 2) and milestone 1.2.1 (row 3);
    // milestone 1.2.2 (row 4) has no news.
    let week_ago = today().checked_sub_days(Days::new(7)).unwrap();
    let filled = fill(
        &exported,
        &[
            ("H2", typed_date(week_ago)),
            ("I2", Typed::Text("Limité")),
            ("J2", Typed::Text("Deux jeux de données sur dix sont publiés.")),
            ("H3", typed_date(week_ago)),
            ("I3", Typed::Text("Achevé")),
            ("J3", Typed::Text("Le recensement est fait.")),
            ("M3", Typed::Text("Inventaire — https://www.ecologie.gouv.fr/inventaire")),
        ],
    );
    let preview = w.read("Suivi — MTE — rempli.xlsx", &filled).await;
    assert_eq!(problems(&preview), []);
    assert_eq!(preview.file_name, "Suivi — MTE — rempli.xlsx");
    assert_eq!((preview.reports, preview.unchanged, preview.empty), (2, 0, 1));
    assert_eq!(preview.plan_id, Some(w.plan.id));
    assert_eq!(preview.plan_title, w.plan.title);
    assert_eq!(preview.institution_name.as_deref(), Some(w.ministry.name.as_str()));
    assert_eq!((preview.signed_by.as_deref(), preview.on_behalf), (Some("Claire Dubois"), true));
    assert_eq!(w.report_count().await, 0, "reading writes nothing");

    let summary: ProgressWorkbookSummary =
        serde_json::from_value(w.ok("import_progress_workbook", json!({})).await).unwrap();
    assert_eq!(summary, ProgressWorkbookSummary { written: 2, unchanged: 0, empty: 1 });
    let progress = w.progress(w.commitment).await;
    assert_eq!(progress.status, Some(ProgressStatus::Limited));
    let own = &progress.reports[0];
    assert_eq!((own.reported_on, own.done.as_str()), (week_ago, "Deux jeux de données sur dix sont publiés."));
    let milestone = &progress.milestones[0].reports[0];
    assert_eq!(milestone.status, ProgressStatus::Complete);
    assert_eq!(
        milestone.links,
        [EvidenceLink { title: "Inventaire".into(), url: "https://www.ecologie.gouv.fr/inventaire".into() }]
    );
    for entry in [own, milestone] {
        assert_eq!(
            (entry.author_name.as_str(), entry.institution_id, entry.on_behalf),
            ("Claire Dubois", w.ministry.id, true)
        );
    }
    assert!(progress.milestones[1].reports.is_empty());

    // Once imported, nothing is waiting.
    let again = w.call("import_progress_workbook", json!({})).await.unwrap_err();
    assert_eq!(again.code, ErrorCode::NotFound);

    // The same file again: nothing new.
    let preview = w.read("Suivi — MTE — rempli.xlsx", &filled).await;
    assert_eq!((preview.reports, preview.unchanged, preview.empty, preview.problems.len()), (0, 2, 1, 0));
    assert_eq!(preview.signed_by, None, "nothing to sign");
    let summary: ProgressWorkbookSummary =
        serde_json::from_value(w.ok("import_progress_workbook", json!({})).await).unwrap();
    assert_eq!(summary, ProgressWorkbookSummary { written: 0, unchanged: 2, empty: 1 });
    assert_eq!(w.report_count().await, 2);

    // A workbook exported now shows where each row stands.
    let now = w.export(Some(w.ministry.id)).await;
    let strings = xlsx_cells::part(&now, "xl/sharedStrings.xml");
    assert!(strings.contains("<t>Achevé</t>") && strings.contains("<t>Limité</t>"), "{strings}");

    // A cancelled dialog reads nothing.
    w.answer(None);
    assert_eq!(w.ok("read_progress_workbook", json!({})).await, Value::Null);
    w.answer(None);
    assert_eq!(w.ok("export_progress_workbook", json!({ "planId": w.plan.id })).await, Value::Null);
}

#[tokio::test]
async fn every_problem_of_a_filled_workbook_is_listed_with_its_row_and_column_and_nothing_is_written() {
    let w = world();
    let exported = w.export(Some(w.ministry.id)).await;
    let tomorrow = today().checked_add_days(Days::new(1)).unwrap();
    let past = today().checked_sub_days(Days::new(30)).unwrap();
    let (other_commitment, other_milestone) = w.other;
    let (elsewhere_commitment, elsewhere_milestone) = w.elsewhere;
    let broken = fill(
        &exported,
        &[
            // Row 2: a date in the future.
            ("H2", typed_date(tomorrow)),
            ("I2", Typed::Text("Limité")),
            // Row 3: a link that is not an address, a status mistyped.
            ("H3", typed_date(past)),
            ("I3", Typed::Text("Acheve")),
            ("M3", Typed::Text("Inventaire — www.ecologie.gouv.fr/inventaire")),
            // Row 4: made a row of another plan.
            ("H4", typed_date(past)),
            ("I4", Typed::Text("Limité")),
            ("N4", Typed::Text(&elsewhere_commitment.to_string())),
            ("O4", Typed::Text(&elsewhere_milestone.to_string())),
        ],
    );
    let preview = w.read("rempli.xlsx", &broken).await;
    let future = format!(
        "Un rapport décrit ce qui a été fait : sa date ne peut pas être postérieure à aujourd'hui ({}).",
        today().format("%d/%m/%Y")
    );
    assert_eq!(
        problems(&preview),
        [
            (Some(2), Some("H"), future.as_str()),
            (Some(3), Some("I"), "« Acheve » n'est pas un état de la liste : Non commencé, Limité, Substantiel, Achevé, Retiré."),
            (Some(3), Some("M"), "Lien 1 (adresse) : Adresse web invalide : elle doit commencer par https:// (ou http://) et ne pas contenir d'espace."),
            (Some(4), Some("O"), "Les identifiants de cette ligne ne désignent aucun jalon de ce plan d'action (ligne d'un autre plan, ou jalon supprimé depuis)."),
        ]
    );
    let columns: Vec<(&str, &str)> =
        preview.problems.iter().map(|p| (p.sheet.as_str(), p.column_title.as_deref().unwrap())).collect();
    assert_eq!(
        columns,
        [
            ("Suivi", "Date du rapport"),
            ("Suivi", "Nouvel état d'avancement"),
            ("Suivi", "Preuves (liens)"),
            ("Suivi", "Identifiant du jalon")
        ]
    );
    // Nothing waits to be imported, nothing was written.
    assert_eq!(w.call("import_progress_workbook", json!({})).await.unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(w.report_count().await, 0);

    // A row of a commitment another institution carries, and a step back from "complete" without
    // a word.
    let complete = ReportInput {
        commitment_id: w.commitment,
        milestone_id: Some(w.milestones[1]),
        reported_on: past.format("%Y-%m-%d").to_string(),
        status: Some(ProgressStatus::Complete),
        done: "Publié.".into(),
        difficulties: String::new(),
        next_steps: String::new(),
        results: String::new(),
        opened_government: None,
        links: Vec::new(),
        files: Vec::new(),
        corrects: None,
    };
    w.app.store().lock().unwrap().report_progress(&complete).unwrap();
    let broken = fill(
        &exported,
        &[
            ("H3", typed_date(today())),
            ("I3", Typed::Text("Limité")),
            ("N3", Typed::Text(&other_commitment.to_string())),
            ("O3", Typed::Text(&other_milestone.to_string())),
            ("H4", typed_date(today())),
            ("I4", Typed::Text("Substantiel")),
        ],
    );
    let preview = w.read("rempli.xlsx", &broken).await;
    assert_eq!(
        problems(&preview),
        [
            (Some(3), Some("D"), "Cet engagement est porté par une autre institution (Haute Autorité pour la transparence de la vie publique) que celle de ce classeur (Ministère de la Transition écologique)."),
            (Some(4), Some("K"), "Le rapport précédent disait « Achevé » : expliquez pourquoi ce n'est plus le cas (ce qui a été fait ou les difficultés)."),
        ]
    );
    assert_eq!(w.report_count().await, 1, "only the report typed on the screen");

    // Not a workbook at all.
    let preview = w.read("notes.xlsx", b"Ceci n'est pas un classeur.").await;
    assert_eq!(preview.plan_id, None);
    assert_eq!(problems(&preview).len(), 1);
    assert!(preview.problems[0].message.starts_with("Ce fichier n'est pas un classeur Excel (.xlsx) lisible"));
    assert_eq!(w.hatvp.acronym, "HATVP");
}

#[tokio::test]
async fn the_workbook_of_every_institution_is_imported_for_each_institution() {
    let w = world();
    let exported = w.export(None).await;
    // Rows: the HATVP's commitment (1.1) and milestone, then the ministry's (1.2) and two milestones.
    let day = typed_date(today());
    let filled = fill(
        &exported,
        &[("H3", day), ("I3", Typed::Text("Substantiel")), ("H5", day), ("I5", Typed::Text("Non commencé"))],
    );
    let preview = w.read("tous.xlsx", &filled).await;
    assert_eq!((preview.reports, preview.empty, preview.problems.len()), (2, 3, 0));
    assert_eq!(preview.institution_name, None);
    w.ok("import_progress_workbook", json!({})).await;
    let hatvp = w.progress(w.other.0).await;
    assert_eq!(hatvp.milestones[0].status, Some(ProgressStatus::Substantial));
    assert_eq!(hatvp.milestones[0].reports[0].institution_id, w.hatvp.id);
    assert_eq!(w.progress(w.commitment).await.milestones[0].status, Some(ProgressStatus::NotStarted));
    let name = w.dialogs.asked.lock().unwrap()[0].1.clone().unwrap();
    assert_eq!(name, format!("Suivi — toutes les institutions — {}.xlsx", today().format("%Y-%m-%d")));
}
