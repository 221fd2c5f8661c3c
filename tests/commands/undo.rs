//! Deletions undone: what an area, a commitment or a milestone held comes back in its place, as
//! new records queued for the server like any creation.

use serde_json::json;

use crate::helpers::App;

fn milestone(app: &App, commitment: &serde_json::Value, title: &str) -> serde_json::Value {
    app.ok(
        "create_milestone",
        json!({"commitmentId": commitment, "input": {"title": title, "expectedOutputs": "",
               "startDate": "", "dueDate": "", "leadInstitutionId": null}}),
    )
}

#[test]
fn a_deleted_commitment_comes_back_with_its_milestones_in_its_place() {
    let app = App::start();
    let (plan, area) = app.plan_with_area();
    let first = app.ok("create_commitment", json!({"areaId": area, "title": "Premier"}))["id"].clone();
    let second = app.ok("create_commitment", json!({"areaId": area, "title": "Deuxième"}))["id"].clone();
    app.ok("create_commitment", json!({"areaId": area, "title": "Troisième"}));
    app.ok("edit_commitment", json!({"commitmentId": second, "edit": {"field": "problem", "value": "Le problème."}}));
    milestone(&app, &second, "Jalon A");
    milestone(&app, &second, "Jalon B");
    let pending = app.ok("get_sync_status", json!({}))["pending"].as_u64().unwrap();

    let deletion = app.ok("delete_commitment", json!({"commitmentId": second}));
    assert!(deletion.is_number(), "{deletion}");
    let titles = |app: &App| -> Vec<String> {
        let overview = app.ok("plan_overview", json!({"planId": plan, "filter": {"query": "", "institutionId": null}}));
        overview["areas"][0]["commitments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles(&app), ["Premier", "Troisième"]);

    let restored = app.ok("restore_deletion", json!({"deletionId": deletion}));
    assert_ne!(restored, second, "a new identity: the server keeps the deleted one deleted");
    assert_eq!(titles(&app), ["Premier", "Deuxième", "Troisième"]);
    let detail = app.ok("get_commitment", json!({"commitmentId": restored}));
    assert_eq!(detail["commitment"]["problem"], "Le problème.");
    let milestones: Vec<&str> =
        detail["milestones"].as_array().unwrap().iter().map(|m| m["title"].as_str().unwrap()).collect();
    assert_eq!(milestones, ["Jalon A", "Jalon B"]);
    // Queued: the deletion, then three creations and the ranks that put them back in place.
    assert!(app.ok("get_sync_status", json!({}))["pending"].as_u64().unwrap() > pending + 3);

    let again = app.err("restore_deletion", json!({"deletionId": deletion}));
    assert_eq!(again["code"], "notFound");
    assert!(again["message"].as_str().unwrap().contains("déjà été annulée"), "{again}");
    let _ = first;
}

#[test]
fn a_milestone_whose_commitment_is_gone_does_not_come_back_and_an_area_does() {
    let app = App::start();
    let (plan, area) = app.plan_with_area();
    let commitment = app.ok("create_commitment", json!({"areaId": area, "title": "Engagement"}))["id"].clone();
    let m = milestone(&app, &commitment, "Jalon");
    let deletion = app.ok("delete_milestone", json!({"milestoneId": m["id"]}));
    app.ok("delete_commitment", json!({"commitmentId": commitment}));
    let refused = app.err("restore_deletion", json!({"deletionId": deletion}));
    assert_eq!(refused["code"], "notFound");
    assert!(refused["message"].as_str().unwrap().contains("engagement"), "{refused}");

    let deletion = app.ok("delete_area", json!({"areaId": area}));
    let overview =
        |app: &App| app.ok("plan_overview", json!({"planId": plan, "filter": {"query": "", "institutionId": null}}));
    let title = overview(&app)["areas"].as_array().map(Vec::len);
    assert_eq!(title, Some(0));
    app.ok("restore_deletion", json!({"deletionId": deletion}));
    assert_eq!(overview(&app)["areas"].as_array().map(Vec::len), Some(1));
}
