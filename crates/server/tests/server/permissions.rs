//! The permission matrix: each role × own or other institution × read or write, through the
//! real HTTP API, including hand-made requests.

use serde_json::json;
use uuid::Uuid;

use crate::helpers::*;

#[test]
fn each_role_reads_and_writes_exactly_what_it_may() {
    let (_dir, cast, server) = running();

    // One commitment of the ministry, one of the independent authority, each created by its drafter.
    let ministry_record = Uuid::now_v7();
    let authority_record = Uuid::now_v7();
    let (status, r) = server.push(
        &cast.tokens["drafter"],
        &push_request(
            Uuid::now_v7(),
            vec![create(Uuid::nil(), 1, ministry_record, &cast.ministry, "Ouvrir les données")],
        ),
    );
    assert_eq!((status, outcomes(&r).len()), (200, 0), "a laptop cannot speak for another laptop id");
    let drafter_laptop = Uuid::now_v7();
    let (status, r) = server.push(
        &cast.tokens["drafter"],
        &push_request(
            drafter_laptop,
            vec![create(drafter_laptop, 1, ministry_record, &cast.ministry, "Ouvrir les données")],
        ),
    );
    assert_eq!((status, outcomes(&r)), (200, vec!["applied".to_string()]));
    let authority_laptop = Uuid::now_v7();
    let (status, r) = server.push(
        &cast.tokens["authority"],
        &push_request(
            authority_laptop,
            vec![create(authority_laptop, 1, authority_record, &cast.authority, "Publier les déclarations")],
        ),
    );
    assert_eq!((status, outcomes(&r)), (200, vec!["applied".to_string()]));

    // (who, own record, other record, may read own, may read other, may write own, may write other)
    let matrix = [
        ("drafter", ministry_record, authority_record, true, false, true, false),
        ("authority", authority_record, ministry_record, true, false, true, false),
        ("coordinator", ministry_record, authority_record, true, true, true, true),
        ("reader", ministry_record, authority_record, true, false, false, false),
    ];
    for (who, own, other, read_own, read_other, write_own, write_other) in matrix {
        let token = &cast.tokens[who];
        let (status, pulled) = server.pull(token, 0);
        assert_eq!(status, 200);
        let seen = pulled_records(&pulled);
        assert_eq!(seen.contains(&own.to_string()), read_own, "{who} reading its own institution's record");
        assert_eq!(seen.contains(&other.to_string()), read_other, "{who} reading another institution's record");

        for (record, allowed, what) in [(own, write_own, "own"), (other, write_other, "other")] {
            let laptop = Uuid::now_v7();
            let (_, before) = server.pull(&cast.tokens["coordinator"], 0);
            let current = before["changes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["record"]["id"] == json!(record) && c["field"] == "title")
                .map(|c| c["value"].as_str().unwrap().to_string())
                .unwrap();
            let (status, body) = server.push(
                token,
                &push_request(laptop, vec![set(laptop, 1, record, "title", &format!("{who} {what}"), &current)]),
            );
            if allowed {
                assert_eq!((status, outcomes(&body)), (200, vec!["applied".to_string()]), "{who} writing {what}");
            } else {
                assert_eq!(status, 403, "{who} writing {what} must be refused with 403");
                assert_eq!(body["code"], "forbidden");
                assert_eq!(body["results"][0]["outcome"]["refusal"], "forbidden");
                let (_, after) = server.pull(&cast.tokens["coordinator"], 0);
                let now = after["changes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|c| c["record"]["id"] == json!(record) && c["field"] == "title")
                    .unwrap()["value"]
                    .clone();
                assert_eq!(now, json!(current), "{who}'s refused write left no trace");
            }
        }
    }
}

#[test]
fn engagement_areas_are_seen_by_everyone_and_changed_only_by_coordinators() {
    let (_dir, cast, server) = running();
    let area = |laptop: Uuid, record: Uuid| {
        json!({"id": {"client": laptop, "seq": 1}, "record": {"kind": "area", "id": record},
               "change": {"op": "create", "fields": {"planId": PLAN, "kind": "thematic", "position": 1,
                          "title": "Accélérer la transition écologique", "description": ""}}})
    };
    let laptop = Uuid::now_v7();
    let (status, body) =
        server.push(&cast.tokens["drafter"], &push_request(laptop, vec![area(laptop, Uuid::now_v7())]));
    assert_eq!((status, body["code"].as_str()), (403, Some("forbidden")), "a drafter does not restructure the plan");

    let laptop = Uuid::now_v7();
    let record = Uuid::now_v7();
    let (status, body) = server.push(&cast.tokens["coordinator"], &push_request(laptop, vec![area(laptop, record)]));
    assert_eq!((status, outcomes(&body)), (200, vec!["applied".to_string()]));
    for who in ["drafter", "authority", "reader"] {
        let (_, pulled) = server.pull(&cast.tokens[who], 0);
        assert!(pulled_records(&pulled).contains(&record.to_string()), "{who} sees the plan's areas");
    }
}
