//! Refusals reach the interface as `{ code, message, fields }`, in its language.

use serde_json::json;

use crate::helpers::App;

#[test]
fn a_milestone_due_after_the_plan_is_refused_field_by_field_in_french() {
    let app = App::start();
    let (_, area) = app.plan_with_area();
    let c = app.ok("create_commitment", json!({"areaId": area, "title": "Engagement"}));
    let failure = app.err(
        "create_milestone",
        json!({"commitmentId": c["id"], "input": {"title": "Publier", "expectedOutputs": "",
               "startDate": "", "dueDate": "2024-03-01", "leadInstitutionId": null}}),
    );
    assert_eq!(
        failure,
        json!({"code": "validation",
               "message": "La date doit être comprise dans la période du plan d'action, du 17/12/2021 au 31/12/2023.",
               "fields": [{"field": "dueDate",
                           "message": "La date doit être comprise dans la période du plan d'action, du 17/12/2021 au 31/12/2023."}]})
    );
    let detail = app.ok("get_commitment", json!({"commitmentId": c["id"]}));
    assert_eq!(detail["milestones"], json!([]), "nothing invalid is stored");
}

#[test]
fn messages_follow_the_interface_language() {
    let app = App::start();
    app.ok("set_locale", json!({"locale": "en"}));
    let failure = app.err(
        "create_plan",
        json!({"input": {"country": "France", "title": "", "periodStart": "2023-01-01", "periodEnd": "2022-01-01"}}),
    );
    assert_eq!(failure["code"], "validation");
    assert_eq!(failure["message"], "2 fields need correcting.");
    assert_eq!(failure["fields"][0], json!({"field": "title", "message": "This field is required."}));
    assert_eq!(failure["fields"][1]["field"], "periodEnd");
}

#[test]
fn a_missing_record_is_reported_as_not_found() {
    let app = App::start();
    let failure = app.err("get_commitment", json!({"commitmentId": "0190a1b2-0000-7000-8000-00000000dead"}));
    assert_eq!(failure["code"], "notFound");
    assert_eq!(failure["message"], "Cet engagement n'existe pas ou a été supprimé.");
}

#[test]
fn deleting_an_institution_in_use_is_refused_with_the_reason() {
    let app = App::start();
    let (_, area) = app.plan_with_area();
    let hatvp = app.ok(
        "create_institution",
        json!({"input": {"name": "Haute Autorité pour la transparence de la vie publique", "acronym": "HATVP", "kind": "independentAuthority"}}),
    );
    let c = app.ok("create_commitment", json!({"areaId": area, "title": "Engagement"}));
    app.ok(
        "edit_commitment",
        json!({"commitmentId": c["id"], "edit": {"field": "leadInstitutionId", "value": hatvp["id"]}}),
    );
    let failure = app.err("delete_institution", json!({"institutionId": hatvp["id"]}));
    assert_eq!(failure["code"], "inUse");
    assert_eq!(app.ok("list_institutions", json!({})).as_array().map(Vec::len), Some(1));
}

#[test]
fn malformed_arguments_are_refused_without_harm() {
    let app = App::start();
    assert!(app.call("get_commitment", json!({"commitmentId": "not-a-uuid"})).is_err());
    assert!(app
        .call(
            "edit_commitment",
            json!({"commitmentId": "0190a1b2-0000-7000-8000-00000000dead",
                                                "edit": {"field": "noSuchField", "value": 1}})
        )
        .is_err());
    assert!(app.call("create_plan", json!({})).is_err());
    assert_eq!(app.ok("list_plans", json!({})), json!([]));
}

#[test]
fn only_the_main_window_may_call_the_commands() {
    let app = App::start();
    assert!(app.call("list_plans", json!({})).is_ok());
    let stranger = app.window_named("stranger");
    assert!(
        app.call_from(&stranger, "list_plans", json!({})).is_err(),
        "a window outside the capability must be refused"
    );
}
