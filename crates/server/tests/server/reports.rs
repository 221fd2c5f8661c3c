//! Progress reports through the real server, with hand-made requests: who may report on what,
//! a signature that must be the sender's own, an entry never changed nor deleted, and what was
//! reported on kept.

use serde_json::{json, Value};
use uuid::Uuid;

use crate::helpers::*;

/// Who a token belongs to, as the server says: (person id, name).
fn me(server: &Server, token: &str) -> (String, String) {
    let (status, body) = server.get("/api/me", Some(token));
    assert_eq!(status, 200);
    let person = &body["person"];
    (person["id"].as_str().unwrap().to_string(), person["name"].as_str().unwrap().to_string())
}

/// A report on `commitment` as the app writes it, signed by `who` for `institution`.
fn report(
    client: Uuid,
    seq: u64,
    record: Uuid,
    commitment: Uuid,
    signer: &(String, String),
    institution: &str,
    on_behalf: bool,
) -> Value {
    json!({"id": {"client": client, "seq": seq}, "record": {"kind": "report", "id": record},
           "change": {"op": "create", "fields": {
               "commitmentId": commitment, "milestoneId": null, "reportedOn": "2025-06-30", "status": "limited",
               "done": "Un premier jeu de données est publié.", "difficulties": "", "nextSteps": "", "results": "",
               "openedGovernment": null, "corrects": null,
               "links": [{"title": "Jeu de données", "url": "https://www.data.gouv.fr/"}],
               "authorId": signer.0, "authorName": signer.1, "institutionId": institution, "onBehalf": on_behalf}}})
}

#[test]
fn the_carrying_institution_reports_the_coordination_on_its_behalf_and_nobody_else() {
    let (_dir, cast, server) = running();
    let commitment = Uuid::now_v7();
    let laptop = Uuid::now_v7();
    let (status, _) = server.push(
        &cast.tokens["drafter"],
        &push_request(laptop, vec![create(laptop, 1, commitment, &cast.ministry, "Ouvrir les données")]),
    );
    assert_eq!(status, 200);
    let drafter = me(&server, &cast.tokens["drafter"]);
    let authority = me(&server, &cast.tokens["authority"]);
    let coordinator = me(&server, &cast.tokens["coordinator"]);
    let reader = me(&server, &cast.tokens["reader"]);
    let ministry = cast.ministry.as_str();

    // (who, signed as, for, on behalf, expected)
    let cases = [
        ("drafter", &drafter, ministry, false, applied()),
        ("drafter2", &drafter, ministry, false, refused("forbidden")), // someone else's signature
        ("drafter", &(drafter.0.clone(), "Quelqu'un d'autre".to_string()), ministry, false, refused("forbidden")),
        ("drafter", &drafter, ministry, true, refused("forbidden")), // not on anyone's behalf
        ("drafter", &drafter, cast.authority.as_str(), false, refused("forbidden")), // for another institution
        ("authority", &authority, ministry, true, refused("forbidden")),
        ("authority", &authority, cast.authority.as_str(), false, refused("forbidden")),
        ("reader", &reader, ministry, false, refused("forbidden")),
        ("coordinator", &coordinator, ministry, false, refused("forbidden")), // must say on whose behalf
        ("coordinator", &coordinator, ministry, true, applied()),
    ];
    let mut accepted = Vec::new();
    for (who, signer, institution, on_behalf, expected) in cases {
        let record = Uuid::now_v7();
        let got =
            push_one(&server, &cast.tokens[who], |l| report(l, 1, record, commitment, signer, institution, on_behalf));
        assert_eq!(got, expected, "{who} signing as {} for {institution}, on behalf: {on_behalf}", signer.1);
        if got == applied() {
            accepted.push(record.to_string());
        }
    }

    // Values no laptop writes are refused like any other field's.
    let record = Uuid::now_v7();
    let got = push_one(&server, &cast.tokens["drafter"], |l| {
        let mut r = report(l, 1, record, commitment, &drafter, ministry, false);
        r["change"]["fields"]["links"] = json!([{"title": "Piège", "url": "javascript:alert(1)"}]);
        r
    });
    assert_eq!(got, refused("invalid"));

    // The ministry's people and the coordination receive both entries; the authority neither.
    for (who, sees) in [("drafter", true), ("reader", true), ("coordinator", true), ("authority", false)] {
        let pulled = pulled_records(&server.pull(&cast.tokens[who], 0).1);
        for id in &accepted {
            assert_eq!(pulled.contains(id), sees, "{who} receiving report {id}");
        }
    }
}

#[test]
fn an_entry_is_never_changed_nor_deleted_and_what_it_reports_on_stays() {
    let (_dir, cast, server) = running();
    let commitment = Uuid::now_v7();
    let laptop = Uuid::now_v7();
    let drafter = me(&server, &cast.tokens["drafter"]);
    let record = Uuid::now_v7();
    let (status, body) = server.push(
        &cast.tokens["drafter"],
        &push_request(
            laptop,
            vec![
                create(laptop, 1, commitment, &cast.ministry, "Ouvrir les données"),
                report(laptop, 2, record, commitment, &drafter, &cast.ministry, false),
            ],
        ),
    );
    assert_eq!((status, outcomes(&body)), (200, vec!["applied".to_string(); 2]), "{body}");
    let head = server.pull(&cast.tokens["coordinator"], 0).1["head"].as_u64().unwrap();

    for who in ["drafter", "coordinator"] {
        let set = |l: Uuid| {
            json!({"id": {"client": l, "seq": 1}, "record": {"kind": "report", "id": record},
                   "change": {"op": "set", "field": "status", "value": "complete", "base": "limited"}})
        };
        assert_eq!(push_one(&server, &cast.tokens[who], set), refused("recorded"), "{who} changing a report");
        let delete = |l: Uuid| {
            json!({"id": {"client": l, "seq": 1}, "record": {"kind": "report", "id": record},
                   "change": {"op": "delete", "seen": head}})
        };
        assert_eq!(push_one(&server, &cast.tokens[who], delete), refused("recorded"), "{who} deleting a report");
        let delete_commitment = |l: Uuid| {
            json!({"id": {"client": l, "seq": 1}, "record": {"kind": "commitment", "id": commitment},
                   "change": {"op": "delete", "seen": head}})
        };
        assert_eq!(push_one(&server, &cast.tokens[who], delete_commitment), refused("hasReports"));
    }
    // A second creation under the same id is another record: refused, the first kept.
    let again = push_one(&server, &cast.tokens["drafter"], |l| {
        let mut r = report(l, 1, record, commitment, &drafter, &cast.ministry, false);
        r["change"]["fields"]["status"] = json!("complete");
        r
    });
    assert_eq!(again, refused("alreadyExists"));
    let changes = server.pull(&cast.tokens["drafter"], 0).1["changes"].clone();
    let status: Vec<&Value> = changes
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["record"]["id"] == json!(record.to_string()) && c["field"] == "status")
        .map(|c| &c["value"])
        .collect();
    assert_eq!(status, vec![&json!("limited")], "the entry as its author wrote it");
}

/// An upload of `bytes` as the chunk at `offset` of a file of `size` bytes: (status, body).
fn put_chunk(server: &Server, token: &str, sha: &str, size: usize, offset: usize, bytes: &[u8]) -> (u16, Value) {
    let response = reqwest::blocking::Client::new()
        .put(format!("{}/api/files/{sha}?size={size}&offset={offset}", server.url))
        .bearer_auth(token)
        .header("content-type", "application/octet-stream")
        .body(bytes.to_vec())
        .send()
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().unwrap_or(Value::Null))
}

/// A download of a file's bytes from `offset`: (status, bytes, the size the server says).
fn get_bytes(server: &Server, token: &str, sha: &str, offset: usize) -> (u16, Vec<u8>, Option<String>) {
    let response = reqwest::blocking::Client::new()
        .get(format!("{}/api/files/{sha}/content?offset={offset}", server.url))
        .bearer_auth(token)
        .send()
        .unwrap();
    let size = response.headers().get("x-file-size").and_then(|v| v.to_str().ok()).map(str::to_string);
    (response.status().as_u16(), response.bytes().unwrap().to_vec(), size)
}

fn sha256_hex(bytes: &[u8]) -> String {
    plan_ouvert_sync::files::sha256_hex(bytes)
}

#[test]
fn evidence_files_are_sent_in_chunks_checked_whole_and_read_only_by_those_who_see_a_report_naming_them() {
    let (_dir, cast, server) = running();
    let pdf: Vec<u8> = b"%PDF-1.7\n".iter().copied().chain((0..3_000u32).map(|i| (i % 251) as u8)).collect();
    let sha = sha256_hex(&pdf);
    let size = pdf.len();
    let drafter = &cast.tokens["drafter"];

    // Who may send files, and what is a file.
    assert_eq!(put_chunk(&server, &cast.tokens["reader"], &sha, size, 0, &pdf).0, 403, "a reader sends no file");
    assert_eq!(put_chunk(&server, drafter, "pas-une-empreinte", size, 0, &pdf).0, 400);
    assert_eq!(put_chunk(&server, drafter, &sha, 0, 0, &pdf[..0]).0, 400, "an empty file");
    assert_eq!(put_chunk(&server, drafter, &sha, 30 * 1024 * 1024, 0, &pdf[..10]).0, 400, "over the limit");
    let (status, _) = server.get(&format!("/api/files/{sha}"), Some(drafter));
    assert_eq!(status, 404, "nothing of it yet");

    // In two chunks, the second sent first (lost order): the server says where it stands.
    let (status, body) = put_chunk(&server, drafter, &sha, size, 1000, &pdf[1000..]);
    assert_eq!((status, body["kind"].as_str(), body["state"]["received"].as_u64()), (200, Some("elsewhere"), Some(0)));
    let (_, body) = put_chunk(&server, drafter, &sha, size, 0, &pdf[..1000]);
    assert_eq!((body["kind"].as_str(), body["state"]["received"].as_u64()), (Some("written"), Some(1000)));
    let (_, state) = server.get(&format!("/api/files/{sha}"), Some(drafter));
    assert_eq!(
        (state["received"].as_u64(), state["complete"].as_bool()),
        (Some(1000), Some(false)),
        "resume from 1000"
    );

    // A report naming it before it is whole is refused; the rest of the file, then the report.
    let commitment = Uuid::now_v7();
    let signer = me(&server, drafter);
    let with_file = |l: Uuid, seq: u64, record: Uuid| {
        let mut r = report(l, seq, record, commitment, &signer, &cast.ministry, false);
        r["change"]["fields"]["files"] =
            json!([{"sha256": sha, "name": "Bilan.pdf", "size": size, "mediaType": "application/pdf"}]);
        r
    };
    let laptop = Uuid::now_v7();
    let (_, body) = server.push(
        drafter,
        &push_request(
            laptop,
            vec![
                create(laptop, 1, commitment, &cast.ministry, "Ouvrir les données"),
                with_file(laptop, 2, Uuid::now_v7()),
            ],
        ),
    );
    assert_eq!(outcomes(&body), vec!["applied", "rejected"]);
    assert_eq!(body["results"][1]["outcome"]["refusal"], "fileMissing");
    // Damaged bytes at the end: the whole file does not hash to its name, and is started again.
    let mut damaged = pdf[1000..].to_vec();
    damaged[0] ^= 1;
    assert_eq!(put_chunk(&server, drafter, &sha, size, 1000, &damaged).1["kind"], "corrupt");
    let (_, state) = server.get(&format!("/api/files/{sha}"), Some(drafter));
    assert_eq!(state["code"], "notFound", "discarded");
    assert_eq!(put_chunk(&server, drafter, &sha, size, 0, &pdf).1["state"]["complete"], true);
    // Nobody reads a file no report names, not even who sent it.
    assert_eq!(get_bytes(&server, drafter, &sha, 0).0, 404);
    let (_, body) = server.push(drafter, &push_request(laptop, vec![with_file(laptop, 3, Uuid::now_v7())]));
    assert_eq!(outcomes(&body), vec!["applied"], "{body}");

    // Those who see the report read the file (from any offset); the other institution does not.
    for who in ["drafter", "drafter2", "reader", "coordinator"] {
        let (status, bytes, declared) = get_bytes(&server, &cast.tokens[who], &sha, 0);
        assert_eq!((status, bytes == pdf, declared), (200, true, Some(size.to_string())), "{who}");
    }
    assert_eq!(get_bytes(&server, drafter, &sha, 2_000).1, pdf[2_000..].to_vec(), "resumed download");
    assert_eq!(get_bytes(&server, &cast.tokens["authority"], &sha, 0).0, 404, "another institution");
    // Stored once: sending it again changes nothing.
    assert_eq!(put_chunk(&server, &cast.tokens["coordinator"], &sha, size, 0, &pdf).1["kind"], "elsewhere");
}

#[test]
fn reporting_rounds_are_opened_by_the_coordination_and_received_by_everyone() {
    let (_dir, cast, server) = running();
    let round = |l: Uuid, record: Uuid, opens: &str, due: &str| {
        json!({"id": {"client": l, "seq": 1}, "record": {"kind": "round", "id": record},
               "change": {"op": "create", "fields": {"planId": PLAN, "kind": "midTerm", "title": "Rapport à mi-parcours",
                   "opensOn": opens, "dueOn": due, "instructions": ""}}})
    };
    for who in ["drafter", "authority", "reader"] {
        let got = push_one(&server, &cast.tokens[who], |l| round(l, Uuid::now_v7(), "2025-06-01", "2025-07-15"));
        assert_eq!(got, refused("forbidden"), "{who} opening a round");
    }
    let got = push_one(&server, &cast.tokens["coordinator"], |l| round(l, Uuid::now_v7(), "2025-07-15", "2025-06-01"));
    assert_eq!(got, refused("invalid"), "due before it opens");
    let record = Uuid::now_v7();
    assert_eq!(
        push_one(&server, &cast.tokens["coordinator"], |l| round(l, record, "2025-06-01", "2025-07-15")),
        applied()
    );
    for who in ["drafter", "authority", "reader"] {
        assert!(pulled_records(&server.pull(&cast.tokens[who], 0).1).contains(&record.to_string()), "{who}");
    }
}
