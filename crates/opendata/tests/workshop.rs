//! A workshop's report and open data, and the rule that no export carries a participant's
//! identity, on a plan built by hand: two areas and three commitments (ids in another order than
//! positions), two milestones, a progress report and a round (which a workshop's data leaves
//! out), and two workshops. The first, run by an institution the plan names nowhere else, has
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
    plan_dataset, plan_html, plan_json_text, plan_xlsx, read_csv, read_plan_json, render_plan, render_workshop,
    self_assessment_html, workshop_dataset, workshop_file_name, workshop_json, workshop_json_text,
    workshop_report_html, write_workshop, CsvTexts, ExportError, Rendered, CSV_FILES, PLAN_SCHEMA,
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
/// The wording a participant accepted: here an earlier version of the workshop's information
/// text. The workshop's own text is published with the workshop — what it told everyone, which
/// says nothing of who accepted it — so when a participant accepted that very text, the same words
/// are in the exports as the workshop's, never as theirs.
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
        for workshop in [W, W_OTHER] {
            for format in [ExportFormat::Json, ExportFormat::Csv, ExportFormat::Html] {
                let rendered = render_workshop(d, workshop, format, locale).unwrap();
                add(format!("workshop {workshop} {format:?} {locale:?}"), rendered);
            }
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
    assert!(files.len() > 60, "{} files", files.len());
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
    for data in [plan_dataset(&d, PLAN).unwrap(), workshop_dataset(&d, W).unwrap()] {
        assert!(data.records.keys().all(|k| !is_personal_data(k.kind)));
        assert!(data.count(RecordKind::Participant) > 0);
    }
    // Reading an export back gives none either.
    let back = read_plan_json(&serde_json::from_str(&plan_json_text(&d, PLAN).unwrap()).unwrap()).unwrap();
    assert_eq!(back.count(RecordKind::Identity), 0);
    assert_eq!(back, plan_dataset(&dataset(), PLAN).unwrap());
}

/// Where each of `needles` first is in `html`, which must hold them all.
fn positions(html: &str, needles: &[&str]) -> Vec<usize> {
    needles.iter().map(|n| html.find(n).unwrap_or_else(|| panic!("{n} not in the report"))).collect()
}

/// The article of one contribution in the report.
fn article(html: &str, id: Uuid) -> &str {
    let start = html.find(&format!("<article class=\"contribution\" id=\"contribution-{id}\">")).unwrap();
    let end = start + html[start..].find("</article>").unwrap();
    &html[start..end]
}

fn table_row(label: &str, cells: &[&str]) -> String {
    let cells: String = cells.iter().map(|c| format!("<td class=\"number-cell\">{c}</td>")).collect();
    format!("<tr><td>{label}</td>{cells}</tr>")
}

#[test]
fn the_report_counts_participants_by_kind_and_names_nobody() {
    let html = workshop_report_html(&with_identities(), W, Locale::Fr).unwrap();
    let start = html.find("<section id=\"participants\">").unwrap();
    let section = &html[start..start + html[start..].find("</section>").unwrap()];
    assert!(section.contains("<p class=\"figure\">4</p>\n<p>4 participants.</p>"), "{section}");
    // Every kind, in the domain's order, those absent at 0; then the total.
    let rows = [
        table_row("Citoyen ou citoyenne", &["2"]),
        table_row("Association", &["1"]),
        table_row("Entreprise", &["0"]),
        table_row("Administration", &["0"]),
        table_row("Élu ou élue", &["1"]),
        "<tr><th scope=\"row\">Total</th><td class=\"number-cell\">4</td></tr>".to_string(),
    ];
    let at: Vec<usize> = rows.iter().map(|r| section.find(r.as_str()).unwrap_or_else(|| panic!("{r}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    assert!(section.contains("<th scope=\"col\">Type d'organisation</th><th scope=\"col\">Nombre</th>"));
    assert!(section.contains("Ce compte rendu ne nomme aucun participant"));
    // Another workshop's participant is not counted.
    assert!(!section.contains(&table_row("Entreprise", &["1"])));
    for secret in NAMES.iter().chain(&EMAILS).chain(&[WORDING, PURPOSE]) {
        assert!(!html.contains(secret), "{secret}");
    }
    // Contributions say where they come from by kind only.
    assert!(article(&html, K_KEPT).contains("<dt>Origine</dt>\n<dd>Association</dd>"));
    assert!(article(&html, K_FACILITATION).contains("<dt>Origine</dt>\n<dd>L'animation de l'atelier</dd>"));
}

#[test]
fn the_report_orders_contributions_and_says_what_became_of_each() {
    let html = workshop_report_html(&dataset(), W, Locale::Fr).unwrap();
    // Proposals by votes received (3, then 1 with a first choice, 1 without, 0), numbered in that
    // order; then comments and votes in the order they were made.
    let order = [K_MERGED, K_NOT_KEPT, K_KEPT, K_FACILITATION, K_ON_MILESTONE, K_ON_COMMITMENT]
        .map(|id| format!("id=\"contribution-{id}\""));
    let at = positions(&html, &order.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    let sections = positions(&html, &["id=\"proposals\"", "id=\"comments\"", "id=\"votes\""]);
    assert!(sections[0] < at[0] && at[3] < sections[1] && sections[1] < at[4] && at[5] < sections[2]);
    for (id, number) in [(K_MERGED, 1), (K_NOT_KEPT, 2), (K_KEPT, 3), (K_FACILITATION, 4)] {
        assert!(article(&html, id).contains(&format!("<h4><span class=\"number\">Proposition {number}</span></h4>")));
    }
    let votes = |id| {
        let a = article(&html, id);
        let start = a.find("<dt>Votes reçus</dt>\n<dd>").unwrap() + "<dt>Votes reçus</dt>\n<dd>".len();
        a[start..start + a[start..].find("</dd>").unwrap()].to_string()
    };
    assert_eq!(votes(K_MERGED), "3 (dont 2 en premier choix)");
    assert_eq!(votes(K_NOT_KEPT), "1 (dont 1 en premier choix)");
    assert_eq!(votes(K_KEPT), "1 (dont 0 en premier choix)");
    assert_eq!(votes(K_FACILITATION), "0 (dont 0 en premier choix)");

    // What became of each, why, and what it fed by number and title.
    let outcome = |class: &str, label: &str| {
        format!("<dt>Suite donnée</dt>\n<dd><span class=\"badge {class}\">{label}</span></dd>")
    };
    let kept = article(&html, K_KEPT);
    assert!(kept.contains(&outcome("kept", "Retenue")));
    assert!(kept.contains("<li><span class=\"number\">Engagement 1.1</span> — Publier les agendas des ministres</li>"));
    assert!(kept.contains("<li><span class=\"number\">Jalon 1.2.1</span> — Décret publié</li>"));
    assert!(kept.contains(&format!("<li>Jalon <span class=\"hash\">{M_GONE}</span> (n'est plus dans le plan)</li>")));
    let merged = article(&html, K_MERGED);
    assert!(merged.contains(&outcome("merged", "Fusionnée")));
    assert!(merged.contains("<dt>Raison</dt>\n<dd><p>Fusionnée avec la proposition « registre » de l'atelier.</p>"));
    assert!(merged.contains("<dt>A nourri</dt>\n<dd><ul class=\"values\">\n<li><span class=\"number\">Engagement 1.2</span> — Étendre le registre des lobbies</li>"));
    let not_kept = article(&html, K_NOT_KEPT);
    assert!(not_kept.contains(&outcome("notKept", "Non retenue")));
    assert!(not_kept.contains("<p>Hors du champ du plan.</p>") && !not_kept.contains("A nourri"));
    let open = article(&html, K_FACILITATION);
    assert!(open.contains(&outcome("undecided", "À examiner")) && !open.contains("Raison"));
    // Comments: what each is about.
    let on_milestone = article(&html, K_ON_MILESTONE);
    assert!(on_milestone
        .contains("<dt>Porte sur</dt>\n<dd><span class=\"number\">Jalon 1.2.2</span> — Portail ouvert</dd>"));
    assert!(on_milestone.contains(&outcome("notKept", "Non retenue")));
    assert!(on_milestone.contains("<dd>Élu ou élue</dd>"));
    assert!(article(&html, K_ON_COMMITMENT).contains(
        "<dt>Porte sur</dt>\n<dd><span class=\"number\">Engagement 1.1</span> — Publier les agendas des ministres</dd>"
    ));
    // Votes: the proposals each names, first choice first, by their numbers in the report.
    let start = html.find("<table class=\"votes\">").unwrap();
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    assert_eq!(table.matches("<tr><td class=\"nowrap number\">").count(), 3);
    let link = |id: Uuid, n: u32| format!("<li><a href=\"#contribution-{id}\">Proposition {n}</a></li>");
    assert!(table.contains(&format!("<td>Association</td><td><ol>{}{}</ol></td>", link(K_MERGED, 1), link(K_KEPT, 3))));
    assert!(table.contains(&format!("<ol>{}</ol></td><td><p>Le registre d'abord.</p>\n</td>", link(K_MERGED, 1))));
    assert!(table.contains(&format!("<ol>{}{}</ol>", link(K_NOT_KEPT, 2), link(K_MERGED, 1))));
    // The summary: proposals and comments by what became of them, and the votes cast.
    let summary = [
        "<tr><th scope=\"row\">Propositions</th><td class=\"number-cell\">4</td><td class=\"number-cell\">1</td>\
         <td class=\"number-cell\">1</td><td class=\"number-cell\">1</td><td class=\"number-cell\">1</td></tr>",
        "<tr><th scope=\"row\">Commentaires</th><td class=\"number-cell\">2</td><td class=\"number-cell\">0</td>\
         <td class=\"number-cell\">0</td><td class=\"number-cell\">1</td><td class=\"number-cell\">1</td></tr>",
        "<p>Votes de priorité : 3.</p>",
    ];
    for line in summary {
        assert!(html.contains(line), "{line}");
    }
    // Nothing of the other workshop.
    assert!(!html.contains("Un budget par région") && !html.contains(&K_OTHER.to_string()));
}

#[test]
fn the_report_says_what_the_workshop_was_in_the_printable_plans_look() {
    let html = workshop_report_html(&dataset(), W, Locale::Fr).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(html.contains(
        "<title>Compte rendu d'atelier — Atelier « transparence » &lt;b&gt;ouvert&lt;/b&gt; &amp; libre</title>"
    ));
    assert!(html.contains("<p class=\"marque\">République<br>française</p>"));
    assert!(html.contains("<h1>Atelier « transparence » &lt;b&gt;ouvert&lt;/b&gt; &amp; libre</h1>"));
    assert!(html.contains("<p class=\"subtitle\">Plan d'action national pour un gouvernement ouvert 2025-2027</p>"));
    for (label, value) in [
        ("Date", "12/03/2027".to_string()),
        ("Lieu", "Salle 204, Ségur".into()),
        ("Institution organisatrice", "Direction interministérielle de la transformation publique (DITP)".into()),
        ("Animateur ou animatrice", FACILITATOR.into()),
        ("Axe discuté", "<span class=\"number\">Axe 1</span> — Transparence de l'action publique".into()),
    ] {
        assert!(html.contains(&format!("<dt>{label}</dt>\n<dd>{value}</dd>")), "{label}");
    }
    // The commitments discussed, in the workshop's order, numbered as the app numbers them.
    let discussed = positions(
        &html,
        &[
            "<dt>Engagements discutés</dt>",
            "<li><span class=\"number\">Engagement 1.2</span> — Étendre le registre des lobbies</li>",
            "<li><span class=\"number\">Engagement 1.1</span> — Publier les agendas des ministres</li>",
        ],
    );
    assert!(discussed.windows(2).all(|w| w[0] < w[1]));
    // Escaped, self-contained: no script, nothing fetched, links only to its own parts.
    assert!(html.contains("Un &lt;script&gt;alert(1)&lt;/script&gt; « tableau de bord »"));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"));
    for resource in ["src=", "<link", "@import", "<iframe", "<img"] {
        assert!(!lower.contains(resource), "{resource}");
    }
    for part in lower.split("url(").skip(1) {
        assert!(part.starts_with("data:font/woff2;base64,"));
    }
    for part in html.split("href=\"").skip(1) {
        let anchor = &part[1..part.find('"').unwrap()];
        assert!(part.starts_with('#') && html.contains(&format!("id=\"{anchor}\"")), "{anchor}");
    }
    assert!(html.contains("@media print") && html.contains("font-family: Marianne"));
    // Not the follow-up: no report, no round.
    assert!(!html.contains("Camille Rapporteur") && !html.contains("Mi-parcours"));

    // In English, from the labels.
    let english = workshop_report_html(&dataset(), W, Locale::En).unwrap();
    for said in [
        "<html lang=\"en\">",
        "<p class=\"kicker\">Workshop report</p>",
        "<dt>Date</dt>\n<dd>12 Mar 2027</dd>",
        "<dt>Organising institution</dt>",
        "<h3>Participants by kind of organisation</h3>",
        "<th scope=\"col\">Kind of organisation</th><th scope=\"col\">Number</th>",
        "<td>Elected official</td><td class=\"number-cell\">1</td>",
        "This report names no participant",
        "<h3 id=\"proposals\">Proposals</h3>",
        "<span class=\"number\">Proposal 1</span>",
        "<dt>Votes received</dt>\n<dd>3 (2 as first choice)</dd>",
        "<span class=\"badge merged\">Merged</span>",
        "<span class=\"badge undecided\">To be examined</span>",
        "<dt>Fed</dt>",
        "<span class=\"number\">Commitment 1.2</span> — Étendre le registre des lobbies",
        "<span class=\"number\">Milestone 1.2.2</span> — Portail ouvert",
        "(no longer in the plan)",
        "<dt>From</dt>\n<dd>The workshop's facilitation</dd>",
        "<p>Priority votes: 3.</p>",
    ] {
        assert!(english.contains(said), "{said}");
    }
}

#[test]
fn a_workshop_without_contributions_nor_participants_says_so() {
    let mut d = dataset();
    d.records.retain(|k, f| {
        !(matches!(k.kind, RecordKind::Participant | RecordKind::Contribution) && f["workshopId"] == W.to_string())
    });
    let html = workshop_report_html(&d, W, Locale::Fr).unwrap();
    assert!(html.contains("<p class=\"figure\">0</p>\n<p>0 participant.</p>"));
    assert!(
        html.contains("Aucune proposition.") && html.contains("Aucun commentaire.") && html.contains("Aucun vote.")
    );
    assert!(html.contains(&table_row("Citoyen ou citoyenne", &["0"])));
}

#[test]
fn an_unknown_workshop_is_an_error_in_french_and_english() {
    let unknown = Uuid::from_u128(42);
    let expected = ExportError::UnknownWorkshop { workshop: unknown };
    assert_eq!(workshop_report_html(&dataset(), unknown, Locale::Fr).unwrap_err(), expected);
    assert_eq!(workshop_dataset(&dataset(), unknown).unwrap_err(), expected);
    assert_eq!(render_workshop(&dataset(), unknown, ExportFormat::Csv, Locale::Fr).unwrap_err(), expected);
    assert_eq!(
        expected.message(Locale::Fr),
        "L'atelier 00000000-0000-0000-0000-00000000002a n'existe pas dans les données : il n'y a rien à exporter."
    );
    assert_eq!(
        expected.message(Locale::En),
        "Workshop 00000000-0000-0000-0000-00000000002a is not in the data: there is nothing to export."
    );
    // A plan's record that cannot be exported refuses the workshop's exports as the plan's.
    let mut d = dataset();
    d.records
        .get_mut(&plan_ouvert_sync::protocol::RecordKey { kind: RecordKind::Milestone, id: M_PORTAL })
        .unwrap()
        .insert("dueDate".into(), json!("2027-02-30"));
    let e = workshop_report_html(&d, W, Locale::Fr).unwrap_err();
    assert!(matches!(e, ExportError::InvalidRecord { kind: RecordKind::Milestone, id: M_PORTAL, .. }), "{e:?}");
    // A workshop has no workbook.
    let e = render_workshop(&dataset(), W, ExportFormat::Xlsx, Locale::Fr).unwrap_err();
    assert_eq!(e, ExportError::NoWorkshopWorkbook);
    assert!(e.message(Locale::Fr).starts_with("Un atelier ne s'exporte pas en classeur"));
}

/// A workshop's open data is the plan's formats filtered to it: the plan as adopted and the
/// workshop, read back exactly by the plan's readers and valid against the plan's schema.
#[test]
fn a_workshops_data_is_the_plans_formats_filtered_to_it_and_reads_back() {
    let d = with_identities();
    let data = workshop_dataset(&d, W).unwrap();
    let kinds = |kind| data.of_kind(kind).map(|(id, _)| id).collect::<Vec<_>>();
    assert_eq!(kinds(RecordKind::Plan), [PLAN]);
    assert_eq!(kinds(RecordKind::Area).len(), 2);
    assert_eq!(kinds(RecordKind::Commitment).len(), 3);
    assert_eq!(kinds(RecordKind::Milestone).len(), 2);
    assert_eq!(kinds(RecordKind::Workshop), [W]);
    assert_eq!(kinds(RecordKind::Participant), [P_ASSOCIATION, P_CITIZEN, P_CITIZEN_2, P_ELECTED]);
    assert_eq!(kinds(RecordKind::Contribution).len(), 9);
    assert!(kinds(RecordKind::Report).is_empty() && kinds(RecordKind::Round).is_empty());
    assert!(kinds(RecordKind::Identity).is_empty());
    // The institutions still named: the one that ran it, and those the plan names.
    assert_eq!(kinds(RecordKind::Institution), [HATVP, DITP]);
    for (key, fields) in &data.records {
        assert_eq!(Some(fields), plan_dataset(&d, PLAN).unwrap().records.get(key), "{key:?}");
    }

    // JSON: a plan document, valid against the plan's schema, read back exactly.
    let doc = workshop_json(&d, W).unwrap();
    let schema: Value = serde_json::from_str(PLAN_SCHEMA).unwrap();
    let validator = jsonschema::draft202012::options().should_validate_formats(true).build(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(doc["plan"]["rounds"], json!([]));
    assert_eq!(doc["plan"]["workshops"].as_array().unwrap().len(), 1);
    assert_eq!(read_plan_json(&doc).unwrap(), data);
    let text = workshop_json_text(&d, W).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), doc);

    // CSV: the plan's seven files, read back exactly with the plan, areas and institutions as the
    // frame.
    let Rendered::Folder(files) = render_workshop(&d, W, ExportFormat::Csv, Locale::Fr).unwrap() else {
        panic!("CSV is a folder")
    };
    assert_eq!(files.iter().map(|(name, _)| *name).collect::<Vec<_>>(), CSV_FILES);
    let texts: [String; 7] = files.iter().map(|(_, text)| text.clone()).collect::<Vec<_>>().try_into().unwrap();
    assert_eq!(texts[2].lines().count(), 1, "no report: the header alone");
    assert_eq!(texts[3].lines().count(), 1, "no round: the header alone");
    assert_eq!(texts[4].lines().count(), 2, "one workshop");
    let mut frame = data.clone();
    frame.records.retain(|k, _| matches!(k.kind, RecordKind::Plan | RecordKind::Area | RecordKind::Institution));
    assert_eq!(read_csv(CsvTexts::from(&texts), &frame).unwrap(), data);

    // HTML: its report. Written to disk, and proposed under its title and today.
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("atelier.html");
    let written = write_workshop(&d, W, ExportFormat::Html, Locale::Fr, &path).unwrap();
    assert_eq!(written, std::slice::from_ref(&path));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), workshop_report_html(&d, W, Locale::Fr).unwrap());
    let today = chrono::Local::now().date_naive().format("%Y-%m-%d");
    assert_eq!(
        workshop_file_name(&d, W, ExportFormat::Html, Locale::Fr),
        format!("Atelier — Atelier « transparence » b ouvert b & libre — {today}.html")
    );
    assert_eq!(
        workshop_file_name(&d, W_OTHER, ExportFormat::Csv, Locale::En),
        format!("Workshop — Atelier budget — {today}")
    );
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

/// The self-assessment's section on how the plan was co-created.
fn co_creation(html: &str) -> &str {
    let start = html.find("<section id=\"co-creation\">").unwrap();
    let end = start + html[start..].find("</section>").unwrap();
    &html[start..end]
}

#[test]
fn the_self_assessment_says_which_workshops_co_created_the_plan_by_its_day() {
    let d = dataset();
    let report =
        |as_of: &str, locale| self_assessment_html(&d, PLAN, SelfAssessmentTerm::MidTerm, day(as_of), locale).unwrap();
    // Before any workshop: nothing invented, to complete.
    let none = report("2027-01-01", Locale::Fr);
    assert!(co_creation(&none).contains("Aucun atelier n'est enregistré"));
    // The first workshop only: four participants by kind, never named.
    let first = report("2027-03-31", Locale::Fr);
    let section = co_creation(&first);
    assert!(section.contains("1 atelier tenu : 4 participants"), "{section}");
    assert!(section.contains("Citoyen ou citoyenne : 2"), "{section}");
    assert!(section.contains("Association : 1") && section.contains("Élu ou élue : 1"), "{section}");
    assert!(section.contains("Salle 204, Ségur") && !section.contains("Atelier budget"), "{section}");
    assert!(section.contains("&lt;b&gt;ouvert&lt;/b&gt;"), "titles escaped: {section}");
    assert!(section.contains("Complétez avec ce que Plan ouvert ne contient pas"));
    // Both, in English.
    let both = report("2027-06-30", Locale::En);
    let section = co_creation(&both);
    assert!(section.contains("2 workshops held: 5 participants"), "{section}");
    assert!(section.contains("Atelier budget"));
}
