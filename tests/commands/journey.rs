//! An officer's journey, command by command, as the interface calls them.

use serde_json::json;

use crate::helpers::App;

#[test]
fn an_officer_drafts_a_commitment_with_milestones_and_sees_it_in_the_overview() {
    let app = App::start();
    assert_eq!(app.ok("list_plans", json!({})), json!([]));
    let (plan, area) = app.plan_with_area();

    let ministry = app.ok(
        "create_institution",
        json!({"input": {"name": "Ministère de la Transition écologique", "acronym": "MTE", "kind": "ministry"}}),
    );
    let commitment =
        app.ok("create_commitment", json!({"areaId": area, "title": "Ouvrir les données environnementales"}));
    let id = commitment["id"].clone();
    for edit in [
        json!({"field": "problem", "value": "Les données sont dispersées."}),
        json!({"field": "leadInstitutionId", "value": ministry["id"]}),
        json!({"field": "startDate", "value": "2022-01-01"}),
        json!({"field": "accessToInformation", "value": true}),
        json!({"field": "contactEmail", "value": "contact@developpement-durable.gouv.fr"}),
    ] {
        app.ok("edit_commitment", json!({"commitmentId": id, "edit": edit}));
    }
    let first = app.ok(
        "create_milestone",
        json!({"commitmentId": id, "input": {"title": "Recenser les jeux de données", "expectedOutputs": "",
               "startDate": "2022-01-01", "dueDate": "2022-06-30", "leadInstitutionId": ministry["id"]}}),
    );
    let second = app.ok(
        "create_milestone",
        json!({"commitmentId": id, "input": {"title": "Ouvrir les jeux recensés", "expectedOutputs": "",
               "startDate": "", "dueDate": "", "leadInstitutionId": null}}),
    );
    let order = app.ok("move_milestone", json!({"milestoneId": second["id"], "position": 0}));
    assert_eq!(order[0]["title"], "Ouvrir les jeux recensés");
    app.ok("edit_milestone", json!({"milestoneId": first["id"], "edit": {"field": "dueDate", "value": "2022-09-30"}}));

    let detail = app.ok("get_commitment", json!({"commitmentId": id}));
    assert_eq!(detail["commitment"]["problem"], "Les données sont dispersées.");
    assert_eq!(detail["commitment"]["startDate"], "2022-01-01");
    assert_eq!(detail["commitment"]["accessToInformation"], true);
    assert_eq!(detail["milestones"][1]["dueDate"], "2022-09-30");
    assert_eq!(detail["plan"]["id"], plan);

    let overview =
        app.ok("plan_overview", json!({"planId": plan, "filter": {"query": "ecologique", "institutionId": null}}));
    assert_eq!(overview["commitmentCount"], 1);
    assert_eq!(overview["milestoneCount"], 2);
    assert_eq!(overview["areas"][0]["commitments"][0]["leadInstitution"]["acronym"], "MTE");

    app.ok("delete_milestone", json!({"milestoneId": first["id"]}));
    app.ok("delete_commitment", json!({"commitmentId": id}));
    app.ok("delete_area", json!({"areaId": area}));
    app.ok("delete_institution", json!({"institutionId": ministry["id"]}));
}

#[test]
fn the_demo_plan_loads_once_and_the_language_is_remembered() {
    let app = App::start();
    let demo = app.ok("load_demo_plan", json!({}));
    assert_eq!(app.ok("load_demo_plan", json!({}))["id"], demo["id"]);
    assert_eq!(app.ok("get_locale", json!({})), "fr");
    app.ok("set_locale", json!({"locale": "en"}));
    assert_eq!(app.ok("get_locale", json!({})), "en");
    let plan = app.ok(
        "update_plan",
        json!({"planId": demo["id"], "input": {"country": "France", "title": "Plan 2021-2023 (copie de travail)",
               "periodStart": "2021-12-17", "periodEnd": "2023-12-31"}}),
    );
    assert_eq!(plan["title"], "Plan 2021-2023 (copie de travail)");
}

#[test]
fn html_in_a_title_comes_back_as_the_same_text() {
    let app = App::start();
    let (_, area) = app.plan_with_area();
    let c = app.ok("create_commitment", json!({"areaId": area, "title": "<img src=x onerror=alert(1)>"}));
    let detail = app.ok("get_commitment", json!({"commitmentId": c["id"]}));
    assert_eq!(detail["commitment"]["title"], "<img src=x onerror=alert(1)>");
}
