//! The holes found in review, each through the real server with hand-made requests: a child
//! created under a deleted parent, a deletion over an unseen edit, values no laptop can read, a
//! reused mutation number, a laptop identity of another person, a database put back from a
//! backup, who owns what, and a text merge the server must not spend itself on.

use serde_json::{json, Value};
use uuid::Uuid;

use crate::helpers::*;

fn milestone(client: Uuid, seq: u64, record: Uuid, commitment: Uuid, title: &str) -> Value {
    json!({"id": {"client": client, "seq": seq}, "record": {"kind": "milestone", "id": record},
           "change": {"op": "create", "fields": {"commitmentId": commitment, "position": 0, "title": title}}})
}

fn delete(client: Uuid, seq: u64, kind: &str, record: Uuid, seen: u64) -> Value {
    json!({"id": {"client": client, "seq": seq}, "record": {"kind": kind, "id": record},
           "change": {"op": "delete", "seen": seen}})
}

fn refusal(response: &Value, index: usize) -> String {
    response["results"][index]["outcome"]["refusal"].as_str().unwrap_or("?").to_string()
}

/// A commitment of the ministry, created by its drafter; returns its id.
fn commitment(server: &Server, cast: &Cast) -> Uuid {
    let laptop = Uuid::now_v7();
    let record = Uuid::now_v7();
    let (status, r) = server.push(
        &cast.tokens["drafter"],
        &push_request(laptop, vec![create(laptop, 1, record, &cast.ministry, "Ouvrir les données")]),
    );
    assert_eq!((status, outcomes(&r)), (200, vec!["applied".to_string()]), "{r}");
    record
}

fn head(server: &Server, token: &str) -> u64 {
    server.pull(token, 0).1["head"].as_u64().unwrap()
}

#[test]
fn a_milestone_added_to_a_commitment_deleted_meanwhile_is_refused_not_lost() {
    let (_dir, cast, server) = running();
    let record = commitment(&server, &cast);
    let coordinator = Uuid::now_v7();
    let seen = head(&server, &cast.tokens["coordinator"]);
    let (_, r) = server.push(
        &cast.tokens["coordinator"],
        &push_request(coordinator, vec![delete(coordinator, 1, "commitment", record, seen)]),
    );
    assert_eq!(outcomes(&r), ["applied"]);
    // The drafter, offline meanwhile, adds a milestone to it.
    let laptop = Uuid::now_v7();
    let (_, r) = server.push(
        &cast.tokens["drafter"],
        &push_request(laptop, vec![milestone(laptop, 1, Uuid::now_v7(), record, "Publier le jeu de données")]),
    );
    assert_eq!((outcomes(&r), refusal(&r, 0)), (vec!["rejected".to_string()], "missingReference".to_string()));
    // The same with a commitment in an engagement area that does not exist.
    let mut orphan = create(laptop, 2, Uuid::now_v7(), &cast.ministry, "Sans axe");
    orphan["change"]["fields"]["areaId"] = json!(Uuid::now_v7());
    let (_, r) = server.push(&cast.tokens["drafter"], &push_request(laptop, vec![orphan]));
    assert_eq!(refusal(&r, 0), "missingReference");
}

#[test]
fn a_deletion_never_erases_an_edit_its_author_did_not_see() {
    let (_dir, cast, server) = running();
    let record = commitment(&server, &cast);
    let milestone_id = Uuid::now_v7();
    let coordinator = Uuid::now_v7();
    let seen = head(&server, &cast.tokens["coordinator"]);
    // After the coordinator last synced, the drafter adds a milestone.
    let laptop = Uuid::now_v7();
    let (_, r) = server.push(
        &cast.tokens["drafter"],
        &push_request(laptop, vec![milestone(laptop, 1, milestone_id, record, "Publier le jeu de données")]),
    );
    assert_eq!(outcomes(&r), ["applied"]);
    let (_, r) = server.push(
        &cast.tokens["coordinator"],
        &push_request(coordinator, vec![delete(coordinator, 1, "commitment", record, seen)]),
    );
    assert_eq!((outcomes(&r), refusal(&r, 0)), (vec!["rejected".to_string()], "changedMeanwhile".to_string()));
    assert!(pulled_records(&server.pull(&cast.tokens["drafter"], 0).1).contains(&milestone_id.to_string()));
    // Having seen it, the coordinator deletes the commitment, and its milestone goes with it.
    let seen = head(&server, &cast.tokens["coordinator"]);
    let (_, r) = server.push(
        &cast.tokens["coordinator"],
        &push_request(coordinator, vec![delete(coordinator, 2, "commitment", record, seen)]),
    );
    assert_eq!(outcomes(&r), ["applied"]);
    let (_, pulled) = server.pull(&cast.tokens["drafter"], seen);
    let deleted: Vec<String> =
        pulled["deleted"].as_array().unwrap().iter().map(|d| d[0]["id"].as_str().unwrap().to_string()).collect();
    assert!(deleted.contains(&record.to_string()) && deleted.contains(&milestone_id.to_string()), "{pulled}");
    assert!(!pulled_records(&server.pull(&cast.tokens["drafter"], 0).1).contains(&milestone_id.to_string()));
}

#[test]
fn the_server_stores_only_values_a_laptop_can_read() {
    let (_dir, cast, server) = running();
    let record = commitment(&server, &cast);
    let token = &cast.tokens["drafter"];
    let laptop = Uuid::now_v7();
    let hostile: Vec<(&str, Value, Value)> = vec![
        ("title", json!(42), json!("Ouvrir les données")),
        ("title", json!("é".repeat(1_001)), json!("Ouvrir les données")),
        ("title", json!("  Ouvrir les données  "), json!("Ouvrir les données")),
        ("title", json!(""), json!("Ouvrir les données")),
        ("problem", json!("a".repeat(50_001)), json!("P0.\n\nP1.")),
        ("problem", json!("texte\u{7}"), json!("P0.\n\nP1.")),
        ("contactEmail", json!("pas une adresse"), json!("")),
        ("position", json!(-1), json!(0)),
        ("startDate", json!("2025-02-30"), Value::Null),
        ("leadInstitutionId", json!(cast.ministry.to_uppercase()), json!(cast.ministry)),
        ("assessment", json!({"specificity": "high"}), Value::Null),
        ("noSuchField", json!("x"), Value::Null),
        // The value the person "saw" is one no server ever held: no merge is attempted.
        ("problem", json!("P0.\n\nP1 modifié."), json!("b".repeat(60_000))),
    ];
    let before = server.pull(token, 0).1;
    for (seq, (field, value, base)) in hostile.into_iter().enumerate() {
        let mutation = json!({"id": {"client": laptop, "seq": seq + 1}, "record": {"kind": "commitment", "id": record},
                              "change": {"op": "set", "field": field, "value": value, "base": base}});
        let (status, r) = server.push(token, &push_request(laptop, vec![mutation]));
        assert_eq!((status, refusal(&r, 0)), (200, "invalid".to_string()), "{field}: {r}");
    }
    assert_eq!(server.pull(token, 0).1, before, "nothing was stored");
    // A creation without what a record cannot be without is refused too.
    let mut untitled = create(laptop, 14, Uuid::now_v7(), &cast.ministry, "x");
    untitled["change"]["fields"].as_object_mut().unwrap().remove("title");
    let (_, r) = server.push(token, &push_request(laptop, vec![untitled]));
    assert_eq!(refusal(&r, 0), "invalid");
}

#[test]
fn an_institutions_country_is_a_field_like_the_others() {
    let (_dir, cast, server) = running();
    commitment(&server, &cast);
    let coordinator = &cast.tokens["coordinator"];
    let laptop = Uuid::now_v7();
    let set = |seq: u64, value: Value| {
        json!({"id": {"client": laptop, "seq": seq}, "record": {"kind": "institution", "id": cast.ministry},
               "change": {"op": "set", "field": "country", "value": value, "base": null}})
    };
    // (Created before institutions had a country: the server holds none, the base is null.)
    // Read by the one parser of values: too long, or not a text, is refused and not stored.
    for (seq, hostile) in [json!("x".repeat(201)), json!(33)].into_iter().enumerate() {
        let (_, r) = server.push(coordinator, &push_request(laptop, vec![set(seq as u64 + 1, hostile)]));
        assert_eq!(refusal(&r, 0), "invalid", "{r}");
    }
    // A drafter may not change the list of institutions; the coordination may.
    let drafter = Uuid::now_v7();
    let mutation = json!({"id": {"client": drafter, "seq": 1}, "record": {"kind": "institution", "id": cast.ministry},
                          "change": {"op": "set", "field": "country", "value": "France", "base": null}});
    let (_, r) = server.push(&cast.tokens["drafter"], &push_request(drafter, vec![mutation]));
    assert_eq!(refusal(&r, 0), "forbidden", "{r}");
    let (_, r) = server.push(coordinator, &push_request(laptop, vec![set(3, json!("France"))]));
    assert_eq!(outcomes(&r), ["applied"]);
    let (_, pulled) = server.pull(&cast.tokens["reader"], 0);
    let country = pulled["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["record"]["id"] == cast.ministry.as_str() && c["field"] == "country")
        .map(|c| c["value"].clone());
    assert_eq!(country, Some(json!("France")), "{pulled}");
}

#[test]
fn another_change_under_a_number_already_used_is_not_taken_for_the_first() {
    let (_dir, cast, server) = running();
    let record = commitment(&server, &cast);
    let token = &cast.tokens["drafter"];
    let laptop = Uuid::now_v7();
    let first = set(laptop, 1, record, "title", "Titre du premier ordinateur", "Ouvrir les données");
    let (_, r) = server.push(token, &push_request(laptop, vec![first.clone()]));
    assert_eq!(outcomes(&r), ["applied"]);
    // The same change again (an answer lost) gets the same answer.
    let (_, again) = server.push(token, &push_request(laptop, vec![first]));
    assert_eq!(again["results"], r["results"]);
    // Another change under the same number (a copy of the data folder): not taken for it.
    let copy = set(laptop, 1, record, "problem", "Texte du second ordinateur.", "P0.\n\nP1.");
    let (_, r) = server.push(token, &push_request(laptop, vec![copy]));
    assert_eq!((outcomes(&r).len(), r["identityReusedAt"].clone()), (0, json!(1)), "{r}");
    // A laptop identity is its first person's: another person's push under it is the same case.
    let next = set(laptop, 2, record, "title", "Titre", "Titre du premier ordinateur");
    let (_, r) = server.push(&cast.tokens["drafter2"], &push_request(laptop, vec![next]));
    assert_eq!((outcomes(&r).len(), r["identityReusedAt"].clone()), (0, json!(2)), "{r}");
}

#[test]
fn a_database_put_back_from_a_backup_starts_a_new_history_and_says_what_it_lost() {
    let (_dir, db) = fresh_db();
    let cast = cast(&db);
    let server = Server::start(&db);
    structure(&server, &cast);
    let record = commitment(&server, &cast);
    let token = &cast.tokens["drafter"];
    let (_, before) = server.pull(token, 0);
    let timeline = before["timeline"].clone();
    drop(server);
    let backup = db.with_extension("backup");
    rusqlite::Connection::open(&db).unwrap().execute("VACUUM INTO ?1", [backup.to_str().unwrap()]).unwrap();

    // A change of the day, acknowledged; then the backup is put back.
    let server = Server::start(&db);
    let laptop = Uuid::now_v7();
    let (_, r) = server.push(
        token,
        &push_request(laptop, vec![set(laptop, 1, record, "title", "Titre du jour", "Ouvrir les données")]),
    );
    assert_eq!(outcomes(&r), ["applied"]);
    drop(server);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    std::fs::copy(&backup, &db).unwrap();
    let said = admin(&db, &["restored"]).unwrap();
    assert!(said.contains("historique"), "{said}");

    let server = Server::start(&db);
    let (_, after) = server.pull(token, 0);
    assert_ne!(after["timeline"]["id"], timeline["id"], "a new history");
    assert_eq!(after["timeline"]["parent"], timeline["id"]);
    assert_eq!(after["timeline"]["from"], before["head"]);
    // The laptop says it had number 1 acknowledged; the server has no trace of it.
    let mut request = push_request(laptop, vec![]);
    request["acknowledged"] = json!(1);
    let (_, r) = server.push(token, &request);
    assert_eq!(r["lostFrom"], 1, "{r}");
}

#[test]
fn records_belong_to_their_lead_institution_and_milestones_to_their_commitment() {
    let (_dir, cast, server) = running();
    // The coordinator creates a commitment led by the ministry: the ministry's drafters see it
    // and may edit it.
    let coordinator = Uuid::now_v7();
    let record = Uuid::now_v7();
    let (_, r) = server.push(
        &cast.tokens["coordinator"],
        &push_request(coordinator, vec![create(coordinator, 1, record, &cast.ministry, "Engagement de la DITP")]),
    );
    assert_eq!(outcomes(&r), ["applied"]);
    assert!(pulled_records(&server.pull(&cast.tokens["drafter"], 0).1).contains(&record.to_string()));
    let drafter = Uuid::now_v7();
    let (_, r) = server.push(
        &cast.tokens["drafter"],
        &push_request(
            drafter,
            vec![set(drafter, 1, record, "title", "Repris par le ministère", "Engagement de la DITP")],
        ),
    );
    assert_eq!(outcomes(&r), ["applied"]);
    // The authority's drafter cannot attach a milestone to it (nor create a commitment led by
    // the ministry).
    let other = Uuid::now_v7();
    let (status, r) = server.push(
        &cast.tokens["authority"],
        &push_request(other, vec![milestone(other, 1, Uuid::now_v7(), record, "Jalon d'ailleurs")]),
    );
    assert_eq!((status, refusal(&r, 0)), (403, "forbidden".to_string()));
    // A drafter may not give a commitment to another institution; the coordinator may, and it
    // then leaves the ministry's laptops and reaches the authority's, milestones included.
    let milestone_id = Uuid::now_v7();
    let (_, r) = server.push(
        &cast.tokens["drafter"],
        &push_request(
            drafter,
            vec![
                milestone(drafter, 2, milestone_id, record, "Publier"),
                json!({"id": {"client": drafter, "seq": 3}, "record": {"kind": "commitment", "id": record},
                       "change": {"op": "set", "field": "leadInstitutionId", "value": cast.authority, "base": cast.ministry}}),
            ],
        ),
    );
    assert_eq!((outcomes(&r)[0].as_str(), refusal(&r, 1)), ("applied", "forbidden".to_string()));
    let seen = head(&server, &cast.tokens["drafter"]);
    let (_, r) = server.push(
        &cast.tokens["coordinator"],
        &push_request(
            coordinator,
            vec![json!({"id": {"client": coordinator, "seq": 2}, "record": {"kind": "commitment", "id": record},
                        "change": {"op": "set", "field": "leadInstitutionId", "value": cast.authority, "base": cast.ministry}})],
        ),
    );
    assert_eq!(outcomes(&r), ["applied"]);
    let (_, pulled) = server.pull(&cast.tokens["drafter"], seen);
    let hidden: Vec<String> =
        pulled["hidden"].as_array().unwrap().iter().map(|h| h[0]["id"].as_str().unwrap().to_string()).collect();
    assert!(hidden.contains(&record.to_string()) && hidden.contains(&milestone_id.to_string()), "{pulled}");
    let theirs = pulled_records(&server.pull(&cast.tokens["authority"], 0).1);
    assert!(theirs.contains(&record.to_string()) && theirs.contains(&milestone_id.to_string()));
}

#[test]
fn the_largest_texts_merge_without_stalling_the_server() {
    let (_dir, cast, server) = running();
    let record = commitment(&server, &cast);
    let token = &cast.tokens["drafter"];
    // Two people each rewrite a part of a text nearly as long as the app accepts, in 2,000
    // paragraphs (the most that are merged), every version of the same length.
    let text = |changed: std::ops::Range<usize>, by: &str| {
        (0..2_000)
            .map(|i| {
                if changed.contains(&i) {
                    format!("Alinéa {i:04} revu : {by}.")
                } else {
                    format!("Alinéa {i:04} original.")
                }
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let base = text(0..0, "");
    assert!((40_000..=50_000).contains(&base.chars().count()), "{}", base.chars().count());
    let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
    let (_, r) = server.push(token, &push_request(a, vec![set(a, 1, record, "problem", &base, "P0.\n\nP1.")]));
    assert_eq!(outcomes(&r), ["applied"]);
    let (_, r) = server.push(token, &push_request(a, vec![set(a, 2, record, "problem", &text(0..10, "A"), &base)]));
    assert_eq!(outcomes(&r), ["applied"]);
    let started = std::time::Instant::now();
    let (_, r) =
        server.push(token, &push_request(b, vec![set(b, 1, record, "problem", &text(1_990..2_000, "B"), &base)]));
    let merged = r["results"][0]["outcome"]["value"].as_str().unwrap_or("").to_string();
    let elapsed = started.elapsed();
    assert_eq!(outcomes(&r), ["merged"]);
    assert!(merged.contains("Alinéa 0000 revu : A.") && merged.contains("Alinéa 1999 revu : B."));
    // Not a timing assertion: the measure is in BENCHMARKS.md; this only prints it.
    eprintln!("largest merge answered in {elapsed:?}");
}
