//! The rule that no export carries a participant's identity, on a plan built by hand: two areas
//! and three commitments (ids in another order than positions), two milestones, a progress report
//! and a round, and two workshops. The first, run by an institution the plan names nowhere else, has
//! four participants of three kinds — each with an identity: a name, an address, the wording they
//! accepted and what for — and contributions: four proposals whose votes put them in another
//! order than the one they were made in (two with one vote each, told apart by first choices),
//! kept, merged, not kept and still to be examined, one of the facilitation with HTML in it, one
//! feeding a milestone deleted since; two comments, on a milestone and on a commitment; three
//! priority votes.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use plan_ouvert_domain::{ExportFormat, Locale, SelfAssessmentTerm};
use plan_ouvert_opendata::export::{
    plan_dataset, plan_html, plan_json_text, plan_xlsx, read_plan_json, render_plan, self_assessment_html, Rendered,
};
use plan_ouvert_opendata::progress_workbook::progress_workbook;
use plan_ouvert_opendata::Dataset;
use plan_ouvert_sync::access::is_personal_data;
use plan_ouvert_sync::protocol::{RecordKind, Value};
use serde_json::json;
use uuid::Uuid;

const PLAN: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0001);
const AREA_1: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_00a2);
const AREA_2: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_00a1);
const HATVP: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0011);
/// Runs the workshops; named by nothing else of the plan.
const DITP: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0012);
const C_AGENDAS: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0c03);
const C_REGISTER: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0c02);
const C_BUDGET: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0c01);
const M_DECREE: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0d02);
const M_PORTAL: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0d01);
/// A milestone the plan no longer holds, still named by what a proposal fed.
const M_GONE: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0d99);
const REPORT: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0e01);
const ROUND: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0b01);
const W: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a01);
const W_OTHER: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a02);
/// W's participants: an association, two citizens, an elected official; W_OTHER's: a company.
const P_ASSOCIATION: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a11);
const P_CITIZEN: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a12);
const P_CITIZEN_2: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a13);
const P_ELECTED: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a14);
const P_COMPANY: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a15);
/// W's proposals, in the order they were made (their ids grow).
const K_KEPT: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a21);
const K_MERGED: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a22);
const K_FACILITATION: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a23);
const K_NOT_KEPT: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a24);
/// W's comments, on a milestone and on a commitment.
const K_ON_MILESTONE: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a25);
const K_ON_COMMITMENT: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a26);
/// W's votes.
const V_1: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a27);
const V_2: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a28);
const V_3: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a29);
const K_OTHER: Uuid = Uuid::from_u128(0x0194_0000_0000_7000_8000_0000_0000_0a2a);

const W_TITLE: &str = "Atelier « transparence » <b>ouvert</b> & libre";
const FACILITATOR: &str = "Claire Martin";
const CONSENT: &str = "Vos contributions sont publiées, votre nom jamais.";

/// Who the participants are: what no export may hold. Each string is found nowhere else in the
/// data.
const NAMES: [&str; 5] = ["Awa Diallo-Ferrand", "Jean-Baptiste Kerhervé", "Zébulon", "Maire Ondine Laborde", "Ilyès"];
const EMAILS: [&str; 5] = [
    "awa.diallo-ferrand@example.org",
    "jb.kerherve@example.net",
    "zebulon@example.com",
    "ondine.laborde@mairie.example.fr",
    "ilyes@entreprise.example",
];
const WORDING: &str = "J'accepte que mes contributions soient publiées sans mon nom (version du 1er mars 2027).";
const PURPOSE: &str = "Être tenue informée des suites données à mes propositions";

fn fields(value: Value) -> BTreeMap<String, Value> {
    value.as_object().unwrap().clone().into_iter().collect()
}

fn commitment(area: Uuid, position: u32, title: &str) -> Value {
    json!({
        "planId": PLAN.to_string(), "areaId": area.to_string(), "position": position, "title": title,
        "leadInstitutionId": HATVP.to_string(), "weight": 1
    })
}

fn milestone(commitment: Uuid, position: u32, title: &str) -> Value {
    json!({
        "commitmentId": commitment.to_string(), "position": position, "title": title, "expectedOutputs": "",
        "startDate": null, "dueDate": "2027-06-30", "leadInstitutionId": null, "weight": 1
    })
}

/// A contribution of W (or of `workshop`) with what it cannot be without; the rest empty, as a
/// record written before those fields existed.
fn contribution(workshop: Uuid, participant: Option<Uuid>, kind: &str, text: &str, more: Value) -> Value {
    let mut value = json!({
        "workshopId": workshop.to_string(), "participantId": participant.map(|p| p.to_string()), "kind": kind,
        "text": text
    });
    for (k, v) in more.as_object().unwrap() {
        value[k] = v.clone();
    }
    value
}

/// The plan built by hand, without identities.
fn dataset() -> Dataset {
    let mut d = Dataset::default();
    d.insert(
        RecordKind::Plan,
        PLAN,
        fields(json!({
            "country": "France", "title": "Plan d'action national pour un gouvernement ouvert 2025-2027",
            "periodStart": "2025-01-01", "periodEnd": "2027-12-31", "ogpPlanId": null, "planNumber": null
        })),
    );
    for (id, position, title) in [(AREA_1, 0, "Transparence de l'action publique"), (AREA_2, 1, "Participation")] {
        d.insert(
            RecordKind::Area,
            id,
            fields(json!({
                "planId": PLAN.to_string(), "kind": "thematic", "title": title, "description": "", "position": position
            })),
        );
    }
    d.insert(
        RecordKind::Institution,
        HATVP,
        fields(json!({ "name": "Haute Autorité pour la transparence de la vie publique", "acronym": "HATVP",
                       "kind": "independentAuthority", "country": "France" })),
    );
    d.insert(
        RecordKind::Institution,
        DITP,
        fields(json!({ "name": "Direction interministérielle de la transformation publique", "acronym": "DITP",
                       "kind": "ministry", "country": "France" })),
    );
    d.insert(RecordKind::Commitment, C_AGENDAS, fields(commitment(AREA_1, 0, "Publier les agendas des ministres")));
    d.insert(RecordKind::Commitment, C_REGISTER, fields(commitment(AREA_1, 1, "Étendre le registre des lobbies")));
    d.insert(RecordKind::Commitment, C_BUDGET, fields(commitment(AREA_2, 0, "Un budget participatif national")));
    d.insert(RecordKind::Milestone, M_DECREE, fields(milestone(C_REGISTER, 0, "Décret publié")));
    d.insert(RecordKind::Milestone, M_PORTAL, fields(milestone(C_REGISTER, 1, "Portail ouvert")));
    d.insert(
        RecordKind::Report,
        REPORT,
        fields(json!({
            "commitmentId": C_AGENDAS.to_string(), "milestoneId": null, "reportedOn": "2027-04-01", "status": "limited",
            "authorId": Uuid::from_u128(1).to_string(), "authorName": "Camille Rapporteur",
            "institutionId": HATVP.to_string()
        })),
    );
    d.insert(
        RecordKind::Round,
        ROUND,
        fields(json!({ "planId": PLAN.to_string(), "kind": "midTerm", "title": "Mi-parcours", "opensOn": "2027-05-01",
                       "dueOn": "2027-06-30", "instructions": "" })),
    );
    d.insert(
        RecordKind::Workshop,
        W,
        fields(json!({
            "planId": PLAN.to_string(), "institutionId": DITP.to_string(), "title": W_TITLE, "heldOn": "2027-03-12",
            "place": "Salle 204, Ségur", "areaId": AREA_1.to_string(),
            "commitmentIds": [C_REGISTER.to_string(), C_AGENDAS.to_string()], "facilitator": FACILITATOR,
            "consentText": CONSENT, "keepUntil": "2028-03-12"
        })),
    );
    d.insert(
        RecordKind::Workshop,
        W_OTHER,
        fields(json!({
            "planId": PLAN.to_string(), "institutionId": DITP.to_string(), "title": "Atelier budget",
            "heldOn": "2027-04-02", "place": "", "areaId": null, "commitmentIds": [], "facilitator": "Léa Morel",
            "consentText": CONSENT, "keepUntil": "2027-10-02"
        })),
    );
    for (id, workshop, kind) in [
        (P_ASSOCIATION, W, "association"),
        (P_CITIZEN, W, "citizen"),
        (P_CITIZEN_2, W, "citizen"),
        (P_ELECTED, W, "electedOfficial"),
        (P_COMPANY, W_OTHER, "company"),
    ] {
        d.insert(
            RecordKind::Participant,
            id,
            fields(json!({ "workshopId": workshop.to_string(), "organisationKind": kind })),
        );
    }
    let ids = |list: &[Uuid]| Value::Array(list.iter().map(|id| json!(id.to_string())).collect());
    for (id, participant, kind, text, more) in [
        (
            K_KEPT,
            Some(P_ASSOCIATION),
            "proposal",
            "Publier les agendas chaque semaine.",
            json!({ "outcome": "kept", "commitmentIds": ids(&[C_AGENDAS]), "milestoneIds": ids(&[M_DECREE, M_GONE]) }),
        ),
        (
            K_MERGED,
            Some(P_CITIZEN),
            "proposal",
            "Ouvrir le registre aux collectivités.",
            json!({
                "outcome": "merged", "outcomeReason": "Fusionnée avec la proposition « registre » de l'atelier.",
                "commitmentIds": ids(&[C_REGISTER])
            }),
        ),
        (K_FACILITATION, None, "proposal", "Un <script>alert(1)</script> « tableau de bord »", json!({})),
        (
            K_NOT_KEPT,
            Some(P_CITIZEN_2),
            "proposal",
            "Tirer au sort le gouvernement.",
            json!({ "outcome": "notKept", "outcomeReason": "Hors du champ du plan." }),
        ),
        (
            K_ON_MILESTONE,
            Some(P_ELECTED),
            "comment",
            "Le portail arrive trop tard.",
            json!({
                "aboutMilestoneId": M_PORTAL.to_string(), "outcome": "notKept",
                "outcomeReason": "La date est fixée par la loi."
            }),
        ),
        (
            K_ON_COMMITMENT,
            Some(P_ASSOCIATION),
            "comment",
            "Préciser le format des agendas.",
            json!({ "aboutCommitmentId": C_AGENDAS.to_string() }),
        ),
        (V_1, Some(P_ASSOCIATION), "vote", "", json!({ "proposalIds": ids(&[K_MERGED, K_KEPT]) })),
        (V_2, Some(P_CITIZEN), "vote", "Le registre d'abord.", json!({ "proposalIds": ids(&[K_MERGED]) })),
        (V_3, Some(P_CITIZEN_2), "vote", "", json!({ "proposalIds": ids(&[K_NOT_KEPT, K_MERGED]) })),
    ] {
        d.insert(RecordKind::Contribution, id, fields(contribution(W, participant, kind, text, more)));
    }
    d.insert(
        RecordKind::Contribution,
        K_OTHER,
        fields(contribution(W_OTHER, Some(P_COMPANY), "proposal", "Un budget par région.", json!({}))),
    );
    d
}

/// The same plan, with who each participant is: a name, an address, the wording accepted, what
/// for. The identity of a participant has the participant's id.
fn with_identities() -> Dataset {
    let mut d = dataset();
    let participants = [P_ASSOCIATION, P_CITIZEN, P_CITIZEN_2, P_ELECTED, P_COMPANY];
    for ((participant, name), email) in participants.into_iter().zip(NAMES).zip(EMAILS) {
        d.insert(
            RecordKind::Identity,
            participant,
            fields(json!({
                "participantId": participant.to_string(), "name": name, "consentWording": WORDING,
                "consentedOn": "2027-03-12", "contactEmail": email, "contactPurpose": PURPOSE
            })),
        );
    }
    d
}

/// Every file every export makes of the plan and of its workshops, as bytes, named (workbooks
/// opened: their parts are compressed).
fn every_export(d: &Dataset) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut add = |name: String, rendered: Rendered| match rendered {
        Rendered::Document(text) => files.push((name, text.into_bytes())),
        Rendered::Binary(bytes) => {
            for (part, text) in workbook_parts(&bytes) {
                files.push((format!("{name}/{part}"), text.into_bytes()));
            }
        }
        Rendered::Folder(list) => {
            for (file, text) in list {
                files.push((format!("{name}/{file}"), text.into_bytes()));
            }
        }
    };
    for locale in [Locale::Fr, Locale::En] {
        for format in [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Html, ExportFormat::Xlsx] {
            add(format!("plan {format:?} {locale:?}"), render_plan(d, PLAN, format, locale).unwrap());
        }
        for term in [SelfAssessmentTerm::MidTerm, SelfAssessmentTerm::EndOfTerm] {
            let html = self_assessment_html(d, PLAN, term, day("2027-06-30"), locale).unwrap();
            add(format!("self-assessment {term:?} {locale:?}"), Rendered::Document(html));
        }
        let workbook = progress_workbook(d, PLAN, None, locale, day("2027-06-30")).unwrap();
        add(format!("progress workbook {locale:?}"), Rendered::Binary(workbook));
    }
    files
}

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

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The one rule of personal data: whatever the data holds, no file of any export holds a
/// participant's name, address, the wording they accepted or what they accepted to be contacted
/// for — in any language, format or escaping — and every file is the same as without them.
#[test]
fn no_export_carries_a_participants_identity() {
    let d = with_identities();
    assert_eq!(d.count(RecordKind::Identity), 5);
    assert!(is_personal_data(RecordKind::Identity));
    let files = every_export(&d);
    assert!(files.len() > 30, "{} files", files.len());
    let mut secrets: Vec<String> = NAMES.iter().chain(&EMAILS).map(|s| s.to_string()).collect();
    secrets.extend([WORDING.to_string(), PURPOSE.to_string()]);
    // As each format may write them (JSON escapes, HTML entities, a CSV's doubled quotes), and
    // each name's last word alone.
    let mut escaped: Vec<String> = secrets
        .iter()
        .flat_map(|s| {
            [
                serde_json::to_string(s).unwrap().trim_matches('"').to_string(),
                s.replace('\'', "&#39;"),
                s.replace('\'', "''"),
            ]
        })
        .collect();
    escaped.extend(NAMES.iter().map(|n| n.split_whitespace().last().unwrap().to_string()));
    for (name, bytes) in &files {
        for secret in secrets.iter().chain(&escaped) {
            assert!(!contains(bytes, secret), "{name} holds {secret:?}");
        }
    }
    // Nothing of them at all: every file is what the data without identities gives.
    let without = every_export(&dataset());
    assert_eq!(files.len(), without.len());
    for ((name, bytes), (_, expected)) in files.iter().zip(&without) {
        if !name.contains("Xlsx") && !name.contains("progress workbook") {
            assert!(bytes == expected, "{name} differs with identities in the data");
        }
    }
    // The records the exports carry hold no personal data.
    let data = plan_dataset(&d, PLAN).unwrap();
    assert!(data.records.keys().all(|k| !is_personal_data(k.kind)));
    assert_eq!(data.count(RecordKind::Participant), 5);
    // Reading an export back gives none either.
    let back = read_plan_json(&serde_json::from_str(&plan_json_text(&d, PLAN).unwrap()).unwrap()).unwrap();
    assert_eq!(back.count(RecordKind::Identity), 0);
    assert_eq!(back, plan_dataset(&dataset(), PLAN).unwrap());
}

/// The plan's own exports carry both workshops, and the printable plan none (it is the plan as
/// adopted): nor the institution named only by a workshop.
#[test]
fn the_plans_exports_carry_its_workshops_and_the_printable_plan_does_not() {
    let d = dataset();
    let doc: Value = serde_json::from_str(&plan_json_text(&d, PLAN).unwrap()).unwrap();
    assert_eq!(doc["plan"]["workshops"].as_array().unwrap().len(), 2);
    let names: Vec<&str> =
        doc["institutions"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Direction interministérielle de la transformation publique"));
    let html = plan_html(&d, PLAN, Locale::Fr).unwrap();
    assert!(!html.contains("transformation publique") && !html.contains(FACILITATOR));
    let workbook = workbook_parts(&plan_xlsx(&d, PLAN, Locale::Fr).unwrap());
    assert!(workbook.values().all(|part| !part.contains(FACILITATOR)));
}
