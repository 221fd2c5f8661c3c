//! A citizen jury scored on two laptops of the ministry that runs it, against the real server:
//! the same juror's sheet typed on both is one record — the same verdict taken twice, another
//! one refused and kept among the refusals with what was typed, never lost and never a second
//! sheet —, both laptops rank the applications alike, and the laptops of another institution
//! and of the coordination never hold any of it.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::sync::Mutex;

use common::{office_of, set_up_plan, synced};
use plan_ouvert_domain::*;
use plan_ouvert_store::Store;
use plan_ouvert_sync::access::Role;
use plan_ouvert_sync::fields::score_sheet_id;
use plan_ouvert_sync::protocol::{Change, RecordKind, Refusal};

const MINISTRY: &str = "Ministère de la Transition écologique";
const HATVP: &str = "Haute Autorité pour la transparence de la vie publique";

fn scores(juror: JurorId, application: JuryApplicationId, each: [i32; 5]) -> ScoreSheetInput {
    let scores =
        JuryCriterion::ALL.iter().zip(each).map(|(criterion, score)| CriterionScore { criterion: *criterion, score });
    ScoreSheetInput {
        juror_id: juror,
        application_id: application,
        verdict: VerdictInput::Scores { scores: scores.collect() },
    }
}

fn application(title: &str, reference: &str) -> JuryApplicationInput {
    JuryApplicationInput {
        title: title.into(),
        applicant: "Collectif des quartiers".into(),
        summary: "Un budget participatif par quartier.".into(),
        contact_email: "collectif@exemple.fr".into(),
        reference: reference.into(),
    }
}

fn hand_in(store: &Mutex<Store>, sheet: &ScoreSheetInput) {
    store.lock().unwrap().hand_in_score_sheet(sheet).unwrap();
}

/// The rows of a table of a laptop's database file.
fn rows(db: &Path, table: &str) -> u32 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_laptops_score_the_same_jury_and_no_other_institution_holds_any_of_it() {
    let office = office_of(
        &[(MINISTRY, "MTE", "ministry"), (HATVP, "HATVP", "independentAuthority")],
        &[
            ("dominique", "MTE", Role::Drafter),
            ("camille", "MTE", Role::Drafter),
            ("hugo", "HATVP", Role::Drafter),
            ("claire", "DITP", Role::Coordinator),
        ],
    )
    .await;
    let servers = &office.servers;
    let (first, second, authority, coordinator) =
        (&office.laptops[0], &office.laptops[1], &office.laptops[2], &office.laptops[3]);
    let (plan, ministry, _) = set_up_plan(coordinator, MINISTRY, "MTE", InstitutionKind::Ministry);
    synced(&servers[3], coordinator).await;
    synced(&servers[0], first).await;

    // On the first laptop: the session, two jurors, three applications, the first sheets.
    let (session, jurors, applications) = {
        let mut store = first.lock().unwrap();
        let input = JurySessionInput { title: "Promotion 2026".into(), held_on: "2026-04-02".into(), places: Some(2) };
        let session = store.create_jury_session(plan, ministry, &input).unwrap().id;
        let jurors: Vec<JurorId> = ["Inès Moreau", "Karim"]
            .iter()
            .map(|name| store.add_juror(session, &JurorInput { name: (*name).into() }).unwrap().id)
            .collect();
        let applications: Vec<JuryApplicationId> =
            [("Budget participatif", "AIC-1"), ("Jardins partagés", "AIC-2"), ("Repair café", "AIC-3")]
                .iter()
                .map(|(title, reference)| {
                    store.add_jury_application(session, &application(title, reference)).unwrap().id
                })
                .collect();
        (session, jurors, applications)
    };
    hand_in(first, &scores(jurors[0], applications[0], [5, 4, 4, 3, 2]));
    hand_in(first, &scores(jurors[1], applications[0], [3, 3, 3, 3, 3]));
    synced(&servers[0], first).await;
    synced(&servers[1], second).await;

    // A sheet withdrawn, then handed in again: the same record, gone then back on both laptops.
    first.lock().unwrap().withdraw_score_sheet(jurors[1], applications[0]).unwrap();
    synced(&servers[0], first).await;
    synced(&servers[1], second).await;
    let held = |store: &Mutex<Store>| store.lock().unwrap().jury_session(session).unwrap().sheets;
    assert_eq!(held(second).len(), 1, "withdrawn");
    let again = scores(jurors[1], applications[0], [1, 2, 3, 4, 5]);
    hand_in(first, &again);
    synced(&servers[0], first).await;
    synced(&servers[1], second).await;
    synced(&servers[0], first).await;
    for store in [first, second] {
        let sheets = held(store);
        let back = sheets.iter().find(|s| s.juror_id == jurors[1] && s.application_id == applications[0]);
        assert_eq!(back.map(|s| &s.verdict), Some(&JuryVerdict::Scored { scores: verdict_of(&again) }));
    }

    // Apart, both laptops take the second juror's sheet for the second application, with
    // different scores, and the first juror's for the third, alike; the second laptop corrects
    // a sheet it received.
    let apart =
        (scores(jurors[1], applications[1], [4, 4, 4, 4, 4]), scores(jurors[1], applications[1], [1, 1, 1, 1, 1]));
    let alike = scores(jurors[0], applications[2], [2, 2, 3, 3, 1]);
    hand_in(first, &apart.0);
    hand_in(first, &alike);
    hand_in(second, &apart.1);
    hand_in(second, &alike);
    hand_in(second, &scores(jurors[0], applications[0], [5, 5, 4, 3, 2]));
    synced(&servers[0], first).await;
    servers[1].sync(second).await.unwrap();

    // The second laptop's other verdict is not lost: it is among the refusals, as typed, the
    // first laptop's having reached the server first.
    let refusals = second.lock().unwrap().sync_rejections().unwrap();
    let sheet = score_sheet_id(jurors[1].0, applications[1].0);
    let refused: Vec<_> = refusals.iter().map(|r| (r.mutation.record.kind, r.mutation.record.id, r.refusal)).collect();
    assert_eq!(refused, [(RecordKind::ScoreSheet, sheet, Refusal::AlreadyExists)], "only the sheet typed apart");
    let Change::Create { fields } = &refusals[0].mutation.change else { panic!("a creation") };
    assert_eq!(fields["verdict"], serde_json::to_value(JuryVerdict::Scored { scores: verdict_of(&apart.1) }).unwrap());
    synced(&servers[0], first).await;

    // Both laptops hold the same sheets — one per juror and application — and rank alike.
    let (one, two) =
        (first.lock().unwrap().jury_session(session).unwrap(), second.lock().unwrap().jury_session(session).unwrap());
    assert_eq!(one.sheets.len(), 4, "{:?}", one.sheets);
    let sorted = |sheets: &[ScoreSheet]| {
        let mut sheets = sheets.to_vec();
        sheets.sort_by_key(|s| (s.juror_id.to_string(), s.application_id.to_string()));
        sheets
    };
    assert_eq!(sorted(&one.sheets), sorted(&two.sheets));
    assert_eq!(one.ranking, two.ranking);
    let kept = one.sheets.iter().find(|s| s.juror_id == jurors[1] && s.application_id == applications[1]).unwrap();
    assert_eq!(kept.verdict, JuryVerdict::Scored { scores: verdict_of(&apart.0) }, "the first laptop's, sent first");
    let corrected = one.sheets.iter().find(|s| s.juror_id == jurors[0] && s.application_id == applications[0]).unwrap();
    assert_eq!(
        corrected.verdict,
        JuryVerdict::Scored { scores: verdict_of(&scores(jurors[0], applications[0], [5, 5, 4, 3, 2])) }
    );
    assert_eq!(one.ranking.ranked.len(), 3);

    // The HATVP's laptop and the coordination's receive the plan, not the jury.
    synced(&servers[2], authority).await;
    synced(&servers[3], coordinator).await;
    for store in [authority, coordinator] {
        let store = store.lock().unwrap();
        assert!(store.jury_sessions(plan).unwrap().is_empty());
        assert!(store.jury_session(session).is_err());
    }
    let (_dir, _db, files) = office.stop().await;
    for (laptop, theirs) in [(0, 1), (1, 1), (2, 0), (3, 0)] {
        let held: Vec<u32> = ["jury_session", "juror", "jury_application", "score_sheet"]
            .iter()
            .map(|t| rows(&files[laptop], t))
            .collect();
        let expected = if theirs == 1 { vec![1, 2, 3, 4] } else { vec![0; 4] };
        assert_eq!(held, expected, "laptop {laptop}'s jury tables");
    }
}

/// The scores a sheet as typed stands for, as the store keeps them.
fn verdict_of(sheet: &ScoreSheetInput) -> JuryScores {
    let VerdictInput::Scores { scores } = &sheet.verdict else { panic!("scores") };
    let by = |criterion| scores.iter().find(|s| s.criterion == criterion).unwrap().score as u8;
    serde_json::from_value(serde_json::json!({
        "generalInterest": by(JuryCriterion::GeneralInterest), "impactForAll": by(JuryCriterion::ImpactForAll),
        "projectQuality": by(JuryCriterion::ProjectQuality), "openness": by(JuryCriterion::Openness),
        "stateSupport": by(JuryCriterion::StateSupport)}))
    .unwrap()
}
