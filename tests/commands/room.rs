//! A workshop room through the commands, between two apps of their own in this process, over
//! loopback: one opens its workshop, the other joins with a wrong code (refused, in French, next
//! to the code) then the right one and receives the workshop; a contribution typed on the joiner
//! reaches the room at the next exchange; the room's status counts the laptops that exchanged
//! lately (the joiner, once however often) and says when the last did; the room closed, the
//! joiner's status says so and its data stays.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::helpers::{laptop_with_workshop, App, PROPOSAL};

/// The room's address as the joiner types it: loopback with the room's port (both apps run here).
fn loopback(room: &Value) -> String {
    let port = room["address"].as_str().unwrap().rsplit(':').next().unwrap();
    format!("127.0.0.1:{port}")
}

/// Waits until `check` holds (a background exchange every 3 seconds), for at most 15 seconds.
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !check() {
        assert!(Instant::now() < deadline, "{what} did not happen");
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn texts(app: &App, workshop: &Value) -> Vec<String> {
    let detail = app.ok("get_workshop", json!({"workshopId": workshop}));
    detail["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["contribution"]["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_laptop_joins_a_room_receives_its_workshop_and_its_contributions_reach_the_room() {
    let (host, workshop) = laptop_with_workshop();
    assert_eq!(host.ok("get_room", json!({})), Value::Null);
    let room = host.ok("open_room", json!({"subject": {"kind": "workshop", "workshopId": workshop}}));
    assert_eq!(room["subject"], json!({"kind": "workshop", "workshopId": workshop}));
    let code = room["code"].as_str().unwrap().to_string();
    assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()), "{room}");
    assert!(room["address"].as_str().unwrap().contains(':'), "{room}");
    assert_eq!((room["recentLaptops"].clone(), room["recentMinutes"].clone()), (json!(0), json!(5)), "{room}");
    assert_eq!(room["lastExchangeAt"], Value::Null);
    assert_eq!(host.ok("get_room", json!({})), room);

    let guest = App::start();
    let address = loopback(&room);
    assert_eq!(guest.ok("get_room_link", json!({})), Value::Null);

    // An address that is not one, and a wrong code: refused next to their field, in French.
    let refused = guest.err("join_room", json!({"subject": null, "address": "salle 204", "code": code}));
    assert_eq!(refused["code"], "validation");
    assert_eq!(refused["fields"][0]["field"], "address", "{refused}");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let refused = guest.err("join_room", json!({"subject": null, "address": address, "code": wrong}));
    assert_eq!(refused["code"], "validation");
    assert_eq!(refused["fields"][0]["field"], "code", "{refused}");
    assert!(refused["message"].as_str().unwrap().starts_with("Ce code n'est pas celui de la salle"), "{refused}");
    assert_eq!(guest.ok("get_room_link", json!({})), Value::Null, "a refused join is no link");

    // The right code: the workshop arrives at once, with who took part (the same institution here).
    let joined = guest.ok("join_room", json!({"subject": null, "address": address, "code": code}));
    assert_eq!(joined["imported"]["workshopId"], workshop, "{joined}");
    assert_eq!(joined["link"]["subject"]["workshopId"], workshop);
    assert_eq!(joined["link"]["lastError"], Value::Null);
    assert!(joined["link"]["lastExchangeAt"].as_str().unwrap().starts_with("20"), "{joined}");
    assert_eq!(texts(&guest, &workshop), [PROPOSAL]);
    assert!(guest.ok("get_sync_status", json!({}))["revision"].as_u64().unwrap() > 0, "the screens read again");

    // A contribution typed on the joiner is on the room's laptop after the next exchange, and the
    // room's screens are told.
    let revision = host.ok("get_sync_status", json!({}))["revision"].as_u64().unwrap();
    guest.ok(
        "add_contribution",
        json!({"workshopId": workshop, "participantId": null,
               "input": {"kind": "proposal", "text": "Et les agendas des cabinets ?", "aboutCommitmentId": null,
                         "aboutMilestoneId": null, "proposalIds": []}}),
    );
    eventually("the contribution reaching the room", || texts(&host, &workshop).len() == 2);
    assert!(texts(&host, &workshop).contains(&"Et les agendas des cabinets ?".to_string()));
    eventually("the room's screens told", || {
        host.ok("get_sync_status", json!({}))["revision"].as_u64().unwrap() > revision
    });

    // The room counts the joiner once, however often it exchanged, and says when it last did.
    let status = host.ok("get_room", json!({}));
    assert_eq!(status["recentLaptops"], 1, "{status}");
    assert!(status["lastExchangeAt"].as_str().unwrap().starts_with("20"), "{status}");
    assert_eq!(
        (status["code"].clone(), status["subject"]["workshopId"].clone()),
        (room["code"].clone(), workshop.clone())
    );

    // The room closed: the joiner's status says the room does not answer, and it keeps everything.
    host.ok("close_room", json!({}));
    assert_eq!(host.ok("get_room", json!({})), Value::Null);
    eventually("the joiner noticing", || guest.ok("get_room_link", json!({}))["lastError"].is_string());
    let link = guest.ok("get_room_link", json!({}));
    assert!(link["lastError"].as_str().unwrap().starts_with("La salle ne répond pas"), "{link}");
    assert_eq!(link["address"], address);
    assert_eq!(texts(&guest, &workshop).len(), 2, "the joiner's data stays");

    guest.ok("leave_room", json!({}));
    assert_eq!(guest.ok("get_room_link", json!({})), Value::Null);
}
