//! Exports of a plan: JSON (and its JSON Schema), CSV (and their Table Schemas), printable HTML.
//!
//! Every test works on one plan built by hand: two areas, three institutions, three commitments
//! whose texts hold quotes, commas, line breaks, accents and HTML-like text, one of them
//! imported with an IRM assessment (values, ND, NR, NA, missing, starred), milestones, weights
//! other than 1, and progress reports (on a commitment, on milestones, a correction, links with
//! commas and quotes, evidence files named by their SHA-256 — one report names two, one with a
//! comma, quotes and a semicolon in its name, others none —, one made on an institution's behalf
//! by an institution the plan does not otherwise name), two reporting rounds (one whose
//! instructions hold a comma, quotes, line breaks and begin with `=`, one due the day it opens),
//! and two workshops run by the ministry (the one held first with the larger id; anonymous participants of several
//! kinds; a proposal kept, a vote, a comment of the facilitation not kept, a proposal merged into
//! a commitment deleted since; texts beginning with `=` and holding commas, quotes and line
//! breaks).

#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};

use plan_ouvert_domain::{EvidenceFile, Locale, RoundKind, ShortText};
use plan_ouvert_opendata::export::{
    commitments_csv, contributions_csv, milestones_csv, participants_csv, plan_dataset, plan_html, plan_json,
    plan_json_text, read_csv, read_plan_json, reports_csv, rounds_csv, workshops_csv, CsvFile, CsvTexts, ExportError,
    FieldCheck, FieldType, Problem, ASSESSMENT_ENTRIES, COMMITMENTS_TABLE_SCHEMA, COMMITMENT_COLUMNS,
    CONTRIBUTIONS_TABLE_SCHEMA, CONTRIBUTION_COLUMNS, CSV_FILES, MILESTONES_TABLE_SCHEMA, MILESTONE_COLUMNS,
    PARTICIPANTS_TABLE_SCHEMA, PARTICIPANT_COLUMNS, PLAN_SCHEMA, REPORTS_TABLE_SCHEMA, REPORT_COLUMNS,
    ROUNDS_TABLE_SCHEMA, ROUND_COLUMNS, SCHEMA_ID, SCHEMA_ID_V2, WORKSHOPS_TABLE_SCHEMA, WORKSHOP_COLUMNS,
};
use plan_ouvert_opendata::Dataset;
use plan_ouvert_sync::protocol::{fields_of_kind, RecordKind, Value};
use serde_json::json;
use uuid::Uuid;

const PLAN: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0001);
const AREA_1: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_00a2);
const AREA_2: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_00a1);
const HATVP: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0011);
const MINISTRY: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0012);
// Ids in another order than positions, so that order comes from positions.
const C_DRAFTED: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0c03);
const C_IMPORTED: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0c01);
const C_THEMATIC: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0c02);
const M_1: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0d03);
const M_2: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0d01);
const M_3: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0d02);
/// An institution named only by a progress report: the coordination, reporting on another's behalf.
const COORDINATION: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0013);
const AUTHOR: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0f01);
/// The drafted commitment's own report (its results).
const R_OWN: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0e04);
/// A report on M_1, and its correction: written later, with a smaller id, so that order comes from dates.
const R_M1: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0e03);
const R_M1_FIX: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0e02);
/// A report on M_3, made by the coordination on the lead institution's behalf.
const R_M3: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0e01);
const COORDINATION_NAME: &str = "Délégation à la coordination du gouvernement ouvert";
const TRICKY_LINK_TITLE: &str = "Compte rendu, \"version finale\"; annexes";
/// A file name a CSV or JSON writer could get wrong: a comma, quotes and a semicolon.
const TRICKY_FILE_NAME: &str = "Compte rendu, \"version finale\"; annexes.pdf";
/// The SHA-256 of evidence files (of "test", "foo" and "bar": any 64 lower-case hex digits do).
const SHA_PDF: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const SHA_PNG: &str = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
const SHA_DOCX: &str = "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Two reporting rounds, the one due first with the larger id, so that order comes from due dates.
const ROUND_MID: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0b02);
const ROUND_END: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0b01);
/// Instructions a CSV writer or a spreadsheet could get wrong: they begin with `=`, hold commas,
/// quotes and line breaks (a paragraph break included).
const TRICKY_INSTRUCTIONS: &str = "=Décrire, pour chaque jalon, ce qui a été fait (\"livrables\" compris).\n\
                                   Une ligne après un retour à la ligne.\n\n« Second paragraphe », fin.";

/// Two workshops, the one held first with the larger id, so that order comes from days.
const W_1: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0a02);
const W_2: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0a01);
/// W_1's participants (an association, a citizen) and W_2's (an elected official).
const P_1: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0a11);
const P_2: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0a12);
const P_3: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0a13);
/// W_1: a proposal kept, a vote for it, a comment of the facilitation not kept.
const K_PROPOSAL: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0a21);
const K_VOTE: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0a22);
const K_COMMENT: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0a23);
/// W_2: a proposal merged into a commitment deleted since.
const K_MERGED: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0a24);
/// A commitment the plan no longer holds, still named by W_2 and K_MERGED.
const GONE: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0c99);
/// A proposal a CSV writer or a spreadsheet could get wrong.
const TRICKY_PROPOSAL: &str = "=Publier les agendas, \"tous\", chaque semaine.\n\nSecond paragraphe ; fin.";

const EVIL_TITLE: &str = "<script>alert(1)</script> Ouvrir les « données », \"vite\" & bien";
const OGP_URL: &str = "https://www.opengovpartnership.org/members/france/commitments/FR0042/";

fn fields(value: Value) -> BTreeMap<String, Value> {
    value.as_object().unwrap().clone().into_iter().collect()
}

fn assessed(value: Value) -> Value {
    json!({ "status": "assessed", "value": value })
}

fn status(status: &str) -> Value {
    json!({ "status": status })
}

/// An evidence file as a report names it.
fn file(sha256: &str, name: &str, size: u64, media_type: &str) -> Value {
    json!({ "sha256": sha256, "name": name, "size": size, "mediaType": media_type })
}

/// The two files R_M1 names: the tricky name, and a picture of the largest size accepted.
fn r_m1_files() -> Value {
    json!([
        file(SHA_PDF, TRICKY_FILE_NAME, 482_113, "application/pdf"),
        file(SHA_PNG, "Carte des données.png", EvidenceFile::MAX_SIZE, "image/png"),
    ])
}

fn commitment(area: Uuid, position: u32, title: &str) -> Value {
    json!({
        "planId": PLAN.to_string(), "areaId": area.to_string(), "position": position, "title": title,
        "briefDescription": "", "problem": "", "causes": "", "doneSoFar": "", "solution": "",
        "expectedResults": "", "transparency": "", "accountability": "", "participation": "",
        "leadInstitutionId": null, "supportingInstitutionIds": [], "otherSupporters": "",
        "startDate": null, "endDate": null,
        "accessToInformation": false, "civicParticipation": false, "publicAccountability": false,
        "technologyInnovation": false,
        "contactName": "", "contactTitle": "", "contactDepartment": "", "contactEmail": "", "contactPhone": "",
        "ogpId": null, "number": "", "shortTitle": "", "fullText": "", "startDateSource": "", "endDateSource": "",
        "policyAreas": [], "url": "", "assessment": null, "sourceColumns": {}, "weight": 1
    })
}

/// A reporting round of the plan with every field.
fn round(kind: &str, title: &str, opens_on: &str, due_on: &str, instructions: &str) -> Value {
    json!({
        "planId": PLAN.to_string(), "kind": kind, "title": title, "opensOn": opens_on, "dueOn": due_on,
        "instructions": instructions
    })
}

/// A progress report with every field, on `milestone` of `commitment` (or on the commitment).
fn report(commitment: Uuid, milestone: Option<Uuid>, reported_on: &str, status: &str, institution: Uuid) -> Value {
    json!({
        "commitmentId": commitment.to_string(), "milestoneId": milestone.map(|m| m.to_string()),
        "reportedOn": reported_on, "status": status, "done": "", "difficulties": "", "nextSteps": "",
        "results": "", "openedGovernment": null, "links": [], "files": [], "corrects": null,
        "authorId": AUTHOR.to_string(), "authorName": "Camille Martin",
        "institutionId": institution.to_string(), "onBehalf": false
    })
}

/// A workshop of the plan with every field.
fn workshop(institution: Uuid, title: &str, held_on: &str, keep_until: &str) -> Value {
    json!({
        "planId": PLAN.to_string(), "institutionId": institution.to_string(), "title": title, "heldOn": held_on,
        "place": "", "areaId": null, "commitmentIds": [], "facilitator": "Claire Petit",
        "consentText": "Vos contributions sont publiées, votre nom jamais.", "keepUntil": keep_until
    })
}

fn participant(workshop: Uuid, kind: &str) -> Value {
    json!({ "workshopId": workshop.to_string(), "organisationKind": kind })
}

/// A contribution with every field, by `participant` (none: the facilitation).
fn contribution(workshop: Uuid, participant: Option<Uuid>, kind: &str, text: &str) -> Value {
    json!({
        "workshopId": workshop.to_string(), "participantId": participant.map(|p| p.to_string()), "kind": kind,
        "text": text, "aboutCommitmentId": null, "aboutMilestoneId": null, "proposalIds": [], "outcome": null,
        "outcomeReason": "", "commitmentIds": [], "milestoneIds": []
    })
}

fn record_key(kind: RecordKind, id: Uuid) -> plan_ouvert_sync::protocol::RecordKey {
    plan_ouvert_sync::protocol::RecordKey { kind, id }
}

fn with(mut base: Value, changes: Value) -> Value {
    for (k, v) in changes.as_object().unwrap() {
        base[k] = v.clone();
    }
    base
}

/// The plan built by hand.
fn dataset() -> Dataset {
    let mut d = Dataset::default();
    d.insert(
        RecordKind::Plan,
        PLAN,
        fields(json!({
            "country": "France",
            "title": "Plan d'action national pour un gouvernement ouvert 2021-2023",
            "periodStart": "2021-12-17", "periodEnd": "2023-12-31",
            "ogpPlanId": "AP_FRA03", "planNumber": 3
        })),
    );
    d.insert(
        RecordKind::Area,
        AREA_1,
        fields(json!({
            "planId": PLAN.to_string(), "kind": "transversal", "title": "Transparence de l'action publique",
            "description": "Premier paragraphe, avec « guillemets ».\n\nSecond paragraphe\nsur deux lignes.",
            "position": 0
        })),
    );
    d.insert(
        RecordKind::Area,
        AREA_2,
        fields(json!({
            "planId": PLAN.to_string(), "kind": "thematic", "title": "Transition écologique",
            "description": "", "position": 1
        })),
    );
    d.insert(
        RecordKind::Institution,
        HATVP,
        fields(json!({
            "name": "Haute Autorité pour la transparence de la vie publique", "acronym": "HATVP",
            "kind": "independentAuthority", "country": "France"
        })),
    );
    d.insert(
        RecordKind::Institution,
        MINISTRY,
        fields(json!({ "name": "Ministère de la Transition écologique", "acronym": "", "kind": "ministry", "country": "" })),
    );
    d.insert(
        RecordKind::Commitment,
        C_DRAFTED,
        fields(with(
            commitment(AREA_1, 0, EVIL_TITLE),
            json!({
                "briefDescription": "Publier, chaque trimestre, les \"données\" essentielles.",
                "problem": "Les données sont <b>dispersées</b> & incomplètes.\n\nDeuxième paragraphe du problème.",
                "causes": "Des systèmes anciens ; des formats fermés, « propriétaires ».",
                "doneSoFar": "Un premier portail (2019).\nUne ligne après un retour à la ligne.",
                "fullText": "Texte intégral importé.\r\nUne ligne après un CRLF, gardé tel quel.",
                "solution": "Un entrepôt unique, ouvert à tous.",
                "expectedResults": "Des données complètes, à jour, réutilisées.",
                "transparency": "Les marchés deviennent lisibles.",
                "accountability": "Chacun peut demander des comptes.",
                "participation": "Des ateliers avec les réutilisateurs, \"hackathons\" compris.",
                "leadInstitutionId": HATVP.to_string(),
                "supportingInstitutionIds": [MINISTRY.to_string()],
                "otherSupporters": "Transparency International France, Regards Citoyens",
                "startDate": "2022-01-01", "endDate": "2023-06-30",
                "accessToInformation": true, "civicParticipation": false, "publicAccountability": true,
                "technologyInnovation": true,
                "contactName": "Camille Martin", "contactTitle": "Cheffe de projet",
                "contactDepartment": "Direction interministérielle de la transformation publique",
                "contactEmail": "camille.martin@example.gouv.fr", "contactPhone": "01 23 45 67 89"
            }),
        )),
    );
    d.insert(
        RecordKind::Commitment,
        C_IMPORTED,
        fields(with(
            commitment(AREA_1, 1, "Registre des représentants d'intérêts"),
            json!({
                "briefDescription": "Étendre le registre, avec les \"lobbies\" locaux.",
                "supportingInstitutionIds": [HATVP.to_string(), MINISTRY.to_string()],
                "endDate": "2023-06-30",
                "ogpId": "FR0042", "number": "2.1", "shortTitle": "Registre",
                "fullText": "Texte soumis, tel quel :\n« Étendre le registre ».",
                "startDateSource": "Mi-2022",
                "policyAreas": ["Anti-Corruption", "Lobbying"],
                "url": OGP_URL,
                "assessment": {
                    "specificity": assessed(json!("high")),
                    "verifiable": status("notAssessed"),
                    "relevantAccessToInformation": assessed(json!(true)),
                    "relevantCivicParticipation": assessed(json!(false)),
                    "relevantPublicAccountability": status("notRelevant"),
                    "relevantTechnology": status("notApplicable"),
                    "potentialImpact": assessed(json!("transformative")),
                    "potentialForResults": status("missing"),
                    "completionProgressReport": assessed(json!("substantial")),
                    "completionEndOfTerm": assessed(json!("complete")),
                    "openedGovernment": assessed(json!("major")),
                    "openedGovernmentAccessToInformation": assessed(json!("outstanding")),
                    "openedGovernmentCivicParticipation": assessed(json!("didNotChange")),
                    "openedGovernmentPublicAccountability": status("notAssessed"),
                    "earlyResults": status("missing"),
                    "starred": assessed(json!(true))
                },
                "sourceColumns": { "Action Plan Cycle": "2021-2023", "Notes": "a, \"b\"\nc" },
                "weight": 3
            }),
        )),
    );
    d.insert(
        RecordKind::Commitment,
        C_THEMATIC,
        fields(with(
            commitment(AREA_2, 0, "Réduire l'empreinte carbone, du numérique"),
            json!({
                "leadInstitutionId": MINISTRY.to_string(),
                "ogpId": "FR0043", "number": "3.1", "weight": 100,
                "assessment": {
                    "specificity": assessed(json!("low")),
                    "verifiable": assessed(json!(true)),
                    "relevantAccessToInformation": status("missing"),
                    "relevantCivicParticipation": status("missing"),
                    "relevantPublicAccountability": status("missing"),
                    "relevantTechnology": status("missing"),
                    "potentialImpact": assessed(json!("minor")),
                    "potentialForResults": assessed(json!("modest")),
                    "completionProgressReport": assessed(json!("notStarted")),
                    "completionEndOfTerm": assessed(json!("withdrawn")),
                    "openedGovernment": assessed(json!("noEarlyResultsYet")),
                    "openedGovernmentAccessToInformation": status("missing"),
                    "openedGovernmentCivicParticipation": status("missing"),
                    "openedGovernmentPublicAccountability": status("missing"),
                    "earlyResults": assessed(json!("noNotableResults")),
                    "starred": assessed(json!(false))
                }
            }),
        )),
    );
    d.insert(
        RecordKind::Milestone,
        M_1,
        fields(json!({
            "commitmentId": C_DRAFTED.to_string(), "position": 0, "title": "Cartographie des <données>",
            "expectedOutputs": "Une carte, publiée.", "startDate": "2022-01-01", "dueDate": "2022-03-31",
            "leadInstitutionId": MINISTRY.to_string(), "weight": 1
        })),
    );
    d.insert(
        RecordKind::Milestone,
        M_2,
        fields(json!({
            "commitmentId": C_DRAFTED.to_string(), "position": 1, "title": "Jalon \"deux\", avec virgule",
            "expectedOutputs": "Premier livrable.\n\nSecond livrable, « important ».", "startDate": null,
            "dueDate": "2023-06-30", "leadInstitutionId": HATVP.to_string(), "weight": 4
        })),
    );
    d.insert(
        RecordKind::Milestone,
        M_3,
        fields(json!({
            "commitmentId": C_IMPORTED.to_string(), "position": 0, "title": "Décret publié",
            "expectedOutputs": "", "startDate": null, "dueDate": null, "leadInstitutionId": null, "weight": 2
        })),
    );
    d.insert(
        RecordKind::Institution,
        COORDINATION,
        fields(json!({ "name": COORDINATION_NAME, "acronym": "DCGO", "kind": "other", "country": "France" })),
    );
    d.insert(
        RecordKind::Report,
        R_OWN,
        fields(with(
            report(C_DRAFTED, None, "2022-12-31", "substantial", HATVP),
            json!({
                "done": "Le portail est ouvert.\n\nLes marchés de 2022 y sont.",
                "results": "Des réutilisations, « nombreuses ».", "openedGovernment": "marginal",
                "links": [{ "title": "Portail", "url": "https://data.example.gouv.fr/marches" }]
            }),
        )),
    );
    d.insert(
        RecordKind::Report,
        R_M1,
        fields(with(
            report(C_DRAFTED, Some(M_1), "2022-03-31", "limited", MINISTRY),
            json!({
                "difficulties": "Des formats \"fermés\", des retards.",
                "nextSteps": "=Publier la carte",
                "links": [
                    { "title": TRICKY_LINK_TITLE, "url": "https://www.example.gouv.fr/cr.pdf?pages=1,2" },
                    { "title": "Carte", "url": "http://carte.example.fr/" }
                ],
                "files": r_m1_files()
            }),
        )),
    );
    d.insert(
        RecordKind::Report,
        R_M1_FIX,
        fields(with(
            report(C_DRAFTED, Some(M_1), "2022-04-05", "substantial", MINISTRY),
            json!({ "done": "- la carte était déjà publiée, d'où ce rectificatif", "corrects": R_M1.to_string() }),
        )),
    );
    d.insert(
        RecordKind::Report,
        R_M3,
        fields(with(
            report(C_IMPORTED, Some(M_3), "2023-01-15", "complete", COORDINATION),
            json!({
                "done": "Décret n° 2023-12 publié.", "onBehalf": true, "authorName": "Dominique Petit",
                "files": [file(SHA_DOCX, "Décret n° 2023-12.docx", 1, DOCX)]
            }),
        )),
    );
    d.insert(
        RecordKind::Round,
        ROUND_MID,
        fields(round("midTerm", "Rapport à mi-parcours, 2022", "2022-09-01", "2022-10-31", TRICKY_INSTRUCTIONS)),
    );
    // Due the day it opens: the earliest due date a round may have.
    d.insert(
        RecordKind::Round,
        ROUND_END,
        fields(round("endOfTerm", "Rapport de fin de plan", "2023-12-31", "2023-12-31", "")),
    );
    add_workshops(&mut d);
    d
}

/// The plan's two workshops, their participants and contributions.
fn add_workshops(d: &mut Dataset) {
    d.insert(
        RecordKind::Workshop,
        W_1,
        fields(with(
            workshop(MINISTRY, "Atelier « transparence », ouvert à tous", "2021-10-05", "2022-10-05"),
            json!({
                "place": "Salle 204, Ségur", "areaId": AREA_1.to_string(), "commitmentIds": [C_DRAFTED.to_string()],
                "consentText": "=Ce que vous dites est publié, \"sans\" votre nom.\n\nVotre nom reste à l'institution."
            }),
        )),
    );
    // Kept until the day it was held: the shortest keeping there is.
    d.insert(
        RecordKind::Workshop,
        W_2,
        fields(with(
            workshop(MINISTRY, "Atelier de relecture", "2021-11-20", "2021-11-20"),
            json!({ "commitmentIds": [GONE.to_string(), C_THEMATIC.to_string()] }),
        )),
    );
    d.insert(RecordKind::Participant, P_1, fields(participant(W_1, "association")));
    d.insert(RecordKind::Participant, P_2, fields(participant(W_1, "citizen")));
    d.insert(RecordKind::Participant, P_3, fields(participant(W_2, "electedOfficial")));
    d.insert(
        RecordKind::Contribution,
        K_PROPOSAL,
        fields(with(
            contribution(W_1, Some(P_1), "proposal", TRICKY_PROPOSAL),
            json!({
                "outcome": "kept", "commitmentIds": [C_DRAFTED.to_string()], "milestoneIds": [M_1.to_string()]
            }),
        )),
    );
    d.insert(
        RecordKind::Contribution,
        K_VOTE,
        fields(with(contribution(W_1, Some(P_2), "vote", ""), json!({ "proposalIds": [K_PROPOSAL.to_string()] }))),
    );
    d.insert(
        RecordKind::Contribution,
        K_COMMENT,
        fields(with(
            contribution(W_1, None, "comment", "Le jalon « deux » arrive trop tard."),
            json!({
                "aboutMilestoneId": M_2.to_string(), "outcome": "notKept",
                "outcomeReason": "- la date tient au décret, \"fixée\" par la loi"
            }),
        )),
    );
    d.insert(
        RecordKind::Contribution,
        K_MERGED,
        fields(with(
            contribution(W_2, Some(P_3), "proposal", "Associer les élus locaux."),
            json!({
                "outcome": "merged", "outcomeReason": "Reprise avec d'autres.", "commitmentIds": [GONE.to_string()]
            }),
        )),
    );
}

/// Compares two datasets record by record and field by field, naming the first difference.
fn assert_same(actual: &Dataset, expected: &Dataset) {
    let keys = |d: &Dataset| d.records.keys().copied().collect::<BTreeSet<_>>();
    assert_eq!(keys(actual), keys(expected), "not the same records");
    for (key, fields) in &expected.records {
        let got = &actual.records[key];
        for field in fields_of_kind(key.kind) {
            assert_eq!(got.get(*field), fields.get(*field), "{:?} {} field {field}", key.kind, key.id);
        }
        assert_eq!(got, fields, "{:?} {}", key.kind, key.id);
    }
    assert_eq!(actual, expected);
}

fn manifest_file(name: &str) -> String {
    std::fs::read_to_string(format!("{}/schema/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

// ---------------------------------------------------------------------------------------- JSON

#[test]
fn json_round_trip_gives_back_every_record_field_by_field() {
    let d = dataset();
    let doc = plan_json(&d, PLAN).unwrap();
    assert_same(&read_plan_json(&doc).unwrap(), &d);
    // Through the text of the published file.
    let text = plan_json_text(&d, PLAN).unwrap();
    let parsed: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed, doc);
    assert_same(&read_plan_json(&parsed).unwrap(), &d);
    // Written in reading order: the format, the plan, its areas; in a record its id, then its
    // fields in the template's order, then what it contains.
    assert!(
        text.starts_with(&format!(
        "{{\n  \"schema\": \"{SCHEMA_ID}\",\n  \"plan\": {{\n    \"id\": \"{PLAN}\",\n    \"country\": \"France\",\n"
    )),
        "{text}"
    );
    let order = [
        "\"planNumber\"",
        "\"rounds\"",
        "\"id\"",
        "\"kind\"",
        "\"title\"",
        "\"opensOn\"",
        "\"dueOn\"",
        "\"instructions\"",
        "\"workshops\"",
        "\"institutionId\"",
        "\"heldOn\"",
        "\"keepUntil\"",
        "\"participants\"",
        "\"organisationKind\"",
        "\"contributions\"",
        "\"participantId\"",
        "\"milestoneIds\"",
        "\"areas\"",
        "\"planId\"",
        "\"commitments\"",
        "\"areaId\"",
        "\"title\"",
        "\"briefDescription\"",
        "\"sourceColumns\"",
        "\"weight\"",
        "\"milestones\"",
        "\"commitmentId\"",
        "\"leadInstitutionId\"",
        "\"weight\"",
        "\"reports\"",
        "\"milestoneId\"",
        "\"reportedOn\"",
        "\"links\"",
        "\"files\"",
        "\"corrects\"",
        "\"onBehalf\"",
        "\"institutions\"",
    ];
    let mut at = 0;
    for key in order {
        at += text[at..].find(key).unwrap_or_else(|| panic!("{key} out of order"));
    }
    assert!(text.ends_with("}\n"));
    // The reports come back field by field, links with their commas and quotes included.
    let back = read_plan_json(&parsed).unwrap();
    assert_eq!(back.count(RecordKind::Report), 4);
    for id in [R_OWN, R_M1, R_M1_FIX, R_M3] {
        let (got, expected) = (back.get(RecordKind::Report, id).unwrap(), d.get(RecordKind::Report, id).unwrap());
        for field in fields_of_kind(RecordKind::Report) {
            assert_eq!(got.get(*field), expected.get(*field), "report {id} field {field}");
        }
    }
    assert_eq!(back.get(RecordKind::Report, R_M1).unwrap()["links"][0]["title"], TRICKY_LINK_TITLE);
    // Evidence files too, the name with a comma, quotes and a semicolon included; none is none.
    assert_eq!(back.get(RecordKind::Report, R_M1).unwrap()["files"], r_m1_files());
    assert_eq!(back.get(RecordKind::Report, R_M1).unwrap()["files"][0]["name"], TRICKY_FILE_NAME);
    assert_eq!(back.get(RecordKind::Report, R_M1_FIX).unwrap()["files"], json!([]));
    assert!(text.contains("\"name\": \"Compte rendu, \\\"version finale\\\"; annexes.pdf\""), "{text}");
    // The rounds come back field by field, their plan given by the plan they sit in, the
    // instructions with their commas, quotes, line breaks and leading `=`.
    assert_eq!(back.count(RecordKind::Round), 2);
    for id in [ROUND_MID, ROUND_END] {
        let (got, expected) = (back.get(RecordKind::Round, id).unwrap(), d.get(RecordKind::Round, id).unwrap());
        for field in fields_of_kind(RecordKind::Round) {
            assert_eq!(got.get(*field), expected.get(*field), "round {id} field {field}");
        }
        assert_eq!(got["planId"], PLAN.to_string());
    }
    assert_eq!(back.get(RecordKind::Round, ROUND_MID).unwrap()["instructions"], TRICKY_INSTRUCTIONS);
    assert!(text.contains(&format!("\"instructions\": {}", serde_json::to_string(TRICKY_INSTRUCTIONS).unwrap())));
    // The workshops come back field by field, their plan and workshop given by where they sit.
    assert_eq!(
        (back.count(RecordKind::Workshop), back.count(RecordKind::Participant), back.count(RecordKind::Contribution)),
        (2, 3, 4)
    );
    for kind in [RecordKind::Workshop, RecordKind::Participant, RecordKind::Contribution] {
        for (id, expected) in d.of_kind(kind) {
            assert_eq!(back.get(kind, id), Some(expected), "{kind:?} {id}");
        }
    }
    assert_eq!(back.get(RecordKind::Contribution, K_PROPOSAL).unwrap()["text"], TRICKY_PROPOSAL);
}

#[test]
fn json_document_is_ordered_nested_and_complete() {
    let d = dataset();
    let doc = plan_json(&d, PLAN).unwrap();
    assert_eq!(doc["schema"], SCHEMA_ID);
    assert_eq!(doc["plan"]["id"], PLAN.to_string());
    let areas = doc["areas"].as_array().unwrap();
    assert_eq!(
        areas.iter().map(|a| a["id"].as_str().unwrap()).collect::<Vec<_>>(),
        [AREA_1.to_string(), AREA_2.to_string()]
    );
    let first: Vec<_> = areas[0]["commitments"].as_array().unwrap().iter().map(|c| c["id"].clone()).collect();
    assert_eq!(first, [json!(C_DRAFTED.to_string()), json!(C_IMPORTED.to_string())]);
    let milestones: Vec<_> =
        areas[0]["commitments"][0]["milestones"].as_array().unwrap().iter().map(|m| m["id"].clone()).collect();
    assert_eq!(milestones, [json!(M_1.to_string()), json!(M_2.to_string())]);
    // Every field of every kind, and nothing else but the id and the nested lists.
    let check = |value: &Value, kind: RecordKind, children: &[&str]| {
        let keys: BTreeSet<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
        let mut expected: BTreeSet<&str> = fields_of_kind(kind).iter().copied().collect();
        expected.insert("id");
        expected.extend(children);
        assert_eq!(keys, expected, "{kind:?}");
    };
    check(&doc["plan"], RecordKind::Plan, &["rounds", "workshops"]);
    check(&areas[0], RecordKind::Area, &["commitments"]);
    check(&areas[0]["commitments"][0], RecordKind::Commitment, &["milestones", "reports"]);
    check(&areas[0]["commitments"][0]["milestones"][0], RecordKind::Milestone, &["reports"]);
    check(&areas[0]["commitments"][0]["reports"][0], RecordKind::Report, &[]);
    check(&areas[0]["commitments"][0]["milestones"][0]["reports"][0], RecordKind::Report, &[]);
    check(&doc["institutions"][0], RecordKind::Institution, &[]);
    // Institutions by name, the one named only by a report included.
    let names: Vec<&str> =
        doc["institutions"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            COORDINATION_NAME,
            "Haute Autorité pour la transparence de la vie publique",
            "Ministère de la Transition écologique"
        ]
    );

    // The plan's rounds in the plan, by due date (not by id), each with every field of a round but
    // its plan: the plan it sits in.
    let rounds = doc["plan"]["rounds"].as_array().unwrap();
    assert_eq!(
        rounds.iter().map(|r| r["id"].as_str().unwrap()).collect::<Vec<_>>(),
        [ROUND_MID.to_string(), ROUND_END.to_string()]
    );
    for round in rounds {
        let keys: Vec<&str> = round.as_object().unwrap().keys().map(String::as_str).collect();
        let expected: Vec<&str> = ["id"]
            .into_iter()
            .chain(fields_of_kind(RecordKind::Round).iter().copied().filter(|f| *f != "planId"))
            .collect();
        assert_eq!(keys.iter().copied().collect::<BTreeSet<_>>(), expected.iter().copied().collect::<BTreeSet<_>>());
    }
    assert_eq!(
        rounds[0],
        json!({ "id": ROUND_MID.to_string(), "kind": "midTerm", "title": "Rapport à mi-parcours, 2022",
                "opensOn": "2022-09-01", "dueOn": "2022-10-31", "instructions": TRICKY_INSTRUCTIONS })
    );
    assert!(doc.get("rounds").is_none() && areas[0].get("rounds").is_none(), "rounds only in the plan");
    // Rounds due the same day: by id.
    let mut same_day = d.clone();
    for id in [ROUND_MID, ROUND_END] {
        let round = same_day.records.get_mut(&record_key(RecordKind::Round, id)).unwrap();
        round.insert("opensOn".into(), json!("2022-09-01"));
        round.insert("dueOn".into(), json!("2022-10-31"));
    }
    let ids =
        |doc: &Value| doc["plan"]["rounds"].as_array().unwrap().iter().map(|r| r["id"].clone()).collect::<Vec<_>>();
    assert_eq!(ids(&plan_json(&same_day, PLAN).unwrap()), [json!(ROUND_END.to_string()), json!(ROUND_MID.to_string())]);
    // A plan without rounds has an empty list, written all the same.
    let mut none = d.clone();
    none.records.retain(|k, _| k.kind != RecordKind::Round);
    assert_eq!(plan_json(&none, PLAN).unwrap()["plan"]["rounds"], json!([]));

    // The plan's workshops in the plan, by day (not by id), each with every field of a workshop
    // but its plan, then its participants and contributions, each in the order it was made and
    // without its workshop: the workshop it sits in.
    let workshops = doc["plan"]["workshops"].as_array().unwrap();
    let list_ids = |list: &Value| list.as_array().unwrap().iter().map(|r| r["id"].clone()).collect::<Vec<_>>();
    assert_eq!(list_ids(&doc["plan"]["workshops"]), [json!(W_1.to_string()), json!(W_2.to_string())]);
    let in_place = |kind: RecordKind, implied: &str, children: &[&'static str]| {
        let mut expected: BTreeSet<&str> = fields_of_kind(kind).iter().copied().filter(|f| *f != implied).collect();
        expected.insert("id");
        expected.extend(children);
        expected
    };
    fn keys(value: &Value) -> BTreeSet<&str> {
        value.as_object().unwrap().keys().map(String::as_str).collect()
    }
    assert_eq!(keys(&workshops[0]), in_place(RecordKind::Workshop, "planId", &["participants", "contributions"]));
    assert_eq!(keys(&workshops[0]["participants"][0]), in_place(RecordKind::Participant, "workshopId", &[]));
    assert_eq!(keys(&workshops[0]["participants"][0]), BTreeSet::from(["id", "organisationKind"]), "nothing more");
    assert_eq!(keys(&workshops[0]["contributions"][0]), in_place(RecordKind::Contribution, "workshopId", &[]));
    assert_eq!(list_ids(&workshops[0]["participants"]), [json!(P_1.to_string()), json!(P_2.to_string())]);
    assert_eq!(
        list_ids(&workshops[0]["contributions"]),
        [json!(K_PROPOSAL.to_string()), json!(K_VOTE.to_string()), json!(K_COMMENT.to_string())]
    );
    assert_eq!(workshops[0]["participants"][0], json!({ "id": P_1.to_string(), "organisationKind": "association" }));
    assert_eq!(workshops[0]["contributions"][1]["proposalIds"], json!([K_PROPOSAL.to_string()]));
    assert_eq!(workshops[0]["contributions"][2]["participantId"], Value::Null);
    assert_eq!(workshops[1]["commitmentIds"], json!([GONE.to_string(), C_THEMATIC.to_string()]));
    assert!(doc.get("workshops").is_none() && areas[0].get("workshops").is_none(), "workshops only in the plan");
    // A plan without workshops has an empty list, written all the same.
    let mut none = d.clone();
    none.records
        .retain(|k, _| !matches!(k.kind, RecordKind::Workshop | RecordKind::Participant | RecordKind::Contribution));
    assert_eq!(plan_json(&none, PLAN).unwrap()["plan"]["workshops"], json!([]));

    // Weights, as the records hold them.
    let weights = |list: &Value| list.as_array().unwrap().iter().map(|r| r["weight"].clone()).collect::<Vec<_>>();
    assert_eq!(weights(&areas[0]["commitments"]), [json!(1), json!(3)]);
    assert_eq!(weights(&areas[1]["commitments"]), [json!(100)]);
    assert_eq!(weights(&areas[0]["commitments"][0]["milestones"]), [json!(1), json!(4)]);

    // Each timeline in the record it is about, oldest first: the commitment's own reports in the
    // commitment, a milestone's in the milestone; none elsewhere.
    let ids = |list: &Value| list.as_array().unwrap().iter().map(|r| r["id"].clone()).collect::<Vec<_>>();
    let drafted = &areas[0]["commitments"][0];
    assert_eq!(ids(&drafted["reports"]), [json!(R_OWN.to_string())]);
    assert_eq!(ids(&drafted["milestones"][0]["reports"]), [json!(R_M1.to_string()), json!(R_M1_FIX.to_string())]);
    assert_eq!(ids(&drafted["milestones"][1]["reports"]), Vec::<Value>::new());
    let imported = &areas[0]["commitments"][1];
    assert_eq!(ids(&imported["reports"]), Vec::<Value>::new());
    assert_eq!(ids(&imported["milestones"][0]["reports"]), [json!(R_M3.to_string())]);
    assert_eq!(drafted["reports"][0]["milestoneId"], Value::Null);
    assert_eq!(drafted["milestones"][0]["reports"][1]["corrects"], R_M1.to_string());
    assert_eq!(
        drafted["milestones"][0]["reports"][0]["links"][0],
        json!({ "title": TRICKY_LINK_TITLE, "url": "https://www.example.gouv.fr/cr.pdf?pages=1,2" })
    );
    assert_eq!(imported["milestones"][0]["reports"][0]["onBehalf"], true);
    // Evidence files named in the report, each by its SHA-256, name, size and media type only:
    // no content.
    assert_eq!(drafted["milestones"][0]["reports"][0]["files"], r_m1_files());
    assert_eq!(drafted["milestones"][0]["reports"][1]["files"], json!([]));
    assert_eq!(drafted["reports"][0]["files"], json!([]));
    assert_eq!(imported["milestones"][0]["reports"][0]["files"][0]["sha256"], SHA_DOCX);
    for file in drafted["milestones"][0]["reports"][0]["files"].as_array().unwrap() {
        let keys: Vec<&str> = file.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys.iter().copied().collect::<BTreeSet<_>>(),
            BTreeSet::from(["sha256", "name", "size", "mediaType"])
        );
    }
}

#[test]
fn exports_carry_only_the_plan_and_the_institutions_it_names() {
    let mut d = dataset();
    let other_plan = Uuid::from_u128(99);
    let other_area = Uuid::from_u128(98);
    let other_commitment = Uuid::from_u128(97);
    let unnamed = Uuid::from_u128(96);
    d.insert(
        RecordKind::Plan,
        other_plan,
        fields(json!({ "country": "France", "title": "Autre", "periodStart": "2018-01-01",
                       "periodEnd": "2020-12-31", "ogpPlanId": null, "planNumber": null })),
    );
    d.insert(
        RecordKind::Area,
        other_area,
        fields(json!({ "planId": other_plan.to_string(), "kind": "thematic", "title": "Autre axe",
                       "description": "", "position": 0 })),
    );
    // A record of another plan that could not be exported does not stop this plan's export.
    d.insert(
        RecordKind::Commitment,
        other_commitment,
        fields(with(
            commitment(other_area, 0, "Autre"),
            json!({ "planId": other_plan.to_string(), "startDate": "hier" }),
        )),
    );
    d.insert(RecordKind::Institution, unnamed, fields(json!({ "name": "Personne", "acronym": "", "kind": "other" })));
    // A report of the other plan, naming an institution of no record: left out with its plan.
    d.insert(
        RecordKind::Report,
        Uuid::from_u128(95),
        fields(report(other_commitment, None, "2019-01-01", "limited", Uuid::from_u128(94))),
    );
    // A workshop of the other plan, kept until before it was held, with a participant and a vote
    // for a proposal of this plan: left out with its plan, without stopping this plan's export.
    let other_workshop = Uuid::from_u128(92);
    d.insert(
        RecordKind::Workshop,
        other_workshop,
        fields(with(
            workshop(unnamed, "Atelier d'un autre plan", "2019-03-01", "2019-02-01"),
            json!({ "planId": other_plan.to_string() }),
        )),
    );
    d.insert(RecordKind::Participant, Uuid::from_u128(91), fields(participant(other_workshop, "company")));
    d.insert(
        RecordKind::Contribution,
        Uuid::from_u128(90),
        fields(with(
            contribution(other_workshop, Some(Uuid::from_u128(91)), "vote", ""),
            json!({ "proposalIds": [K_PROPOSAL.to_string()] }),
        )),
    );
    // A round of the other plan, due before it opens: left out with its plan, without stopping
    // this plan's export.
    d.insert(
        RecordKind::Round,
        Uuid::from_u128(93),
        fields(with(
            round("other", "Autre campagne", "2019-06-01", "2019-05-01", ""),
            json!({ "planId": other_plan.to_string() }),
        )),
    );

    let doc = plan_json(&d, PLAN).unwrap();
    assert_eq!(doc["institutions"].as_array().unwrap().len(), 3);
    assert_same(&read_plan_json(&doc).unwrap(), &dataset());
    assert_same(&plan_dataset(&d, PLAN).unwrap(), &dataset());
    assert!(!commitments_csv(&d, PLAN).unwrap().contains("Autre"));
    assert!(!reports_csv(&d, PLAN).unwrap().contains("2019-01-01"));
    assert!(!rounds_csv(&d, PLAN).unwrap().contains("Autre campagne"));
    assert!(!workshops_csv(&d, PLAN).unwrap().contains("Atelier d'un autre plan"));
    assert!(!participants_csv(&d, PLAN).unwrap().contains("company"));
    assert_eq!(contributions_csv(&d, PLAN).unwrap(), contributions_csv(&dataset(), PLAN).unwrap());
    assert_eq!(doc["plan"]["rounds"].as_array().unwrap().len(), 2);
}

#[test]
fn json_validates_against_the_committed_json_schema() {
    let schema: Value = serde_json::from_str(&manifest_file("plan.schema.json")).unwrap();
    assert_eq!(schema, serde_json::from_str::<Value>(PLAN_SCHEMA).unwrap(), "the crate embeds the committed file");
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["$id"], SCHEMA_ID);
    jsonschema::meta::validate(&schema).unwrap();
    let validator = jsonschema::draft202012::options().should_validate_formats(true).build(&schema).unwrap();

    let doc = plan_json(&dataset(), PLAN).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // The schema is precise: each of these breaks it.
    type Breaking = Box<dyn Fn(&mut Value)>;
    let broken: Vec<(&str, Breaking)> = vec![
        ("bad date", Box::new(|d: &mut Value| d["plan"]["periodEnd"] = json!("2023-02-30"))),
        ("date shape", Box::new(|d: &mut Value| d["areas"][0]["commitments"][0]["startDate"] = json!("1/2/2022"))),
        (
            "missing field",
            Box::new(|d: &mut Value| {
                d["areas"][0]["commitments"][0].as_object_mut().unwrap().remove("causes");
            }),
        ),
        ("extra field", Box::new(|d: &mut Value| d["areas"][0]["extra"] = json!(1))),
        ("area kind", Box::new(|d: &mut Value| d["areas"][0]["kind"] = json!("other"))),
        ("institution kind", Box::new(|d: &mut Value| d["institutions"][0]["kind"] = json!("agency"))),
        ("empty title", Box::new(|d: &mut Value| d["areas"][1]["commitments"][0]["title"] = json!(""))),
        ("uuid", Box::new(|d: &mut Value| d["areas"][0]["planId"] = json!("not-a-uuid"))),
        ("negative position", Box::new(|d: &mut Value| d["areas"][0]["position"] = json!(-1))),
        ("boolean", Box::new(|d: &mut Value| d["areas"][0]["commitments"][0]["civicParticipation"] = json!("yes"))),
        (
            "scale value",
            Box::new(|d: &mut Value| {
                d["areas"][0]["commitments"][1]["assessment"]["specificity"] = assessed(json!("enormous"));
            }),
        ),
        (
            "status",
            Box::new(|d: &mut Value| {
                d["areas"][0]["commitments"][1]["assessment"]["verifiable"] = status("unknown");
            }),
        ),
        (
            "assessment entry missing",
            Box::new(|d: &mut Value| {
                d["areas"][0]["commitments"][1]["assessment"].as_object_mut().unwrap().remove("starred");
            }),
        ),
        ("source columns", Box::new(|d: &mut Value| d["areas"][0]["commitments"][1]["sourceColumns"]["n"] = json!(1))),
        ("schema id", Box::new(|d: &mut Value| d["schema"] = json!("urn:other"))),
        ("weight 0", Box::new(|d: &mut Value| d["areas"][0]["commitments"][0]["weight"] = json!(0))),
        (
            "weight 101",
            Box::new(|d: &mut Value| d["areas"][0]["commitments"][0]["milestones"][1]["weight"] = json!(101)),
        ),
        ("weight text", Box::new(|d: &mut Value| d["areas"][1]["commitments"][0]["weight"] = json!("1"))),
        (
            "missing weight",
            Box::new(|d: &mut Value| {
                d["areas"][0]["commitments"][0]["milestones"][0].as_object_mut().unwrap().remove("weight");
            }),
        ),
        (
            "missing reports",
            Box::new(|d: &mut Value| {
                d["areas"][0]["commitments"][0]["milestones"][0].as_object_mut().unwrap().remove("reports");
            }),
        ),
        ("round kind", Box::new(|d: &mut Value| d["plan"]["rounds"][0]["kind"] = json!("annual"))),
        ("round empty title", Box::new(|d: &mut Value| d["plan"]["rounds"][1]["title"] = json!(""))),
        ("round bad date", Box::new(|d: &mut Value| d["plan"]["rounds"][0]["opensOn"] = json!("2022-02-30"))),
        ("round date shape", Box::new(|d: &mut Value| d["plan"]["rounds"][0]["dueOn"] = json!("31/10/2022"))),
        ("round without due date", Box::new(|d: &mut Value| d["plan"]["rounds"][1]["dueOn"] = Value::Null)),
        ("round instructions", Box::new(|d: &mut Value| d["plan"]["rounds"][1]["instructions"] = Value::Null)),
        ("round id", Box::new(|d: &mut Value| d["plan"]["rounds"][0]["id"] = json!("not-a-uuid"))),
        (
            "round missing instructions",
            Box::new(|d: &mut Value| {
                d["plan"]["rounds"][0].as_object_mut().unwrap().remove("instructions");
            }),
        ),
        ("round naming its plan", Box::new(|d: &mut Value| d["plan"]["rounds"][0]["planId"] = json!(PLAN.to_string()))),
        ("rounds not a list", Box::new(|d: &mut Value| d["plan"]["rounds"] = json!({}))),
        (
            "rounds out of the plan",
            Box::new(|d: &mut Value| {
                let rounds = d["plan"].as_object_mut().unwrap().remove("rounds").unwrap();
                d["rounds"] = rounds;
            }),
        ),
        // A participant is its id and kind, nothing else: a name is one member too many.
        (
            "participant with a name",
            Box::new(|d: &mut Value| d["plan"]["workshops"][0]["participants"][0]["name"] = json!("Awa")),
        ),
        (
            "participant with an address",
            Box::new(|d: &mut Value| {
                d["plan"]["workshops"][0]["participants"][0]["contactEmail"] = json!("awa@example.org")
            }),
        ),
        (
            "organisation kind",
            Box::new(|d: &mut Value| d["plan"]["workshops"][0]["participants"][1]["organisationKind"] = json!("ngo")),
        ),
        (
            "contribution kind",
            Box::new(|d: &mut Value| d["plan"]["workshops"][0]["contributions"][0]["kind"] = json!("idea")),
        ),
        (
            "outcome",
            Box::new(|d: &mut Value| d["plan"]["workshops"][0]["contributions"][0]["outcome"] = json!("accepted")),
        ),
        (
            "proposal ids",
            Box::new(|d: &mut Value| d["plan"]["workshops"][0]["contributions"][1]["proposalIds"] = json!(["une"])),
        ),
        (
            "contribution naming its workshop",
            Box::new(|d: &mut Value| {
                d["plan"]["workshops"][0]["contributions"][0]["workshopId"] = json!(W_1.to_string())
            }),
        ),
        (
            "workshop naming its plan",
            Box::new(|d: &mut Value| d["plan"]["workshops"][0]["planId"] = json!(PLAN.to_string())),
        ),
        (
            "workshop without facilitator",
            Box::new(|d: &mut Value| d["plan"]["workshops"][1]["facilitator"] = json!("")),
        ),
        ("workshop bad date", Box::new(|d: &mut Value| d["plan"]["workshops"][1]["heldOn"] = json!("2021-11-31"))),
        (
            "workshop missing its information text",
            Box::new(|d: &mut Value| {
                d["plan"]["workshops"][0].as_object_mut().unwrap().remove("consentText");
            }),
        ),
        ("participants not a list", Box::new(|d: &mut Value| d["plan"]["workshops"][0]["participants"] = json!({}))),
        (
            "contributions missing",
            Box::new(|d: &mut Value| {
                d["plan"]["workshops"][1].as_object_mut().unwrap().remove("contributions");
            }),
        ),
        ("identities", Box::new(|d: &mut Value| d["plan"]["workshops"][0]["identities"] = json!([{ "name": "Awa" }]))),
    ];
    let refused = |what: &str, bad: &Value| {
        assert!(!validator.is_valid(bad), "the schema lets through: {what}");
        assert!(read_plan_json(bad).is_err(), "the reader lets through: {what}");
    };
    for (what, breaking) in broken {
        let mut bad = doc.clone();
        breaking(&mut bad);
        refused(what, &bad);
    }
    // A report's members: each of these values (`None`: the member removed) breaks it.
    let url = |url: &str| json!([{ "title": "Lien", "url": url }]);
    let report_values = [
        ("status", Some(json!("done"))),
        ("openedGovernment", Some(json!("great"))),
        ("reportedOn", Some(Value::Null)),
        ("authorId", Some(json!("camille"))),
        ("authorName", Some(json!(""))),
        ("onBehalf", Some(Value::Null)),
        ("corrects", None),
        ("createdAt", Some(json!("2022-12-31T10:00:00Z"))),
        ("links", Some(json!(["https://x.fr/"]))),
        ("links", Some(json!([{ "title": "Sans adresse" }]))),
        ("links", Some(json!([{ "title": "Lien", "url": "https://x.fr/", "kind": "pdf" }]))),
        ("links", Some(url("ftp://x.fr/"))),
        ("links", Some(url("https://x.fr/a b"))),
        ("links", Some(url("https://"))),
        ("files", None),
        ("files", Some(Value::Null)),
        ("files", Some(json!({}))),
        ("files", Some(json!([SHA_PDF]))),
    ];
    for (field, value) in report_values {
        let mut bad = doc.clone();
        let report = bad.pointer_mut("/areas/0/commitments/0/reports/0").unwrap().as_object_mut().unwrap();
        match &value {
            Some(value) => report.insert(field.into(), value.clone()),
            None => report.remove(field),
        };
        refused(&format!("report {field} {value:?}"), &bad);
    }
    // Every kind of round, and a round due the day it opens, are valid for both.
    assert_eq!(doc["plan"]["rounds"][1]["opensOn"], doc["plan"]["rounds"][1]["dueOn"]);
    for code in RoundKind::CODES {
        let mut good = doc.clone();
        good["plan"]["rounds"][0]["kind"] = json!(code);
        assert!(validator.is_valid(&good), "{code}");
        assert_eq!(read_plan_json(&good).unwrap().get(RecordKind::Round, ROUND_MID).unwrap()["kind"], *code);
    }
    // A JSON Schema cannot compare two dates: a round due before it opens is valid for the schema,
    // which says so in words, and the reader refuses it.
    let mut early = doc.clone();
    early["plan"]["rounds"][0]["dueOn"] = json!("2022-08-31");
    assert!(validator.is_valid(&early));
    assert!(read_plan_json(&early).is_err());
    assert!(schema["$defs"]["round"]["properties"]["dueOn"]["description"]
        .as_str()
        .unwrap()
        .contains("never before it opens (opensOn)"));
    // Nor can it say what a contribution names: valid for the schema, refused by the reader.
    for (what, change) in [("data kept until before the workshop", json!({ "keepUntil": "2021-10-04" }))] {
        let mut bad = doc.clone();
        for (k, v) in change.as_object().unwrap() {
            bad["plan"]["workshops"][0][k] = v.clone();
        }
        assert!(validator.is_valid(&bad), "{what}");
        assert!(read_plan_json(&bad).is_err(), "{what}");
    }
    for (what, contribution, field, value) in [
        ("an author of another workshop", 0, "participantId", json!(P_3.to_string())),
        ("a vote for a comment", 1, "proposalIds", json!([K_COMMENT.to_string()])),
        ("a vote for a proposal of another workshop", 1, "proposalIds", json!([K_MERGED.to_string()])),
    ] {
        let mut bad = doc.clone();
        bad["plan"]["workshops"][0]["contributions"][contribution][field] = value;
        assert!(validator.is_valid(&bad), "{what}");
        assert!(read_plan_json(&bad).is_err(), "{what}");
    }
    // A workshop kept until the day it was held, a contribution of the facilitation, a commitment
    // deleted since: valid for both.
    assert_eq!(doc["plan"]["workshops"][1]["heldOn"], doc["plan"]["workshops"][1]["keepUntil"]);
    assert!(read_plan_json(&doc).unwrap().get(RecordKind::Workshop, W_2).is_some());
}

/// The documents of the version before workshops, `urn:plan-ouvert:plan:v2`, stay readable: as
/// plans without workshops, with or without `rounds` (the first v2 documents had none). A v2
/// document holding workshops is refused: that version had none. A v3 document has both lists.
#[test]
fn v2_documents_read_as_plans_without_workshops() {
    let schema: Value = serde_json::from_str(PLAN_SCHEMA).unwrap();
    let validator = jsonschema::draft202012::options().should_validate_formats(true).build(&schema).unwrap();
    let current = plan_json(&dataset(), PLAN).unwrap();
    assert_eq!(current["schema"], "urn:plan-ouvert:plan:v3");
    assert_eq!(SCHEMA_ID_V2, "urn:plan-ouvert:plan:v2");
    let mut v2 = current.clone();
    v2["schema"] = json!(SCHEMA_ID_V2);
    v2["plan"].as_object_mut().unwrap().remove("workshops");
    let mut expected = dataset();
    expected
        .records
        .retain(|k, _| !matches!(k.kind, RecordKind::Workshop | RecordKind::Participant | RecordKind::Contribution));
    assert_same(&read_plan_json(&v2).unwrap(), &expected);
    // Without its rounds, as the first v2 documents were written.
    let mut older = v2.clone();
    older["plan"].as_object_mut().unwrap().remove("rounds");
    let mut without_rounds = expected.clone();
    without_rounds.records.retain(|k, _| k.kind != RecordKind::Round);
    let back = read_plan_json(&older).unwrap();
    assert_eq!(back.count(RecordKind::Round), 0);
    assert_same(&back, &without_rounds);
    // A v2 document with workshops is not one.
    let mut mixed = v2.clone();
    mixed["plan"]["workshops"] = json!([]);
    assert_eq!(
        read_plan_json(&mixed).unwrap_err(),
        ExportError::InvalidJson { path: "$.plan.workshops".into(), problem: Problem::Unexpected }
    );
    // A v3 document has both lists, even empty: the schema and the reader require them.
    for member in ["rounds", "workshops"] {
        let mut lacking = current.clone();
        lacking["plan"].as_object_mut().unwrap().remove(member);
        assert!(!validator.is_valid(&lacking), "the schema lets through a plan without {member}");
        assert_eq!(
            read_plan_json(&lacking).unwrap_err(),
            ExportError::InvalidJson { path: format!("$.plan.{member}"), problem: Problem::Missing }
        );
    }
    // The schema describes the current version only, both lists required and described in French
    // and English.
    let plan = &schema["$defs"]["plan"];
    for (member, item) in [("rounds", "#/$defs/round"), ("workshops", "#/$defs/workshop")] {
        assert!(plan["required"].as_array().unwrap().contains(&json!(member)));
        assert_eq!(plan["properties"][member]["items"]["$ref"], item);
        assert!(plan["properties"][member]["description"].as_str().unwrap().contains(" — "));
    }
    assert!(!validator.is_valid(&v2), "a v2 document names another format than the schema's");
}

#[test]
fn json_schema_describes_every_field_and_every_assessment_code() {
    let schema: Value = serde_json::from_str(PLAN_SCHEMA).unwrap();
    let defs = &schema["$defs"];
    // Each record's id, fields and nested lists; a round's and a workshop's plan is the plan it
    // sits in, a participant's and a contribution's workshop the workshop it sits in.
    for (def, kind, children, optional, implied) in [
        ("plan", RecordKind::Plan, &["rounds", "workshops"][..], &[] as &[&str], None),
        ("round", RecordKind::Round, &[][..], &[][..], Some("planId")),
        ("workshop", RecordKind::Workshop, &["participants", "contributions"][..], &[][..], Some("planId")),
        ("participant", RecordKind::Participant, &[][..], &[][..], Some("workshopId")),
        ("contribution", RecordKind::Contribution, &[][..], &[][..], Some("workshopId")),
        ("area", RecordKind::Area, &["commitments"][..], &[][..], None),
        ("commitment", RecordKind::Commitment, &["milestones", "reports"][..], &[][..], None),
        ("milestone", RecordKind::Milestone, &["reports"][..], &[][..], None),
        ("report", RecordKind::Report, &[][..], &[][..], None),
        ("institution", RecordKind::Institution, &[][..], &[][..], None),
    ] {
        let required: BTreeSet<&str> =
            defs[def]["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        let mut expected: BTreeSet<&str> =
            fields_of_kind(kind).iter().copied().filter(|f| Some(*f) != implied).collect();
        expected.insert("id");
        expected.extend(children);
        assert_eq!(required, expected, "{def}");
        expected.extend(optional);
        let properties: BTreeSet<&str> =
            defs[def]["properties"].as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(properties, expected, "{def}");
        assert_eq!(defs[def]["additionalProperties"], false, "{def}");
        for (name, property) in defs[def]["properties"].as_object().unwrap() {
            let description = property["description"].as_str().unwrap_or_default();
            assert!(description.contains(" — "), "{def}.{name} has a French and an English description");
        }
    }
    // Evidence files: every member described in French and English, and the bounds those of the
    // domain.
    let evidence = &defs["evidenceFile"];
    let members = ["sha256", "name", "size", "mediaType"];
    assert_eq!(evidence["required"], json!(members));
    assert_eq!(evidence["additionalProperties"], false);
    let properties = evidence["properties"].as_object().unwrap();
    assert_eq!(properties.keys().map(String::as_str).collect::<BTreeSet<_>>(), BTreeSet::from(members));
    for (name, property) in properties {
        let description = property["description"].as_str().unwrap_or_default();
        assert!(description.contains(" — "), "evidenceFile.{name} has a French and an English description");
    }
    for def in ["evidenceFile", "fileList"] {
        assert!(defs[def]["description"].as_str().unwrap_or_default().contains(" — "), "{def}");
    }
    assert_eq!(properties["sha256"]["pattern"], "^[0-9a-f]{64}$");
    assert_eq!(properties["name"]["minLength"], 1);
    assert_eq!(properties["name"]["maxLength"], ShortText::MAX);
    assert_eq!(
        (&properties["size"]["minimum"], &properties["size"]["maximum"]),
        (&json!(1), &json!(EvidenceFile::MAX_SIZE))
    );
    assert_eq!(properties["mediaType"]["enum"], json!(EvidenceFile::media_types()));
    assert_eq!(defs["fileList"]["maxItems"], EvidenceFile::MAX_PER_REPORT);
    assert_eq!(defs["fileList"]["uniqueItems"], true);
    assert_eq!(defs["report"]["properties"]["files"]["$ref"], "#/$defs/fileList");
    // Workshops: the domain's codes, each description in French and English; the outcome may be
    // null (to be examined).
    assert_eq!(defs["organisationKind"]["enum"], json!(plan_ouvert_domain::OrganisationKind::CODES));
    assert_eq!(defs["contributionKind"]["enum"], json!(plan_ouvert_domain::ContributionKind::CODES));
    let mut outcomes = json!(plan_ouvert_domain::ContributionOutcome::CODES);
    outcomes.as_array_mut().unwrap().push(Value::Null);
    assert_eq!(defs["optionalContributionOutcome"]["enum"], outcomes);
    for def in [
        "organisationKind",
        "contributionKind",
        "optionalContributionOutcome",
        "workshop",
        "participant",
        "contribution",
    ] {
        assert!(defs[def]["description"].as_str().unwrap().contains(" — "), "{def}");
    }
    assert!(defs["participant"]["description"].as_str().unwrap().contains("never published"));
    // Rounds: the domain's kinds, dates, a title, a text.
    assert_eq!(defs["roundKind"]["enum"], json!(RoundKind::CODES));
    assert!(defs["roundKind"]["description"].as_str().unwrap().contains(" — "));
    assert!(defs["round"]["description"].as_str().unwrap().contains(" — "));
    let round = &defs["round"]["properties"];
    for (field, def) in [
        ("id", "uuid"),
        ("kind", "roundKind"),
        ("title", "title"),
        ("opensOn", "date"),
        ("dueOn", "date"),
        ("instructions", "text"),
    ] {
        assert_eq!(round[field]["$ref"], format!("#/$defs/{def}"), "round.{field}");
    }

    let entries = defs["assessment"]["required"].as_array().unwrap();
    assert_eq!(
        entries.iter().map(|e| e.as_str().unwrap()).collect::<Vec<_>>(),
        ASSESSMENT_ENTRIES.iter().map(|e| e.key).collect::<Vec<_>>()
    );
    // Every code of every scale is accepted, and nothing else.
    let validator = jsonschema::draft202012::options().should_validate_formats(true).build(&schema).unwrap();
    let base = plan_json(&dataset(), PLAN).unwrap();
    for entry in ASSESSMENT_ENTRIES {
        for code in entry.codes() {
            let mut doc = base.clone();
            let value = if ["notAssessed", "notRelevant", "notApplicable", "missing"].contains(&code.as_str()) {
                status(&code)
            } else if code == "true" || code == "false" {
                assessed(json!(code == "true"))
            } else {
                assessed(json!(code))
            };
            doc["areas"][0]["commitments"][1]["assessment"][entry.key] = value;
            assert!(validator.is_valid(&doc), "{} {code}", entry.key);
            assert!(read_plan_json(&doc).is_ok(), "{} {code}", entry.key);
        }
    }
    // Every code a report's status and opened government may have, and the extreme weights.
    let report_values = plan_ouvert_domain::ProgressStatus::CODES
        .iter()
        .map(|code| ("status", json!(code)))
        .chain(plan_ouvert_domain::OPENED_GOVERNMENT_CODES.iter().map(|code| ("openedGovernment", json!(code))));
    for (field, value) in report_values {
        let mut doc = base.clone();
        doc["areas"][0]["commitments"][0]["reports"][0][field] = value.clone();
        assert!(validator.is_valid(&doc), "{field} {value}");
        assert!(read_plan_json(&doc).is_ok(), "{field} {value}");
    }
    for weight in [1, 100] {
        let mut doc = base.clone();
        doc["areas"][0]["commitments"][0]["milestones"][0]["weight"] = json!(weight);
        assert!(validator.is_valid(&doc) && read_plan_json(&doc).is_ok(), "{weight}");
    }
}

/// The files a report may name, as the JSON Schema, the JSON reader and the CSV reader each see
/// them: each list either valid for all three, and read back exactly, or refused by all three
/// (the CSV reader at the report's line and the `files` column).
#[test]
fn evidence_files_are_checked_alike_by_the_schema_and_both_readers() {
    let schema: Value = serde_json::from_str(PLAN_SCHEMA).unwrap();
    let validator = jsonschema::draft202012::options().should_validate_formats(true).build(&schema).unwrap();
    let pdf = |name: &str| file(SHA_PDF, name, 10, "application/pdf");
    let max_name = "é".repeat(ShortText::MAX - 4) + ".pdf";
    let twenty: Vec<Value> = (0..EvidenceFile::MAX_PER_REPORT)
        .map(|i| file(&format!("{i:064x}"), "Pièce.pdf", 1, "application/pdf"))
        .collect();
    let mut valid = vec![
        ("none", json!([])),
        ("the tricky name", json!([pdf(TRICKY_FILE_NAME)])),
        ("a name of the longest length", json!([pdf(&max_name)])),
        ("letters beyond ASCII", json!([pdf("Synthèse 📄 « finale ».pdf")])),
        ("a zero-width no-break space, not white space", json!([pdf("Bilan\u{feff}.pdf")])),
        ("the smallest size", json!([file(SHA_PDF, "a.pdf", 1, "application/pdf")])),
        ("the largest size", json!([file(SHA_PDF, "a.pdf", EvidenceFile::MAX_SIZE, "application/pdf")])),
        ("the most files", Value::Array(twenty.clone())),
        ("two files with the same name", json!([pdf("a.pdf"), file(SHA_PNG, "a.pdf", 10, "application/pdf")])),
    ];
    for media_type in EvidenceFile::media_types() {
        valid.push(("each media type", json!([file(SHA_PDF, "fichier", 10, media_type)])));
    }
    let mut twenty_one = twenty;
    twenty_one.push(file(SHA_PDF, "Une de trop.pdf", 1, "application/pdf"));
    let too_long = "é".repeat(ShortText::MAX - 3) + ".pdf";
    let invalid = [
        ("a sha in upper case", json!([file(&SHA_PDF.to_uppercase(), "a.pdf", 10, "application/pdf")])),
        ("a sha too short", json!([file(&SHA_PDF[1..], "a.pdf", 10, "application/pdf")])),
        ("a sha too long", json!([file(&format!("{SHA_PDF}0"), "a.pdf", 10, "application/pdf")])),
        ("a sha not hex", json!([file(&SHA_PDF.replace('a', "g"), "a.pdf", 10, "application/pdf")])),
        ("an empty name", json!([pdf("")])),
        ("a name too long", json!([pdf(&too_long)])),
        ("a name with a space before", json!([pdf(" a.pdf")])),
        ("a name with a space after", json!([pdf("a.pdf ")])),
        ("a name with two spaces", json!([pdf("a  b.pdf")])),
        ("a name with a tab", json!([pdf("a\tb.pdf")])),
        ("a name with a line break", json!([pdf("a\nb.pdf")])),
        ("a name with a no-break space", json!([pdf("a\u{a0}b.pdf")])),
        ("a name with an ideographic space", json!([pdf("a\u{3000}b.pdf")])),
        ("a name with a control character", json!([pdf("a\u{7}b.pdf")])),
        ("a name with a C1 control character", json!([pdf("a\u{85}b.pdf")])),
        (
            "a name that is not text",
            json!([{ "sha256": SHA_PDF, "name": 1, "size": 10, "mediaType": "application/pdf" }]),
        ),
        ("an empty file", json!([file(SHA_PDF, "a.pdf", 0, "application/pdf")])),
        ("a size too large", json!([file(SHA_PDF, "a.pdf", EvidenceFile::MAX_SIZE + 1, "application/pdf")])),
        (
            "a negative size",
            json!([{ "sha256": SHA_PDF, "name": "a.pdf", "size": -1, "mediaType": "application/pdf" }]),
        ),
        (
            "a size in text",
            json!([{ "sha256": SHA_PDF, "name": "a.pdf", "size": "10", "mediaType": "application/pdf" }]),
        ),
        (
            "a fractional size",
            json!([{ "sha256": SHA_PDF, "name": "a.pdf", "size": 1.5, "mediaType": "application/pdf" }]),
        ),
        ("an unknown media type", json!([file(SHA_PDF, "a.txt", 10, "text/plain")])),
        ("a media type in upper case", json!([file(SHA_PDF, "a.pdf", 10, "APPLICATION/PDF")])),
        ("a media type with parameters", json!([file(SHA_PDF, "a.pdf", 10, "application/pdf; charset=binary")])),
        ("a member missing", json!([{ "sha256": SHA_PDF, "name": "a.pdf", "size": 10 }])),
        (
            "a member more",
            json!([{ "sha256": SHA_PDF, "name": "a.pdf", "size": 10, "mediaType": "application/pdf", "content": "JVBERi0=" }]),
        ),
        ("not an object", json!([SHA_PDF])),
        ("the same file twice", json!([pdf("a.pdf"), pdf("a.pdf")])),
        ("too many files", Value::Array(twenty_one)),
    ];

    let base = plan_json(&dataset(), PLAN).unwrap();
    let at = "/areas/0/commitments/0/milestones/0/reports/0/files";
    assert_eq!(base.pointer(at).unwrap(), &r_m1_files(), "R_M1's files");
    let all_files = csv_files(&dataset());
    let (header, rows) = parse_csv(&all_files[2]);
    let files_column = REPORT_COLUMNS.iter().position(|c| *c == "files").unwrap();
    assert_eq!(rows[1][0], R_M1.to_string());
    let with_files = |files: &Value| {
        let mut doc = base.clone();
        *doc.pointer_mut(at).unwrap() = files.clone();
        let mut rows = rows.clone();
        rows[1][files_column] = files.to_string();
        (doc, rewrite_csv(&header, &rows))
    };
    assert!(valid.len() > 9 && invalid.len() > 20);
    for (what, files) in &valid {
        let (doc, csv) = with_files(files);
        let errors: Vec<String> =
            validator.iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "the schema refuses {what}: {errors:?}");
        let back = read_plan_json(&doc).unwrap_or_else(|e| panic!("the JSON reader refuses {what}: {e:?}"));
        assert_eq!(&back.get(RecordKind::Report, R_M1).unwrap()["files"], files, "JSON, {what}");
        let back =
            read_with(&all_files, 2, &csv, &frame()).unwrap_or_else(|e| panic!("the CSV reader refuses {what}: {e:?}"));
        assert_eq!(&back.get(RecordKind::Report, R_M1).unwrap()["files"], files, "CSV, {what}");
    }
    for (what, files) in &invalid {
        let (doc, csv) = with_files(files);
        assert!(!validator.is_valid(&doc), "the schema lets through {what}");
        let e = read_plan_json(&doc).unwrap_err();
        assert!(
            matches!(&e, ExportError::InvalidJson { path, .. } if path == "$.areas[0].commitments[0].milestones[0].reports[0].files"),
            "JSON, {what}: {e:?}"
        );
        let e = read_with(&all_files, 2, &csv, &frame()).unwrap_err();
        assert!(
            matches!(&e, ExportError::InvalidCsv { file: CsvFile::Reports, line: 5, column, .. } if column == "files"),
            "CSV, {what}: {e:?}"
        );
    }
    // The readers refuse a file named twice even under two names; the schema, which can only
    // compare whole items, says so in its description.
    let twice = json!([pdf("a.pdf"), pdf("b.pdf")]);
    let (doc, csv) = with_files(&twice);
    assert_eq!(
        read_plan_json(&doc).unwrap_err(),
        ExportError::InvalidJson {
            path: "$.areas[0].commitments[0].milestones[0].reports[0].files".into(),
            problem: Problem::Repeated
        }
    );
    assert_eq!(
        read_with(&all_files, 2, &csv, &frame()).unwrap_err(),
        ExportError::InvalidCsv { file: CsvFile::Reports, line: 5, column: "files".into(), problem: Problem::Repeated }
    );
    assert!(schema["$defs"]["fileList"]["description"].as_str().unwrap().contains("(by its SHA-256) at most once"));
}

#[test]
fn reading_json_says_what_is_wrong_and_where() {
    let doc = plan_json(&dataset(), PLAN).unwrap();
    let error = |change: &dyn Fn(&mut Value)| {
        let mut bad = doc.clone();
        change(&mut bad);
        read_plan_json(&bad).unwrap_err()
    };

    let e = error(&|d| d["schema"] = json!("urn:plan-ouvert:plan:v9"));
    assert_eq!(
        e,
        ExportError::InvalidJson {
            path: "$.schema".into(),
            problem: Problem::WrongSchema { found: "urn:plan-ouvert:plan:v9".into() }
        }
    );
    assert!(
        e.message(Locale::Fr).contains(
            "seuls « urn:plan-ouvert:plan:v3 » et le précédent, « urn:plan-ouvert:plan:v2 », peuvent être lus"
        ),
        "{}",
        e.message(Locale::Fr)
    );

    let e = error(&|d| {
        d["areas"][1]["commitments"][0].as_object_mut().unwrap().remove("title");
    });
    assert_eq!(
        e,
        ExportError::InvalidJson { path: "$.areas[1].commitments[0].title".into(), problem: Problem::Missing }
    );
    assert_eq!(
        e.message(Locale::Fr),
        "Ce document n'est pas un export de plan valide : à « $.areas[1].commitments[0].title », valeur manquante."
    );
    assert_eq!(
        e.message(Locale::En),
        "This document is not a valid plan export: at '$.areas[1].commitments[0].title', missing value."
    );

    let e = error(&|d| d["areas"][0]["commitments"][0]["milestones"][1]["dueDate"] = json!("2023-6-30"));
    assert_eq!(
        e,
        ExportError::InvalidJson {
            path: "$.areas[0].commitments[0].milestones[1].dueDate".into(),
            problem: Problem::Expected(FieldType::OptionalDate)
        }
    );
    assert!(e.message(Locale::Fr).ends_with("il faut une date AAAA-MM-JJ ou rien."));

    let e = error(&|d| d["plan"]["status"] = json!("published"));
    assert_eq!(e, ExportError::InvalidJson { path: "$.plan.status".into(), problem: Problem::Unexpected });

    let e = error(&|d| d["areas"][1]["commitments"][0]["areaId"] = json!(AREA_1.to_string()));
    assert_eq!(
        e,
        ExportError::InvalidJson {
            path: "$.areas[1].commitments[0].areaId".into(),
            problem: Problem::WrongParent { expected: AREA_2 }
        }
    );

    let e = error(&|d| {
        d["institutions"].as_array_mut().unwrap().retain(|i| i["id"] != HATVP.to_string());
    });
    assert_eq!(
        e,
        ExportError::InvalidJson {
            path: "$.areas[0].commitments[0].leadInstitutionId".into(),
            problem: Problem::UnknownReference { id: HATVP }
        }
    );

    let e = error(&|d| {
        let copy = d["areas"][0]["commitments"][0]["milestones"][0].clone();
        d["areas"][0]["commitments"][0]["milestones"].as_array_mut().unwrap().push(copy);
    });
    assert_eq!(
        e,
        ExportError::InvalidJson {
            path: "$.areas[0].commitments[0].milestones[2].id".into(),
            problem: Problem::Duplicate { id: M_1 }
        }
    );

    let e = error(&|d| d["areas"][0]["commitments"][1]["assessment"]["starred"] = assessed(json!("yes")));
    assert!(matches!(e, ExportError::InvalidJson { ref path, problem: Problem::Assessment(_) }
        if path == "$.areas[0].commitments[1].assessment"));

    assert_eq!(
        read_plan_json(&json!([])).unwrap_err(),
        ExportError::InvalidJson { path: "$".into(), problem: Problem::ExpectedObject }
    );

    // Reports, each problem at its place.
    let at = |path: &str, problem| ExportError::InvalidJson { path: path.into(), problem };
    // A milestone's report among the commitment's own.
    let e = error(&|d| {
        let moved = d["areas"][0]["commitments"][0]["milestones"][0]["reports"].as_array_mut().unwrap().remove(1);
        d["areas"][0]["commitments"][0]["reports"].as_array_mut().unwrap().push(moved);
    });
    assert_eq!(e, at("$.areas[0].commitments[0].reports[1].milestoneId", Problem::InMilestone { milestone: M_1 }));
    assert!(e.message(Locale::En).ends_with("it belongs in that milestone's reports."), "{e}");

    // A report under another milestone than its own.
    let e = error(&|d| {
        let moved = d["areas"][0]["commitments"][0]["milestones"][0]["reports"].as_array_mut().unwrap().remove(0);
        d["areas"][0]["commitments"][0]["milestones"][1]["reports"].as_array_mut().unwrap().push(moved);
    });
    assert_eq!(
        e,
        at("$.areas[0].commitments[0].milestones[1].reports[0].milestoneId", Problem::WrongParent { expected: M_2 })
    );

    // A correction of a report not in the document, or of another timeline.
    let e = error(&|d| {
        d["areas"][0]["commitments"][0]["milestones"][0]["reports"].as_array_mut().unwrap().remove(0);
    });
    assert_eq!(
        e,
        at("$.areas[0].commitments[0].milestones[0].reports[0].corrects", Problem::UnknownReference { id: R_M1 })
    );
    let e = error(&|d| d["areas"][0]["commitments"][0]["reports"][0]["corrects"] = json!(R_M1.to_string()));
    assert_eq!(e, at("$.areas[0].commitments[0].reports[0].corrects", Problem::OtherTimeline));
    assert!(e.message(Locale::Fr).ends_with("le même engagement et le même jalon que sa correction."), "{e}");

    // The institution a report is made for must be in "institutions".
    let e = error(&|d| {
        d["institutions"].as_array_mut().unwrap().retain(|i| i["id"] != COORDINATION.to_string());
    });
    assert_eq!(
        e,
        at(
            "$.areas[0].commitments[1].milestones[0].reports[0].institutionId",
            Problem::UnknownReference { id: COORDINATION }
        )
    );

    // The same report twice.
    let e = error(&|d| {
        let copy = d["areas"][0]["commitments"][0]["reports"][0].clone();
        d["areas"][0]["commitments"][0]["reports"].as_array_mut().unwrap().push(copy);
    });
    assert_eq!(e, at("$.areas[0].commitments[0].reports[1].id", Problem::Duplicate { id: R_OWN }));

    // A link that is not one: said at the report's links.
    let e = error(&|d| d["areas"][0]["commitments"][0]["reports"][0]["links"][0]["url"] = json!("www.example.fr"));
    assert!(
        matches!(e, ExportError::InvalidJson { ref path, problem: Problem::Text(_) }
            if path == "$.areas[0].commitments[0].reports[0].links"),
        "{e:?}"
    );

    // Evidence files: a file that is not one, and a file named twice, at the report's files.
    let files = "$.areas[0].commitments[0].milestones[0].reports[0].files";
    let e = error(&|d| d["areas"][0]["commitments"][0]["milestones"][0]["reports"][0]["files"][1]["size"] = json!(0));
    assert_eq!(e, at(files, Problem::Expected(FieldType::FileList)));
    assert!(e.message(Locale::Fr).ends_with("il faut une liste de fichiers {sha256, name, size, mediaType}."), "{e}");
    let e = error(&|d| {
        let list = d["areas"][0]["commitments"][0]["milestones"][0]["reports"][0]["files"].as_array_mut().unwrap();
        let again = list[0].clone();
        list.push(again);
    });
    assert_eq!(e, at(files, Problem::Repeated));
    let e = error(&|d| {
        d["areas"][0]["commitments"][0]["milestones"][0]["reports"][0].as_object_mut().unwrap().remove("files");
    });
    assert_eq!(e, at(files, Problem::Missing));

    // Rounds, in the plan. Due the day before it opens: refused at its due date, in both languages.
    let opens_on = chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap();
    let e = error(&|d| d["plan"]["rounds"][1]["dueOn"] = json!("2023-12-30"));
    assert_eq!(e, at("$.plan.rounds[1].dueOn", Problem::DueBeforeOpening { opens_on }));
    assert_eq!(
        e.message(Locale::Fr),
        "Ce document n'est pas un export de plan valide : à « $.plan.rounds[1].dueOn », l'échéance tombe avant \
         l'ouverture de la campagne (2023-12-31) : elle doit tomber ce jour-là ou après."
    );
    assert_eq!(
        e.message(Locale::En),
        "This document is not a valid plan export: at '$.plan.rounds[1].dueOn', the due date is before the round \
         opens (2023-12-31): it must be that day or later."
    );
    // Opening after the due date is the same fault, said at the due date.
    let e = error(&|d| d["plan"]["rounds"][0]["opensOn"] = json!("2022-11-01"));
    assert_eq!(
        e,
        at(
            "$.plan.rounds[0].dueOn",
            Problem::DueBeforeOpening { opens_on: chrono::NaiveDate::from_ymd_opt(2022, 11, 1).unwrap() }
        )
    );
    let e = error(&|d| d["plan"]["rounds"][0]["kind"] = json!("annual"));
    assert_eq!(e, at("$.plan.rounds[0].kind", Problem::Expected(FieldType::OneOf(RoundKind::CODES))));
    let e = error(&|d| d["plan"]["rounds"][1]["opensOn"] = json!("2023-12-32"));
    assert_eq!(e, at("$.plan.rounds[1].opensOn", Problem::Expected(FieldType::Date)));
    let e = error(&|d| {
        d["plan"]["rounds"][1].as_object_mut().unwrap().remove("title");
    });
    assert_eq!(e, at("$.plan.rounds[1].title", Problem::Missing));
    // Its plan is the plan it sits in: a round does not name it.
    let e = error(&|d| d["plan"]["rounds"][0]["planId"] = json!(PLAN.to_string()));
    assert_eq!(e, at("$.plan.rounds[0].planId", Problem::Unexpected));
    let e = error(&|d| {
        let copy = d["plan"]["rounds"][0].clone();
        d["plan"]["rounds"].as_array_mut().unwrap().push(copy);
    });
    assert_eq!(e, at("$.plan.rounds[2].id", Problem::Duplicate { id: ROUND_MID }));
    let e = error(&|d| d["plan"]["rounds"] = json!({}));
    assert_eq!(e, at("$.plan.rounds", Problem::ExpectedArray));
    let e = error(&|d| d["plan"]["rounds"][0] = json!([]));
    assert_eq!(e, at("$.plan.rounds[0]", Problem::ExpectedObject));

    // Workshops, in the plan, each problem at its place.
    let held_on = chrono::NaiveDate::from_ymd_opt(2021, 10, 5).unwrap();
    let e = error(&|d| d["plan"]["workshops"][0]["keepUntil"] = json!("2021-10-04"));
    assert_eq!(e, at("$.plan.workshops[0].keepUntil", Problem::KeptBeforeHeld { held_on }));
    assert_eq!(
        e.message(Locale::Fr),
        "Ce document n'est pas un export de plan valide : à « $.plan.workshops[0].keepUntil », les données des \
         participants seraient effacées avant l'atelier (2021-10-05) : ce jour doit être celui de l'atelier ou un jour \
         après."
    );
    let e = error(&|d| d["plan"]["workshops"][0]["participants"][0]["name"] = json!("Awa"));
    assert_eq!(e, at("$.plan.workshops[0].participants[0].name", Problem::Unexpected));
    let e = error(&|d| d["plan"]["workshops"][0]["contributions"][0]["workshopId"] = json!(W_1.to_string()));
    assert_eq!(e, at("$.plan.workshops[0].contributions[0].workshopId", Problem::Unexpected));
    // An author of another workshop, or of none in the document.
    let e = error(&|d| d["plan"]["workshops"][0]["contributions"][0]["participantId"] = json!(P_3.to_string()));
    assert_eq!(e, at("$.plan.workshops[0].contributions[0].participantId", Problem::OtherWorkshop { expected: W_1 }));
    assert!(e.message(Locale::En).ends_with(&format!("of another workshop than the contribution's ({W_1}).")), "{e}");
    let nowhere = Uuid::from_u128(7);
    let e = error(&|d| d["plan"]["workshops"][0]["contributions"][0]["participantId"] = json!(nowhere.to_string()));
    assert_eq!(e, at("$.plan.workshops[0].contributions[0].participantId", Problem::UnknownReference { id: nowhere }));
    // A vote for a comment, for a proposal of another workshop, for nothing in the document.
    let e = error(&|d| d["plan"]["workshops"][0]["contributions"][1]["proposalIds"] = json!([K_COMMENT.to_string()]));
    assert_eq!(e, at("$.plan.workshops[0].contributions[1].proposalIds", Problem::NotAProposal { id: K_COMMENT }));
    assert!(e.message(Locale::Fr).contains("un vote de priorité ne désigne que des propositions"), "{e}");
    let e = error(&|d| d["plan"]["workshops"][0]["contributions"][1]["proposalIds"] = json!([K_MERGED.to_string()]));
    assert_eq!(e, at("$.plan.workshops[0].contributions[1].proposalIds", Problem::OtherWorkshop { expected: W_1 }));
    let e = error(&|d| d["plan"]["workshops"][0]["contributions"][1]["proposalIds"] = json!([nowhere.to_string()]));
    assert_eq!(e, at("$.plan.workshops[0].contributions[1].proposalIds", Problem::UnknownReference { id: nowhere }));
    // The institution that ran it must be in "institutions".
    let e = error(&|d| {
        d["institutions"].as_array_mut().unwrap().retain(|i| i["id"] != MINISTRY.to_string());
    });
    assert_eq!(e, at("$.plan.workshops[0].institutionId", Problem::UnknownReference { id: MINISTRY }));
    // A participant twice, a kind not of the list.
    let e = error(&|d| {
        let copy = d["plan"]["workshops"][0]["participants"][0].clone();
        d["plan"]["workshops"][1]["participants"].as_array_mut().unwrap().push(copy);
    });
    assert_eq!(e, at("$.plan.workshops[1].participants[1].id", Problem::Duplicate { id: P_1 }));
    let e = error(&|d| d["plan"]["workshops"][0]["participants"][1]["organisationKind"] = json!("ngo"));
    assert_eq!(
        e,
        at(
            "$.plan.workshops[0].participants[1].organisationKind",
            Problem::Expected(FieldType::OneOf(plan_ouvert_domain::OrganisationKind::CODES))
        )
    );
}

// ----------------------------------------------------------------------------------------- CSV

/// The dataset without the records the CSV files carry: what `read_csv` completes.
fn frame() -> Dataset {
    let mut d = dataset();
    d.records.retain(|k, _| matches!(k.kind, RecordKind::Plan | RecordKind::Area | RecordKind::Institution));
    d
}

/// The seven CSV files of a dataset's plan, in the order of `CSV_FILES`.
fn csv_files(d: &Dataset) -> [String; 7] {
    [
        commitments_csv(d, PLAN).unwrap(),
        milestones_csv(d, PLAN).unwrap(),
        reports_csv(d, PLAN).unwrap(),
        rounds_csv(d, PLAN).unwrap(),
        workshops_csv(d, PLAN).unwrap(),
        participants_csv(d, PLAN).unwrap(),
        contributions_csv(d, PLAN).unwrap(),
    ]
}

fn read_csv_files(files: &[String; 7], frame: &Dataset) -> Result<Dataset, ExportError> {
    read_csv(CsvTexts::from(files), frame)
}

/// Reads `files` back with the one at `which` (its place in `CSV_FILES`) replaced by `text`.
fn read_with(files: &[String; 7], which: usize, text: &str, frame: &Dataset) -> Result<Dataset, ExportError> {
    let mut files = files.clone();
    files[which] = text.to_string();
    read_csv_files(&files, frame)
}

fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(str::to_string).collect();
    let rows = reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
    (header, rows)
}

/// A file's header and rows written back as CSV.
fn rewrite_csv(header: &[String], rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    w.write_record(header).unwrap();
    for row in rows {
        w.write_record(row).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

#[test]
fn csv_round_trip_gives_back_every_record_field_by_field() {
    let d = dataset();
    let files = csv_files(&d);
    // Commitments, milestones and reports come from the files, the plan, areas and institutions
    // from the frame.
    let back = read_csv_files(&files, &frame()).unwrap();
    assert_same(&back, &d);
    // Every report, field by field: links (commas, quotes, semicolons), a text a spreadsheet
    // would run, a correction, a report on the commitment itself, one on another's behalf.
    assert_eq!(back.count(RecordKind::Report), 4);
    for id in [R_OWN, R_M1, R_M1_FIX, R_M3] {
        let (got, expected) = (back.get(RecordKind::Report, id).unwrap(), d.get(RecordKind::Report, id).unwrap());
        for field in fields_of_kind(RecordKind::Report) {
            assert_eq!(got.get(*field), expected.get(*field), "report {id} field {field}");
        }
    }
    assert_eq!(back.get(RecordKind::Report, R_M1).unwrap()["nextSteps"], "=Publier la carte");
    // Evidence files, the name with a comma, quotes and a semicolon included; none is none.
    assert_eq!(back.get(RecordKind::Report, R_M1).unwrap()["files"], r_m1_files());
    assert_eq!(back.get(RecordKind::Report, R_M1).unwrap()["files"][0]["name"], TRICKY_FILE_NAME);
    assert_eq!(back.get(RecordKind::Report, R_OWN).unwrap()["files"], json!([]));
    // Every round, field by field, from rounds.csv (the frame has none): instructions beginning
    // with `=` and holding commas, quotes and line breaks, a round due the day it opens.
    assert_eq!(back.count(RecordKind::Round), 2);
    for id in [ROUND_MID, ROUND_END] {
        let (got, expected) = (back.get(RecordKind::Round, id).unwrap(), d.get(RecordKind::Round, id).unwrap());
        for field in fields_of_kind(RecordKind::Round) {
            assert_eq!(got.get(*field), expected.get(*field), "round {id} field {field}");
        }
    }
    assert_eq!(back.get(RecordKind::Round, ROUND_MID).unwrap()["instructions"], TRICKY_INSTRUCTIONS);
    // The frame's own commitments, milestones, reports and rounds are not used.
    assert_same(&read_csv_files(&files, &d).unwrap(), &d);
    let no_rounds = rounds_csv(&frame(), PLAN).unwrap();
    assert_eq!(no_rounds, format!("{}\r\n", ROUND_COLUMNS.join(",")), "a plan without rounds: the header alone");
    let mut without = d.clone();
    without.records.retain(|k, _| k.kind != RecordKind::Round);
    assert_same(&read_with(&files, 3, &no_rounds, &d).unwrap(), &without);
    // With no commitment, the rounds name the plan, even when the frame holds several.
    let mut two_plans = frame();
    let other = d.get(RecordKind::Plan, PLAN).unwrap().clone();
    two_plans.insert(RecordKind::Plan, Uuid::from_u128(99), other);
    let empty = |columns: &[&str]| format!("{}\r\n", columns.join(","));
    let headers_only = [
        empty(COMMITMENT_COLUMNS),
        empty(MILESTONE_COLUMNS),
        empty(REPORT_COLUMNS),
        empty(ROUND_COLUMNS),
        empty(WORKSHOP_COLUMNS),
        empty(PARTICIPANT_COLUMNS),
        empty(CONTRIBUTION_COLUMNS),
    ];
    let back = read_with(&headers_only, 3, &files[3], &two_plans).unwrap();
    let mut expected = d.clone();
    expected.records.retain(|k, _| matches!(k.kind, RecordKind::Plan | RecordKind::Area | RecordKind::Round));
    assert_same(&back, &expected);
    // With neither commitments nor rounds, the workshops name it; they bring the institutions
    // that ran them, and name commitments that are not in the files (nor in the plan) as they are.
    let mut only_workshops = headers_only.clone();
    only_workshops[4..].clone_from_slice(&files[4..]);
    let back = read_csv_files(&only_workshops, &two_plans).unwrap();
    let mut expected = d.clone();
    expected.records.retain(|k, _| {
        !matches!(k.kind, RecordKind::Commitment | RecordKind::Milestone | RecordKind::Report | RecordKind::Round)
            && k.id != HATVP
            && k.id != COORDINATION
    });
    assert_same(&back, &expected);
    // Every workshop, participant and contribution, field by field, from the files (the frame has
    // none): texts beginning with `=` or `-` and holding commas, quotes and line breaks, a
    // commitment deleted since, a vote, a contribution of the facilitation.
    let back = read_csv_files(&files, &frame()).unwrap();
    assert_eq!(
        (back.count(RecordKind::Workshop), back.count(RecordKind::Participant), back.count(RecordKind::Contribution)),
        (2, 3, 4)
    );
    for (kind, id) in [
        (RecordKind::Workshop, W_1),
        (RecordKind::Workshop, W_2),
        (RecordKind::Participant, P_1),
        (RecordKind::Participant, P_3),
        (RecordKind::Contribution, K_PROPOSAL),
        (RecordKind::Contribution, K_VOTE),
        (RecordKind::Contribution, K_COMMENT),
        (RecordKind::Contribution, K_MERGED),
    ] {
        let (got, expected) = (back.get(kind, id).unwrap(), d.get(kind, id).unwrap());
        for field in fields_of_kind(kind) {
            assert_eq!(got.get(*field), expected.get(*field), "{kind:?} {id} field {field}");
        }
    }
    assert_eq!(back.get(RecordKind::Contribution, K_PROPOSAL).unwrap()["text"], TRICKY_PROPOSAL);
    assert_eq!(back.get(RecordKind::Contribution, K_MERGED).unwrap()["commitmentIds"], json!([GONE.to_string()]));
    // As a spreadsheet program may save them: byte-order mark, LF line ends, every cell quoted.
    let resave = |text: &str| {
        let (header, rows) = parse_csv(text);
        let mut w = csv::WriterBuilder::new().quote_style(csv::QuoteStyle::Always).from_writer(Vec::new());
        w.write_record(&header).unwrap();
        for row in rows {
            w.write_record(&row).unwrap();
        }
        format!("\u{feff}{}", String::from_utf8(w.into_inner().unwrap()).unwrap())
    };
    assert_same(&read_csv_files(&files.clone().map(|f| resave(&f)), &frame()).unwrap(), &d);
}

#[test]
fn the_csv_export_writes_the_seven_files_that_read_back() {
    use plan_ouvert_domain::ExportFormat;
    let d = dataset();
    let folder = tempfile::tempdir().unwrap();
    let written =
        plan_ouvert_opendata::export::write_plan(&d, PLAN, ExportFormat::Csv, Locale::Fr, folder.path()).unwrap();
    assert_eq!(written, CSV_FILES.map(|name| folder.path().join(name)));
    assert_eq!(
        CSV_FILES,
        [
            "commitments.csv",
            "milestones.csv",
            "reports.csv",
            "rounds.csv",
            "workshops.csv",
            "participants.csv",
            "contributions.csv"
        ]
    );
    let files = CSV_FILES.map(|name| std::fs::read_to_string(folder.path().join(name)).unwrap());
    assert_eq!(files, csv_files(&d));
    assert_same(&read_csv_files(&files, &frame()).unwrap(), &d);
}

#[test]
fn csv_does_not_tell_an_empty_ogp_id_from_none() {
    // Documented: an ogpId that is "" reads back as null; everything else of the record is kept.
    let mut d = dataset();
    d.records
        .get_mut(&plan_ouvert_sync::protocol::RecordKey { kind: RecordKind::Commitment, id: C_DRAFTED })
        .unwrap()
        .insert("ogpId".into(), json!(""));
    let back = read_csv_files(&csv_files(&d), &frame()).unwrap();
    assert_same(&back, &dataset());
    // JSON keeps it.
    assert_same(&read_plan_json(&plan_json(&d, PLAN).unwrap()).unwrap(), &d);
}

#[test]
fn csv_is_rfc_4180_with_one_row_per_record_in_order() {
    let d = dataset();
    let text = commitments_csv(&d, PLAN).unwrap();
    assert!(text.starts_with("id,plan_id,plan_title,area_id,area_title,position,title,brief_description,"));
    assert!(text.ends_with("\r\n"));
    assert!(!text.starts_with('\u{feff}'));
    // Quotes doubled inside a quoted cell; a cell with a line break quoted.
    assert!(text.contains("\"<script>alert(1)</script> Ouvrir les « données », \"\"vite\"\" & bien\""));
    assert!(text.contains("\"Les données sont <b>dispersées</b> & incomplètes.\n\nDeuxième paragraphe du problème.\""));
    let (header, rows) = parse_csv(&text);
    assert_eq!(header, COMMITMENT_COLUMNS);
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, [C_DRAFTED.to_string(), C_IMPORTED.to_string(), C_THEMATIC.to_string()]);
    let cell =
        |row: usize, column: &str| rows[row][COMMITMENT_COLUMNS.iter().position(|c| *c == column).unwrap()].clone();
    assert_eq!(cell(0, "title"), EVIL_TITLE);
    assert_eq!(cell(0, "done_so_far"), "Un premier portail (2019).\nUne ligne après un retour à la ligne.");
    // A text imported verbatim keeps its CRLF, inside a quoted cell.
    assert_eq!(cell(0, "full_text"), "Texte intégral importé.\r\nUne ligne après un CRLF, gardé tel quel.");
    assert_eq!(cell(0, "area_title"), "Transparence de l'action publique");
    assert_eq!(cell(0, "lead_institution_id"), HATVP.to_string());
    assert_eq!(cell(0, "lead_institution_name"), "Haute Autorité pour la transparence de la vie publique");
    assert_eq!(cell(1, "supporting_institution_ids"), format!("{HATVP};{MINISTRY}"));
    assert_eq!(
        cell(1, "supporting_institution_names"),
        "Haute Autorité pour la transparence de la vie publique;Ministère de la Transition écologique"
    );
    assert_eq!(cell(1, "policy_areas"), "Anti-Corruption;Lobbying");
    assert_eq!(cell(0, "start_date"), "2022-01-01");
    assert_eq!(cell(1, "start_date"), "");
    assert_eq!(cell(0, "access_to_information"), "true");
    assert_eq!(cell(0, "civic_participation"), "false");
    assert_eq!(cell(0, "ogp_id"), "");
    assert_eq!(cell(1, "ogp_id"), "FR0042");
    assert_eq!(cell(0, "source_columns"), "{}");
    assert_eq!(
        serde_json::from_str::<Value>(&cell(1, "source_columns")).unwrap(),
        json!({ "Action Plan Cycle": "2021-2023", "Notes": "a, \"b\"\nc" })
    );
    // The assessment, one column per entry, by stable code; none at all for a drafted commitment.
    let expected = [
        ("assessment_specificity", "high", "low"),
        ("assessment_verifiable", "notAssessed", "true"),
        ("assessment_relevant_access_to_information", "true", "missing"),
        ("assessment_relevant_civic_participation", "false", "missing"),
        ("assessment_relevant_public_accountability", "notRelevant", "missing"),
        ("assessment_relevant_technology", "notApplicable", "missing"),
        ("assessment_potential_impact", "transformative", "minor"),
        ("assessment_potential_for_results", "missing", "modest"),
        ("assessment_completion_progress_report", "substantial", "notStarted"),
        ("assessment_completion_end_of_term", "complete", "withdrawn"),
        ("assessment_opened_government", "major", "noEarlyResultsYet"),
        ("assessment_opened_government_access_to_information", "outstanding", "missing"),
        ("assessment_opened_government_civic_participation", "didNotChange", "missing"),
        ("assessment_opened_government_public_accountability", "notAssessed", "missing"),
        ("assessment_early_results", "missing", "noNotableResults"),
        ("assessment_starred", "true", "false"),
    ];
    assert_eq!(expected.len(), ASSESSMENT_ENTRIES.len());
    for (column, imported, thematic) in expected {
        assert_eq!(cell(0, column), "", "{column}");
        assert_eq!(cell(1, column), imported, "{column}");
        assert_eq!(cell(2, column), thematic, "{column}");
    }

    assert_eq!(cell(0, "weight"), "1");
    assert_eq!(cell(1, "weight"), "3");
    assert_eq!(cell(2, "weight"), "100");

    let (header, rows) = parse_csv(&milestones_csv(&d, PLAN).unwrap());
    assert_eq!(header, MILESTONE_COLUMNS);
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, [M_1.to_string(), M_2.to_string(), M_3.to_string()]);
    assert_eq!(rows[1][5], "Jalon \"deux\", avec virgule");
    assert_eq!(rows[1][6], "Premier livrable.\n\nSecond livrable, « important ».");
    assert_eq!(rows[1][3], EVIL_TITLE);
    assert_eq!(rows[2][7..], ["", "", "", "", "2"]);
    assert_eq!(rows[1][MILESTONE_COLUMNS.iter().position(|c| *c == "weight").unwrap()], "4");

    // Reports: the commitments in order, each one's own timeline then its milestones', each
    // oldest first.
    let text = reports_csv(&d, PLAN).unwrap();
    assert!(
        text.starts_with("id,plan_id,commitment_id,commitment_title,milestone_id,milestone_title,reported_on,status,")
    );
    let (header, rows) = parse_csv(&text);
    assert_eq!(header, REPORT_COLUMNS);
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, [R_OWN.to_string(), R_M1.to_string(), R_M1_FIX.to_string(), R_M3.to_string()]);
    let cell = |row: usize, column: &str| rows[row][REPORT_COLUMNS.iter().position(|c| *c == column).unwrap()].clone();
    assert_eq!(cell(0, "plan_id"), PLAN.to_string());
    assert_eq!(cell(0, "commitment_id"), C_DRAFTED.to_string());
    assert_eq!(cell(0, "commitment_title"), EVIL_TITLE);
    assert_eq!((cell(0, "milestone_id"), cell(0, "milestone_title")), (String::new(), String::new()));
    assert_eq!(
        (cell(1, "milestone_id"), cell(1, "milestone_title")),
        (M_1.to_string(), "Cartographie des <données>".into())
    );
    assert_eq!(cell(0, "reported_on"), "2022-12-31");
    assert_eq!(cell(0, "status"), "substantial");
    assert_eq!(cell(0, "done"), "Le portail est ouvert.\n\nLes marchés de 2022 y sont.");
    assert_eq!(cell(0, "opened_government"), "marginal");
    assert_eq!(cell(1, "opened_government"), "");
    // Links as one JSON array, commas and quotes inside it quoted as RFC 4180 says; [] for none.
    let links: Value = serde_json::from_str(&cell(1, "links")).unwrap();
    assert_eq!(links, d.get(RecordKind::Report, R_M1).unwrap()["links"]);
    assert_eq!(cell(2, "links"), "[]");
    assert!(text.contains("\"\"title\"\":\"\"Compte rendu, \\\"\"version finale\\\"\"; annexes\"\""), "{text}");
    // Evidence files the same way: one JSON array per report, [] for none.
    let files: Value = serde_json::from_str(&cell(1, "files")).unwrap();
    assert_eq!(files, r_m1_files());
    assert_eq!(files[0]["name"], TRICKY_FILE_NAME);
    assert_eq!((cell(0, "files"), cell(2, "files")), ("[]".into(), "[]".into()));
    assert_eq!(serde_json::from_str::<Value>(&cell(3, "files")).unwrap()[0]["sha256"], SHA_DOCX);
    assert!(text.contains("\"\"name\"\":\"\"Compte rendu, \\\"\"version finale\\\"\"; annexes.pdf\"\""), "{text}");
    // A text a spreadsheet would run gets its apostrophe.
    assert_eq!(cell(1, "next_steps"), "'=Publier la carte");
    assert_eq!(cell(2, "done"), "'- la carte était déjà publiée, d'où ce rectificatif");
    assert_eq!((cell(1, "corrects"), cell(2, "corrects")), (String::new(), R_M1.to_string()));
    assert_eq!(cell(0, "author_id"), AUTHOR.to_string());
    assert_eq!(cell(3, "author_name"), "Dominique Petit");
    assert_eq!(cell(3, "institution_id"), COORDINATION.to_string());
    assert_eq!(cell(3, "institution_name"), COORDINATION_NAME);
    assert_eq!((cell(2, "on_behalf"), cell(3, "on_behalf")), ("false".into(), "true".into()));

    // Rounds: by due date, not by id; the instructions quoted (commas, quotes, line breaks) and
    // with the apostrophe that keeps a spreadsheet from running them.
    let text = rounds_csv(&d, PLAN).unwrap();
    assert!(text.starts_with("id,plan_id,kind,title,opens_on,due_on,instructions\r\n"), "{text}");
    assert!(text.ends_with("\r\n"));
    let written = format!("\"'{}\"", TRICKY_INSTRUCTIONS.replace('"', "\"\""));
    assert!(text.contains(&format!(",{written}\r\n")), "{text}");
    let (header, rows) = parse_csv(&text);
    assert_eq!(header, ROUND_COLUMNS);
    assert_eq!(
        rows,
        [
            [
                ROUND_MID.to_string(),
                PLAN.to_string(),
                "midTerm".into(),
                "Rapport à mi-parcours, 2022".into(),
                "2022-09-01".into(),
                "2022-10-31".into(),
                format!("'{TRICKY_INSTRUCTIONS}"),
            ],
            [
                ROUND_END.to_string(),
                PLAN.to_string(),
                "endOfTerm".into(),
                "Rapport de fin de plan".into(),
                "2023-12-31".into(),
                "2023-12-31".into(),
                String::new(),
            ],
        ]
    );

    // Workshops: by day, not by id; the institution's name and the area's title beside their
    // ids; ids joined with `;`, one the plan no longer holds kept as it is; the information text
    // quoted and with its apostrophe.
    let (header, rows) = parse_csv(&workshops_csv(&d, PLAN).unwrap());
    assert_eq!(header, WORKSHOP_COLUMNS);
    let cell =
        |row: usize, column: &str| rows[row][WORKSHOP_COLUMNS.iter().position(|c| *c == column).unwrap()].clone();
    assert_eq!((cell(0, "id"), cell(1, "id")), (W_1.to_string(), W_2.to_string()));
    assert_eq!(cell(0, "institution_name"), "Ministère de la Transition écologique");
    assert_eq!(cell(1, "institution_name"), "Ministère de la Transition écologique");
    assert_eq!(
        (cell(0, "area_id"), cell(0, "area_title")),
        (AREA_1.to_string(), "Transparence de l'action publique".into())
    );
    assert_eq!((cell(1, "area_id"), cell(1, "area_title")), (String::new(), String::new()));
    assert_eq!(cell(1, "commitment_ids"), format!("{GONE};{C_THEMATIC}"));
    assert_eq!(
        cell(0, "consent_text"),
        "'=Ce que vous dites est publié, \"sans\" votre nom.\n\nVotre nom reste à l'institution."
    );
    assert_eq!((cell(1, "held_on"), cell(1, "keep_until")), ("2021-11-20".into(), "2021-11-20".into()));
    // Participants: their workshop and kind, nothing more, workshop by workshop.
    let (header, rows) = parse_csv(&participants_csv(&d, PLAN).unwrap());
    assert_eq!(header, PARTICIPANT_COLUMNS);
    assert_eq!(
        rows,
        [
            [P_1.to_string(), PLAN.to_string(), W_1.to_string(), "association".into()],
            [P_2.to_string(), PLAN.to_string(), W_1.to_string(), "citizen".into()],
            [P_3.to_string(), PLAN.to_string(), W_2.to_string(), "electedOfficial".into()],
        ]
    );
    // Contributions: workshop by workshop, each in the order made; the author's kind beside its id
    // (none for the facilitation); texts with their apostrophe; a vote's proposals.
    let (header, rows) = parse_csv(&contributions_csv(&d, PLAN).unwrap());
    assert_eq!(header, CONTRIBUTION_COLUMNS);
    let cell =
        |row: usize, column: &str| rows[row][CONTRIBUTION_COLUMNS.iter().position(|c| *c == column).unwrap()].clone();
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, [K_PROPOSAL.to_string(), K_VOTE.to_string(), K_COMMENT.to_string(), K_MERGED.to_string()]);
    assert_eq!((cell(0, "participant_id"), cell(0, "participant_kind")), (P_1.to_string(), "association".into()));
    assert_eq!((cell(2, "participant_id"), cell(2, "participant_kind")), (String::new(), String::new()));
    assert_eq!(cell(3, "participant_kind"), "electedOfficial");
    assert_eq!(cell(0, "text"), format!("'{TRICKY_PROPOSAL}"));
    assert_eq!(cell(1, "proposal_ids"), K_PROPOSAL.to_string());
    assert_eq!((cell(0, "outcome"), cell(1, "outcome")), ("kept".into(), String::new()));
    assert_eq!(cell(0, "commitment_ids"), C_DRAFTED.to_string());
    assert_eq!(cell(0, "milestone_ids"), M_1.to_string());
    assert_eq!(cell(2, "about_milestone_id"), M_2.to_string());
    assert_eq!(cell(2, "outcome_reason"), "'- la date tient au décret, \"fixée\" par la loi");
}

#[test]
fn csv_columns_cover_every_field_of_the_records_they_carry() {
    let snake = |field: &str| plan_ouvert_sync::protocol::snake_case(field);
    for field in fields_of_kind(RecordKind::Commitment) {
        if *field == "assessment" {
            assert!(ASSESSMENT_ENTRIES.iter().all(|e| COMMITMENT_COLUMNS.contains(&e.column)));
        } else {
            assert!(COMMITMENT_COLUMNS.contains(&snake(field).as_str()), "{field}");
        }
    }
    for field in fields_of_kind(RecordKind::Milestone) {
        assert!(MILESTONE_COLUMNS.contains(&snake(field).as_str()), "{field}");
    }
    // Reports: every field in its snake_case column, in the fields' order, with the
    // readability columns beside them, and nothing else.
    let of_fields: Vec<String> = fields_of_kind(RecordKind::Report).iter().map(|f| snake(f)).collect();
    let readable = ["id", "plan_id", "commitment_title", "milestone_title", "institution_name"];
    let columns: Vec<String> = REPORT_COLUMNS.iter().filter(|c| !readable.contains(c)).map(|c| c.to_string()).collect();
    assert_eq!(columns, of_fields);
    assert_eq!(
        REPORT_COLUMNS.join(","),
        "id,plan_id,commitment_id,commitment_title,milestone_id,milestone_title,reported_on,status,done,\
         difficulties,next_steps,results,opened_government,links,files,corrects,author_id,author_name,\
         institution_id,institution_name,on_behalf"
    );
    // Rounds: the id, then every field in its snake_case column, in the fields' order, and
    // nothing else (its plan included: it is a field of a round).
    let of_fields: Vec<String> =
        ["id".to_string()].into_iter().chain(fields_of_kind(RecordKind::Round).iter().map(|f| snake(f))).collect();
    assert_eq!(ROUND_COLUMNS, of_fields);
    assert_eq!(ROUND_COLUMNS.join(","), "id,plan_id,kind,title,opens_on,due_on,instructions");
    // Workshops, participants, contributions: the id, then every field in its snake_case column, in
    // the fields' order, with the readability columns beside them, and nothing else.
    for (columns, kind, readable) in [
        (WORKSHOP_COLUMNS, RecordKind::Workshop, &["institution_name", "area_title"][..]),
        (PARTICIPANT_COLUMNS, RecordKind::Participant, &["plan_id"][..]),
        (CONTRIBUTION_COLUMNS, RecordKind::Contribution, &["plan_id", "participant_kind"][..]),
    ] {
        let of_fields: Vec<String> =
            ["id".to_string()].into_iter().chain(fields_of_kind(kind).iter().map(|f| snake(f))).collect();
        let columns: Vec<String> = columns.iter().filter(|c| !readable.contains(c)).map(|c| c.to_string()).collect();
        assert_eq!(columns, of_fields, "{kind:?}");
    }
    assert_eq!(PARTICIPANT_COLUMNS, ["id", "plan_id", "workshop_id", "organisation_kind"], "nothing of who they are");
}

/// A Table Schema's fields: name and the whole field.
fn table_schema(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// Checks every cell of a CSV file against its Table Schema: names in order, required, type,
/// format, enum, pattern, minimum, minLength, maxLength (of a text its characters, of an array
/// its items), unique, primary key.
fn check_against_table_schema(csv_text: &str, schema: &Value) -> Vec<Vec<String>> {
    let (header, rows) = parse_csv(csv_text);
    let fields = schema["fields"].as_array().unwrap();
    let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(header, names, "the header is the Table Schema's field names, in order");
    assert_eq!(schema["missingValues"], json!([""]));
    assert!(!rows.is_empty());
    for (i, field) in fields.iter().enumerate() {
        let name = field["name"].as_str().unwrap();
        for key in ["title", "description", "type", "format"] {
            assert!(field[key].as_str().is_some_and(|s| !s.is_empty()), "{name} has a {key}");
        }
        let constraints = &field["constraints"];
        let mut seen = BTreeSet::new();
        for (r, row) in rows.iter().enumerate() {
            let value = row[i].as_str();
            let at = format!("{name}, row {r}: {value:?}");
            if value.is_empty() {
                assert_ne!(constraints["required"], true, "{at} is required");
                continue;
            }
            match (field["type"].as_str().unwrap(), field["format"].as_str().unwrap()) {
                ("string", "uuid") => assert!(Uuid::parse_str(value).is_ok(), "{at}"),
                ("string", "default") => {}
                ("integer", "default") => {
                    let n: i64 = value.parse().unwrap_or_else(|_| panic!("{at}"));
                    if let Some(min) = constraints["minimum"].as_i64() {
                        assert!(n >= min, "{at}");
                    }
                    if let Some(max) = constraints["maximum"].as_i64() {
                        assert!(n <= max, "{at}");
                    }
                }
                ("number", "default") => {
                    let n: f64 = value.parse().unwrap_or_else(|_| panic!("{at}"));
                    if let Some(min) = constraints["minimum"].as_f64() {
                        assert!(n >= min, "{at}");
                    }
                    if let Some(max) = constraints["maximum"].as_f64() {
                        assert!(n <= max, "{at}");
                    }
                }
                ("boolean", "default") => {
                    let allowed: Vec<&Value> = field["trueValues"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .chain(field["falseValues"].as_array().unwrap())
                        .collect();
                    assert!(allowed.contains(&&json!(value)), "{at}");
                }
                ("date", "default") => {
                    assert!(chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok() && value.len() == 10, "{at}")
                }
                ("object", "default") => assert!(serde_json::from_str::<Value>(value).unwrap().is_object(), "{at}"),
                ("array", "default") => assert!(serde_json::from_str::<Value>(value).unwrap().is_array(), "{at}"),
                other => panic!("{name}: unexpected type {other:?}"),
            }
            if let Some(allowed) = constraints["enum"].as_array() {
                assert!(allowed.contains(&json!(value)), "{at} not in enum");
            }
            if let Some(pattern) = constraints["pattern"].as_str() {
                let re = regex::Regex::new(&format!("^(?:{pattern})$")).unwrap();
                assert!(re.is_match(value), "{at} does not match {pattern}");
            }
            let length = match field["type"].as_str().unwrap() {
                "array" => serde_json::from_str::<Value>(value).unwrap().as_array().unwrap().len() as u64,
                _ => value.chars().count() as u64,
            };
            if let Some(min) = constraints["minLength"].as_u64() {
                assert!(length >= min, "{at}");
            }
            if let Some(max) = constraints["maxLength"].as_u64() {
                assert!(length <= max, "{at}");
            }
            if constraints["unique"] == true {
                assert!(seen.insert(value.to_string()), "{at} twice");
            }
        }
    }
    assert_eq!(schema["primaryKey"], "id");
    rows
}

#[test]
fn csv_headers_and_values_follow_the_committed_table_schemas() {
    assert_eq!(table_schema(&manifest_file("commitments.tableschema.json")), table_schema(COMMITMENTS_TABLE_SCHEMA));
    assert_eq!(table_schema(&manifest_file("milestones.tableschema.json")), table_schema(MILESTONES_TABLE_SCHEMA));
    assert_eq!(table_schema(&manifest_file("reports.tableschema.json")), table_schema(REPORTS_TABLE_SCHEMA));
    assert_eq!(table_schema(&manifest_file("rounds.tableschema.json")), table_schema(ROUNDS_TABLE_SCHEMA));
    let d = dataset();
    let commitments_schema = table_schema(COMMITMENTS_TABLE_SCHEMA);
    let milestones_schema = table_schema(MILESTONES_TABLE_SCHEMA);
    let reports_schema = table_schema(REPORTS_TABLE_SCHEMA);
    let commitments = check_against_table_schema(&commitments_csv(&d, PLAN).unwrap(), &commitments_schema);
    let milestones = check_against_table_schema(&milestones_csv(&d, PLAN).unwrap(), &milestones_schema);
    let reports = check_against_table_schema(&reports_csv(&d, PLAN).unwrap(), &reports_schema);
    assert_eq!(reports.len(), 4);
    let rounds_schema = table_schema(ROUNDS_TABLE_SCHEMA);
    let rounds = check_against_table_schema(&rounds_csv(&d, PLAN).unwrap(), &rounds_schema);
    assert_eq!(rounds.len(), 2);
    for (name, embedded) in [
        ("workshops.tableschema.json", WORKSHOPS_TABLE_SCHEMA),
        ("participants.tableschema.json", PARTICIPANTS_TABLE_SCHEMA),
        ("contributions.tableschema.json", CONTRIBUTIONS_TABLE_SCHEMA),
    ] {
        assert_eq!(table_schema(&manifest_file(name)), table_schema(embedded), "{name}");
    }
    let workshops_schema = table_schema(WORKSHOPS_TABLE_SCHEMA);
    let participants_schema = table_schema(PARTICIPANTS_TABLE_SCHEMA);
    let contributions_schema = table_schema(CONTRIBUTIONS_TABLE_SCHEMA);
    let workshops = check_against_table_schema(&workshops_csv(&d, PLAN).unwrap(), &workshops_schema);
    let participants = check_against_table_schema(&participants_csv(&d, PLAN).unwrap(), &participants_schema);
    let contributions = check_against_table_schema(&contributions_csv(&d, PLAN).unwrap(), &contributions_schema);
    assert_eq!((workshops.len(), participants.len(), contributions.len()), (2, 3, 4));
    // The codes are exactly the domain's; the keeping day's rule is said in words.
    let schema_field = |schema: &Value, name: &str| {
        schema["fields"].as_array().unwrap().iter().find(|f| f["name"] == name).unwrap().clone()
    };
    let kinds = json!(plan_ouvert_domain::OrganisationKind::CODES);
    assert_eq!(schema_field(&participants_schema, "organisation_kind")["constraints"]["enum"], kinds);
    assert_eq!(schema_field(&contributions_schema, "participant_kind")["constraints"]["enum"], kinds);
    assert_eq!(
        schema_field(&contributions_schema, "kind")["constraints"]["enum"],
        json!(plan_ouvert_domain::ContributionKind::CODES)
    );
    assert_eq!(
        schema_field(&contributions_schema, "outcome")["constraints"]["enum"],
        json!(plan_ouvert_domain::ContributionOutcome::CODES)
    );
    assert!(schema_field(&workshops_schema, "keep_until")["description"]
        .as_str()
        .unwrap()
        .contains("jamais avant le jour de l'atelier (held_on)"));
    assert!(participants_schema["description"].as_str().unwrap().contains("jamais publiés"));
    for schema in [&workshops_schema, &participants_schema, &contributions_schema] {
        assert!(schema["description"].as_str().unwrap().contains("retirez cette apostrophe"));
    }
    assert!(workshops_schema.get("foreignKeys").is_none());
    assert!(workshops.iter().all(|r| r[1] == PLAN.to_string()));
    // Rounds: every column described, the kinds exactly the domain's, the dates required, the
    // rule between them said in words; the plan is the other files' plan_id, with no file of
    // plans to refer to.
    let round_field =
        |name: &str| rounds_schema["fields"].as_array().unwrap().iter().find(|f| f["name"] == name).unwrap().clone();
    assert_eq!(round_field("kind")["constraints"]["enum"], json!(RoundKind::CODES));
    for date in ["opens_on", "due_on"] {
        assert_eq!(round_field(date)["type"], "date");
        assert_eq!(round_field(date)["constraints"], json!({ "required": true }));
    }
    assert!(round_field("due_on")["description"].as_str().unwrap().contains("jamais avant l'ouverture (opens_on)"));
    assert_eq!(round_field("instructions")["constraints"], json!({ "required": false }));
    assert_eq!(round_field("title")["constraints"], json!({ "required": true, "minLength": 1 }));
    assert!(rounds_schema.get("foreignKeys").is_none());
    assert!(rounds_schema["description"].as_str().unwrap().contains("retirez cette apostrophe"));
    assert!(rounds.iter().all(|r| r[1] == PLAN.to_string()));

    // The foreign keys hold: milestones and reports to commitments, reports to milestones, a
    // correction to a report of the same file (resource "" is the file itself).
    let ids = |rows: &[Vec<String>]| rows.iter().map(|r| r[0].clone()).collect::<BTreeSet<_>>();
    let targets = [
        ("commitments", ids(&commitments)),
        ("milestones", ids(&milestones)),
        ("workshops", ids(&workshops)),
        ("participants", ids(&participants)),
    ];
    for (schema, columns, rows, expected) in [
        (&milestones_schema, MILESTONE_COLUMNS, &milestones, &["commitment_id"][..]),
        (&reports_schema, REPORT_COLUMNS, &reports, &["commitment_id", "milestone_id", "corrects"][..]),
        (&participants_schema, PARTICIPANT_COLUMNS, &participants, &["workshop_id"][..]),
        (&contributions_schema, CONTRIBUTION_COLUMNS, &contributions, &["workshop_id", "participant_id"][..]),
    ] {
        let fks = schema["foreignKeys"].as_array().unwrap();
        assert_eq!(fks.iter().map(|fk| fk["fields"].as_str().unwrap()).collect::<Vec<_>>(), expected);
        for fk in fks {
            let column = columns.iter().position(|c| *c == fk["fields"]).unwrap();
            assert_eq!(fk["reference"]["fields"], "id");
            let own = ("", ids(rows));
            let (_, known) =
                targets.iter().chain([&own]).find(|(name, _)| fk["reference"]["resource"] == *name).unwrap();
            for row in rows.iter().filter(|r| !r[column].is_empty()) {
                assert!(known.contains(&row[column]), "{} {}", fk["fields"], row[column]);
            }
        }
    }

    // The enums of reports are exactly the domain's codes.
    let field =
        |name: &str| reports_schema["fields"].as_array().unwrap().iter().find(|f| f["name"] == name).unwrap().clone();
    assert_eq!(field("status")["constraints"]["enum"], json!(plan_ouvert_domain::ProgressStatus::CODES));
    assert_eq!(field("opened_government")["constraints"]["enum"], json!(plan_ouvert_domain::OPENED_GOVERNMENT_CODES));
    // Evidence files: a JSON array, always there, of at most as many files as a report carries,
    // whose description gives each member's bounds and every media type accepted.
    let files = field("files");
    assert_eq!(files["type"], "array");
    assert_eq!(files["constraints"], json!({ "required": true, "maxLength": EvidenceFile::MAX_PER_REPORT }));
    let description = files["description"].as_str().unwrap();
    let bounds = [format!("de 1 à {}", EvidenceFile::MAX_SIZE), format!("de 1 à {} caractères", ShortText::MAX)];
    let members = ["\"sha256\"", "\"name\"", "\"size\"", "\"mediaType\"", "64 chiffres hexadécimaux en minuscules"];
    for said in members.into_iter().chain(bounds.iter().map(String::as_str)).chain(EvidenceFile::media_types()) {
        assert!(description.contains(said), "the description of files says {said}");
    }
    assert!(description.contains("nommés, pas inclus"));
    let example: Value = serde_json::from_str(files["example"].as_str().unwrap()).unwrap();
    assert_eq!(FieldType::FileList.check(&example), Ok(example.clone()), "the example is a valid list of files");
    // Weights: 1 to 100 in both files.
    for schema in [&commitments_schema, &milestones_schema] {
        let weight = schema["fields"].as_array().unwrap().iter().find(|f| f["name"] == "weight").unwrap();
        assert_eq!(weight["constraints"], json!({ "required": true, "minimum": 1, "maximum": 100 }));
    }

    // Each assessment column's enum is exactly the entry's codes (not only those in the sample).
    for entry in ASSESSMENT_ENTRIES {
        let field =
            commitments_schema["fields"].as_array().unwrap().iter().find(|f| f["name"] == entry.column).unwrap();
        let allowed: Vec<String> =
            field["constraints"]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
        assert_eq!(allowed, entry.codes(), "{}", entry.column);
    }
}

#[test]
fn reading_csv_says_which_file_line_and_column() {
    let d = dataset();
    let files = csv_files(&d);
    let [commitments, _, reports, rounds, ..] = files.clone();
    let f = frame();

    // A boolean that is not true or false, on the third commitment: its line counts the header
    // and the line breaks inside the quoted cells of the rows before it.
    let (header, mut rows) = parse_csv(&commitments);
    let rewrite = rewrite_csv;
    let col = |name: &str| COMMITMENT_COLUMNS.iter().position(|c| *c == name).unwrap();
    rows[2][col("civic_participation")] = "oui".into();
    let e = read_with(&files, 0, &rewrite(&header, &rows), &f).unwrap_err();
    let ExportError::InvalidCsv { file, line, column, problem } = &e else { panic!("{e:?}") };
    assert_eq!(
        (*file, column.as_str(), problem),
        (CsvFile::Commitments, "civic_participation", &Problem::Expected(FieldType::Boolean))
    );
    let breaks = |row: &Vec<String>| row.iter().map(|c| c.matches('\n').count() as u64).sum::<u64>();
    assert_eq!(*line, 1 + (1 + breaks(&rows[0])) + (1 + breaks(&rows[1])) + 1);
    assert!(e.message(Locale::Fr).starts_with("Le fichier des engagements (commitments.csv), ligne "));
    assert!(e.message(Locale::Fr).ends_with(", colonne « civic_participation » : il faut true ou false."));

    // Assessment columns all filled or all empty.
    let (header, mut rows) = parse_csv(&commitments);
    rows[1][col("assessment_starred")] = String::new();
    let e = read_with(&files, 0, &rewrite(&header, &rows), &f).unwrap_err();
    assert!(
        matches!(e, ExportError::InvalidCsv { ref column, problem: Problem::IncompleteAssessment, .. } if column == "assessment_starred")
    );

    // A code not of the scale.
    let (header, mut rows) = parse_csv(&commitments);
    rows[1][col("assessment_specificity")] = "High".into();
    let e = read_with(&files, 0, &rewrite(&header, &rows), &f).unwrap_err();
    assert!(matches!(e, ExportError::InvalidCsv { problem: Problem::NotOneOf(_), .. }), "{e:?}");

    // Columns: unknown, missing.
    let (mut header, rows) = parse_csv(&commitments);
    header[col("title")] = "titre".into();
    let e = read_with(&files, 0, &rewrite(&header, &rows), &f).unwrap_err();
    assert_eq!(
        e,
        ExportError::InvalidCsv {
            file: CsvFile::Commitments,
            line: 1,
            column: "titre".into(),
            problem: Problem::UnknownColumn
        }
    );

    // A milestone of a commitment not in the file.
    let mut fewer = d.clone();
    fewer.records.retain(|k, _| k.id != C_DRAFTED);
    fewer.records.retain(|k, f| !(k.kind == RecordKind::Milestone && f["commitmentId"] == C_DRAFTED.to_string()));
    let e = read_with(&files, 0, &commitments_csv(&fewer, PLAN).unwrap(), &f).unwrap_err();
    assert_eq!(
        e,
        ExportError::InvalidCsv {
            file: CsvFile::Milestones,
            line: 2,
            column: "commitment_id".into(),
            problem: Problem::UnknownReference { id: C_DRAFTED }
        }
    );

    // An area the frame does not have.
    let mut no_area = f.clone();
    no_area.records.retain(|k, _| k.id != AREA_2);
    let e = read_with(&files, 0, &commitments, &no_area).unwrap_err();
    assert!(matches!(e, ExportError::InvalidCsv { ref column, problem: Problem::UnknownReference { id }, .. }
        if column == "area_id" && id == AREA_2));

    // Not CSV.
    let e = read_with(&files, 0, "id,\"plan_id\n", &f).unwrap_err();
    assert!(
        matches!(e, ExportError::UnreadableCsv { file: CsvFile::Commitments, .. } | ExportError::InvalidCsv { .. }),
        "{e:?}"
    );

    // Reports: each problem on its line and column of reports.csv.
    let (header, rows) = parse_csv(&reports);
    let col = |name: &str| REPORT_COLUMNS.iter().position(|c| *c == name).unwrap();
    let report_error = |change: &dyn Fn(&mut Vec<Vec<String>>)| {
        let mut rows = rows.clone();
        change(&mut rows);
        match read_with(&files, 2, &rewrite(&header, &rows), &f).unwrap_err() {
            ExportError::InvalidCsv { file: CsvFile::Reports, line, column, problem } => (line, column, problem),
            other => panic!("{other:?}"),
        }
    };
    // The first report's cells hold two line breaks.
    assert_eq!(
        report_error(&|rows| rows[1][col("links")] = "[{\"title\":\"Sans adresse\"}]".into()),
        (5, "links".into(), Problem::Expected(FieldType::LinkList))
    );
    assert_eq!(report_error(&|rows| rows[1][col("links")] = String::new()), (5, "links".into(), Problem::Missing));
    // Evidence files: the cell is the report's JSON array of files, each checked.
    let set_files = |rows: &mut Vec<Vec<String>>, row: usize, change: &dyn Fn(&mut Vec<Value>)| {
        let mut files: Vec<Value> = serde_json::from_str(&rows[row][col("files")]).unwrap();
        change(&mut files);
        rows[row][col("files")] = Value::Array(files).to_string();
    };
    let bad_files = Problem::Expected(FieldType::FileList);
    assert_eq!(
        report_error(&|rows| set_files(rows, 1, &|files| files[1]["sha256"] = json!(SHA_PNG.to_uppercase()))),
        (5, "files".into(), bad_files.clone())
    );
    assert_eq!(
        report_error(&|rows| set_files(rows, 3, &|files| files[0]["size"] = json!(EvidenceFile::MAX_SIZE + 1))),
        (7, "files".into(), bad_files.clone())
    );
    assert_eq!(
        report_error(&|rows| set_files(rows, 1, &|files| files[0]["mediaType"] = json!("application/x-msdownload"))),
        (5, "files".into(), bad_files.clone())
    );
    assert_eq!(
        report_error(&|rows| set_files(rows, 3, &|files| {
            let mut again = files[0].clone();
            again["name"] = json!("Le même décret, renommé.docx");
            files.push(again);
        })),
        (7, "files".into(), Problem::Repeated)
    );
    // A report with no file says so with [], not with an empty cell.
    assert_eq!(report_error(&|rows| rows[0][col("files")] = String::new()), (2, "files".into(), Problem::Missing));
    assert_eq!(report_error(&|rows| rows[2][col("files")] = "aucun".into()), (6, "files".into(), bad_files));
    assert_eq!(
        report_error(&|rows| rows[0][col("status")] = "done".into()),
        (2, "status".into(), Problem::Expected(FieldType::OneOf(plan_ouvert_domain::ProgressStatus::CODES)))
    );
    assert_eq!(
        report_error(&|rows| rows[3][col("milestone_id")] = M_1.to_string()),
        (7, "milestone_id".into(), Problem::OtherCommitment { expected: C_IMPORTED })
    );
    assert_eq!(
        report_error(&|rows| rows[3][col("milestone_id")] = C_IMPORTED.to_string()),
        (7, "milestone_id".into(), Problem::UnknownReference { id: C_IMPORTED })
    );
    assert_eq!(
        report_error(&|rows| rows[0][col("corrects")] = R_M1.to_string()),
        (2, "corrects".into(), Problem::OtherTimeline)
    );
    assert_eq!(
        report_error(&|rows| {
            rows.remove(1);
        }),
        (5, "corrects".into(), Problem::UnknownReference { id: R_M1 })
    );
    assert_eq!(
        report_error(&|rows| rows[3][col("commitment_id")] = M_3.to_string()),
        (7, "commitment_id".into(), Problem::UnknownReference { id: M_3 })
    );
    assert_eq!(
        report_error(&|rows| rows[2][col("on_behalf")] = "oui".into()),
        (6, "on_behalf".into(), Problem::Expected(FieldType::Boolean))
    );
    assert_eq!(
        report_error(&|rows| {
            let copy = rows[0].clone();
            rows.push(copy);
        }),
        (8, "id".into(), Problem::Duplicate { id: R_OWN })
    );
    let mut no_coordination = f.clone();
    no_coordination.records.retain(|k, _| k.id != COORDINATION);
    let e = read_with(&files, 0, &commitments, &no_coordination).unwrap_err();
    assert_eq!(
        e,
        ExportError::InvalidCsv {
            file: CsvFile::Reports,
            line: 7,
            column: "institution_id".into(),
            problem: Problem::UnknownReference { id: COORDINATION }
        }
    );
    assert!(e.message(Locale::Fr).starts_with("Le fichier des rapports d'avancement (reports.csv), ligne 7, "), "{e}");
    assert!(e.message(Locale::En).starts_with("The progress reports file (reports.csv), line 7, "), "{e}");

    // Rounds: each problem on its line and column of rounds.csv. The first round's instructions
    // hold three line breaks: the second round is on line 6.
    let (header, rows) = parse_csv(&rounds);
    assert_eq!(rows[0].iter().map(|c| c.matches('\n').count()).sum::<usize>(), 3);
    let col = |name: &str| ROUND_COLUMNS.iter().position(|c| *c == name).unwrap();
    let round_error = |header: &[String], change: &dyn Fn(&mut Vec<Vec<String>>)| {
        let mut rows = rows.clone();
        change(&mut rows);
        read_with(&files, 3, &rewrite(header, &rows), &f).unwrap_err()
    };
    let at = |line, column: &str, problem| ExportError::InvalidCsv {
        file: CsvFile::Rounds,
        line,
        column: column.into(),
        problem,
    };
    // Due the day before it opens.
    let e = round_error(&header, &|rows| rows[1][col("due_on")] = "2023-12-30".into());
    let opens_on = chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap();
    assert_eq!(e, at(6, "due_on", Problem::DueBeforeOpening { opens_on }));
    assert_eq!(
        e.message(Locale::Fr),
        "Le fichier des campagnes de suivi (rounds.csv), ligne 6, colonne « due_on » : l'échéance tombe avant \
         l'ouverture de la campagne (2023-12-31) : elle doit tomber ce jour-là ou après."
    );
    assert_eq!(
        e.message(Locale::En),
        "The reporting rounds file (rounds.csv), line 6, column 'due_on': the due date is before the round opens \
         (2023-12-31): it must be that day or later."
    );
    // Opening after the due date: the same fault, said at the due date.
    let e = round_error(&header, &|rows| rows[0][col("opens_on")] = "2022-11-01".into());
    assert_eq!(
        e,
        at(2, "due_on", Problem::DueBeforeOpening { opens_on: chrono::NaiveDate::from_ymd_opt(2022, 11, 1).unwrap() })
    );
    assert_eq!(
        round_error(&header, &|rows| rows[1][col("kind")] = "annual".into()),
        at(6, "kind", Problem::Expected(FieldType::OneOf(RoundKind::CODES)))
    );
    assert_eq!(
        round_error(&header, &|rows| rows[0][col("opens_on")] = "01/09/2022".into()),
        at(2, "opens_on", Problem::Expected(FieldType::Date))
    );
    assert_eq!(round_error(&header, &|rows| rows[1][col("due_on")] = String::new()), at(6, "due_on", Problem::Missing));
    assert_eq!(round_error(&header, &|rows| rows[1][col("title")] = String::new()), at(6, "title", Problem::Missing));
    let other = Uuid::from_u128(99);
    assert_eq!(
        round_error(&header, &|rows| rows[1][col("plan_id")] = other.to_string()),
        at(6, "plan_id", Problem::OtherPlan { expected: PLAN })
    );
    assert_eq!(
        round_error(&header, &|rows| {
            let copy = rows[1].clone();
            rows.push(copy);
        }),
        at(7, "id", Problem::Duplicate { id: ROUND_END })
    );
    let mut renamed = header.clone();
    renamed[col("instructions")] = "consignes".into();
    assert_eq!(round_error(&renamed, &|_| {}), at(1, "consignes", Problem::UnknownColumn));
    let fewer: Vec<String> = header.iter().filter(|c| *c != "instructions").cloned().collect();
    let e = read_with(&files, 3, &rewrite(&fewer, &[]), &f).unwrap_err();
    assert_eq!(e, at(1, "instructions", Problem::MissingColumn));

    // Workshops, participants and contributions: each problem on its file, line and column.
    let in_file = |which: usize, file: CsvFile, change: &dyn Fn(&mut Vec<Vec<String>>)| {
        let (header, mut rows) = parse_csv(&files[which]);
        change(&mut rows);
        match read_with(&files, which, &rewrite(&header, &rows), &f).unwrap_err() {
            ExportError::InvalidCsv { file: found, line, column, problem } if found == file => (line, column, problem),
            other => panic!("{other:?}"),
        }
    };
    let w = |name: &str| WORKSHOP_COLUMNS.iter().position(|c| *c == name).unwrap();
    // The first workshop's information text holds two line breaks: the second is on line 5.
    let held_on = chrono::NaiveDate::from_ymd_opt(2021, 11, 20).unwrap();
    assert_eq!(
        in_file(4, CsvFile::Workshops, &|rows| rows[1][w("keep_until")] = "2021-11-19".into()),
        (5, "keep_until".into(), Problem::KeptBeforeHeld { held_on })
    );
    assert_eq!(
        in_file(4, CsvFile::Workshops, &|rows| rows[1][w("plan_id")] = Uuid::from_u128(99).to_string()),
        (5, "plan_id".into(), Problem::OtherPlan { expected: PLAN })
    );
    assert_eq!(
        in_file(4, CsvFile::Workshops, &|rows| rows[0][w("facilitator")] = String::new()),
        (2, "facilitator".into(), Problem::Missing)
    );
    let nowhere = Uuid::from_u128(7);
    assert_eq!(
        in_file(4, CsvFile::Workshops, &|rows| rows[0][w("institution_id")] = nowhere.to_string()),
        (2, "institution_id".into(), Problem::UnknownReference { id: nowhere })
    );
    let p = |name: &str| PARTICIPANT_COLUMNS.iter().position(|c| *c == name).unwrap();
    assert_eq!(
        in_file(5, CsvFile::Participants, &|rows| rows[2][p("organisation_kind")] = "ngo".into()),
        (
            4,
            "organisation_kind".into(),
            Problem::Expected(FieldType::OneOf(plan_ouvert_domain::OrganisationKind::CODES))
        )
    );
    assert_eq!(
        in_file(5, CsvFile::Participants, &|rows| rows[0][p("workshop_id")] = nowhere.to_string()),
        (2, "workshop_id".into(), Problem::UnknownReference { id: nowhere })
    );
    let k = |name: &str| CONTRIBUTION_COLUMNS.iter().position(|c| *c == name).unwrap();
    // The first contribution's text holds two line breaks: the second is on line 5.
    assert_eq!(
        in_file(6, CsvFile::Contributions, &|rows| rows[1][k("proposal_ids")] = K_COMMENT.to_string()),
        (5, "proposal_ids".into(), Problem::NotAProposal { id: K_COMMENT })
    );
    assert_eq!(
        in_file(6, CsvFile::Contributions, &|rows| rows[1][k("proposal_ids")] = K_MERGED.to_string()),
        (5, "proposal_ids".into(), Problem::OtherWorkshop { expected: W_1 })
    );
    assert_eq!(
        in_file(6, CsvFile::Contributions, &|rows| rows[0][k("participant_id")] = P_3.to_string()),
        (2, "participant_id".into(), Problem::OtherWorkshop { expected: W_1 })
    );
    assert_eq!(
        in_file(6, CsvFile::Contributions, &|rows| rows[0][k("outcome")] = "accepted".into()),
        (
            2,
            "outcome".into(),
            Problem::Expected(FieldType::OptionalOneOf(plan_ouvert_domain::ContributionOutcome::CODES))
        )
    );
    // A participant's name is no column of the file.
    let (mut header, rows) = parse_csv(&files[5]);
    header.push("name".into());
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|mut r| {
            r.push("Awa".into());
            r
        })
        .collect();
    let e = read_with(&files, 5, &rewrite(&header, &rows), &f).unwrap_err();
    assert_eq!(
        e,
        ExportError::InvalidCsv {
            file: CsvFile::Participants,
            line: 1,
            column: "name".into(),
            problem: Problem::UnknownColumn
        }
    );
    assert!(e.message(Locale::En).starts_with("The workshop participants file (participants.csv), line 1, "), "{e}");
}

// ---------------------------------------------------------------------------------------- HTML

fn article(html: &str, id: Uuid) -> &str {
    let start = html.find(&format!("<article class=\"commitment\" id=\"commitment-{id}\"")).unwrap();
    let end = start + html[start..].find("</article>").unwrap();
    &html[start..end]
}

#[test]
fn html_is_escaped_self_contained_and_printable() {
    let html = plan_html(&dataset(), PLAN, Locale::Fr).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ouvrir les « données », &quot;vite&quot; &amp; bien"));
    assert!(html.contains("Les données sont &lt;b&gt;dispersées&lt;/b&gt; &amp; incomplètes."));
    assert!(html.contains("Cartographie des &lt;données&gt;"));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"));
    for resource in ["src=", "<link", "@import", "<iframe", "<object", "<embed", "<img"] {
        assert!(!lower.contains(resource), "{resource}");
    }
    // The only URLs of the style are the embedded fonts: nothing is fetched.
    for part in lower.split("url(").skip(1) {
        assert!(part.starts_with("data:font/woff2;base64,"), "url({}", &part[..40.min(part.len())]);
    }
    // Links go to the document's own headings, or to the OGP page of the imported commitment.
    for part in html.split("href=\"").skip(1) {
        let target = &part[..part.find('"').unwrap()];
        assert!(target.starts_with('#') || target == OGP_URL, "{target}");
        if let Some(anchor) = target.strip_prefix('#') {
            assert!(html.contains(&format!("id=\"{anchor}\"")), "{target} leads nowhere");
        }
    }
    assert!(html.contains("@media print"));
    assert!(html.contains("section.area { break-before: page; page-break-before: always; }"));
    assert_eq!(html.matches("<section class=\"area\"").count(), 2);
    // Title, period, counts by rule, table of contents.
    assert!(html.contains("<h1>Plan d'action national pour un gouvernement ouvert 2021-2023</h1>"));
    assert!(html.contains("période du 17/12/2021 au 31/12/2023"));
    assert!(html.contains("<p class=\"meta\">2 axes, 3 engagements, 3 jalons.</p>"));
    // The plan as adopted: no progress report, nor the institution only a report names.
    assert!(
        !html.contains(COORDINATION_NAME) && !html.contains("Dominique Petit") && !html.contains("Publier la carte")
    );
    assert!(!html.contains("Rapport à mi-parcours") && !html.contains("Décrire, pour chaque jalon"), "nor rounds");
    assert!(!html.contains("Atelier « transparence »") && !html.contains("Claire Petit"), "nor workshops");
    assert!(html.contains("<section class=\"annex\" id=\"institutions\">"));
    assert!(html.contains("Ministère de la Transition écologique — ministère</li>"), "the annex lists the others");
    assert!(html.contains("<h2 id=\"toc\">Sommaire</h2>"));
    assert!(html
        .contains(&format!("<a href=\"#commitment-{C_THEMATIC}\">2.1 Réduire l'empreinte carbone, du numérique</a>")));
    // Paragraphs kept, line breaks kept.
    assert!(html
        .contains("<p>Premier paragraphe, avec « guillemets ».</p>\n<p>Second paragraphe<br>\nsur deux lignes.</p>"));
    assert!(html.contains("<p>Un premier portail (2019).<br>\nUne ligne après un retour à la ligne.</p>"));
    // In English, dates as the interface shows them.
    let english = plan_html(&dataset(), PLAN, Locale::En).unwrap();
    assert!(english.contains("period from 17 Dec 2021 to 31 Dec 2023"));
}

/// The WOFF2 file embedded for one `@font-face` rule of Marianne (weight, style).
fn embedded_font(html: &str, weight: &str, style: &str) -> Vec<u8> {
    let rule = html
        .split("@font-face {")
        .skip(1)
        .find(|rule| {
            rule.contains("font-family: Marianne;")
                && rule.contains(&format!("font-weight: {weight};"))
                && rule.contains(&format!("font-style: {style};"))
        })
        .unwrap_or_else(|| panic!("no @font-face for Marianne {weight} {style}"));
    let start = rule.find("url(data:font/woff2;base64,").unwrap() + "url(data:font/woff2;base64,".len();
    let encoded = &rule[start..start + rule[start..].find(')').unwrap()];
    decode_base64(encoded)
}

fn decode_base64(text: &str) -> Vec<u8> {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.trim_end_matches('=').chars() {
        bits = (bits << 6) | ALPHABET.find(c).unwrap_or_else(|| panic!("{c} is not base64")) as u32;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    out
}

#[test]
fn html_is_set_in_marianne_embedded_so_the_saved_file_needs_nothing_else() {
    let html = plan_html(&dataset(), PLAN, Locale::Fr).unwrap();
    assert!(html.contains("body { font-family: Marianne, arial, sans-serif;"));
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts");
    for (weight, style, file) in [
        ("400", "normal", "Marianne-Regular.woff2"),
        ("700", "normal", "Marianne-Bold.woff2"),
        ("400", "italic", "Marianne-Regular_Italic.woff2"),
    ] {
        let embedded = embedded_font(&html, weight, style);
        assert_eq!(&embedded[..4], b"wOF2", "{file} is a WOFF2 font");
        assert_eq!(embedded, std::fs::read(assets.join(file)).unwrap(), "{file} embedded whole");
    }
    assert_eq!(html.matches("@font-face").count(), 3, "regular, bold and italic only");
    // The fonts are most of the file, and stay reasonable: under 200 KB for the three.
    let fonts: usize = html.split("base64,").skip(1).map(|p| p.find(')').unwrap()).sum();
    assert!(fonts < 200_000, "{fonts} bytes of fonts");
}

#[test]
fn html_numbers_areas_commitments_and_milestones_as_the_app_does() {
    use plan_ouvert_domain::numbering::{area_number, commitment_number, milestone_number};
    let html = plan_html(&dataset(), PLAN, Locale::Fr).unwrap();
    // Areas by rank, commitments by their area's rank and their own, milestones after them.
    assert!(html.contains(&format!(
        "<h2><span class=\"number\">Axe {}</span> — Transparence de l'action publique</h2>",
        area_number(0)
    )));
    assert!(html
        .contains(&format!("<h2><span class=\"number\">Axe {}</span> — Transition écologique</h2>", area_number(1))));
    for (commitment, number) in [
        (C_DRAFTED, commitment_number(0, 0)),
        (C_IMPORTED, commitment_number(0, 1)),
        (C_THEMATIC, commitment_number(1, 0)),
    ] {
        assert!(
            article(&html, commitment).contains(&format!("<h3><span class=\"number\">Engagement {number}</span> — "))
        );
    }
    assert_eq!(commitment_number(1, 0), "2.1");
    let drafted = article(&html, C_DRAFTED);
    for (rank, title) in
        ["Cartographie des &lt;données&gt;", "Jalon &quot;deux&quot;, avec virgule"].into_iter().enumerate()
    {
        let number = milestone_number(&commitment_number(0, 0), rank);
        assert!(
            drafted.contains(&format!("<tr><td class=\"nowrap number\">{number}</td><td>{title}</td>")),
            "{number}"
        );
    }
    // An imported commitment is numbered like the others; the OGP's number is a fact of its origin.
    let imported = article(&html, C_IMPORTED);
    assert!(imported.contains("<h3><span class=\"number\">Engagement 1.2</span>"));
    assert!(imported.contains("<dt>Numéro dans le plan publié par le PGO</dt>\n<dd>2.1</dd>"));
    assert!(!html.contains("Engagement 2.1</span> — Registre"));
}

#[test]
fn html_has_the_sections_of_the_commitment_screen_with_its_labels_and_omits_empty_ones() {
    use plan_ouvert_domain::Labels;
    for locale in [Locale::Fr, Locale::En] {
        let l = Labels::of(locale);
        let (s, c, m) = (l.sections, l.commitment, l.milestone);
        let headings = [
            s.problem,
            c.problem,
            c.causes,
            s.commitment,
            c.brief_description,
            c.done_so_far,
            c.solution,
            c.expected_results,
            s.analysis,
            c.transparency,
            c.accountability,
            c.participation,
            c.values,
            s.planning,
            c.start_date,
            c.end_date,
            c.lead_institution_id,
            c.supporting_institution_ids,
            c.other_supporters,
            m.list,
            m.title,
            m.expected_outputs,
            m.start_date,
            m.due_date,
            m.lead_institution_id,
            s.contacts,
            c.contact_name,
            c.contact_email,
        ];
        let html = plan_html(&dataset(), PLAN, locale).unwrap();
        assert!(html.contains(&format!("<html lang=\"{}\">", locale.code())));
        let drafted = article(&html, C_DRAFTED);
        let mut at = 0;
        for heading in headings {
            let found = drafted[at..].find(heading).unwrap_or_else(|| panic!("{heading} missing or out of order"));
            at += found;
        }
        // The imported commitment has no problem definition nor analysis: no heading for them.
        let imported = article(&html, C_IMPORTED);
        for heading in [s.problem, s.analysis, s.contacts] {
            assert!(!imported.contains(&format!("<h4>{heading}</h4>")), "{heading}");
        }
        assert!(imported.contains(c.brief_description));
        // Its origin comes first, as on the commitment screen, with the text as submitted.
        assert!(imported.find(l.origin.title).unwrap() < imported.find(s.commitment).unwrap());
        assert!(imported.contains(&format!("<h5>{}</h5>\n<p>", l.origin.full_text)));
    }
    let html = plan_html(&dataset(), PLAN, Locale::Fr).unwrap();
    let drafted = article(&html, C_DRAFTED);
    // Institutions by name, OGP values, dates as a French reader expects.
    assert!(drafted.contains("<dd>Haute Autorité pour la transparence de la vie publique (HATVP)</dd>"));
    assert!(drafted.contains("<dd>Ministère de la Transition écologique</dd>"));
    assert!(drafted.contains("<li>Accès à l'information</li>"));
    assert!(!drafted.contains("<li>Participation civique</li>"));
    assert!(drafted.contains("<dd>01/01/2022</dd>"));
    // The start date as written in the source when there is no date.
    assert!(article(&html, C_IMPORTED).contains("<dd>Mi-2022</dd>"));
}

#[test]
fn html_lists_each_milestone_in_a_table() {
    let d = dataset();
    let html = plan_html(&d, PLAN, Locale::Fr).unwrap();
    for (commitment, milestones) in [(C_DRAFTED, &[M_1, M_2][..]), (C_IMPORTED, &[M_3][..]), (C_THEMATIC, &[][..])] {
        let article = article(&html, commitment);
        if milestones.is_empty() {
            assert!(!article.contains("<table"), "no empty table");
            continue;
        }
        let start = article.find("<table class=\"milestones\">").unwrap();
        let table = &article[start..start + article[start..].find("</table>").unwrap()];
        assert!(table.contains("<th scope=\"col\">N°</th><th scope=\"col\">Livrable</th><th scope=\"col\">Résultats attendus</th><th scope=\"col\">Date de début</th><th scope=\"col\">Date d'échéance</th><th scope=\"col\">Institution porteuse</th>"));
        assert_eq!(table.matches("<tr><td").count(), milestones.len());
        for m in milestones {
            let fields = d.get(RecordKind::Milestone, *m).unwrap();
            let title =
                fields["title"].as_str().unwrap().replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
            assert!(table.contains(&format!("</td><td>{title}</td>")), "{title}");
        }
    }
    let article = article(&html, C_DRAFTED);
    assert!(article.contains(
        "<tr><td class=\"nowrap number\">1.1.2</td><td>Jalon &quot;deux&quot;, avec virgule</td><td><p>Premier livrable.</p>\n<p>Second livrable, « important ».</p>\n</td>\
         <td class=\"nowrap\"></td><td class=\"nowrap\">30/06/2023</td><td>Haute Autorité pour la transparence de la vie publique (HATVP)</td></tr>"
    ));
}

#[test]
fn html_shows_the_irm_assessment_with_the_apps_labels_and_the_star() {
    let html = plan_html(&dataset(), PLAN, Locale::Fr).unwrap();
    let imported = article(&html, C_IMPORTED);
    assert!(imported.contains("★"));
    assert!(!article(&html, C_DRAFTED).contains("★"));
    assert!(!article(&html, C_THEMATIC).contains("★"));
    assert!(imported.contains("<h4>Origine et évaluation du MRI</h4>"));
    assert!(imported.contains("<h5>Évaluation du Mécanisme de rapport indépendant (MRI)</h5>"));
    assert!(imported.contains("<p class=\"starred\"><span class=\"star\">★</span> Engagement étoilé : spécifique"));
    for (label, value) in [
        ("Spécificité", "Élevée"),
        ("Vérifiable", "Non évalué (ND)"),
        ("Accès à l'information", "Oui"),
        ("Participation civique", "Non"),
        ("Redevabilité publique", "Non pertinent (NR)"),
        ("Technologie et innovation", "Sans objet (NA)"),
        ("Impact potentiel", "Transformateur"),
        ("Achèvement (fin de mandat)", "Achevé"),
        ("Dans l'ensemble", "Majeur"),
    ] {
        assert!(imported.contains(&format!("<dt>{label}</dt>\n<dd>{value}</dd>")), "{label}: {value}");
    }
    // In two parts, as on the screen; groups under their label.
    assert!(imported.find("<h6>Conception</h6>").unwrap() < imported.find("<h6>Mise en œuvre</h6>").unwrap());
    assert!(imported.contains("<dt>Pertinence pour les valeurs du PGO</dt>\n<dd><dl class=\"facts\">"));
    assert!(imported.contains("<dt>A-t-il ouvert le gouvernement ?</dt>"));
    // Entries missing from the source are not shown.
    assert!(!imported.contains("Potentiel de résultats"));
    assert!(imported.contains(&format!("<a href=\"{OGP_URL}\">{OGP_URL}</a>")));
    assert!(imported.contains("<dt>Domaines d'action</dt>\n<dd>Anti-Corruption ; Lobbying</dd>"));
    // A commitment drafted here has no IRM block.
    assert!(!article(&html, C_DRAFTED).contains("MRI"));
    // Not starred: said in the list, no star.
    assert!(article(&html, C_THEMATIC).contains("<dt>Engagement étoilé</dt>\n<dd>Non</dd>"));

    let html = plan_html(&dataset(), PLAN, Locale::En).unwrap();
    let imported = article(&html, C_IMPORTED);
    assert!(imported.contains("Starred commitment: specific"));
    assert!(imported.contains("<dt>Specificity</dt>\n<dd>High</dd>"));
    assert!(imported.contains("<dt>Verifiable</dt>\n<dd>Not assessed (ND)</dd>"));
    assert!(imported.contains("<dt>Technology and innovation</dt>\n<dd>Not applicable (NA)</dd>"));
    assert!(imported.contains("<h5>Independent Reporting Mechanism (IRM) assessment</h5>"));
}

// ---------------------------------------------------------------------------------------- errors

#[test]
fn an_unknown_plan_is_an_error_in_french_and_english() {
    let d = dataset();
    let unknown = Uuid::from_u128(42);
    let expected = ExportError::UnknownPlan { plan: unknown };
    assert_eq!(plan_json(&d, unknown).unwrap_err(), expected);
    assert_eq!(commitments_csv(&d, unknown).unwrap_err(), expected);
    assert_eq!(milestones_csv(&d, unknown).unwrap_err(), expected);
    assert_eq!(reports_csv(&d, unknown).unwrap_err(), expected);
    assert_eq!(rounds_csv(&d, unknown).unwrap_err(), expected);
    assert_eq!(workshops_csv(&d, unknown).unwrap_err(), expected);
    assert_eq!(participants_csv(&d, unknown).unwrap_err(), expected);
    assert_eq!(contributions_csv(&d, unknown).unwrap_err(), expected);
    assert_eq!(plan_html(&d, unknown, Locale::Fr).unwrap_err(), expected);
    assert_eq!(
        expected.message(Locale::Fr),
        "Le plan 00000000-0000-0000-0000-00000000002a n'existe pas dans les données : il n'y a rien à exporter."
    );
    assert_eq!(
        expected.message(Locale::En),
        "Plan 00000000-0000-0000-0000-00000000002a is not in the data: there is nothing to export."
    );
    assert_eq!(expected.to_string(), expected.message(Locale::En));
}

#[test]
fn a_record_that_cannot_be_exported_is_named_and_a_missing_field_gets_its_empty_value() {
    let mut d = dataset();
    let key = plan_ouvert_sync::protocol::RecordKey { kind: RecordKind::Milestone, id: M_2 };
    d.records.get_mut(&key).unwrap().insert("dueDate".into(), json!("2023-02-30"));
    let e = plan_json(&d, PLAN).unwrap_err();
    assert_eq!(
        e,
        ExportError::InvalidRecord {
            kind: RecordKind::Milestone,
            id: M_2,
            field: "dueDate".into(),
            problem: Problem::Expected(FieldType::OptionalDate)
        }
    );
    assert_eq!(
        e.message(Locale::Fr),
        format!("Données invalides : le jalon {M_2}, champ « dueDate » : il faut une date AAAA-MM-JJ ou rien.")
    );

    // A lead institution that is not in the data.
    let mut d = dataset();
    d.records.retain(|k, _| k.id != MINISTRY);
    let e = plan_html(&d, PLAN, Locale::Fr).unwrap_err();
    assert!(
        matches!(e, ExportError::MissingRecord { kind: RecordKind::Institution, id, .. } if id == MINISTRY),
        "{e:?}"
    );
    assert!(e.message(Locale::Fr).contains("absent des données"));

    // A commitment written before the open-data fields existed: exported with empty values.
    let mut d = dataset();
    let key = plan_ouvert_sync::protocol::RecordKey { kind: RecordKind::Commitment, id: C_DRAFTED };
    for field in ["ogpId", "number", "policyAreas", "assessment", "sourceColumns", "weight"] {
        d.records.get_mut(&key).unwrap().remove(field);
    }
    // (a milestone written before weights existed, too: it weighs 1)
    d.records.get_mut(&record_key(RecordKind::Milestone, M_1)).unwrap().remove("weight");
    assert_same(&read_plan_json(&plan_json(&d, PLAN).unwrap()).unwrap(), &dataset());
    // …but a missing title is refused.
    d.records.get_mut(&key).unwrap().remove("title");
    assert!(matches!(plan_json(&d, PLAN).unwrap_err(),
        ExportError::InvalidRecord { problem: Problem::Missing, ref field, .. } if field == "title"));

    // A weight out of bounds.
    let mut d = dataset();
    d.records.get_mut(&record_key(RecordKind::Milestone, M_3)).unwrap().insert("weight".into(), json!(0));
    assert!(matches!(plan_json(&d, PLAN).unwrap_err(),
        ExportError::InvalidRecord { kind: RecordKind::Milestone, id: M_3, ref field, .. } if field == "weight"));

    // Reports: a milestone of another commitment, a milestone or a corrected report absent from
    // the data, a correction of another timeline, the institution it is made for absent.
    let report_error = |field: &str, value: Value| {
        let mut d = dataset();
        d.records.get_mut(&record_key(RecordKind::Report, R_M1_FIX)).unwrap().insert(field.into(), value);
        plan_json(&d, PLAN).unwrap_err()
    };
    let invalid = |field: &str, problem| ExportError::InvalidRecord {
        kind: RecordKind::Report,
        id: R_M1_FIX,
        field: field.into(),
        problem,
    };
    let missing =
        |kind, id, field| ExportError::MissingRecord { kind, id, from: RecordKind::Report, from_id: R_M1_FIX, field };
    assert_eq!(
        report_error("milestoneId", json!(M_3.to_string())),
        invalid("milestoneId", Problem::OtherCommitment { expected: C_DRAFTED })
    );
    let nowhere = Uuid::from_u128(7);
    assert_eq!(
        report_error("milestoneId", json!(nowhere.to_string())),
        missing(RecordKind::Milestone, nowhere, "milestoneId")
    );
    assert_eq!(report_error("corrects", json!(nowhere.to_string())), missing(RecordKind::Report, nowhere, "corrects"));
    assert_eq!(report_error("corrects", json!(R_OWN.to_string())), invalid("corrects", Problem::OtherTimeline));
    assert_eq!(
        report_error("institutionId", json!(nowhere.to_string())),
        ExportError::MissingRecord {
            kind: RecordKind::Institution,
            id: nowhere,
            from: RecordKind::Report,
            from_id: R_M1_FIX,
            field: "institutionId"
        }
    );
    assert_eq!(
        report_error("status", json!("done")),
        invalid("status", Problem::Expected(FieldType::OneOf(plan_ouvert_domain::ProgressStatus::CODES)))
    );
    // Evidence files: a file too large, a file named twice.
    let too_large = json!([file(SHA_PDF, "a.pdf", EvidenceFile::MAX_SIZE + 1, "application/pdf")]);
    assert_eq!(report_error("files", too_large), invalid("files", Problem::Expected(FieldType::FileList)));
    let twice = json!([file(SHA_PDF, "a.pdf", 1, "application/pdf"), file(SHA_PDF, "b.pdf", 1, "application/pdf")]);
    assert_eq!(report_error("files", twice), invalid("files", Problem::Repeated));
    // A report written before files existed: exported with none.
    let mut d = dataset();
    d.records.get_mut(&record_key(RecordKind::Report, R_M1_FIX)).unwrap().remove("files");
    assert_same(&read_plan_json(&plan_json(&d, PLAN).unwrap()).unwrap(), &dataset());
    assert_same(&read_csv_files(&csv_files(&d), &frame()).unwrap(), &dataset());
    let e = report_error("corrects", json!(R_OWN.to_string()));
    assert_eq!(
        e.message(Locale::Fr),
        format!(
            "Données invalides : le rapport d'avancement {R_M1_FIX}, champ « corrects » : le rapport corrigé doit \
             porter sur le même engagement et le même jalon que sa correction."
        )
    );

    // Rounds: one due before it opens is refused by every export, named with its due date.
    let round_error = |field: &str, value: Value| {
        let mut d = dataset();
        d.records.get_mut(&record_key(RecordKind::Round, ROUND_MID)).unwrap().insert(field.into(), value);
        let e = plan_json(&d, PLAN).unwrap_err();
        assert_eq!(rounds_csv(&d, PLAN).unwrap_err(), e);
        assert_eq!(commitments_csv(&d, PLAN).unwrap_err(), e, "the plan's records are checked as a whole");
        e
    };
    let invalid = |field: &str, problem| ExportError::InvalidRecord {
        kind: RecordKind::Round,
        id: ROUND_MID,
        field: field.into(),
        problem,
    };
    let opens_on = chrono::NaiveDate::from_ymd_opt(2022, 9, 1).unwrap();
    let e = round_error("dueOn", json!("2022-08-31"));
    assert_eq!(e, invalid("dueOn", Problem::DueBeforeOpening { opens_on }));
    assert_eq!(
        e.message(Locale::Fr),
        format!(
            "Données invalides : la campagne de suivi {ROUND_MID}, champ « dueOn » : l'échéance tombe avant \
             l'ouverture de la campagne (2022-09-01) : elle doit tomber ce jour-là ou après."
        )
    );
    assert_eq!(
        e.message(Locale::En),
        format!(
            "Invalid data: reporting round {ROUND_MID}, field 'dueOn': the due date is before the round opens \
             (2022-09-01): it must be that day or later."
        )
    );
    assert_eq!(
        round_error("kind", json!("annual")),
        invalid("kind", Problem::Expected(FieldType::OneOf(RoundKind::CODES)))
    );
    assert_eq!(round_error("dueOn", Value::Null), invalid("dueOn", Problem::Expected(FieldType::Date)));
    let mut d = dataset();
    d.records.get_mut(&record_key(RecordKind::Round, ROUND_END)).unwrap().remove("dueOn");
    assert_eq!(
        plan_json(&d, PLAN).unwrap_err(),
        ExportError::InvalidRecord {
            kind: RecordKind::Round,
            id: ROUND_END,
            field: "dueOn".into(),
            problem: Problem::Missing
        }
    );
    // Written before instructions existed: exported with none.
    let mut d = dataset();
    d.records.get_mut(&record_key(RecordKind::Round, ROUND_END)).unwrap().remove("instructions");
    assert_same(&read_plan_json(&plan_json(&d, PLAN).unwrap()).unwrap(), &dataset());
    assert_same(&read_csv_files(&csv_files(&d), &frame()).unwrap(), &dataset());

    // Workshops: every export refuses data kept until before the day, an author of another
    // workshop or absent, a vote for a comment or for nothing, the institution that ran it absent.
    let changed = |kind, id, field: &str, value: Value| {
        let mut d = dataset();
        d.records.get_mut(&record_key(kind, id)).unwrap().insert(field.into(), value);
        let e = plan_json(&d, PLAN).unwrap_err();
        assert_eq!(contributions_csv(&d, PLAN).unwrap_err(), e);
        assert_eq!(plan_html(&d, PLAN, Locale::Fr).unwrap_err(), e, "the plan's records are checked as a whole");
        e
    };
    let held_on = chrono::NaiveDate::from_ymd_opt(2021, 10, 5).unwrap();
    let e = changed(RecordKind::Workshop, W_1, "keepUntil", json!("2021-10-04"));
    assert_eq!(
        e,
        ExportError::InvalidRecord {
            kind: RecordKind::Workshop,
            id: W_1,
            field: "keepUntil".into(),
            problem: Problem::KeptBeforeHeld { held_on }
        }
    );
    assert!(e.message(Locale::En).starts_with(&format!("Invalid data: workshop {W_1}, field 'keepUntil': ")), "{e}");
    let nowhere = Uuid::from_u128(7);
    assert_eq!(
        changed(RecordKind::Workshop, W_1, "institutionId", json!(nowhere.to_string())),
        ExportError::MissingRecord {
            kind: RecordKind::Institution,
            id: nowhere,
            from: RecordKind::Workshop,
            from_id: W_1,
            field: "institutionId"
        }
    );
    let invalid = |id, field: &str, problem| ExportError::InvalidRecord {
        kind: RecordKind::Contribution,
        id,
        field: field.into(),
        problem,
    };
    let missing = |kind, id, from_id, field| ExportError::MissingRecord {
        kind,
        id,
        from: RecordKind::Contribution,
        from_id,
        field,
    };
    assert_eq!(
        changed(RecordKind::Contribution, K_PROPOSAL, "participantId", json!(P_3.to_string())),
        invalid(K_PROPOSAL, "participantId", Problem::OtherWorkshop { expected: W_1 })
    );
    assert_eq!(
        changed(RecordKind::Contribution, K_PROPOSAL, "participantId", json!(nowhere.to_string())),
        missing(RecordKind::Participant, nowhere, K_PROPOSAL, "participantId")
    );
    assert_eq!(
        changed(RecordKind::Contribution, K_VOTE, "proposalIds", json!([K_COMMENT.to_string()])),
        invalid(K_VOTE, "proposalIds", Problem::NotAProposal { id: K_COMMENT })
    );
    assert_eq!(
        changed(RecordKind::Contribution, K_VOTE, "proposalIds", json!([nowhere.to_string()])),
        missing(RecordKind::Contribution, nowhere, K_VOTE, "proposalIds")
    );
    assert_eq!(
        changed(RecordKind::Participant, P_1, "organisationKind", json!("ngo")),
        ExportError::InvalidRecord {
            kind: RecordKind::Participant,
            id: P_1,
            field: "organisationKind".into(),
            problem: Problem::Expected(FieldType::OneOf(plan_ouvert_domain::OrganisationKind::CODES))
        }
    );
    // What a workshop discussed and what a contribution fed may be deleted since: exported as it is.
    let mut d = dataset();
    d.records.retain(|k, _| k.id != C_THEMATIC);
    assert_eq!(plan_json(&d, PLAN).unwrap()["plan"]["workshops"][1]["commitmentIds"][1], C_THEMATIC.to_string());
}

/// The parts of a workbook, by name, as text.
fn workbook_parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut file, &mut text).unwrap();
        parts.insert(file.name().unwrap().to_string(), text);
    }
    parts
}

#[test]
fn the_workbook_holds_every_commitment_and_milestone_with_accents_dates_and_long_texts_intact() {
    let mut d = dataset();
    // A problem statement longer than a spreadsheet cell holds (32,767 characters).
    let long: String =
        (0..1_100).map(|i| format!("Paragraphe {i:04} du diagnostic détaillé.")).collect::<Vec<_>>().join("\n\n");
    assert!(long.chars().count() > 40_000 && long.chars().count() <= 50_000);
    d.records
        .get_mut(&plan_ouvert_sync::protocol::RecordKey { kind: RecordKind::Commitment, id: C_DRAFTED })
        .unwrap()
        .insert("problem".into(), json!(long));
    let bytes = plan_ouvert_opendata::export::plan_xlsx(&d, PLAN, Locale::Fr).unwrap();
    let parts = workbook_parts(&bytes);
    let workbook = &parts["xl/workbook.xml"];
    for sheet in ["Engagements", "Jalons", "Suite des textes longs"] {
        assert!(workbook.contains(&format!("name=\"{sheet}\"")), "{sheet} in {workbook}");
    }
    let strings = &parts["xl/sharedStrings.xml"];
    // Headers in French, accents and quotes kept (XML-escaped), institution names spelled out.
    for expected in [
        "Institution porteuse",
        "Livrable",
        "Numéro dans le plan publié par le PGO",
        "Haute Autorité pour la transparence de la vie publique (HATVP)",
        "« données »",
    ] {
        assert!(strings.contains(expected), "{expected}");
    }
    // Commitments and milestones numbered as the app numbers them; the OGP's number in its own column.
    for number in ["1.1", "1.2", "2.1", "1.1.1", "1.1.2", "1.2.1"] {
        assert!(strings.contains(&format!("<t>{number}</t>")), "{number}");
    }
    // The long text, cut where a cell ends, continues on the third sheet: nothing lost.
    let unescaped = strings.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    let first = long.chars().take(10_000).collect::<String>();
    let last = long.chars().rev().take(10_000).collect::<String>().chars().rev().collect::<String>();
    assert!(unescaped.contains(&first) && unescaped.contains(&last));
    // Dates are dates (a number with a date format), not text.
    let sheet = &parts["xl/worksheets/sheet1.xml"];
    assert!(parts["xl/styles.xml"].contains("dd/mm/yyyy"));
    assert!(sheet.contains("<v>44562</v>"), "2022-01-01 as a date serial");
    // In English, the headers follow.
    let english = workbook_parts(&plan_ouvert_opendata::export::plan_xlsx(&dataset(), PLAN, Locale::En).unwrap());
    assert!(english["xl/sharedStrings.xml"].contains("Lead institution"));
    assert!(english["xl/workbook.xml"].contains("name=\"Milestones\""));
}

// ----------------------------------------------------------------------------- Citizen jury

/// A session of four jurors (quorum 2) and two places: the fountains scored by all, the benches
/// and the café tied below them, the library scored once (quorum not reached), the garden by
/// nobody; one juror abstains on the café. Jurors' names and the applicants' addresses are
/// there, to check that no file carries them.
fn jury() -> plan_ouvert_domain::JuryDetail {
    use plan_ouvert_domain::*;
    let session = JurySession {
        id: JurySessionId::new(),
        plan_id: PlanId::new(),
        institution_id: InstitutionId::new(),
        title: "Promotion 3 — printemps 2026".into(),
        held_on: chrono::NaiveDate::from_ymd_opt(2026, 4, 2).unwrap(),
        places: 2,
    };
    let jurors: Vec<Juror> = ["Lina Secrète", "Marc Discret", "Nour Privée", "Yves Caché"]
        .iter()
        .map(|name| Juror { id: JurorId::new(), session_id: session.id, name: (*name).into() })
        .collect();
    let application = |title: &str, reference: &str| JuryApplication {
        id: JuryApplicationId::new(),
        session_id: session.id,
        title: title.into(),
        applicant: format!("Porteur de {title}"),
        summary: "Un projet.".into(),
        contact_email: "porteur@adresse-privee.example".into(),
        reference: reference.into(),
    };
    let applications = vec![
        application("Carte des fontaines", "AIC-1"),
        application("Bancs publics", "AIC-2"),
        application("=Café réparation", "AIC-3"),
        application("Bibliothèque de rue", ""),
        application("Jardin partagé", "AIC-5"),
    ];
    let sheet = |juror: usize, app: usize, each: [u8; 5]| ScoreSheet {
        juror_id: jurors[juror].id,
        application_id: applications[app].id,
        verdict: JuryVerdict::Scored { scores: JuryScores::new(each).unwrap() },
    };
    let mut sheets = Vec::new();
    for j in 0..4 {
        sheets.push(sheet(j, 0, [5, 5, 5, 4, 4]));
        sheets.push(sheet(j, 1, [3, 3, 3, 3, 3]));
    }
    for j in 0..3 {
        sheets.push(sheet(j, 2, [3, 3, 3, 3, 3]));
    }
    sheets.push(ScoreSheet {
        juror_id: jurors[3].id,
        application_id: applications[2].id,
        verdict: JuryVerdict::Abstained { reason: "Motif confidentiel".into() },
    });
    sheets.push(sheet(0, 3, [5, 5, 5, 5, 5]));
    let ranking = rank(&session, &jurors, &applications, &sheets);
    JuryDetail {
        institution: InstitutionRef {
            id: session.institution_id,
            name: "Direction interministérielle de la transformation publique".into(),
            acronym: "DITP".into(),
        },
        jurors: jurors.into_iter().map(|juror| JurorView { juror, sheets: 0 }).collect(),
        session,
        applications,
        sheets,
        ranking,
        read_only: None,
    }
}

#[test]
fn a_jury_s_ranking_is_published_by_its_schema_and_names_no_juror_nor_address() {
    use plan_ouvert_opendata::export::{jury_ranking_csv, jury_ranking_html, JURY_RANKING_TABLE_SCHEMA};
    assert_eq!(table_schema(&manifest_file("jury-ranking.tableschema.json")), table_schema(JURY_RANKING_TABLE_SCHEMA));
    let detail = jury();
    let csv = jury_ranking_csv(&detail);
    let rows = check_against_table_schema(&csv, &table_schema(JURY_RANKING_TABLE_SCHEMA));
    let line = |i: usize| -> Vec<&str> { rows[i].iter().map(String::as_str).collect() };
    // The library (25 from one juror) ranks first but is under the quorum; the fountains take
    // the first place; the benches and the café tie for the second, for the jury to decide.
    assert_eq!(line(0)[2..7], ["1", "", "Bibliothèque de rue", "Porteur de Bibliothèque de rue", "25.00"]);
    assert_eq!(line(0)[12..], ["1", "0", "quorumNotMet"]);
    assert_eq!(
        line(1)[2..12],
        [
            "2",
            "AIC-1",
            "Carte des fontaines",
            "Porteur de Carte des fontaines",
            "23.00",
            "5.00",
            "5.00",
            "5.00",
            "4.00",
            "4.00"
        ]
    );
    assert_eq!(line(1)[14], "selected");
    let tied: Vec<(&str, &str, &str)> =
        (2..4).map(|i| (rows[i][2].as_str(), rows[i][4].as_str(), rows[i][14].as_str())).collect();
    // Tied, by title ("=" before letters), the café's cell kept from running as a formula.
    assert_eq!(tied, [("3", "'=Café réparation", "tieToBreak"), ("3", "Bancs publics", "tieToBreak")]);
    assert_eq!(line(2)[12..14], ["3", "1"], "the café: three scored, one abstained");
    assert_eq!(
        line(4)[2..],
        ["", "AIC-5", "Jardin partagé", "Porteur de Jardin partagé", "", "", "", "", "", "", "0", "0", "notScored"]
    );

    for locale in [Locale::Fr, Locale::En] {
        let html = jury_ranking_html(&detail, "Plan d'action national 2025-2027", "France", locale);
        let labels = plan_ouvert_domain::labels::JuryLabels::of(locale);
        assert!(html.contains(labels.rule), "the rule is printed with the ranking");
        assert!(html.contains(labels.tie_to_break) && html.contains(labels.quorum_not_met));
        assert!(html.contains("Jardin partagé") && html.contains(labels.unscored));
        assert!(html.contains(&locale.pick("23,00", "23.00").to_string()));
        for text in [&csv, &html] {
            for secret in ["Lina", "Marc", "Nour", "Yves", "adresse-privee", "Motif confidentiel"] {
                assert!(!text.contains(secret), "{secret} published");
            }
        }
    }
}
