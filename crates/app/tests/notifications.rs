//! Desktop notifications of the "À faire" list, decided by the core with no display: the shell
//! here only records what it is asked to show. The first reading notifies everything as one
//! notification, the next nothing; a new late milestone is notified alone; a milestone reported
//! complete is forgotten, and notified again if a correction makes it late again; the setting
//! turns them off; the wording follows the interface's language; the sync loop notifies on start.

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{Days, NaiveDate};
use plan_ouvert_app::{dispatch, App, Event, FileRequest, Shell};
use plan_ouvert_domain::*;
use plan_ouvert_store::SavedConnection;
use plan_ouvert_sync::access::Role;
use plan_ouvert_sync::protocol::Person;
use serde_json::json;
use uuid::Uuid;

/// Records the notifications it is asked to show.
#[derive(Debug, Default)]
struct Recorder {
    notified: Mutex<Vec<(String, String)>>,
}

impl Shell for Recorder {
    fn emit(&self, _: Event) {}

    fn pick_file(&self, _: FileRequest, _: Option<&str>, _: Locale) -> Result<Option<PathBuf>, String> {
        Ok(None)
    }

    fn open_file(&self, _: &std::path::Path) -> Result<(), String> {
        Ok(())
    }

    fn notify(&self, title: &str, body: &str) -> Result<(), String> {
        self.notified.lock().unwrap().push((title.to_string(), body.to_string()));
        Ok(())
    }
}

struct World {
    app: App,
    shell: Arc<Recorder>,
    _folder: tempfile::TempDir,
    commitment: CommitmentId,
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A plan around `today` whose ministry's commitment has milestones due on `dues` (title, date);
/// the coordination is signed in.
fn world(period: (&str, &str), dues: &[(&str, &str)]) -> World {
    let folder = tempfile::tempdir().unwrap();
    let shell = Arc::new(Recorder::default());
    let app = App::open(&folder.path().join("data"), shell.clone()).unwrap();
    let commitment = {
        let mut store = app.store().lock().unwrap();
        let plan = store
            .create_plan(&PlanInput {
                country: "France".into(),
                title: "France — Plan d'action national".into(),
                period_start: period.0.into(),
                period_end: period.1.into(),
            })
            .unwrap();
        let area = store
            .create_area(
                plan.id,
                &AreaInput { kind: AreaKind::Thematic, title: "Transition".into(), description: String::new() },
            )
            .unwrap();
        let ministry = store
            .create_institution(&InstitutionInput {
                name: "Ministère de la Transition écologique".into(),
                acronym: "MTE".into(),
                kind: InstitutionKind::Ministry,
            })
            .unwrap();
        let c = store.create_commitment(area.id, "Ouvrir les données").unwrap();
        store.edit_commitment(c.id, &CommitmentEdit::LeadInstitutionId(Some(ministry.id))).unwrap();
        for (title, due) in dues {
            let input = MilestoneInput { title: (*title).into(), due_date: (*due).into(), ..Default::default() };
            store.create_milestone(c.id, &input).unwrap();
        }
        store
            .save_connection(&SavedConnection {
                server_url: "http://127.0.0.1:1".into(),
                person: Person {
                    id: Uuid::now_v7(),
                    name: "Claire Dubois".into(),
                    institution_id: Uuid::now_v7(),
                    institution_name: "Direction interministérielle de la transformation publique".into(),
                    role: Role::Coordinator,
                },
                token_storage: TokenStorage::File,
            })
            .unwrap();
        c.id
    };
    World { app, shell, _folder: folder, commitment }
}

impl World {
    /// Notifies on `today`; returns what was shown since the last call.
    fn notify_on(&self, today: &str) -> Vec<(String, String)> {
        self.app.notify_due_news_on(day(today));
        std::mem::take(&mut *self.shell.notified.lock().unwrap())
    }

    fn milestone(&self, title: &str) -> MilestoneId {
        let mut store = self.app.store().lock().unwrap();
        let detail = store.commitment_detail(self.commitment).unwrap();
        detail.milestones.into_iter().find(|m| m.title == title).unwrap().id
    }

    fn report(&self, title: &str, status: ProgressStatus) {
        let milestone = self.milestone(title);
        let input = ReportInput {
            commitment_id: self.commitment,
            milestone_id: Some(milestone),
            reported_on: "2023-03-01".into(),
            status: Some(status),
            done: "Inventaire publié.".into(),
            difficulties: "Deux jeux manquaient.".into(),
            next_steps: String::new(),
            results: String::new(),
            opened_government: None,
            links: Vec::new(),
            files: Vec::new(),
            corrects: None,
        };
        self.app.store().lock().unwrap().report_progress_on(&input, day("2023-03-01")).unwrap();
    }
}

const PERIOD: (&str, &str) = ("2021-12-17", "2023-12-31");

fn three() -> World {
    world(PERIOD, &[("Recenser", "2023-02-01"), ("Consulter", "2023-02-20"), ("Ouvrir", "2023-03-10")])
}

#[test]
fn the_first_time_everything_is_one_notification_and_the_second_time_nothing() {
    let w = three();
    let shown = w.notify_on("2023-03-01");
    assert_eq!(shown.len(), 1, "one notification for all: {shown:?}");
    let (title, body) = &shown[0];
    assert_eq!(title, "2 jalons en retard, 1 à échéance dans les 30 jours");
    assert_eq!(
        body,
        "1.1.1 Recenser — en retard de 28 jours\n\
         1.1.2 Consulter — en retard de 9 jours\n\
         1.1.3 Ouvrir — échéance dans 9 jours\n\
         Voir « À faire » dans Plan ouvert."
    );
    assert_eq!(w.notify_on("2023-03-01"), vec![], "never repeated");
    assert_eq!(w.notify_on("2023-03-05"), vec![], "nor days later while nothing is new");
}

#[test]
fn a_new_late_milestone_is_notified_alone() {
    let w = three();
    w.notify_on("2023-03-01");
    {
        let mut store = w.app.store().lock().unwrap();
        let input = MilestoneInput { title: "Former".into(), due_date: "2023-02-25".into(), ..Default::default() };
        store.create_milestone(w.commitment, &input).unwrap();
    }
    let shown = w.notify_on("2023-03-01");
    assert_eq!(
        shown,
        vec![(
            "1 jalon en retard".to_string(),
            "1.1.4 Former — en retard de 4 jours\nVoir « À faire » dans Plan ouvert.".to_string()
        )]
    );
    // « Ouvrir » becomes late: news again, alone.
    let shown = w.notify_on("2023-03-11");
    assert_eq!(shown.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["1 jalon en retard"]);
    assert!(shown[0].1.starts_with("1.1.3 Ouvrir — en retard de 1 jour\n"), "{}", shown[0].1);
}

#[test]
fn a_milestone_reported_complete_is_forgotten_and_notified_again_if_it_is_late_again() {
    let w = three();
    w.notify_on("2023-03-01");
    w.report("Recenser", ProgressStatus::Complete);
    assert_eq!(w.notify_on("2023-03-01"), vec![]);
    // A correction: not complete after all. It is late again, and said again — alone.
    w.report("Recenser", ProgressStatus::Substantial);
    let shown = w.notify_on("2023-03-01");
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, "1 jalon en retard");
    assert!(shown[0].1.starts_with("1.1.1 Recenser"), "{}", shown[0].1);
}

#[tokio::test]
async fn notifications_can_be_turned_off_and_speak_the_interfaces_language() {
    let w = three();
    assert_eq!(dispatch(&w.app, "get_notifications_enabled", json!({})).await.unwrap(), json!(true));
    dispatch(&w.app, "set_notifications_enabled", json!({ "enabled": false })).await.unwrap();
    assert_eq!(dispatch(&w.app, "get_notifications_enabled", json!({})).await.unwrap(), json!(false));
    assert_eq!(w.notify_on("2023-03-01"), vec![], "turned off: nothing shown");

    dispatch(&w.app, "set_notifications_enabled", json!({ "enabled": true })).await.unwrap();
    dispatch(&w.app, "set_locale", json!({ "locale": "en" })).await.unwrap();
    assert_eq!(w.notify_on("2023-03-01"), vec![], "what came while off is not told afterwards");
    let shown = w.notify_on("2023-03-11");
    assert_eq!(
        shown,
        vec![("1 milestone overdue".to_string(), "1.1.3 Ouvrir — 1 day late\nSee “To do” in Plan ouvert.".to_string())]
    );
}

#[tokio::test]
async fn the_running_app_notifies_on_start() {
    let today = chrono::Local::now().date_naive();
    let text = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let (start, end) = (text(today - Days::new(400)), text(today + Days::new(400)));
    let late = text(today - Days::new(3));
    let w = world((&start, &end), &[("Recenser", &late)]);
    tokio::spawn(w.app.clone().run_sync());
    let started = std::time::Instant::now();
    while w.shell.notified.lock().unwrap().is_empty() {
        assert!(started.elapsed() < Duration::from_secs(10), "no notification on start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let shown = w.shell.notified.lock().unwrap().clone();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].0, "1 jalon en retard");
    assert!(shown[0].1.starts_with("1.1.1 Recenser — en retard de 3 jours"), "{}", shown[0].1);
}
