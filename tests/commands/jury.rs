//! The citizen jury through the commands: a session opened (refusals by field), fifteen jurors
//! and not one more, applications typed and read from the call's CSV file (problems by row and
//! column, nothing saved; then all of a good file, and the same file again adds nothing), sheets
//! handed in, corrected, abstained and withdrawn, and the ranking that follows.

use serde_json::{json, Value};

use crate::helpers::App;

fn fields(failure: &Value) -> Vec<&str> {
    failure["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect()
}

fn application(title: &str, reference: &str) -> Value {
    json!({"title": title, "applicant": "Association Quartiers ouverts", "summary": "Un projet.",
           "contactEmail": "", "reference": reference})
}

fn scores(juror: &Value, application: &Value, each: [u8; 5]) -> Value {
    let criteria = ["generalInterest", "impactForAll", "projectQuality", "openness", "stateSupport"];
    let scores: Vec<Value> = criteria.iter().zip(each).map(|(c, s)| json!({"criterion": c, "score": s})).collect();
    json!({"input": {"jurorId": juror, "applicationId": application, "verdict": {"kind": "scores", "scores": scores}}})
}

/// A session of the plan run by the institution; returns its id.
fn session(app: &App, plan: &Value, institution: &Value, places: u32) -> Value {
    app.ok(
        "create_jury_session",
        json!({"planId": plan, "institutionId": institution,
               "input": {"title": "Promotion 1 — automne 2022", "heldOn": "2022-11-15", "places": places}}),
    )["id"]
        .clone()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_session_is_opened_and_takes_fifteen_jurors_at_most() {
    let app = App::start();
    let (plan, _) = app.plan_with_area();
    let hatvp = app.hatvp();
    let refused = app.err(
        "create_jury_session",
        json!({"planId": plan, "institutionId": hatvp, "input": {"title": "", "heldOn": "15/11/2022", "places": 11}}),
    );
    assert_eq!(refused["code"], "validation");
    assert_eq!(fields(&refused), ["title", "heldOn", "places"]);
    assert_eq!(app.ok("list_jury_sessions", json!({"planId": plan})), json!([]));
    let session = app.ok(
        "create_jury_session",
        json!({"planId": plan, "institutionId": hatvp,
               "input": {"title": "Promotion 1", "heldOn": "2022-11-15", "places": null}}),
    );
    assert_eq!(session["places"], 10, "ten places unless said otherwise");
    let id = session["id"].clone();
    let changed = app.ok(
        "update_jury_session",
        json!({"sessionId": id, "input": {"title": "Promotion 1 — automne 2022", "heldOn": "2022-11-15", "places": 9}}),
    );
    assert_eq!(changed["places"], 9);

    let mut jurors = Vec::new();
    for n in 1..=15 {
        jurors
            .push(app.ok("add_juror", json!({"sessionId": id, "input": {"name": format!("Juré {n}")}}))["id"].clone());
    }
    let refused = app.err("add_juror", json!({"sessionId": id, "input": {"name": "Juré 16"}}));
    assert_eq!(fields(&refused), ["name"]);
    assert_eq!(refused["fields"][0]["message"], "Le jury est complet : 15 jurés au plus par session.");
    let refused = app.err("rename_juror", json!({"jurorId": jurors[1], "input": {"name": "juré 1"}}));
    assert!(refused["fields"][0]["message"].as_str().unwrap().contains("porte déjà ce nom"), "{refused}");
    assert_eq!(app.ok("rename_juror", json!({"jurorId": jurors[0], "input": {"name": "Awa"}}))["name"], "Awa");
    app.ok("remove_juror", json!({"jurorId": jurors[14]}));
    app.ok("add_juror", json!({"sessionId": id, "input": {"name": "Juré 16"}}));

    let listed = app.ok("list_jury_sessions", json!({"planId": plan}));
    assert_eq!(listed[0]["jurors"], 15);
    assert_eq!(listed[0]["institution"]["acronym"], "HATVP");
    let detail = app.ok("get_jury_session", json!({"sessionId": id}));
    assert_eq!(detail["jurors"][0]["juror"]["name"], "Awa");
    assert_eq!(detail["readOnly"], Value::Null);
    app.ok("delete_jury_session", json!({"sessionId": id}));
    assert_eq!(app.err("get_jury_session", json!({"sessionId": id}))["code"], "notFound");
}

#[test]
fn applications_are_read_from_the_call_s_file_all_or_nothing_with_problems_by_row_and_column() {
    let app = App::start();
    let (plan, _) = app.plan_with_area();
    let hatvp = app.hatvp();
    let id = session(&app, &plan, &hatvp, 2);
    let dir = tempfile::tempdir().unwrap();

    // Cancelled: nothing read.
    assert_eq!(app.ok("read_jury_applications", json!({"sessionId": id})), Value::Null);
    // Nothing read for this session: nothing to import.
    assert_eq!(app.err("import_jury_applications", json!({"sessionId": id}))["code"], "notFound");

    let broken = write(
        &dir,
        "candidatures.csv",
        "Titre;Porteur;Résumé;Courriel;Référence\n\
         Jardins partagés;Association Vert;Des jardins.;contact@vert.fr;A-1\n\
         ;Collectif Rue;Une rue.;pas-une-adresse;A-2\n",
    );
    app.pick_next(&broken);
    let preview = app.ok("read_jury_applications", json!({"sessionId": id}));
    assert_eq!(preview["fileName"], "candidatures.csv");
    assert_eq!(preview["applications"], 0);
    let problems = preview["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2, "{preview}");
    assert_eq!(problems[0]["row"], 3);
    assert_eq!(problems[0]["column"], "Titre");
    assert_eq!(problems[1]["column"], "Courriel");
    assert!(!problems[0]["message"].as_str().unwrap().starts_with("Ligne"), "the place is apart: {preview}");
    assert_eq!(app.err("import_jury_applications", json!({"sessionId": id}))["code"], "notFound", "nothing to import");
    assert_eq!(app.ok("get_jury_session", json!({"sessionId": id}))["applications"], json!([]));

    let good = write(
        &dir,
        "candidatures-corrigees.csv",
        "Titre;Porteur;Résumé;Courriel;Référence\n\
         Jardins partagés;Association Vert;Des jardins.;contact@vert.fr;A-1\n\
         Une rue pour tous;Collectif Rue;Une rue.;;A-2\n",
    );
    app.pick_next(&good);
    let preview = app.ok("read_jury_applications", json!({"sessionId": id}));
    assert_eq!(preview, json!({"fileName": "candidatures-corrigees.csv", "applications": 2, "problems": []}));
    // A file read for one session is not imported into another.
    let other = session(&app, &plan, &hatvp, 1);
    assert_eq!(app.err("import_jury_applications", json!({"sessionId": other}))["code"], "notFound");
    assert_eq!(app.ok("import_jury_applications", json!({"sessionId": id})), json!({"added": 2, "alreadyThere": 0}));
    app.pick_next(&good);
    app.ok("read_jury_applications", json!({"sessionId": id}));
    assert_eq!(app.ok("import_jury_applications", json!({"sessionId": id})), json!({"added": 0, "alreadyThere": 2}));

    // Typed by hand, changed, deleted.
    let refused = app.err("add_jury_application", json!({"sessionId": id, "input": application("", "")}));
    assert_eq!(fields(&refused), ["title"]);
    let typed = app.ok("add_jury_application", json!({"sessionId": id, "input": application("Café citoyen", "B-1")}));
    let changed = app.ok(
        "update_jury_application",
        json!({"applicationId": typed["id"], "input": application("Cafés citoyens", "B-1")}),
    );
    assert_eq!(changed["title"], "Cafés citoyens");
    assert_eq!(app.ok("get_jury_session", json!({"sessionId": id}))["applications"].as_array().unwrap().len(), 3);
    app.ok("delete_jury_application", json!({"applicationId": typed["id"]}));
    let titles: Vec<Value> = app.ok("get_jury_session", json!({"sessionId": id}))["applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].clone())
        .collect();
    assert_eq!(titles, [json!("Jardins partagés"), json!("Une rue pour tous")]);
}

#[test]
fn sheets_are_handed_in_corrected_abstained_and_withdrawn_and_the_ranking_follows() {
    let app = App::start();
    let (plan, _) = app.plan_with_area();
    let id = session(&app, &plan, &app.hatvp(), 1);
    let jurors: Vec<Value> = ["Awa", "Bruno"]
        .iter()
        .map(|name| app.ok("add_juror", json!({"sessionId": id, "input": {"name": name}}))["id"].clone())
        .collect();
    let gardens =
        app.ok("add_jury_application", json!({"sessionId": id, "input": application("Jardins partagés", "")}));
    let street =
        app.ok("add_jury_application", json!({"sessionId": id, "input": application("Une rue pour tous", "")}));

    let mut too_high = scores(&jurors[0], &gardens["id"], [5, 5, 5, 5, 5]);
    too_high["input"]["verdict"]["scores"][2]["score"] = json!(6);
    assert_eq!(fields(&app.err("hand_in_score_sheet", too_high)), ["projectQuality"]);
    app.ok("hand_in_score_sheet", scores(&jurors[0], &gardens["id"], [3, 3, 3, 3, 3]));
    // A correction replaces the sheet.
    app.ok("hand_in_score_sheet", scores(&jurors[0], &gardens["id"], [5, 4, 4, 4, 4]));
    app.ok("hand_in_score_sheet", scores(&jurors[1], &gardens["id"], [4, 4, 4, 4, 4]));
    app.ok("hand_in_score_sheet", scores(&jurors[0], &street["id"], [2, 2, 2, 2, 2]));
    let refused = app.err(
        "hand_in_score_sheet",
        json!({"input": {"jurorId": jurors[1], "applicationId": street["id"], "verdict": {"kind": "abstention", "reason": " "}}}),
    );
    assert_eq!(fields(&refused), ["reason"]);
    app.ok(
        "hand_in_score_sheet",
        json!({"input": {"jurorId": jurors[1], "applicationId": street["id"],
                         "verdict": {"kind": "abstention", "reason": "Je connais le porteur."}}}),
    );

    let detail = app.ok("get_jury_session", json!({"sessionId": id}));
    assert_eq!(detail["sheets"].as_array().unwrap().len(), 4);
    assert_eq!(detail["jurors"][0]["sheets"], 2);
    let ranking = &detail["ranking"];
    assert_eq!(ranking["quorum"], 1);
    assert_eq!(ranking["ranked"][0]["title"], "Jardins partagés");
    assert_eq!(ranking["ranked"][0]["mean"]["hundredths"], 2050, "(21 + 20) / 2");
    assert_eq!(ranking["ranked"][0]["standing"], "selected");
    assert_eq!(ranking["ranked"][1]["standing"], "notSelected");
    assert_eq!(ranking["ranked"][1]["abstained"], 1);

    app.ok("withdraw_score_sheet", json!({"jurorId": jurors[0], "applicationId": street["id"]}));
    let ranking = app.ok("get_jury_session", json!({"sessionId": id}))["ranking"].clone();
    assert_eq!(ranking["ranked"].as_array().unwrap().len(), 1);
    assert_eq!(ranking["unscored"][0]["title"], "Une rue pour tous");
    assert_eq!(ranking["unscored"][0]["abstained"], 1);

    // The ranking, written where the person chooses: printable with its rule, or CSV; no juror
    // named, no reason for an abstention given.
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("classement.html");
    app.pick_next(&html);
    assert_eq!(
        app.ok("export_jury_ranking", json!({"sessionId": id, "format": "html"})),
        json!(html.display().to_string())
    );
    let printed = std::fs::read_to_string(&html).unwrap();
    assert!(printed.contains("Jardins partagés") && printed.contains("Une rue pour tous") && printed.contains("20,50"));
    let csv = dir.path().join("classement.csv");
    app.pick_next(&csv);
    app.ok("export_jury_ranking", json!({"sessionId": id, "format": "csv"}));
    let table = std::fs::read_to_string(&csv).unwrap();
    assert!(table.starts_with("id,session_id,rank,"), "{table}");
    assert!(table.contains(",20.50,") && table.contains("notScored"));
    for text in [&printed, &table] {
        assert!(!text.contains("Awa") && !text.contains("Bruno") && !text.contains("Je connais le porteur"));
    }
    // No JSON of a ranking: said before any dialog.
    let refused = app.err("export_jury_ranking", json!({"sessionId": id, "format": "json"}));
    assert_eq!(refused["code"], "validation");
}
