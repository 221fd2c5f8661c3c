//! Import of the OGP commitment database and export of a plan, through the app's commands (the
//! file dialogs answered beforehand, as the person would answer them).

use serde_json::json;

use crate::helpers::App;

fn sample() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/ogp/ogp-commitments-sample.csv");
    assert!(
        std::path::Path::new(path).exists(),
        "the OGP sample is expected at {path} (shared/ beside the repository)"
    );
    path.to_string()
}

#[test]
fn the_sample_is_imported_then_reimported_without_change_and_shows_its_assessment() {
    let app = App::start();
    app.pick_next(sample());
    let summary = app.ok("import_ogp_csv", json!({}));
    assert_eq!(summary["rows"], 405);
    assert_eq!(summary["plans"], json!({"created": 150, "updated": 0, "unchanged": 0}));
    assert_eq!(summary["commitments"], json!({"created": 405, "updated": 0, "unchanged": 0}));
    let created_institutions = summary["institutions"]["created"].as_u64().unwrap();
    assert!(created_institutions > 100, "{summary}");
    assert!(summary["warnings"].as_array().unwrap().iter().all(|w| w["row"].as_u64().unwrap() >= 2));

    app.pick_next(sample());
    let again = app.ok("import_ogp_csv", json!({}));
    assert_eq!(again["commitments"], json!({"created": 0, "updated": 0, "unchanged": 405}));
    assert_eq!(again["plans"], json!({"created": 0, "updated": 0, "unchanged": 150}));
    assert_eq!(again["institutions"]["created"], 0);

    let plans = app.ok("list_plans", json!({}));
    assert_eq!(plans.as_array().unwrap().len(), 150, "no duplicate plan");
    let france = plans
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"].as_str().unwrap().starts_with("France — Plan d'action 1"))
        .expect("France's first plan");
    let overview =
        app.ok("plan_overview", json!({"planId": france["id"], "filter": {"query": "", "institutionId": null}}));
    let first = overview["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["commitments"].as_array().unwrap().iter())
        .find(|c| c["title"] == "Open Regional and Local Authorities' Data")
        .expect("FR0001");
    let detail = app.ok("get_commitment", json!({"commitmentId": first["id"]}));
    let origin = &detail["origin"];
    assert_eq!(origin["ogpId"], "FR0001");
    assert_eq!(origin["number"], "1.1");
    assert_eq!(origin["assessment"]["specificity"], json!({"status": "assessed", "value": "high"}));
    assert_eq!(origin["assessment"]["openedGovernment"], json!({"status": "assessed", "value": "major"}));
    assert!(origin["fullText"].as_str().unwrap().starts_with("STAKES"));
    assert_eq!(detail["commitment"]["startDate"], json!(null), "NA is no date");
}

#[test]
fn a_file_that_cannot_be_read_is_refused_with_its_rows_and_nothing_is_written() {
    let app = App::start();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.csv");
    std::fs::write(&path, "Commitment Unique Identifier,Country/Locality\nFR0001,\"France\n").unwrap();
    app.pick_next(&path);
    let failure = app.err("import_ogp_csv", json!({}));
    assert_eq!(failure["code"], "validation");
    assert!(!failure["message"].as_str().unwrap().is_empty());
    assert_eq!(app.ok("list_plans", json!({})), json!([]));
    assert_eq!(app.ok("get_sync_status", json!({}))["pending"], 0, "nothing queued either");
}

#[test]
fn a_plan_is_exported_to_the_chosen_files() {
    let app = App::start();
    app.pick_next(sample());
    app.ok("import_ogp_csv", json!({}));
    let plans = app.ok("list_plans", json!({}));
    let plan = plans
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"].as_str().unwrap().starts_with("France — Plan d'action 1"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let json_path = dir.path().join("plan.json");
    app.pick_next(&json_path);
    let written = app.ok("export_plan", json!({"planId": plan["id"], "format": "json"}));
    assert_eq!(written, json!(json_path.display().to_string()));
    let document: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert!(document.to_string().contains("FR0001"));
    let csv_dir = dir.path().join("csv");
    app.pick_next(&csv_dir);
    app.ok("export_plan", json!({"planId": plan["id"], "format": "csv"}));
    assert!(std::fs::read_to_string(csv_dir.join("commitments.csv")).unwrap().contains("FR0001"));
    let html_path = dir.path().join("plan.html");
    app.pick_next(&html_path);
    app.ok("export_plan", json!({"planId": plan["id"], "format": "html"}));
    assert!(std::fs::read_to_string(&html_path).unwrap().contains("Open Regional and Local Authorities"));
}

#[test]
fn a_cancelled_dialog_imports_and_writes_nothing() {
    let app = App::start();
    assert_eq!(app.ok("import_ogp_csv", json!({})), json!(null));
    assert_eq!(app.ok("list_plans", json!({})), json!([]));
    let plan = app.ok("load_demo_plan", json!({}));
    assert_eq!(app.ok("export_plan", json!({"planId": plan["id"], "format": "json"})), json!(null));
}
