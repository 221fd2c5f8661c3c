//! The self-assessment report on a plan built by hand: two areas (ids in another order than
//! positions), three institutions, three commitments — one whose institution declared its own
//! status, with a milestone withdrawn, a report corrected and a report dated after the report's
//! day; one with no account of its own, whose milestone the coordination reported on the lead
//! institution's behalf; one with nothing reported — and texts holding HTML.

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use plan_ouvert_domain::{Labels, Locale, SelfAssessmentTerm};
use plan_ouvert_opendata::export::{plan_html, self_assessment_html, ExportError};
use plan_ouvert_opendata::Dataset;
use plan_ouvert_sync::protocol::{RecordKind, Value};
use serde_json::json;
use uuid::Uuid;

const PLAN: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0001);
const AREA_1: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_00a2);
const AREA_2: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_00a1);
const HATVP: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0011);
const MTE: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0012);
/// Supports a commitment, leads none.
const CNIL: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0013);
const C_DECLARED: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0c03);
const C_DERIVED: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0c01);
const C_SILENT: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0c02);
const M_DONE: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0d03);
const M_WITHDRAWN: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0d01);
const M_ON_BEHALF: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0d02);
const M_NOTHING: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0d04);
const AUTHOR: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0f01);
const COORDINATOR: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0f02);
/// The declared commitment's own account, and a later one, after the report's day.
const R_OWN: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0e01);
const R_OWN_LATE: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0e02);
/// A report on M_DONE and its correction (with a smaller id: order comes from dates).
const R_DONE: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0e05);
const R_DONE_FIX: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0e03);
const R_WITHDRAWN: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0e04);
const R_ON_BEHALF: Uuid = Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0e06);

const EVIL_TITLE: &str = "<script>alert(1)</script> Ouvrir les « données » & les \"marchés\"";
const SHA_PDF: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const SHA_PNG: &str = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
const SHA_DOCX: &str = "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9";

fn fields(value: Value) -> std::collections::BTreeMap<String, Value> {
    value.as_object().unwrap().clone().into_iter().collect()
}

fn with(mut base: Value, changes: Value) -> Value {
    for (k, v) in changes.as_object().unwrap() {
        base[k] = v.clone();
    }
    base
}

fn commitment(area: Uuid, position: u32, title: &str, lead: Option<Uuid>) -> Value {
    json!({
        "planId": PLAN.to_string(), "areaId": area.to_string(), "position": position, "title": title,
        "leadInstitutionId": lead.map(|l| l.to_string()), "weight": 1
    })
}

fn milestone(commitment: Uuid, position: u32, title: &str, due: &str) -> Value {
    json!({
        "commitmentId": commitment.to_string(), "position": position, "title": title, "expectedOutputs": "",
        "startDate": null, "dueDate": due, "leadInstitutionId": null, "weight": 1
    })
}

/// A progress report with what it cannot be without; the texts, links and files it does not
/// name are empty (as in a record written before they existed).
fn report(commitment: Uuid, milestone: Option<Uuid>, reported_on: &str, status: &str, institution: Uuid) -> Value {
    let milestone = milestone.map(|m| m.to_string());
    json!({
        "commitmentId": commitment.to_string(), "milestoneId": milestone, "reportedOn": reported_on, "status": status,
        "authorId": AUTHOR.to_string(), "authorName": "Camille Martin", "institutionId": institution.to_string()
    })
}

fn dataset() -> Dataset {
    let mut d = Dataset::default();
    let mut put = |kind, id, value| d.insert(kind, id, fields(value));
    put(
        RecordKind::Plan,
        PLAN,
        json!({
            "country": "France", "title": "France — Plan d'action national 2021-2023",
            "periodStart": "2021-12-17", "periodEnd": "2023-12-31", "ogpPlanId": "AP_FRA03", "planNumber": 3
        }),
    );
    put(
        RecordKind::Area,
        AREA_1,
        json!({ "planId": PLAN.to_string(), "kind": "transversal", "title": "Transparence de l'action publique",
                "description": "", "position": 0 }),
    );
    put(
        RecordKind::Area,
        AREA_2,
        json!({ "planId": PLAN.to_string(), "kind": "thematic", "title": "Transition écologique",
                "description": "", "position": 1 }),
    );
    put(
        RecordKind::Institution,
        HATVP,
        json!({ "name": "Haute Autorité pour la transparence de la vie publique", "acronym": "HATVP",
                "kind": "independentAuthority", "country": "France" }),
    );
    put(
        RecordKind::Institution,
        MTE,
        json!({ "name": "Ministère de la Transition écologique", "acronym": "MTE", "kind": "ministry", "country": "France" }),
    );
    put(
        RecordKind::Commitment,
        C_DECLARED,
        with(
            commitment(AREA_1, 0, EVIL_TITLE, Some(HATVP)),
            json!({ "supportingInstitutionIds": [MTE.to_string()], "startDate": "2022-01-01", "endDate": "2023-12-31",
                    "accessToInformation": true, "publicAccountability": true }),
        ),
    );
    put(RecordKind::Commitment, C_DERIVED, commitment(AREA_1, 1, "Registre des représentants d'intérêts", Some(MTE)));
    put(
        RecordKind::Institution,
        CNIL,
        json!({ "name": "Commission nationale de l'informatique et des libertés", "acronym": "CNIL",
                "kind": "independentAuthority", "country": "France" }),
    );
    put(
        RecordKind::Commitment,
        C_SILENT,
        with(
            commitment(AREA_2, 0, "Réduire l'empreinte carbone du numérique", None),
            json!({ "supportingInstitutionIds": [CNIL.to_string(), MTE.to_string()] }),
        ),
    );
    put(RecordKind::Milestone, M_DONE, milestone(C_DECLARED, 0, "Cartographie des <données>", "2022-06-30"));
    put(RecordKind::Milestone, M_WITHDRAWN, milestone(C_DECLARED, 1, "Hackathon annuel", "2023-06-30"));
    put(RecordKind::Milestone, M_ON_BEHALF, milestone(C_DERIVED, 0, "Décret publié", "2023-03-31"));
    put(RecordKind::Milestone, M_NOTHING, milestone(C_DERIVED, 1, "Registre ouvert", "2023-12-31"));
    put(
        RecordKind::Report,
        R_OWN,
        with(
            report(C_DECLARED, None, "2022-12-31", "substantial", HATVP),
            json!({
                "done": "Le portail est ouvert.\n\nLes marchés de 2022 y sont.",
                "difficulties": "Des formats <i>fermés</i>.", "nextSteps": "Publier 2023.",
                "results": "Des réutilisations <b>nombreuses</b> & suivies.", "openedGovernment": "marginal",
                "links": [{ "title": "Portail « marchés »", "url": "https://data.example.gouv.fr/marches?a=1&b=2" }]
            }),
        ),
    );
    put(
        RecordKind::Report,
        R_OWN_LATE,
        with(
            report(C_DECLARED, None, "2023-09-01", "complete", HATVP),
            json!({ "results": "Tout est fait, après la date du rapport.", "openedGovernment": "major" }),
        ),
    );
    put(
        RecordKind::Report,
        R_DONE,
        with(
            report(C_DECLARED, Some(M_DONE), "2022-03-31", "limited", HATVP),
            json!({ "files": [{ "sha256": SHA_PDF, "name": "Compte rendu erroné.pdf", "size": 482_113, "mediaType": "application/pdf" }] }),
        ),
    );
    put(
        RecordKind::Report,
        R_DONE_FIX,
        with(
            report(C_DECLARED, Some(M_DONE), "2022-04-05", "complete", HATVP),
            json!({
                "done": "La carte est publiée.", "corrects": R_DONE.to_string(),
                "files": [{ "sha256": SHA_PNG, "name": "Carte des données.png", "size": 2_621_440, "mediaType": "image/png" }]
            }),
        ),
    );
    put(
        RecordKind::Report,
        R_WITHDRAWN,
        with(
            report(C_DECLARED, Some(M_WITHDRAWN), "2023-01-10", "withdrawn", HATVP),
            json!({ "difficulties": "Le hackathon a été remplacé par des ateliers." }),
        ),
    );
    put(
        RecordKind::Report,
        R_ON_BEHALF,
        with(
            report(C_DERIVED, Some(M_ON_BEHALF), "2023-02-01", "substantial", MTE),
            json!({
                "done": "Décret en Conseil d'État.", "onBehalf": true, "authorName": "Dominique Petit",
                "authorId": COORDINATOR.to_string(),
                "files": [{ "sha256": SHA_DOCX, "name": "Projet de décret.docx", "size": 1,
                            "mediaType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }]
            }),
        ),
    );
    d
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

const AS_OF: &str = "2023-06-30";

fn mid_term(locale: Locale) -> String {
    self_assessment_html(&dataset(), PLAN, SelfAssessmentTerm::MidTerm, day(AS_OF), locale).unwrap()
}

/// The part of the document about one commitment.
fn article(html: &str, id: Uuid) -> &str {
    let start = html.find(&format!("<article class=\"commitment assessed\" id=\"commitment-{id}\">")).unwrap();
    let end = start + html[start..].find("</article>").unwrap();
    &html[start..end]
}

/// A document's text without its markup, spaces run together: what a reader sees.
fn seen(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_report_says_which_report_it_is_for_which_plan_and_which_day() {
    let html = mid_term(Locale::Fr);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(html
        .contains("<title>Rapport d'autoévaluation à mi-parcours — France — Plan d'action national 2021-2023</title>"));
    assert!(html.contains("<h1>Rapport d'autoévaluation à mi-parcours</h1>"));
    assert!(
        html.contains("<p class=\"marque\">République<br>française</p>"),
        "a French plan's report is the Republic's"
    );
    assert!(html.contains("<p class=\"subtitle\">France — Plan d'action national 2021-2023</p>"));
    assert!(!html.contains("class=\"kicker\""), "the plan's line names the partnership already");
    assert!(html.contains("France — période du 17/12/2021 au 31/12/2023"));
    assert!(html.contains("plan d'action n° 3 (AP_FRA03)"));
    assert!(html.contains("<p class=\"as-of\">Situation au <strong>30/06/2023</strong></p>"));
    assert!(seen(&html).contains("Seuls les rapports datés au plus tard du 30/06/2023 sont pris en compte."));

    let end =
        self_assessment_html(&dataset(), PLAN, SelfAssessmentTerm::EndOfTerm, day("2023-12-31"), Locale::Fr).unwrap();
    assert!(end.contains("<h1>Rapport d'autoévaluation de fin de parcours</h1>"));
    assert!(end.contains("Situation au <strong>31/12/2023</strong>"));

    let english = mid_term(Locale::En);
    assert!(english.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(english.contains("<h1>Mid-term self-assessment report</h1>"));
    assert!(english.contains("Status as of <strong>30 Jun 2023</strong>"));
    let labels = Labels::of(Locale::En);
    for label in [labels.self_assessment.completion, labels.self_assessment.results, labels.progress.opened_government]
    {
        assert!(english.contains(label), "{label}");
    }
    assert!(!english.contains("Niveau d'achèvement"));

    assert_eq!(
        self_assessment_html(&dataset(), Uuid::nil(), SelfAssessmentTerm::MidTerm, day(AS_OF), Locale::Fr),
        Err(ExportError::UnknownPlan { plan: Uuid::nil() })
    );
}

#[test]
fn only_the_reports_dated_on_or_before_the_day_count() {
    let html = mid_term(Locale::Fr);
    let declared = article(&html, C_DECLARED);
    assert!(!html.contains("Tout est fait") && !html.contains("01/09/2023"), "the later account is left out");
    assert!(!html.contains("Majeur"), "the later account's opened government is left out");
    assert!(seen(declared)
        .contains("Niveau d'achèvement Substantiel État déclaré dans le compte rendu de l'engagement du 31/12/2022."));
    assert!(seen(declared).contains("Description des résultats Des réutilisations <b>nombreuses</b> & suivies."));
    assert!(seen(declared)
        .contains("Selon l'institution, a-t-il ouvert l'action publique ? Marginal Compte rendu du 31/12/2022"));

    // As of the end of the plan, the later account is the latest.
    let later =
        self_assessment_html(&dataset(), PLAN, SelfAssessmentTerm::EndOfTerm, day("2023-12-31"), Locale::Fr).unwrap();
    let declared = seen(article(&later, C_DECLARED));
    assert!(declared
        .contains("Niveau d'achèvement Achevé État déclaré dans le compte rendu de l'engagement du 01/09/2023."));
    assert!(declared.contains("Tout est fait, après la date du rapport."));
    assert!(declared.contains("Majeur"));

    // Before anything was reported, nothing is.
    let early =
        self_assessment_html(&dataset(), PLAN, SelfAssessmentTerm::MidTerm, day("2022-01-15"), Locale::Fr).unwrap();
    assert!(!early.contains("Camille Martin") && !early.contains("Dominique Petit"));
    assert!(seen(&early).contains("Avancement d'ensemble 0 %"));
}

#[test]
fn the_completion_level_is_declared_or_derived_and_says_which() {
    let html = mid_term(Locale::Fr);
    // No account of its own: derived from its milestones (substantial and nothing: a third).
    let derived = seen(article(&html, C_DERIVED));
    assert!(
        derived.contains(
            "Niveau d'achèvement Limité Déduit de l'avancement de ses jalons : l'engagement n'a pas de compte rendu à cette date."
        ),
        "{derived}"
    );
    assert!(derived.contains("Avancement calculé 33 %"));
    assert!(derived.contains("Aucun compte rendu de l'engagement à cette date."));
    assert!(derived.contains("Aucun résultat décrit à cette date."));
    // Nothing reported: said so.
    let silent = seen(article(&html, C_SILENT));
    assert!(
        silent.contains("Niveau d'achèvement Aucun rapport Rien n'a été rapporté à cette date : compté non commencé.")
    );
    assert!(silent.contains("Avancement calculé 0 %"));
    // The declared one's milestones: one complete, one withdrawn (which does not count): 100 %.
    assert!(seen(article(&html, C_DECLARED)).contains("Avancement calculé 100 %"));

    // Overall: (100 + 33 + 0) / 3; by area (100 + 33) / 2 and 0; the rules next to the figures.
    let text = seen(&html);
    assert!(text.contains("Avancement d'ensemble 44 % Avancement du plan, 3 engagements et 4 jalons."), "{text}");
    assert!(text.contains("Axe 1 — Transparence de l'action publique 2 67 %"));
    assert!(text.contains("Axe 2 — Transition écologique 1 0 %"));
    let labels = Labels::of(Locale::Fr);
    assert!(html.contains(labels.progress.rule) && html.contains(labels.self_assessment.completion_rule));
    // Late on that day by the app's rule: the decree, due in March and only substantial; not the
    // milestone withdrawn, due the same day as the report.
    assert!(text.contains("1 jalon était en retard à cette date."), "{text}");
    assert!(html.contains(labels.progress.due_rule));
    assert!(article(&html, C_DERIVED)
        .contains("<td class=\"nowrap\">31/03/2023<span class=\"badge overdue\">En retard</span></td>"));
    assert_eq!(html.matches("badge overdue").count(), 1);
    // Commitments by completion level, milestones by latest status.
    assert!(text.contains("Limité 1 0"), "{text}");
    assert!(text.contains("Substantiel 1 1"));
    assert!(text.contains("Achevé 0 1"));
    assert!(text.contains("Retiré 0 1"));
    assert!(text.contains("Aucun rapport 1 1"));
}

#[test]
fn a_withdrawn_milestone_says_so_with_its_reason() {
    let html = mid_term(Locale::Fr);
    let declared = article(&html, C_DECLARED);
    assert!(declared.contains(
        "<tr><td class=\"nowrap number\">1.1.2</td><td>Hackathon annuel</td><td class=\"nowrap\">30/06/2023</td>\
         <td><span class=\"badge withdrawn\">Retiré</span></td><td class=\"nowrap\">10/01/2023</td></tr>"
    ));
    assert!(seen(declared).contains(
        "Jalon 1.1.2 — Hackathon annuel Dernier rapport 10/01/2023 Retiré Difficultés rencontrées Le hackathon a été remplacé par des ateliers."
    ));
}

#[test]
fn who_signed_what_is_shown_on_behalf_of_whom() {
    let html = mid_term(Locale::Fr);
    let derived = seen(article(&html, C_DERIVED));
    assert!(
        derived.contains(
            "01/02/2023 Jalon 1.2.1 Substantiel Dominique Petit, au nom de Ministère de la Transition écologique (MTE)"
        ),
        "{derived}"
    );
    let declared = seen(article(&html, C_DECLARED));
    // Every entry taken into account, oldest first, the correction saying what it corrects.
    let rows = [
        "31/03/2022 Jalon 1.1.1 Limité Camille Martin (Haute Autorité pour la transparence de la vie publique (HATVP))",
        "05/04/2022 Jalon 1.1.1 Corrige le rapport du 31/03/2022 Achevé Camille Martin",
        "31/12/2022 Engagement 1.1 Substantiel Camille Martin",
        "10/01/2023 Jalon 1.1.2 Retiré Camille Martin",
    ];
    let mut at = declared.find("Rapports pris en compte").unwrap();
    for row in rows {
        let found = declared[at..].find(row).unwrap_or_else(|| panic!("{row} after {at} in {declared}"));
        at += found;
    }
    // Under the milestone's latest entry, and in English.
    assert!(derived.contains("Signé par Dominique Petit, au nom de Ministère de la Transition écologique (MTE)"));
    let english = seen(article(&mid_term(Locale::En), C_DERIVED));
    assert!(english.contains("Signed by Dominique Petit, on behalf of Ministère de la Transition écologique (MTE)"));
}

#[test]
fn evidence_files_are_named_with_their_size_not_embedded() {
    let html = mid_term(Locale::Fr);
    let declared = article(&html, C_DECLARED);
    assert!(seen(declared).contains(
        "Preuves (liens) Portail « marchés » — https://data.example.gouv.fr/marches?a=1&b=2 Engagement 1.1, rapport du 31/12/2022"
    ));
    assert!(declared.contains("<a href=\"https://data.example.gouv.fr/marches?a=1&amp;b=2\">"));
    assert!(seen(declared).contains(&format!(
        "Preuves (fichiers) Carte des données.png — 2,5 Mo SHA-256 {SHA_PNG} Jalon 1.1.1, rapport du 05/04/2022"
    )));
    // The file of the report corrected is not evidence any more.
    assert!(!declared.contains("Compte rendu erroné.pdf"));
    assert!(seen(article(&html, C_DERIVED)).contains(&format!("Projet de décret.docx — 1 Ko SHA-256 {SHA_DOCX}")));
    assert!(seen(article(&html, C_SILENT)).contains("Aucune preuve fournie à cette date."));
    // Nothing of the files' bytes: no data other than the fonts.
    assert_eq!(html.matches("data:").count(), 3, "the three fonts only");
}

#[test]
fn every_text_is_escaped_and_nothing_runs() {
    let html = mid_term(Locale::Fr);
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script, not even a title's");
    assert!(!lower.contains("<b>") && !lower.contains("<i>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ouvrir les « données » &amp; les &quot;marchés&quot;"));
    assert!(html.contains("Des réutilisations &lt;b&gt;nombreuses&lt;/b&gt; &amp; suivies."));
    assert!(html.contains("Cartographie des &lt;données&gt;"));
    assert!(!lower.contains("src=\"http") && !lower.contains("<link"), "nothing loaded from elsewhere");
    // Every link inside the document leads somewhere in it.
    for part in html.split("href=\"#").skip(1) {
        let anchor = &part[..part.find('"').unwrap()];
        assert!(html.contains(&format!("id=\"{anchor}\"")), "{anchor} leads nowhere");
    }
}

#[test]
fn commitments_and_milestones_are_numbered_as_the_app_and_the_printed_plan_number_them() {
    let html = mid_term(Locale::Fr);
    let plan = plan_html(&dataset(), PLAN, Locale::Fr).unwrap();
    for (id, number) in [(C_DECLARED, "1.1"), (C_DERIVED, "1.2"), (C_SILENT, "2.1")] {
        let heading = format!("<span class=\"number\">Engagement {number}</span> — ");
        assert!(article(&html, id).contains(&heading), "{number}");
        assert!(plan.contains(&format!("id=\"commitment-{id}\">\n<h3>{heading}")), "the printed plan agrees: {number}");
    }
    for number in ["1.1.1", "1.1.2", "1.2.1", "1.2.2"] {
        let cell = format!("<td class=\"nowrap number\">{number}</td>");
        assert!(html.contains(&cell) && plan.contains(&cell), "{number}");
    }
    assert!(html.contains("<h3><span class=\"number\">Axe 2</span> — Transition écologique</h3>"));
    // The table of contents leads to each area and commitment.
    assert!(
        html.contains(&format!("<a href=\"#commitment-{C_DERIVED}\">1.2 Registre des représentants d'intérêts</a>"))
    );
}

#[test]
fn co_creation_is_to_complete_and_nothing_is_invented() {
    let html = mid_term(Locale::Fr);
    let text = seen(&html);
    // No workshop in this plan: nothing said of any.
    assert!(
        text.contains(
            "Co-création du plan et participants À compléter Aucun atelier n'est enregistré dans Plan ouvert"
        ),
        "{text}"
    );
    // What the app knows of who took part: the institutions that lead, and those that support only.
    assert!(
        text.contains(
            "2 institutions portent au moins un engagement du plan ; 1 autre institution est partenaire d'un engagement \
             sans en porter (liste en annexe)."
        ),
        "{text}"
    );
    assert!(html.contains("<section class=\"annex\" id=\"institutions\">"));
    assert!(seen(&mid_term(Locale::En)).contains("Co-creation of the plan and participants To be completed"));
}

#[test]
fn the_report_is_set_like_the_printed_plan() {
    let html = mid_term(Locale::Fr);
    let plan = plan_html(&dataset(), PLAN, Locale::Fr).unwrap();
    // The same page: fonts and styles.
    let head = |doc: &str| doc[doc.find("<style>").unwrap()..doc.find("</style>").unwrap()].to_string();
    assert_eq!(head(&html), head(&plan));
    assert!(html.contains("body { font-family: Marianne, arial, sans-serif;"));
    assert!(html.contains("@media print"));
}
