//! Exchange files through the commands, between two apps of their own (two laptops, no network):
//! a workshop written with or without who took part, its file refused on the laptop that wrote
//! it, cut short or changed; imported on the other laptop once (its changes waiting to be relayed,
//! counted in the sync status), then again without effect; every change not yet sent written too.

use serde_json::{json, Value};

use crate::helpers::{laptop_with_workshop, App, PROPOSAL};

fn message(failure: &Value) -> &str {
    failure["message"].as_str().unwrap()
}

#[test]
fn a_workshop_carried_on_a_file_is_taken_in_once_on_another_laptop_and_waits_to_be_relayed() {
    let (writer, workshop) = laptop_with_workshop();
    let dir = tempfile::tempdir().unwrap();
    let scope = json!({"kind": "workshop", "workshopId": workshop});

    // A cancelled dialog writes nothing.
    assert_eq!(writer.ok("write_exchange", json!({"scope": scope, "personalData": true})), Value::Null);

    let with = dir.path().join("with.planouvert");
    writer.pick_next(&with);
    let saved = writer.ok("write_exchange", json!({"scope": scope, "personalData": true}));
    assert_eq!(saved["path"], with.display().to_string());
    let written = &saved["written"];
    assert_eq!(written["personalData"], true, "{saved}");
    assert!(
        written["records"].as_u64().unwrap() >= 6,
        "plan, area, institution, workshop, participant, identity…: {saved}"
    );
    assert!(written["changes"].as_u64().unwrap() > 0, "nothing was sent yet: {saved}");
    let bytes = std::fs::read(&with).unwrap();
    assert_eq!(written["bytes"], bytes.len() as u64);
    assert!(bytes.starts_with(b"PLAN-OUVERT-BUNDLE 1 "));
    assert!(String::from_utf8_lossy(&bytes).contains("awa@example.org"));

    // Without who took part, neither the name nor the address is in any byte.
    let without = dir.path().join("without.planouvert");
    writer.pick_next(&without);
    let saved = writer.ok("write_exchange", json!({"scope": scope, "personalData": false}));
    assert_eq!(saved["written"]["personalData"], false, "{saved}");
    let text = String::from_utf8_lossy(&std::fs::read(&without).unwrap()).into_owned();
    assert!(!text.contains("Awa") && !text.contains("awa@example.org"));

    // The laptop that wrote it has nothing to take from it.
    writer.pick_next(&with);
    let own = writer.err("import_exchange", json!({}));
    assert_eq!(own["code"], "validation");
    assert!(message(&own).contains("écrit par ce poste"), "{own}");

    // Another laptop: everything added, the writer's changes taken in and kept to relay.
    let other = App::start();
    assert_eq!(other.ok("import_exchange", json!({})), Value::Null, "a cancelled dialog imports nothing");
    other.pick_next(&with);
    let imported = other.ok("import_exchange", json!({}));
    assert_eq!(imported["already"], false);
    assert_eq!(imported["writer"], "un autre poste", "nobody signed in on the writer: {imported}");
    assert_eq!(imported["workshopTitle"], "Atelier transparence");
    assert_eq!(imported["workshopId"], workshop);
    assert_eq!(imported["recordsAdded"], written["records"], "{imported}");
    assert_eq!(imported["changesToRelay"], written["changes"], "{imported}");
    assert!(imported["writtenAt"].as_str().unwrap().starts_with("20"), "{imported}");
    assert_eq!(other.ok("get_sync_status", json!({}))["relay"], written["changes"]);
    let detail = other.ok("get_workshop", json!({"workshopId": workshop}));
    assert_eq!(detail["participants"][0]["identity"]["name"], "Awa");
    assert_eq!(detail["contributions"][0]["contribution"]["text"], PROPOSAL);

    // The same file again changes nothing.
    other.pick_next(&with);
    let again = other.ok("import_exchange", json!({}));
    assert_eq!(again["already"], true, "{again}");
    assert_eq!((again["recordsAdded"].clone(), again["changesToRelay"].clone()), (json!(0), json!(0)));
    assert_eq!(other.ok("get_sync_status", json!({}))["relay"], written["changes"]);
}

#[test]
fn a_file_cut_short_or_changed_is_refused_with_the_reason_and_nothing_taken_in() {
    let (writer, workshop) = laptop_with_workshop();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("atelier.planouvert");
    writer.pick_next(&path);
    writer.ok("write_exchange", json!({"scope": {"kind": "workshop", "workshopId": workshop}, "personalData": false}));
    let bytes = std::fs::read(&path).unwrap();

    let other = App::start();
    let cut = dir.path().join("cut.planouvert");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    other.pick_next(&cut);
    let refused = other.err("import_exchange", json!({}));
    assert_eq!(refused["code"], "validation");
    assert!(message(&refused).contains("incomplet"), "{refused}");

    let mut changed = bytes.clone();
    let at = changed.iter().rposition(|b| *b == b'A').unwrap();
    changed[at] = b'B';
    let changed_path = dir.path().join("changed.planouvert");
    std::fs::write(&changed_path, &changed).unwrap();
    other.pick_next(&changed_path);
    let refused = other.err("import_exchange", json!({}));
    assert!(message(&refused).contains("modifié depuis qu'il a été écrit"), "{refused}");

    assert_eq!(other.ok("list_plans", json!({})), json!([]), "nothing taken in");
    assert_eq!(other.ok("get_sync_status", json!({}))["relay"], 0);
}

#[test]
fn every_change_not_yet_sent_is_written_for_another_laptop_to_relay() {
    let (writer, _) = laptop_with_workshop();
    let pending = writer.ok("get_sync_status", json!({}))["pending"].clone();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unsent.planouvert");
    writer.pick_next(&path);
    let saved = writer.ok("write_exchange", json!({"scope": {"kind": "unsent"}, "personalData": true}));
    assert_eq!(saved["written"]["changes"], pending, "{saved}");

    let other = App::start();
    other.pick_next(&path);
    let imported = other.ok("import_exchange", json!({}));
    assert_eq!(imported["workshopTitle"], Value::Null);
    assert_eq!(imported["changesToRelay"], pending);
    assert_eq!(other.ok("list_plans", json!({}))[0]["title"], "France — Plan d'action national 2021-2023");
}
