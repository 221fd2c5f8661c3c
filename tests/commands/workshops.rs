//! Workshops through the commands: preparing one (refusals field by field), taking participants
//! in the room (nothing without their agreement; what they accept to be contacted for in the
//! interface's language), contributions and votes, tracing one to a commitment, which then shows
//! where it came from, and a contribution deleted then brought back.

use serde_json::{json, Value};

use crate::helpers::{App, PROPOSAL};

fn workshop_input(held_on: &str, keep_until: &str, commitments: Value) -> Value {
    json!({"title": "Atelier transparence", "heldOn": held_on, "place": "Salle 204", "areaId": null,
           "commitmentIds": commitments, "facilitator": "Claire Martin",
           "consentText": "Vos contributions sont enregistrées.", "keepUntil": keep_until})
}

fn participant(name: &str, consent: bool, email: Option<&str>) -> Value {
    json!({"name": name, "organisationKind": "association", "consentAccepted": consent,
           "contactAccepted": email.is_some(), "contactEmail": email.unwrap_or_default()})
}

fn contribution(kind: &str, text: &str) -> Value {
    json!({"kind": kind, "text": text, "aboutCommitmentId": null, "aboutMilestoneId": null, "proposalIds": []})
}

fn fields(failure: &Value) -> Vec<&str> {
    failure["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect()
}

#[test]
fn a_workshop_is_prepared_run_and_traced_to_the_commitment_it_fed() {
    let app = App::start();
    let (plan, area) = app.plan_with_area();
    let commitment = app.ok("create_commitment", json!({"areaId": area, "title": "Publier les agendas"}))["id"].clone();
    let milestone = app.ok(
        "create_milestone",
        json!({"commitmentId": commitment, "input": {"title": "Ouvrir le registre", "expectedOutputs": "",
               "startDate": "", "dueDate": "", "leadInstitutionId": null}}),
    )["id"]
        .clone();
    let hatvp = app.hatvp();
    assert_eq!(app.ok("get_own_institution", json!({})), Value::Null, "nobody signed in: the person chooses");
    let targets = app.ok("list_plan_targets", json!({"planId": plan}));
    assert_eq!(targets[0]["number"], "1.1");
    assert_eq!(
        targets[1],
        json!({"areaId": area, "commitmentId": commitment, "milestoneId": milestone,
                                  "number": "1.1.1", "title": "Ouvrir le registre"})
    );

    // Refused, each problem by its field, in French; nothing stored.
    let refused = app.err(
        "create_workshop",
        json!({"planId": plan, "institutionId": hatvp, "input": workshop_input("2023-03-12", "2026-03-12", json!([]))}),
    );
    assert_eq!(refused["code"], "validation");
    assert_eq!(fields(&refused), ["keepUntil"]);
    assert!(refused["fields"][0]["message"].as_str().unwrap().contains("au plus 730 jours"), "{refused}");
    assert_eq!(app.ok("list_workshops", json!({"planId": plan})), json!([]));
    let workshop = app.ok(
        "create_workshop",
        json!({"planId": plan, "institutionId": hatvp,
               "input": workshop_input("2023-03-12", "2024-03-11", json!([commitment]))}),
    );
    let id = workshop["id"].clone();
    let mut moved = workshop_input("2023-03-12", "2024-03-11", json!([commitment]));
    moved["place"] = json!("Ségur, salle 12");
    assert_eq!(app.ok("update_workshop", json!({"workshopId": id, "input": moved}))["place"], "Ségur, salle 12");

    // The room: nothing without the person's agreement; an address only when they accept to be
    // contacted, and what for in the interface's language.
    let refused = app.err("add_participant", json!({"workshopId": id, "input": participant("Awa", false, None)}));
    assert_eq!(fields(&refused), ["consentAccepted"]);
    assert!(refused["message"].as_str().unwrap().contains("rien n'est enregistré"), "{refused}");
    let awa = app.ok("add_participant", json!({"workshopId": id, "input": participant("Awa", true, None)}));
    assert_eq!(awa["identity"]["contactEmail"], "");
    assert_eq!(awa["identity"]["consentWording"], "Vos contributions sont enregistrées.");
    app.ok("set_locale", json!({"locale": "en"}));
    let bruno = app
        .ok("add_participant", json!({"workshopId": id, "input": participant("Bruno", true, Some("b@example.org"))}));
    assert_eq!(bruno["identity"]["contactPurpose"], "Be told what becomes of my contributions");
    app.ok("set_locale", json!({"locale": "fr"}));
    let awa = awa["participant"]["id"].clone();
    let add = |participant: &Value, input: Value| {
        app.ok("add_contribution", json!({"workshopId": id, "participantId": participant, "input": input}))
    };
    let agendas = add(&awa, contribution("proposal", "Publier les agendas des ministres."));
    let senate = add(&Value::Null, contribution("proposal", "Supprimer le Sénat."));
    let mut comment = contribution("comment", "Le jalon devrait dire quand.");
    comment["aboutMilestoneId"] = milestone.clone();
    add(&awa, comment);
    let mut vote = contribution("vote", "");
    vote["proposalIds"] = json!([agendas["id"], senate["id"], agendas["id"]]);
    let twice = app.err("add_contribution", json!({"workshopId": id, "participantId": awa, "input": vote}));
    assert_eq!(fields(&twice), ["proposalIds"]);
    vote["proposalIds"] = json!([agendas["id"], senate["id"]]);
    add(&awa, vote);

    let detail = app.ok("get_workshop", json!({"workshopId": id}));
    assert_eq!(detail["identitiesHere"], true);
    assert_eq!(detail["readOnly"], Value::Null);
    assert_eq!(detail["participants"][0]["identity"]["name"], "Awa");
    let kinds: Vec<(&str, u64)> = detail["byKind"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| (k["kind"].as_str().unwrap(), k["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [("citizen", 0), ("association", 2), ("company", 0), ("administration", 0), ("electedOfficial", 0)]
    );
    let first = &detail["contributions"][0];
    assert_eq!((first["contribution"]["id"].clone(), first["votes"].clone()), (agendas["id"].clone(), json!(1)));
    assert_eq!(first["firstChoices"], 1);
    assert_eq!(detail["contributions"][2]["about"]["title"], "Ouvrir le registre");
    assert_eq!(detail["discussed"][0]["title"], "Publier les agendas");

    // Traced: a reason is needed when not kept; kept, it shows on the commitment.
    let not_kept = json!({"outcome": "notKept", "outcomeReason": " ", "commitmentIds": [], "milestoneIds": []});
    let refused = app.err("trace_contribution", json!({"contributionId": senate["id"], "input": not_kept}));
    assert_eq!(fields(&refused), ["outcomeReason"]);
    let kept = json!({"outcome": "kept", "outcomeReason": "", "commitmentIds": [commitment], "milestoneIds": []});
    let traced = app.ok("trace_contribution", json!({"contributionId": agendas["id"], "input": kept}));
    assert_eq!(traced["outcome"], "kept");
    let came_from = app.ok("list_commitment_contributions", json!({"commitmentId": commitment}));
    assert_eq!(came_from.as_array().unwrap().len(), 1);
    assert_eq!(came_from[0]["workshopTitle"], "Atelier transparence");
    assert_eq!(came_from[0]["heldOn"], "2023-03-12");
    assert_eq!(came_from[0]["contribution"]["text"], "Publier les agendas des ministres.");
    let listed = app.ok("list_workshops", json!({"planId": plan}));
    assert_eq!((listed[0]["participants"].clone(), listed[0]["contributions"].clone()), (json!(2), json!(4)));
    assert_eq!((listed[0]["decided"].clone(), listed[0]["institution"]["acronym"].clone()), (json!(1), json!("HATVP")));

    // A workshop whose contributions fed the plan stays.
    assert_eq!(app.err("delete_workshop", json!({"workshopId": id}))["code"], "inUse");
}

#[test]
fn a_contribution_typed_by_mistake_is_deleted_and_brought_back() {
    let app = App::start();
    let (plan, _) = app.plan_with_area();
    let institution = app.ok(
        "create_institution",
        json!({"input": {"name": "Direction interministérielle de la transformation publique", "acronym": "DITP",
                         "kind": "ministry"}}),
    )["id"]
        .clone();
    let workshop = app.ok(
        "create_workshop",
        json!({"planId": plan, "institutionId": institution,
               "input": workshop_input("2023-03-12", "2024-03-11", json!([]))}),
    )["id"]
        .clone();
    let proposal = app.ok(
        "add_contribution",
        json!({"workshopId": workshop, "participantId": null, "input": contribution("proposal", "Une erreur.")}),
    );
    let mut vote = contribution("vote", "");
    vote["proposalIds"] = json!([proposal["id"]]);
    let voted = app.ok("add_contribution", json!({"workshopId": workshop, "participantId": null, "input": vote}));
    // A proposal someone voted for stays; the vote goes, then the proposal.
    assert_eq!(app.err("delete_contribution", json!({"contributionId": proposal["id"]}))["code"], "inUse");
    app.ok("delete_contribution", json!({"contributionId": voted["id"]}));
    let deletion = app.ok("delete_contribution", json!({"contributionId": proposal["id"]}));
    assert!(deletion.is_number(), "{deletion}");
    let texts = |app: &App| -> Vec<String> {
        let detail = app.ok("get_workshop", json!({"workshopId": workshop}));
        detail["contributions"].as_array().unwrap().iter().map(|c| c["contribution"]["text"].to_string()).collect()
    };
    assert!(texts(&app).is_empty());
    let restored = app.ok("restore_deletion", json!({"deletionId": deletion}));
    assert_ne!(restored, proposal["id"]);
    assert_eq!(texts(&app), ["\"Une erreur.\""]);
    app.ok("delete_workshop", json!({"workshopId": workshop}));
    assert_eq!(app.err("get_workshop", json!({"workshopId": workshop}))["code"], "notFound");
}

#[test]
fn a_participant_gets_their_data_back_then_has_it_erased_and_stays_counted_anonymous() {
    let app = App::start();
    let held = app.workshop_with_awa();
    let (workshop, id) = (held.id, held.awa);
    let dir = tempfile::tempdir().unwrap();

    // Given back: a JSON file of what this laptop holds about them.
    assert_eq!(app.ok("export_participant_data", json!({"participantId": id})), Value::Null, "cancelled");
    let path = dir.path().join("awa.json");
    app.pick_next(&path);
    assert_eq!(app.ok("export_participant_data", json!({"participantId": id})), json!(path.display().to_string()));
    let data: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(data["identity"]["name"], "Awa");
    assert_eq!(data["identity"]["contactEmail"], "awa@example.org");
    assert_eq!(data["identity"]["consentWording"], "Vos contributions sont enregistrées.");
    assert_eq!(data["workshopTitle"], "Atelier transparence");
    assert_eq!(data["keepUntil"], "2031-03-12");
    assert_eq!(data["contributions"][0]["text"], PROPOSAL);

    // Erased: counted, anonymous, their proposal kept; nothing more to give back.
    app.ok("erase_participant", json!({"participantId": id}));
    let detail = app.ok("get_workshop", json!({"workshopId": workshop}));
    assert_eq!(detail["participants"][0]["identity"], Value::Null, "{detail}");
    assert_eq!(detail["participants"][0]["contributions"], 1);
    assert_eq!(detail["contributions"][0]["author"], Value::Null);
    assert_eq!(detail["contributions"][0]["contribution"]["text"], PROPOSAL);
    assert_eq!(app.err("export_participant_data", json!({"participantId": id}))["code"], "notFound");
    assert_eq!(app.err("erase_participant", json!({"participantId": id}))["code"], "notFound");
}

#[test]
fn a_workshops_report_and_data_are_written_without_who_took_part() {
    let app = App::start();
    let workshop = app.workshop_with_awa().id;
    let dir = tempfile::tempdir().unwrap();

    let html = dir.path().join("report.html");
    app.pick_next(&html);
    assert_eq!(
        app.ok("export_workshop", json!({"workshopId": workshop, "format": "html"})),
        json!(html.display().to_string())
    );
    let report = std::fs::read_to_string(&html).unwrap();
    assert!(report.contains("Atelier transparence") && report.contains(PROPOSAL));
    assert!(!report.contains("Awa") && !report.contains("awa@example.org"), "nobody named");

    let json_path = dir.path().join("data.json");
    app.pick_next(&json_path);
    app.ok("export_workshop", json!({"workshopId": workshop, "format": "json"}));
    let data = std::fs::read_to_string(&json_path).unwrap();
    assert!(data.contains(PROPOSAL) && !data.contains("Awa"));

    let folder = dir.path().join("csv");
    app.pick_next(&folder);
    app.ok("export_workshop", json!({"workshopId": workshop, "format": "csv"}));
    let mut files: Vec<String> =
        std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    files.sort();
    assert_eq!(
        files,
        [
            "commitments.csv",
            "contributions.csv",
            "milestones.csv",
            "participants.csv",
            "reports.csv",
            "rounds.csv",
            "workshops.csv"
        ]
    );

    // No workbook for a workshop: said before any dialog.
    let refused = app.err("export_workshop", json!({"workshopId": workshop, "format": "xlsx"}));
    assert_eq!(refused["code"], "notFound");
}
