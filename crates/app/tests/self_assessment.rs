//! The self-assessment report through the command the interface calls (the same `dispatch` the
//! desktop shell and the bridge serve), the save dialog answered beforehand: on the demonstration
//! plan with reports signed on this laptop, the report is proposed under its name and the day it
//! describes, holds what was reported up to that day and nothing after, and a day that is not a
//! date or is after today is refused before any dialog opens.

#![allow(clippy::unwrap_used)]

#[path = "support/dialogs.rs"]
mod dialogs;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::Days;
use dialogs::Dialogs;
use plan_ouvert_app::{dispatch, App, FileRequest};
use plan_ouvert_domain::*;
use serde_json::{json, Value};

struct World {
    app: App,
    dialogs: Arc<Dialogs>,
    folder: tempfile::TempDir,
    plan: Plan,
}

fn report(commitment: CommitmentId, milestone: Option<MilestoneId>, on: &str, status: ProgressStatus) -> ReportInput {
    ReportInput {
        commitment_id: commitment,
        milestone_id: milestone,
        reported_on: on.into(),
        status: Some(status),
        done: format!("Rapport du {on} : <script>alert(1)</script>"),
        difficulties: String::new(),
        next_steps: String::new(),
        results: format!("Résultats au {on}."),
        opened_government: None,
        links: Vec::new(),
        files: Vec::new(),
        corrects: None,
    }
}

/// The demonstration plan, its first commitment's first milestone reported on in April 2022 and
/// the commitment itself in June 2022.
fn world() -> World {
    let folder = tempfile::tempdir().unwrap();
    let dialogs = Arc::new(Dialogs::default());
    let app = App::open(&folder.path().join("data"), dialogs.clone()).unwrap();
    let mut store = app.store().lock().unwrap();
    let plan = store.load_demo_plan().unwrap();
    let overview = store.plan_overview(plan.id, &OverviewFilter::default()).unwrap();
    let first = overview.areas[0].commitments[0].id;
    let milestone = store.commitment_detail(first).unwrap().milestones[0].id;
    store.report_progress(&report(first, Some(milestone), "2022-04-15", ProgressStatus::Complete)).unwrap();
    store.report_progress(&report(first, None, "2022-06-30", ProgressStatus::Substantial)).unwrap();
    drop(store);
    World { app, dialogs, folder, plan }
}

impl World {
    async fn export(&self, term: &str, as_of: &str, answer: Option<PathBuf>) -> Result<Value, Failure> {
        self.dialogs.files.push([answer]);
        dispatch(&self.app, "export_self_assessment", json!({ "planId": self.plan.id, "term": term, "asOf": as_of }))
            .await
    }

    fn asked(&self) -> Vec<(FileRequest, Option<String>)> {
        std::mem::take(&mut *self.dialogs.asked.lock().unwrap())
    }
}

#[tokio::test]
async fn the_report_is_proposed_under_its_name_and_holds_what_was_reported_up_to_its_day() {
    let w = world();
    let path = w.folder.path().join("rapport.html");
    let written = w.export("midTerm", "2022-05-01", Some(path.clone())).await.unwrap();
    assert_eq!(written, json!(path.display().to_string()));
    assert_eq!(
        w.asked(),
        [(
            FileRequest::SaveSelfAssessment,
            Some(format!("Autoévaluation mi-parcours — {} — 2022-05-01.html", w.plan.title))
        )]
    );
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("<h1>Rapport d'autoévaluation à mi-parcours</h1>"));
    assert!(html.contains("Situation au <strong>01/05/2022</strong>"));
    assert!(html.contains("Rapport du 2022-04-15 : &lt;script&gt;"), "the milestone's report, escaped");
    assert!(!html.contains("Résultats au 2022-06-30"), "the commitment's later account is left out");
    assert!(html.contains("Signé par Personne de démonstration"));

    // At the end of the term, in English, the later account counts.
    dispatch(&w.app, "set_locale", json!({ "locale": "en" })).await.unwrap();
    let path = w.folder.path().join("report.html");
    w.export("endOfTerm", "2023-12-31", Some(path.clone())).await.unwrap();
    assert_eq!(
        w.asked(),
        [(
            FileRequest::SaveSelfAssessment,
            Some(format!("End-of-term self-assessment — {} — 2023-12-31.html", w.plan.title))
        )]
    );
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("<h1>End-of-term self-assessment report</h1>"));
    assert!(html.contains("Résultats au 2022-06-30."));
}

#[tokio::test]
async fn a_day_that_is_not_a_date_or_is_to_come_is_refused_before_any_dialog() {
    let w = world();
    let tomorrow = chrono::Local::now().date_naive().checked_add_days(Days::new(1)).unwrap();
    for as_of in [tomorrow.format("%Y-%m-%d").to_string(), "30/06/2022".to_string(), String::new()] {
        let refused = w.export("midTerm", &as_of, None).await.unwrap_err();
        assert_eq!(refused.code, ErrorCode::Validation, "{as_of}");
        assert_eq!(refused.fields.len(), 1);
        assert_eq!(refused.fields[0].field, "asOf");
    }
    assert!(w.asked().is_empty(), "no dialog opened");
    let today = chrono::Local::now().date_naive();
    let refused = w.export("midTerm", &tomorrow.format("%Y-%m-%d").to_string(), None).await.unwrap_err();
    assert!(refused.message.contains(&Locale::Fr.date(today)), "{}", refused.message);
    // A plan that is not here.
    let unknown = dispatch(
        &w.app,
        "export_self_assessment",
        json!({ "planId": PlanId::new(), "term": "midTerm", "asOf": "2022-05-01" }),
    )
    .await
    .unwrap_err();
    assert_eq!(unknown.code, ErrorCode::NotFound);
}

#[tokio::test]
async fn a_cancelled_dialog_writes_nothing() {
    let w = world();
    assert_eq!(w.export("endOfTerm", "2022-05-01", None).await.unwrap(), Value::Null);
    assert_eq!(w.asked().len(), 1);
    assert_eq!(std::fs::read_dir(w.folder.path()).unwrap().count(), 1, "only the data folder");
}
