//! Desktop notifications of the "À faire" list are decided by the store: each item is news
//! once, a new item is news alone, an item that leaves the list is forgotten (and news again if
//! it comes back), and turning notifications off keeps the laptop quiet without a backlog.

use chrono::NaiveDate;
use plan_ouvert_domain::*;
use plan_ouvert_store::{SavedConnection, Store};
use plan_ouvert_sync::access::Role;
use plan_ouvert_sync::protocol::Person;
use uuid::Uuid;

use crate::helpers::world;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn sign_in(store: &mut Store, institution_name: &str, role: Role) {
    let person = Person {
        id: Uuid::now_v7(),
        name: "Dominique Bernard".into(),
        institution_id: Uuid::now_v7(),
        institution_name: institution_name.into(),
        role,
    };
    let connection =
        SavedConnection { server_url: "http://127.0.0.1:1".into(), person, token_storage: TokenStorage::File };
    store.save_connection(&connection).unwrap();
}

fn milestone(store: &mut Store, c: CommitmentId, title: &str, due: &str) -> MilestoneId {
    let input = MilestoneInput { title: title.into(), due_date: due.into(), ..Default::default() };
    store.create_milestone(c, &input).unwrap().id
}

fn report(store: &mut Store, c: CommitmentId, m: MilestoneId, on: &str, status: ProgressStatus) {
    let input = ReportInput {
        commitment_id: c,
        milestone_id: Some(m),
        reported_on: on.into(),
        status: Some(status),
        done: "Fait.".into(),
        difficulties: "Le jeu de données doit être repris.".into(),
        next_steps: String::new(),
        results: String::new(),
        opened_government: None,
        links: Vec::new(),
        files: Vec::new(),
        corrects: None,
    };
    store.report_progress_on(&input, day(on)).unwrap();
}

/// What a reading tells: each item's milestone title and kind.
fn told(store: &mut Store, today: &str) -> Vec<(String, DueKind)> {
    let news = store.take_due_news_on(day(today)).unwrap();
    news.into_iter().map(|item| (item.milestone_title, item.kind)).collect()
}

fn late(title: &str) -> (String, DueKind) {
    (title.to_string(), DueKind::Overdue)
}

fn soon(title: &str) -> (String, DueKind) {
    (title.to_string(), DueKind::DueSoon)
}

struct Scene {
    store: Store,
    /// The ministry's commitment.
    commitment: CommitmentId,
    /// The HATVP's.
    other: CommitmentId,
}

/// A plan (2021-12-17 to 2023-12-31) with a commitment of the ministry (MTE) and one of the
/// HATVP; the coordination is signed in. On 2023-03-01, « Recenser » is late, « Ouvrir » due in
/// 9 days, « Documenter » not due yet; the HATVP's « Publier » is late.
fn scene() -> Scene {
    let mut w = world();
    let s = &mut w.store;
    let commitment = s.create_commitment(w.area.id, "Ouvrir les données environnementales").unwrap().id;
    s.edit_commitment(commitment, &CommitmentEdit::LeadInstitutionId(Some(w.ministry.id))).unwrap();
    let other = s.create_commitment(w.area.id, "Publier les déclarations").unwrap().id;
    s.edit_commitment(other, &CommitmentEdit::LeadInstitutionId(Some(w.hatvp.id))).unwrap();
    milestone(s, commitment, "Recenser", "2023-02-01");
    milestone(s, commitment, "Ouvrir", "2023-03-10");
    milestone(s, commitment, "Documenter", "2023-06-30");
    milestone(s, other, "Publier", "2022-12-31");
    sign_in(s, "Direction interministérielle de la transformation publique", Role::Coordinator);
    Scene { store: w.store, commitment, other }
}

#[test]
fn the_first_reading_tells_every_item_and_the_next_one_nothing() {
    let Scene { mut store, .. } = scene();
    assert!(store.notifications_enabled().unwrap(), "on by default");
    assert_eq!(told(&mut store, "2023-03-01"), vec![late("Publier"), late("Recenser"), soon("Ouvrir")]);
    assert_eq!(told(&mut store, "2023-03-01"), vec![], "never twice");
    assert_eq!(told(&mut store, "2023-03-02"), vec![], "nor the next day, while nothing changed");
}

#[test]
fn a_new_item_is_told_alone() {
    let Scene { mut store, commitment, .. } = scene();
    told(&mut store, "2023-03-01");
    milestone(&mut store, commitment, "Consulter", "2023-02-15");
    assert_eq!(told(&mut store, "2023-03-01"), vec![late("Consulter")]);
    // « Documenter » comes within 30 days; « Ouvrir » becomes late: both news, nothing else.
    assert_eq!(told(&mut store, "2023-06-01"), vec![late("Ouvrir"), soon("Documenter")]);
    assert_eq!(told(&mut store, "2023-06-01"), vec![]);
}

#[test]
fn an_item_that_leaves_the_list_is_forgotten_and_told_again_if_it_comes_back() {
    let Scene { mut store, commitment, .. } = scene();
    told(&mut store, "2023-03-01");
    let recenser = store.commitment_progress(commitment, Locale::Fr).unwrap().milestones[0].milestone_id;
    report(&mut store, commitment, recenser, "2023-03-01", ProgressStatus::Complete);
    assert_eq!(told(&mut store, "2023-03-01"), vec![], "a milestone complete is no longer on the list");
    // A correction says it is not complete after all: it is late again, and said again.
    report(&mut store, commitment, recenser, "2023-03-01", ProgressStatus::Substantial);
    assert_eq!(told(&mut store, "2023-03-01"), vec![late("Recenser")]);
    assert_eq!(told(&mut store, "2023-03-01"), vec![]);

    // A due date moved is a new item: said again, under its new date.
    store.edit_milestone(recenser, &MilestoneEdit::DueDate("2023-02-20".into())).unwrap();
    let news = store.take_due_news_on(day("2023-03-01")).unwrap();
    assert_eq!(news.len(), 1);
    assert_eq!((news[0].milestone_title.as_str(), news[0].due_date), ("Recenser", day("2023-02-20")));
}

#[test]
fn the_items_told_are_the_signed_in_persons_own() {
    let Scene { mut store, .. } = scene();
    sign_in(&mut store, "Haute Autorité pour la transparence de la vie publique", Role::Drafter);
    assert_eq!(told(&mut store, "2023-03-01"), vec![late("Publier")], "the HATVP's only");
    sign_in(&mut store, "Ministère de la Transition écologique", Role::Drafter);
    assert_eq!(told(&mut store, "2023-03-01"), vec![late("Recenser"), soon("Ouvrir")]);
}

#[test]
fn turned_off_the_laptop_stays_quiet_and_turned_on_again_tells_only_what_is_new_since() {
    let Scene { mut store, commitment, other } = scene();
    store.set_notifications_enabled(false).unwrap();
    assert!(!store.notifications_enabled().unwrap());
    assert_eq!(told(&mut store, "2023-03-01"), vec![]);
    milestone(&mut store, other, "Former", "2023-02-10");
    assert_eq!(told(&mut store, "2023-03-01"), vec![]);

    store.set_notifications_enabled(true).unwrap();
    assert!(store.notifications_enabled().unwrap());
    assert_eq!(told(&mut store, "2023-03-01"), vec![], "no backlog of what came while it was off");
    milestone(&mut store, commitment, "Consulter", "2023-03-20");
    assert_eq!(told(&mut store, "2023-03-01"), vec![soon("Consulter")]);
}
