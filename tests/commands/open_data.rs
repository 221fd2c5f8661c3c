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

/// Reads the sample and imports the plans chosen (all of them when `all`, else those the
/// import chose by default: France's).
fn import_sample(app: &App, all: bool) -> (serde_json::Value, serde_json::Value) {
    app.pick_next(sample());
    let preview = app.ok("read_ogp_csv", json!({}));
    let plans: Vec<serde_json::Value> = preview["plans"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| all || p["ownCountry"] == true)
        .map(|p| p["id"].clone())
        .collect();
    let summary = app.ok("import_ogp_plans", json!({ "plans": plans }));
    (preview, summary)
}

#[test]
fn the_sample_is_previewed_then_imported_by_choice_then_reimported_without_change() {
    let app = App::start();
    app.pick_next(sample());
    let preview = app.ok("read_ogp_csv", json!({}));
    assert_eq!(preview["rows"], 405);
    assert_eq!(preview["ownCountry"], "France");
    let plans = preview["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 150);
    // The own country's plans come first and are the only ones chosen by default.
    let french: Vec<&serde_json::Value> = plans.iter().filter(|p| p["ownCountry"] == true).collect();
    assert!(!french.is_empty() && french.iter().all(|p| p["country"] == "France"));
    assert!(plans[..french.len()].iter().all(|p| p["ownCountry"] == true));
    let total: u64 = plans.iter().map(|p| p["commitments"].as_u64().unwrap()).sum();
    assert_eq!(total, 405);
    // Reading wrote nothing and queued nothing.
    assert_eq!(app.ok("list_plans", json!({})), json!([]));
    assert_eq!(app.ok("get_sync_status", json!({}))["pending"], 0);

    // What would be sent is said before anything is written.
    let ids: Vec<serde_json::Value> = plans.iter().map(|p| p["id"].clone()).collect();
    let french_ids: Vec<serde_json::Value> = french.iter().map(|p| p["id"].clone()).collect();
    let would = app.ok("preview_ogp_import", json!({ "plans": french_ids }));
    assert!(would["queued"].as_u64().unwrap() > 0);
    assert_eq!(would["keptHere"], 0);
    assert_eq!(would["importId"], json!(null));
    assert_eq!(app.ok("list_plans", json!({})), json!([]), "a preview writes nothing");
    assert_eq!(app.ok("get_sync_status", json!({}))["pending"], 0, "nor queues anything");

    let summary = app.ok("import_ogp_plans", json!({ "plans": ids }));
    assert_eq!(summary["plans"], json!({"created": 150, "updated": 0, "unchanged": 0}));
    assert_eq!(summary["commitments"], json!({"created": 405, "updated": 0, "unchanged": 0}));
    // Only France's records are queued; the other countries' stay here.
    assert_eq!(summary["queued"], would["queued"], "{summary}");
    assert!(summary["keptHere"].as_u64().unwrap() > 1000, "{summary}");
    assert_eq!(app.ok("get_sync_status", json!({}))["pending"], would["queued"]);
    assert!(summary["warnings"].as_array().unwrap().iter().all(|w| w["row"].as_u64().unwrap() >= 2));
    assert!(summary["warnings"].as_array().unwrap().iter().all(|w| !w["commitmentId"].is_null()));

    app.pick_next(sample());
    app.ok("read_ogp_csv", json!({}));
    let again = app.ok("import_ogp_plans", json!({ "plans": ids }));
    assert_eq!(again["commitments"], json!({"created": 0, "updated": 0, "unchanged": 405}));
    assert_eq!(again["plans"], json!({"created": 0, "updated": 0, "unchanged": 150}));
    assert_eq!(again["institutions"]["created"], 0);
    assert_eq!(again["queued"], 0);

    let plans = app.ok("list_plans", json!({}));
    assert_eq!(plans.as_array().unwrap().len(), 150, "no duplicate plan");
    let france = plans
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title"].as_str().unwrap().starts_with("France — Plan d'action 1"))
        .expect("France's first plan");
    assert_eq!(france["library"], false);
    assert_eq!(france["periodInYears"], true, "the database gives a plan's years only");
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
    // The pickers of a French plan offer no other country's institution.
    let offered = detail["institutions"].as_array().unwrap();
    assert!(!offered.is_empty());
    assert!(offered.iter().all(|i| i["country"] == "France" || i["country"] == ""), "{offered:?}");
}

#[test]
fn another_countrys_plan_is_a_read_only_library_kept_here() {
    let app = App::start();
    import_sample(&app, true);
    let plans = app.ok("list_plans", json!({}));
    let kenya = plans.as_array().unwrap().iter().find(|p| p["country"] == "Kenya").expect("a plan of Kenya");
    assert_eq!(kenya["library"], true);
    let overview =
        app.ok("plan_overview", json!({"planId": kenya["id"], "filter": {"query": "", "institutionId": null}}));
    assert_eq!(overview["commitmentsReadOnly"], json!({"kind": "library", "country": "Kenya"}));
    let commitment = &overview["areas"][0]["commitments"][0];
    let detail = app.ok("get_commitment", json!({"commitmentId": commitment["id"]}));
    assert_eq!(detail["readOnly"], json!({"kind": "library", "country": "Kenya"}));
    assert!(detail["institutions"].as_array().unwrap().iter().all(|i| i["country"] == "Kenya" || i["country"] == ""));
    // Changing it is refused, with nothing stored or queued.
    let pending = app.ok("get_sync_status", json!({}))["pending"].clone();
    let failure = app.err(
        "edit_commitment",
        json!({"commitmentId": commitment["id"], "edit": {"field": "title", "value": "Changé"}}),
    );
    assert!(failure["message"].as_str().unwrap().contains("référence"), "{failure}");
    assert_eq!(app.ok("get_sync_status", json!({}))["pending"], pending);

    // Shared explicitly, after being told how many changes it sends: queued as creations, and no
    // longer kept here only.
    let would = app.ok("preview_share_library_plan", json!({"planId": kenya["id"]}));
    assert!(would.as_u64().unwrap() > 1, "{would}");
    assert_eq!(app.ok("get_sync_status", json!({}))["pending"], pending, "a preview queues nothing");
    let queued = app.ok("share_library_plan", json!({"planId": kenya["id"]}));
    assert_eq!(queued, would);
    let after = app.ok("get_sync_status", json!({}))["pending"].as_u64().unwrap();
    assert_eq!(after, pending.as_u64().unwrap() + would.as_u64().unwrap());
    let plans = app.ok("list_plans", json!({}));
    let shared = plans.as_array().unwrap().iter().find(|p| p["id"] == kenya["id"]).unwrap();
    assert_eq!(shared["library"], false);
    assert_eq!(app.ok("share_library_plan", json!({"planId": kenya["id"]})), 0, "shared once");
}

#[test]
fn an_import_is_undone_as_a_whole_and_not_over_a_later_edit() {
    let app = App::start();
    let (_, summary) = import_sample(&app, false);
    let import_id = summary["importId"].clone();
    assert!(import_id.is_number(), "{summary}");
    let imports = app.ok("list_imports", json!({}));
    assert_eq!(imports[0]["id"], import_id);
    assert!(imports[0]["plans"].as_array().unwrap().iter().all(|t| t.as_str().unwrap().starts_with("France")));

    // A later edit of a record it wrote: undoing would erase it, so it is refused whole.
    let plan = app.ok("list_plans", json!({}))[0].clone();
    let overview =
        app.ok("plan_overview", json!({"planId": plan["id"], "filter": {"query": "", "institutionId": null}}));
    let commitment = overview["areas"][0]["commitments"][0]["id"].clone();
    let edit = |title: &str| json!({"commitmentId": commitment, "edit": {"field": "title", "value": title}});
    let original = app.ok("get_commitment", json!({"commitmentId": commitment}))["commitment"]["title"].clone();
    app.ok("edit_commitment", edit("Retouché après l'import"));
    let failure = app.err("undo_import", json!({ "importId": import_id }));
    assert_eq!(failure["code"], "inUse");
    assert!(failure["message"].as_str().unwrap().contains("1 enregistrement"), "{failure}");
    assert_eq!(app.ok("list_plans", json!({})).as_array().unwrap().len(), 1, "nothing undone");

    // A milestone added since to a commitment it made would go with it: refused too.
    app.ok("edit_commitment", edit(original.as_str().unwrap()));
    let milestone = app.ok(
        "create_milestone",
        json!({"commitmentId": commitment, "input": {"title": "Ajouté après l'import", "expectedOutputs": "",
               "startDate": "", "dueDate": "", "leadInstitutionId": null}}),
    );
    assert_eq!(app.err("undo_import", json!({ "importId": import_id }))["code"], "inUse");
    app.ok("delete_milestone", json!({"milestoneId": milestone["id"]}));

    // Once the work is put back, the import is undone: its plans go, and the server is told.
    let would = app.ok("preview_undo_import", json!({ "importId": import_id }));
    assert!(would["deleted"].as_u64().unwrap() > 0);
    let done = app.ok("undo_import", json!({ "importId": import_id }));
    assert_eq!(done["deleted"], would["deleted"]);
    assert_eq!(app.ok("list_plans", json!({})), json!([]));
    assert_eq!(app.ok("list_imports", json!({})), json!([]));
    assert_eq!(app.err("undo_import", json!({ "importId": import_id }))["code"], "notFound");
}

#[test]
fn a_file_that_cannot_be_read_is_refused_with_its_rows_and_nothing_is_written() {
    let app = App::start();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.csv");
    std::fs::write(&path, "Commitment Unique Identifier,Country/Locality\nFR0001,\"France\n").unwrap();
    app.pick_next(&path);
    let failure = app.err("read_ogp_csv", json!({}));
    assert_eq!(failure["code"], "validation");
    assert!(!failure["message"].as_str().unwrap().is_empty());
    assert_eq!(app.ok("list_plans", json!({})), json!([]));
    assert_eq!(app.ok("get_sync_status", json!({}))["pending"], 0, "nothing queued either");
}

#[test]
fn a_plan_is_exported_to_the_chosen_files() {
    let app = App::start();
    import_sample(&app, false);
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
    assert_eq!(app.ok("read_ogp_csv", json!({})), json!(null));
    let failure = app.err("import_ogp_plans", json!({"plans": []}));
    assert_eq!(failure["code"], "notFound", "no file read: nothing to import");
    assert_eq!(app.ok("list_plans", json!({})), json!([]));
    let plan = app.ok("load_demo_plan", json!({}));
    assert_eq!(app.ok("export_plan", json!({"planId": plan["id"], "format": "json"})), json!(null));
}
