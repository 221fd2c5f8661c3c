//! Sync through the real server: replays change nothing, and a server killed between a push and
//! its acknowledgement loses nothing it acknowledged.

use uuid::Uuid;

use crate::helpers::*;

#[test]
fn replaying_the_same_push_changes_nothing_and_gets_the_same_answer() {
    let (_dir, cast, server) = running();
    let token = &cast.tokens["drafter"];
    let laptop = Uuid::now_v7();
    let record = Uuid::now_v7();
    let request = push_request(
        laptop,
        vec![
            create(laptop, 1, record, &cast.ministry, "Titre"),
            set(laptop, 2, record, "title", "Titre révisé", "Titre"),
        ],
    );
    let (status, first) = server.push(token, &request);
    assert_eq!(status, 200);
    let (_, pulled) = server.pull(token, 0);
    for _ in 0..3 {
        let (status, again) = server.push(token, &request);
        assert_eq!((status, &again), (200, &first), "a replay gets the stored answer");
    }
    let (_, pulled_again) = server.pull(token, 0);
    assert_eq!(pulled_again, pulled, "a replay writes nothing");
    assert_eq!(first["nextExpected"], 3);
}

#[test]
fn a_mutation_after_a_gap_waits_for_the_missing_one() {
    let (_dir, cast, server) = running();
    let token = &cast.tokens["drafter"];
    let laptop = Uuid::now_v7();
    let record = Uuid::now_v7();
    let (_, r) = server.push(token, &push_request(laptop, vec![set(laptop, 2, record, "title", "B", "A")]));
    assert_eq!((outcomes(&r).len(), r["nextExpected"].clone()), (0, serde_json::json!(1)));
    let (_, r) = server.push(
        token,
        &push_request(
            laptop,
            vec![create(laptop, 1, record, &cast.ministry, "A"), set(laptop, 2, record, "title", "B", "A")],
        ),
    );
    assert_eq!(outcomes(&r), ["applied", "applied"]);
}

#[test]
fn two_drafters_editing_the_same_commitment_merge_or_conflict_field_by_field() {
    let (_dir, cast, server) = running();
    let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
    let record = Uuid::now_v7();
    server.push(&cast.tokens["drafter"], &push_request(a, vec![create(a, 1, record, &cast.ministry, "Titre")]));
    // Both saw "Titre" and "P0.\n\nP1."; A edits the first paragraph and the title, B the second
    // paragraph and the title.
    let (_, r) = server.push(
        &cast.tokens["drafter"],
        &push_request(
            a,
            vec![
                set(a, 2, record, "problem", "P0 de A.\n\nP1.", "P0.\n\nP1."),
                set(a, 3, record, "title", "Titre de A", "Titre"),
            ],
        ),
    );
    assert_eq!(outcomes(&r), ["applied", "applied"]);
    let (_, r) = server.push(
        &cast.tokens["drafter2"],
        &push_request(
            b,
            vec![
                set(b, 1, record, "problem", "P0.\n\nP1 de B.", "P0.\n\nP1."),
                set(b, 2, record, "title", "Titre de B", "Titre"),
            ],
        ),
    );
    assert_eq!(outcomes(&r), ["merged", "conflict"]);
    assert_eq!(r["results"][0]["outcome"]["value"], "P0 de A.\n\nP1 de B.");
    assert_eq!(r["results"][1]["outcome"]["theirs"], "Titre de A");
}

#[test]
fn a_server_killed_between_push_and_acknowledgement_keeps_what_it_processed() {
    let (_dir, db) = fresh_db();
    let cast = cast(&db);
    let token = &cast.tokens["drafter"];
    let laptop = Uuid::now_v7();
    let record = Uuid::now_v7();
    let request = push_request(
        laptop,
        vec![
            create(laptop, 1, record, &cast.ministry, "Titre"),
            set(laptop, 2, record, "problem", "P0.\n\nP1.\n\nP2.", "P0.\n\nP1."),
        ],
    );

    let server = Server::start(&db);
    structure(&server, &cast);
    let (status, answered) = server.push(token, &request);
    assert_eq!(status, 200);
    server.kill(); // The laptop never read that answer: it will send the same push again.

    let server = Server::start(&db);
    let (status, replayed) = server.push(token, &request);
    assert_eq!((status, &replayed), (200, &answered), "the stored outcomes survived the kill");
    let (_, pulled) = server.pull(token, 0);
    let problem = pulled["changes"].as_array().unwrap().iter().find(|c| c["field"] == "problem").unwrap();
    assert_eq!(problem["value"], "P0.\n\nP1.\n\nP2.");
}

#[test]
fn a_large_pull_comes_in_pages_that_together_hold_everything() {
    let (_dir, cast, server) = running();
    let token = &cast.tokens["drafter"];
    let laptop = Uuid::now_v7();
    let mutations =
        (1..=5).map(|seq| create(laptop, seq, Uuid::now_v7(), &cast.ministry, &format!("Engagement {seq}"))).collect();
    assert_eq!(server.push(token, &push_request(laptop, mutations)).0, 200);
    let (_, everything) = server.pull(token, 0);
    assert_eq!(everything["more"], false);
    let all = everything["changes"].as_array().unwrap().clone();
    assert!(all.len() >= 5);

    let mut since = 0;
    let mut paged = Vec::new();
    loop {
        let body = serde_json::json!({"protocol": PROTOCOL_VERSION, "since": since, "limit": 2}).to_string();
        let (status, page) = server.post("/api/sync/pull", Some(token), body);
        assert_eq!(status, 200);
        let changes = page["changes"].as_array().unwrap();
        assert!(changes.len() <= 2, "a page holds at most the limit");
        paged.extend(changes.iter().cloned());
        let head = page["head"].as_u64().unwrap();
        assert!(head > since || page["more"] == false);
        since = head;
        if page["more"] == false {
            break;
        }
    }
    assert_eq!(paged, all, "the pages, in order, are the whole answer");
    assert_eq!(since, everything["head"].as_u64().unwrap());
}

#[test]
fn a_pull_is_compressed_only_when_the_laptop_asks_and_says_the_same() {
    let (_dir, cast, server) = running();
    let token = &cast.tokens["drafter"];
    let laptop = Uuid::now_v7();
    let mutations = (1..=40)
        .map(|seq| create(laptop, seq, Uuid::now_v7(), &cast.ministry, &format!("Engagement numéro {seq}")))
        .collect();
    assert_eq!(server.push(token, &push_request(laptop, mutations)).0, 200);
    let body = serde_json::json!({"protocol": PROTOCOL_VERSION, "since": 0}).to_string();
    let ask = |encoding: Option<&str>| {
        let mut request = reqwest::blocking::Client::new()
            .post(format!("{}/api/sync/pull", server.url))
            .bearer_auth(token)
            .header("content-type", "application/json")
            .body(body.clone());
        if let Some(encoding) = encoding {
            request = request.header("accept-encoding", encoding);
        }
        let response = request.send().expect("a response");
        assert_eq!(response.status().as_u16(), 200);
        let encoding = response.headers().get("content-encoding").map(|v| v.to_str().unwrap().to_string());
        (encoding, response.bytes().unwrap().to_vec())
    };
    let (plain_encoding, plain) = ask(None);
    assert_eq!(plain_encoding, None, "not asked, not compressed");
    let (encoding, compressed) = ask(Some("gzip"));
    assert_eq!(encoding.as_deref(), Some("gzip"));
    let mut unpacked = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&compressed[..]), &mut unpacked).unwrap();
    let same: serde_json::Value = serde_json::from_slice(&unpacked).unwrap();
    assert_eq!(same, serde_json::from_slice::<serde_json::Value>(&plain).unwrap(), "the same answer");
    assert!(compressed.len() * 3 < plain.len(), "{} bytes compressed, {} plain", compressed.len(), plain.len());
    // An encoding the server does not speak: the answer as it is.
    assert_eq!(ask(Some("br;q=1, identity;q=0.5")).0, None);
}

#[test]
fn a_long_pull_says_once_how_many_records_are_still_to_come_among_those_the_person_sees() {
    let (_dir, cast, server) = running();
    let token = &cast.tokens["drafter"];
    let laptop = Uuid::now_v7();
    let mutations =
        (1..=6).map(|seq| create(laptop, seq, Uuid::now_v7(), &cast.ministry, &format!("Engagement {seq}"))).collect();
    assert_eq!(server.push(token, &push_request(laptop, mutations)).0, 200);
    let (_, everything) = server.pull(token, 0);
    let page = |token: &str, body: serde_json::Value| {
        let (status, answer) = server.post("/api/sync/pull", Some(token), body.to_string());
        assert_eq!(status, 200, "{answer}");
        answer
    };
    // The records with a change after a version, counted by hand from a whole answer.
    let after_in = |everything: &serde_json::Value, head: u64| {
        let records: std::collections::BTreeSet<(String, String)> = everything["changes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["version"].as_u64().unwrap() > head)
            .map(|c| (c["record"]["kind"].to_string(), c["record"]["id"].to_string()))
            .collect();
        records.len() as u64
    };
    let after = |head: u64| after_in(&everything, head);

    let first = page(token, serde_json::json!({"protocol": PROTOCOL_VERSION, "since": 0, "limit": 3, "count": true}));
    assert_eq!(first["more"], true);
    let head = first["head"].as_u64().unwrap();
    assert!(after(head) >= 6, "the six commitments at least are still to come");
    assert_eq!(first["remaining"].as_u64(), Some(after(head)));

    // Not asked: not counted (it is asked once, with a long pull's first page).
    let next = page(token, serde_json::json!({"protocol": PROTOCOL_VERSION, "since": head, "limit": 3}));
    assert!(next.get("remaining").is_none(), "{next}");
    // A page that holds everything leaves nothing to come.
    let whole = page(token, serde_json::json!({"protocol": PROTOCOL_VERSION, "since": 0, "count": true}));
    assert_eq!((whole["more"].clone(), whole["remaining"].as_u64()), (serde_json::json!(false), Some(0)));

    // A drafter of another institution counts only what they may see (not the ministry's
    // commitments), as their whole answer holds it.
    let (_, theirs) = server.pull(&cast.tokens["authority"], 0);
    let other = page(
        &cast.tokens["authority"],
        serde_json::json!({"protocol": PROTOCOL_VERSION, "since": 0, "limit": 3, "count": true}),
    );
    let expected = after_in(&theirs, other["head"].as_u64().unwrap());
    assert_eq!(other["remaining"].as_u64(), Some(expected));
    assert!(expected < after(other["head"].as_u64().unwrap()), "fewer than the ministry's drafter");
    // A deleted commitment is no longer counted.
    let last_commitment =
        everything["changes"].as_array().unwrap().iter().rev().find(|c| c["record"]["kind"] == "commitment").unwrap();
    let gone = last_commitment["record"]["id"].as_str().unwrap().to_string();
    let delete = serde_json::json!({"id": {"client": laptop, "seq": 7},
        "record": {"kind": "commitment", "id": gone}, "change": {"op": "delete"}});
    assert_eq!(server.push(token, &push_request(laptop, vec![delete])).0, 200);
    let again = page(token, serde_json::json!({"protocol": PROTOCOL_VERSION, "since": 0, "limit": 3, "count": true}));
    assert_eq!(again["remaining"].as_u64(), Some(after(again["head"].as_u64().unwrap()) - 1));
}
