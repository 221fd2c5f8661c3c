//! The citizen jury through the real server, with hand-made requests: everything of a jury is
//! kept by the institution that runs it (not pulled, not written, not even confirmed by another
//! institution's drafter or coordinator; read but not written by its reader), fields set once,
//! values the app never sends, one sheet per juror and application under the id they make, the
//! sixteenth juror refused, and deletions: a juror after their sheets, a session with everything.

use serde_json::{json, Value};
use uuid::Uuid;

use plan_ouvert_sync::fields::score_sheet_id;

use crate::helpers::*;

/// What the jury's records hold that only the ministry's people may read.
const JUROR: &str = "Inès Moreau";
const EMAIL: &str = "collectif.quartiers@exemple.fr";

fn session_fields(institution: &str, places: Value) -> Value {
    json!({"planId": PLAN, "institutionId": institution, "title": "Promotion 2025", "heldOn": "2025-06-12",
           "places": places})
}

fn juror_fields(session: Uuid, name: &str) -> Value {
    json!({"sessionId": session, "name": name})
}

fn application_fields(session: Uuid, title: &str) -> Value {
    json!({"sessionId": session, "title": title, "applicant": "Collectif des quartiers",
           "summary": "Un budget participatif.\n\nPour chaque quartier.", "contactEmail": EMAIL,
           "reference": "AIC-2025-001"})
}

fn scored(scores: [u8; 5]) -> Value {
    let [general_interest, impact_for_all, project_quality, openness, state_support] = scores;
    json!({"kind": "scored", "scores": {"generalInterest": general_interest, "impactForAll": impact_for_all,
           "projectQuality": project_quality, "openness": openness, "stateSupport": state_support}})
}

fn abstained(reason: &str) -> Value {
    json!({"kind": "abstained", "reason": reason})
}

fn sheet_fields(session: Uuid, juror: Uuid, application: Uuid, verdict: Value) -> Value {
    json!({"sessionId": session, "jurorId": juror, "applicationId": application, "verdict": verdict})
}

/// A jury the ministry runs, typed on its drafter's laptop: a session, two jurors, two
/// applications, the first juror's scores for the first application and the second juror's
/// abstention on it.
struct Jury {
    session: Uuid,
    jurors: [Uuid; 2],
    applications: [Uuid; 2],
    /// The first juror's sheet for the first application, then the second's.
    sheets: [Uuid; 2],
}

impl Jury {
    /// Every record of it, as (kind, id) and with the fields the server holds.
    fn records(&self) -> Vec<(&'static str, Uuid, Value)> {
        let [first, second] = self.jurors;
        let [application, other] = self.applications;
        vec![
            ("jurySession", self.session, session_fields("", json!(2))),
            ("juror", first, juror_fields(self.session, JUROR)),
            ("juror", second, juror_fields(self.session, "Karim")),
            ("juryApplication", application, application_fields(self.session, "Budget participatif")),
            ("juryApplication", other, application_fields(self.session, "Jardins partagés")),
            ("scoreSheet", self.sheets[0], sheet_fields(self.session, first, application, scored([4, 3, 5, 2, 1]))),
            (
                "scoreSheet",
                self.sheets[1],
                sheet_fields(self.session, second, application, abstained("Membre du collectif.")),
            ),
        ]
    }
}

fn jury(server: &Server, cast: &Cast) -> Jury {
    let jurors = [Uuid::now_v7(), Uuid::now_v7()];
    let applications = [Uuid::now_v7(), Uuid::now_v7()];
    let sheets = jurors.map(|juror| score_sheet_id(juror, applications[0]));
    let jury = Jury { session: Uuid::now_v7(), jurors, applications, sheets };
    let laptop = Uuid::now_v7();
    let mutations: Vec<Value> = (1..)
        .zip(jury.records())
        .map(|(seq, (kind, id, mut fields))| {
            if kind == "jurySession" {
                fields["institutionId"] = json!(cast.ministry);
            }
            mutation(laptop, seq, kind, id, creation(fields))
        })
        .collect();
    let count = mutations.len();
    let (status, body) = server.push(&cast.tokens["drafter"], &push_request(laptop, mutations));
    assert_eq!((status, outcomes(&body)), (200, vec!["applied".to_string(); count]), "the jury: {body}");
    jury
}

/// The (kind, id) of every record of the jury.
fn keys(jury: &Jury) -> Vec<(String, String)> {
    jury.records().into_iter().map(|(kind, id, _)| key(kind, id)).collect()
}

#[test]
fn only_the_people_of_the_institution_that_runs_a_jury_receive_it() {
    let (_dir, cast, server) = running();
    let jury = jury(&server, &cast);
    // (who, receives the jury): the ministry's people, its reader included; not another
    // institution's drafter, nor the coordination, which is of another institution.
    for (who, theirs) in [("drafter2", true), ("reader", true), ("authority", false), ("coordinator", false)] {
        let (status, body) = server.pull(&cast.tokens[who], 0);
        assert_eq!(status, 200);
        let records = pulled(&body);
        for record in keys(&jury) {
            assert_eq!(records.contains(&record), theirs, "{who} receiving {record:?}");
        }
        let text = body.to_string();
        assert_eq!(
            text.contains(JUROR) || text.contains(EMAIL),
            theirs,
            "{who}: a juror's name, an applicant's address"
        );
    }
}

#[test]
fn another_institution_writes_nothing_of_a_jury_nor_does_its_reader() {
    let (_dir, cast, server) = running();
    let jury = jury(&server, &cast);
    let [first, _] = jury.jurors;
    let [application, other] = jury.applications;
    let seen = head(&server, &cast);
    for who in ["authority", "coordinator", "reader"] {
        let token = &cast.tokens[who];
        // Not even confirmed: each record's creation replayed with exactly the values it holds.
        for (kind, id, mut fields) in jury.records() {
            if kind == "jurySession" {
                fields["institutionId"] = json!(cast.ministry);
            }
            let replay = |l| mutation(l, 1, kind, id, creation(fields.clone()));
            assert_eq!(push_one(&server, token, replay), refused("forbidden"), "{who} replaying a {kind}");
            let erase = |l| mutation(l, 1, kind, id, deletion(seen));
            assert_eq!(push_one(&server, token, erase), refused("forbidden"), "{who} deleting a {kind}");
        }
        // Nothing new in it, nothing changed, and no session in the ministry's name.
        let sheet = score_sheet_id(first, other);
        let writes = [
            mutation(Uuid::nil(), 1, "juror", Uuid::now_v7(), creation(juror_fields(jury.session, "Lina"))),
            mutation(
                Uuid::nil(),
                1,
                "juryApplication",
                Uuid::now_v7(),
                creation(application_fields(jury.session, "Autre")),
            ),
            mutation(
                Uuid::nil(),
                1,
                "scoreSheet",
                sheet,
                creation(sheet_fields(jury.session, first, other, scored([1; 5]))),
            ),
            mutation(Uuid::nil(), 1, "jurySession", Uuid::now_v7(), creation(session_fields(&cast.ministry, json!(1)))),
            mutation(
                Uuid::nil(),
                1,
                "jurySession",
                jury.session,
                setting("title", json!("Reprise"), json!("Promotion 2025")),
            ),
            mutation(Uuid::nil(), 1, "juror", first, setting("name", json!("Quelqu'un"), json!(JUROR))),
            mutation(
                Uuid::nil(),
                1,
                "scoreSheet",
                jury.sheets[0],
                setting("verdict", scored([0; 5]), scored([4, 3, 5, 2, 1])),
            ),
        ];
        for write in writes {
            let from = |l: Uuid| {
                let mut write = write.clone();
                write["id"]["client"] = json!(l);
                write
            };
            assert_eq!(push_one(&server, token, from), refused("forbidden"), "{who}: {write}");
        }
    }
    // Left as the ministry typed it.
    assert_eq!(value(&server, &cast, "juror", first, "name"), json!(JUROR));
    assert_eq!(value(&server, &cast, "scoreSheet", jury.sheets[0], "verdict"), scored([4, 3, 5, 2, 1]));
    assert_eq!(value(&server, &cast, "jurySession", jury.session, "title"), json!("Promotion 2025"));
    assert!(pulled(&server.pull(&cast.tokens["drafter"], 0).1).contains(&key("juryApplication", application)));
    // The ministry's own creation sent again is done already.
    let replay = |l| mutation(l, 1, "juror", first, creation(juror_fields(jury.session, JUROR)));
    assert_eq!(push_one(&server, &cast.tokens["drafter2"], replay), applied());
}

#[test]
fn the_fields_that_decide_who_holds_a_jury_are_set_once() {
    let (_dir, cast, server) = running();
    let jury = jury(&server, &cast);
    let elsewhere = jury_elsewhere(&server, &cast);
    let [first, second] = jury.jurors;
    let [application, other] = jury.applications;
    let sheet = jury.sheets[0];
    let changes = [
        ("jurySession", jury.session, "institutionId", json!(cast.authority), json!(cast.ministry)),
        ("juror", first, "sessionId", json!(elsewhere), json!(jury.session)),
        ("juryApplication", application, "sessionId", json!(elsewhere), json!(jury.session)),
        ("scoreSheet", sheet, "sessionId", json!(elsewhere), json!(jury.session)),
        ("scoreSheet", sheet, "jurorId", json!(second), json!(first)),
        ("scoreSheet", sheet, "applicationId", json!(other), json!(application)),
    ];
    for who in ["drafter", "drafter2"] {
        for (kind, id, field, to, from) in &changes {
            let change = |l| mutation(l, 1, kind, *id, setting(field, to.clone(), from.clone()));
            assert_eq!(push_one(&server, &cast.tokens[who], change), refused("forbidden"), "{who}: {kind}.{field}");
        }
    }
    for (kind, id, field, _, from) in &changes {
        assert_eq!(&value(&server, &cast, kind, *id, field), from, "{kind}.{field} as it was");
    }
}

/// Another session the ministry runs, with nobody in it yet: its id.
fn jury_elsewhere(server: &Server, cast: &Cast) -> Uuid {
    let session = Uuid::now_v7();
    let fields = session_fields(&cast.ministry, json!(1));
    let open = |l| mutation(l, 1, "jurySession", session, creation(fields));
    assert_eq!(push_one(server, &cast.tokens["drafter"], open), applied());
    session
}

#[test]
fn values_the_app_never_sends_and_sheets_under_another_id_are_refused() {
    let (_dir, cast, server) = running();
    let jury = jury(&server, &cast);
    let drafter = &cast.tokens["drafter"];
    let [first, second] = jury.jurors;
    let [application, other] = jury.applications;
    let with = |mut fields: Value, field: &str, value: Value| {
        fields[field] = value;
        fields
    };
    let new = |kind: &'static str, fields: Value| (kind, Uuid::now_v7(), fields);
    let sheet = |verdict: Value| {
        ("scoreSheet", score_sheet_id(second, other), sheet_fields(jury.session, second, other, verdict))
    };
    let session = session_fields(&cast.ministry, json!(1));
    let invalid = [
        new("jurySession", with(session.clone(), "places", json!(0))),
        new("jurySession", with(session.clone(), "places", json!(11))),
        new("jurySession", with(session.clone(), "places", json!("3"))),
        new("jurySession", with(session.clone(), "title", json!(" Promotion 2025 "))),
        new("jurySession", with(session, "heldOn", json!("12/06/2025"))),
        new("juror", juror_fields(jury.session, " Lina ")),
        new("juror", juror_fields(jury.session, "")),
        new(
            "juryApplication",
            with(application_fields(jury.session, "Projet"), "contactEmail", json!("pas une adresse")),
        ),
        new("juryApplication", application_fields(jury.session, "Projet\u{7}")),
        sheet(scored([6, 0, 0, 0, 0])),
        sheet(abstained("")),
        sheet(abstained(" Membre du collectif. ")),
        sheet(json!({"kind": "withdrawn"})),
        sheet(json!({"kind": "scored", "scores": {"generalInterest": 1}})),
        // A second sheet of the first juror for the first application, under an id of its own.
        ("scoreSheet", Uuid::now_v7(), sheet_fields(jury.session, first, application, scored([1; 5]))),
        // The right id, for another juror and application than it names.
        ("scoreSheet", score_sheet_id(second, other), sheet_fields(jury.session, first, other, scored([1; 5]))),
    ];
    for (kind, id, fields) in invalid {
        let shown = fields.to_string();
        let create = |l| mutation(l, 1, kind, id, creation(fields));
        assert_eq!(push_one(&server, drafter, create), refused("invalid"), "{kind}: {shown}");
    }
    let was = scored([4, 3, 5, 2, 1]);
    let changes = [
        ("jurySession", jury.session, "places", json!(11), json!(2)),
        ("juror", first, "name", json!(format!("{JUROR} ")), json!(JUROR)),
        ("scoreSheet", jury.sheets[0], "verdict", scored([5, 5, 5, 5, 6]), was.clone()),
        ("scoreSheet", jury.sheets[0], "verdict", abstained(""), was.clone()),
    ];
    for (kind, id, field, to, from) in changes {
        let change = |l| mutation(l, 1, kind, id, setting(field, to.clone(), from.clone()));
        assert_eq!(push_one(&server, drafter, change), refused("invalid"), "{kind}.{field} = {to}");
    }
    assert_eq!(value(&server, &cast, "scoreSheet", jury.sheets[0], "verdict"), was);
    // A correction is the same record's verdict changed.
    let correct = |l| mutation(l, 1, "scoreSheet", jury.sheets[0], setting("verdict", scored([5; 5]), was.clone()));
    assert_eq!(push_one(&server, &cast.tokens["drafter2"], correct), applied());
    // What a jury's record names exists.
    let nowhere = Uuid::now_v7();
    let missing = [
        ("juror", Uuid::now_v7(), juror_fields(nowhere, "Lina")),
        ("juryApplication", Uuid::now_v7(), application_fields(nowhere, "Projet")),
        (
            "scoreSheet",
            score_sheet_id(nowhere, application),
            sheet_fields(jury.session, nowhere, application, scored([1; 5])),
        ),
    ];
    for (kind, id, fields) in missing {
        let create = |l| mutation(l, 1, kind, id, creation(fields));
        assert_eq!(push_one(&server, drafter, create), refused("missingReference"), "{kind}");
    }
}

#[test]
fn the_sixteenth_juror_is_refused_and_a_juror_or_an_application_goes_after_its_sheets() {
    let (_dir, cast, server) = running();
    let jury = jury(&server, &cast);
    let drafter = &cast.tokens["drafter"];
    let [first, second] = jury.jurors;
    let [application, _] = jury.applications;
    // Two jurors already: thirteen more fill the session, the sixteenth is refused.
    let join =
        |name: String| move |l| mutation(l, 1, "juror", Uuid::now_v7(), creation(juror_fields(jury.session, &name)));
    for n in 3..=15 {
        assert_eq!(push_one(&server, drafter, join(format!("Juré {n}"))), applied(), "juror {n}");
    }
    assert_eq!(push_one(&server, &cast.tokens["drafter2"], join("Juré 16".into())), refused("juryFull"));

    // Named by a sheet, a juror and an application stay.
    let seen = head(&server, &cast);
    for (kind, id) in [("juror", first), ("juryApplication", application)] {
        let delete = |l| mutation(l, 1, kind, id, deletion(seen));
        assert_eq!(push_one(&server, drafter, delete), refused("inUse"), "{kind}");
    }
    // As the app removes a juror: their sheets first, then them; the place is free again.
    let laptop = Uuid::now_v7();
    let removal = vec![
        mutation(laptop, 1, "scoreSheet", jury.sheets[0], deletion(seen)),
        mutation(laptop, 2, "juror", first, deletion(seen)),
    ];
    let (status, body) = server.push(drafter, &push_request(laptop, removal));
    assert_eq!((status, outcomes(&body)), (200, vec!["applied".to_string(); 2]), "{body}");
    assert_eq!(push_one(&server, drafter, join("Juré 16".into())), applied());
    let (_, body) = server.pull(&cast.tokens["drafter2"], seen);
    assert!(
        deleted(&body).contains(&key("juror", first)) && deleted(&body).contains(&key("scoreSheet", jury.sheets[0]))
    );
    assert!(!server.pull(&cast.tokens["drafter2"], 0).1.to_string().contains(JUROR), "the juror's name erased");

    // A sheet withdrawn comes back under its id when the juror scores the application again.
    let again = scored([2; 5]);
    let laptop = Uuid::now_v7();
    let withdraw_then_again = vec![
        mutation(laptop, 1, "scoreSheet", jury.sheets[1], deletion(head(&server, &cast))),
        mutation(
            laptop,
            2,
            "scoreSheet",
            jury.sheets[1],
            creation(sheet_fields(jury.session, second, application, again.clone())),
        ),
    ];
    let (status, body) = server.push(drafter, &push_request(laptop, withdraw_then_again));
    assert_eq!((status, outcomes(&body)), (200, vec!["applied".to_string(); 2]), "{body}");
    assert_eq!(value(&server, &cast, "scoreSheet", jury.sheets[1], "verdict"), again);
    assert!(!deleted(&server.pull(&cast.tokens["drafter2"], 0).1).contains(&key("scoreSheet", jury.sheets[1])));

    // The session goes with everything in it: the ministry's laptops are told, the others nothing.
    let before = head(&server, &cast);
    let delete = |l| mutation(l, 1, "jurySession", jury.session, deletion(before));
    assert_eq!(push_one(&server, drafter, delete), applied());
    for (who, theirs) in [("drafter2", true), ("reader", true), ("authority", false), ("coordinator", false)] {
        let (_, body) = server.pull(&cast.tokens[who], before);
        let gone = deleted(&body);
        for record in [key("jurySession", jury.session), key("juror", second), key("scoreSheet", jury.sheets[1])] {
            assert_eq!(gone.contains(&record), theirs, "{who} told {record:?} is gone");
        }
        let now = server.pull(&cast.tokens[who], 0).1;
        assert!(keys(&jury).iter().all(|r| !pulled(&now).contains(r)), "{who}");
        assert!(!now.to_string().contains(EMAIL) && !now.to_string().contains("Karim"), "{who}: erased");
    }
}
