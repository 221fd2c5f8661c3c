//! Bad input gets a 4xx with `{code, message}`: never a 500, never a partial write.

use serde_json::json;
use uuid::Uuid;

use crate::helpers::*;

#[test]
fn bad_requests_are_refused_with_a_code_and_a_french_message() {
    let (_dir, cast, server) = running();
    let token = cast.tokens["drafter"].as_str();

    // What is sent, with which token, and the status and code expected.
    type Case<'a> = (&'a str, Option<&'a str>, Vec<u8>, u16, &'a str);
    let cases: Vec<Case> = vec![
        ("malformed JSON", Some(token), b"{\"protocol\": 1, ".to_vec(), 400, "badRequest"),
        ("wrong types", Some(token), br#"{"protocol": "un", "since": -4}"#.to_vec(), 400, "badRequest"),
        ("binary garbage", Some(token), vec![0, 159, 146, 150, 255], 400, "badRequest"),
        (
            "unknown protocol version",
            Some(token),
            json!({"protocol": 99, "since": 0}).to_string().into_bytes(),
            409,
            "unsupportedProtocol",
        ),
        (
            "missing token",
            None,
            json!({"protocol": PROTOCOL_VERSION, "since": 0}).to_string().into_bytes(),
            401,
            "unauthorized",
        ),
        (
            "unknown token",
            Some("po_0000"),
            json!({"protocol": PROTOCOL_VERSION, "since": 0}).to_string().into_bytes(),
            401,
            "unauthorized",
        ),
        (
            "an older app's request of another shape is told to update, not that it is malformed",
            Some(token),
            json!({"protocol": 0, "cursor": "abc", "records": []}).to_string().into_bytes(),
            409,
            "unsupportedProtocol",
        ),
        (
            "a number larger than the database holds",
            Some(token),
            format!(r#"{{"protocol": {PROTOCOL_VERSION}, "since": 18446744073709551615}}"#).into_bytes(),
            400,
            "badRequest",
        ),
    ];
    for (what, token, body, status, code) in cases {
        let (got, reply) = server.post("/api/sync/pull", token, body);
        assert_eq!((got, reply["code"].as_str()), (status, Some(code)), "{what}");
        assert!(!reply["message"].as_str().unwrap_or("").is_empty(), "{what}: a message for people");
    }

    let oversized = vec![b' '; 9 * 1024 * 1024];
    let (status, reply) = server.post("/api/sync/push", Some(token), oversized);
    assert_eq!((status, reply["code"].as_str()), (413, Some("payloadTooLarge")));

    let (status, reply) = server.get("/api/nowhere", Some(token));
    assert_eq!((status, reply["code"].as_str()), (404, Some("notFound")));

    // The wrong method on a real address: 405 with the same body as every refusal.
    let (status, reply) = server.get("/api/sync/push", Some(token));
    assert_eq!((status, reply["code"].as_str()), (405, Some("methodNotAllowed")));
    assert!(!reply["message"].as_str().unwrap_or("").is_empty());

    // A mutation numbered beyond what the database holds is refused, and nothing is written.
    let laptop = Uuid::now_v7();
    let head = server.pull(token, 0).1["head"].clone();
    let mut huge = push_request(laptop, vec![create(laptop, 1, Uuid::now_v7(), &cast.ministry, "Titre")]);
    huge["mutations"][0]["id"]["seq"] = json!(u64::MAX);
    let (status, reply) = server.push(token, &huge);
    assert_eq!((status, reply["code"].as_str()), (400, Some("badRequest")));
    assert_eq!(server.pull(token, 0).1["head"], head);
}

#[test]
fn the_bearer_scheme_is_read_in_any_case() {
    let (_dir, cast, server) = running();
    let token = cast.tokens["drafter"].as_str();
    for scheme in ["bearer", "BEARER", "Bearer"] {
        let response = reqwest::blocking::Client::new()
            .get(format!("{}/api/me", server.url))
            .header("Authorization", format!("{scheme} {token}"))
            .send()
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "{scheme}");
    }
    let response = reqwest::blocking::Client::new()
        .get(format!("{}/api/me", server.url))
        .header("Authorization", format!("Basic {token}"))
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 401, "another scheme is not a bearer token");
}

#[test]
fn a_push_with_a_malformed_mutation_writes_nothing() {
    let (_dir, cast, server) = running();
    let token = cast.tokens["drafter"].as_str();
    let laptop = Uuid::now_v7();
    let (_, before) = server.pull(token, 0);
    let mut broken = push_request(laptop, vec![create(laptop, 1, Uuid::now_v7(), &cast.ministry, "Titre")]);
    broken["mutations"].as_array_mut().unwrap().push(json!({"id": {"client": laptop, "seq": 2}, "record": "?"}));
    let (status, _) = server.push(token, &broken);
    assert_eq!(status, 400);
    let (_, after) = server.pull(token, 0);
    assert_eq!(after, before, "nothing of the refused request was written");
}
