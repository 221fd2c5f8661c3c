//! The plan as one printable HTML document.

use plan_ouvert_domain::Locale;
use plan_ouvert_sync::protocol::Value;
use uuid::Uuid;

use super::fields::{entry_code, parse_date, status_label, ASSESSMENT_ENTRIES};
use super::tree::{CommitmentNode, PlanTree, Rec};
use super::ExportError;
use crate::dataset::Dataset;

/// Text made safe for HTML, in an element or a double-quoted attribute value.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// A text's paragraphs (separated by blank lines) as `<p>`, its other line breaks as `<br>`.
fn paragraphs(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::new();
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>, out: &mut String| {
        if !current.is_empty() {
            let lines: Vec<String> = current.iter().map(|l| escape(l)).collect();
            out.push_str(&format!("<p>{}</p>\n", lines.join("<br>\n")));
            current.clear();
        }
    };
    for line in text.split('\n') {
        if line.trim().is_empty() {
            flush(&mut current, &mut out);
        } else {
            current.push(line);
        }
    }
    flush(&mut current, &mut out);
    out
}

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: Marianne, Arial, Helvetica, sans-serif; line-height: 1.45; color: #161616; background: #fff;
  max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.9rem; margin-bottom: .3rem; }
h2 { font-size: 1.5rem; border-bottom: 2px solid #000091; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.2rem; margin-top: 2rem; }
h4 { font-size: 1.02rem; margin: 1.2rem 0 .3rem; }
h5 { font-size: .95rem; font-style: italic; font-weight: 600; margin: .8rem 0 .2rem; }
p { margin: .3rem 0 .6rem; }
.meta, .area-kind { color: #3a3a3a; }
.number { color: #000091; }
.star { color: #b34000; }
nav.toc ol { padding-left: 1.4rem; }
nav.toc li { margin: .15rem 0; }
nav.toc a { color: inherit; text-decoration: none; }
article.commitment { border-top: 1px solid #ddd; margin-top: 1.5rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .4rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ul.values { margin: .2rem 0; }
table.milestones { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .4rem 0 1rem; }
table.milestones th, table.milestones td { border: 1px solid #929292; padding: .3rem .4rem; vertical-align: top;
  text-align: left; }
table.milestones th { background: #eee; }
table.milestones td p { margin: 0 0 .3rem; }
.nowrap { white-space: nowrap; }
section.irm { border-left: 4px solid #000091; background: #f5f5fe; padding: .4rem 1rem .6rem; margin: 1rem 0; }
section.irm .starred { font-weight: 700; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  nav.toc { break-after: page; page-break-after: always; }
  section.area { break-before: page; page-break-before: always; }
  section.annex { break-before: page; page-break-before: always; }
  h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
  tr, dl.facts, section.irm { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  section.irm { background: none; }
}
"#;

struct Out {
    html: String,
    locale: Locale,
}

impl Out {
    fn push(&mut self, text: &str) {
        self.html.push_str(text);
    }

    fn pick(&self, fr: &'static str, en: &'static str) -> &'static str {
        self.locale.pick(fr, en)
    }

    fn date(&self, text: &str) -> String {
        parse_date(text).map(|d| self.locale.date(d)).unwrap_or_else(|| text.to_string())
    }
}

/// The template's text sections, in order: a heading and its sub-sections (heading, field);
/// a section with no heading of its own is a single field.
type Section = ((&'static str, &'static str), &'static [((&'static str, &'static str), &'static str)]);

const SECTIONS: &[Section] = &[
    (("Brève description", "Brief description"), &[(("", ""), "briefDescription")]),
    (
        ("Définition du problème", "Problem definition"),
        &[
            (
                (
                    "Quel problème l'engagement vise-t-il à résoudre ?",
                    "What problem does the commitment aim to address?",
                ),
                "problem",
            ),
            (("Quelles en sont les causes ?", "What are the causes of the problem?"), "causes"),
        ],
    ),
    (
        ("Description de l'engagement", "Commitment description"),
        &[
            (
                (
                    "Qu'est-ce qui a été fait jusqu'à présent pour résoudre le problème ?",
                    "What has been done so far to solve the problem?",
                ),
                "doneSoFar",
            ),
            (("Quelle solution proposez-vous ?", "What solution are you proposing?"), "solution"),
            (
                (
                    "Quels résultats la mise en œuvre de l'engagement doit-elle permettre d'obtenir ?",
                    "What results do we want to achieve by implementing this commitment?",
                ),
                "expectedResults",
            ),
        ],
    ),
    (
        ("Analyse de l'engagement", "Commitment analysis"),
        &[
            (
                (
                    "Comment l'engagement favorisera-t-il la transparence ?",
                    "How will the commitment promote transparency?",
                ),
                "transparency",
            ),
            (
                (
                    "Comment l'engagement contribuera-t-il à la redevabilité ?",
                    "How will the commitment help foster accountability?",
                ),
                "accountability",
            ),
            (
                (
                    "Comment l'engagement améliorera-t-il la participation des citoyens à la définition, à la mise \
                     en œuvre et au suivi des solutions ?",
                    "How will the commitment improve citizen participation in defining, implementing and \
                     monitoring solutions?",
                ),
                "participation",
            ),
        ],
    ),
    (
        ("Texte de l'engagement tel que soumis au PGO", "Commitment text as submitted to the OGP"),
        &[(("", ""), "fullText")],
    ),
];

const OGP_VALUES: &[(&str, &str, &str)] = &[
    ("accessToInformation", "Accès à l'information", "Access to information"),
    ("civicParticipation", "Participation citoyenne", "Civic participation"),
    ("publicAccountability", "Redevabilité publique", "Public accountability"),
    (
        "technologyInnovation",
        "Technologie et innovation pour la transparence et la redevabilité",
        "Technology and innovation for transparency and accountability",
    ),
];

fn is_starred(rec: &Rec) -> bool {
    rec.fields.get("assessment").and_then(|a| entry_code(a, "starred")).as_deref() == Some("true")
}

fn institution_label(tree: &PlanTree, id: Uuid) -> String {
    match tree.institution(id) {
        Some(i) if !i.text("acronym").is_empty() && i.text("acronym") != i.text("name") => {
            format!("{} ({})", escape(i.text("name")), escape(i.text("acronym")))
        }
        Some(i) => escape(i.text("name")),
        None => String::new(),
    }
}

/// The plan as one self-contained HTML document, in French or English: what a coordinator
/// attaches to the official plan.
///
/// It holds the plan's title, country and period; a table of contents; then each engagement
/// area (from a new page when printed) with its description and its commitments. Each
/// commitment has the template's sections in order — brief description; problem definition
/// (problem, causes); commitment description (done so far, solution, expected results);
/// commitment analysis (transparency, accountability, participation); the text as submitted
/// for an imported commitment — then its lead and supporting institutions by name, other
/// actors and dates, the OGP values it is relevant to, its contact, its milestones as a table
/// (title, expected outputs, start, due date, lead institution) and, for a commitment imported
/// from the OGP database, the IRM's assessment with the scales' labels and a ★ when starred.
/// Empty sections are left out. Last comes the list of the institutions named.
///
/// Every text is escaped and its paragraphs kept. The page has inline CSS only: no script, and
/// nothing is loaded from elsewhere (the only links are to the document's own headings and to
/// the OGP's page of an imported commitment).
pub fn plan_html(dataset: &Dataset, plan: Uuid, locale: Locale) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    let mut out = Out { html: String::new(), locale };
    let title = escape(tree.plan.text("title"));
    out.push(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Plan ouvert\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        locale.code()
    ));

    // Title and period.
    out.push(&format!("<header>\n<h1>{title}</h1>\n<p class=\"meta\">{}", escape(tree.plan.text("country"))));
    out.push(&format!(
        " — {} {} {} {}",
        out.pick("période du", "period from"),
        out.date(tree.plan.text("periodStart")),
        out.pick("au", "to"),
        out.date(tree.plan.text("periodEnd"))
    ));
    out.push("</p>\n");
    let ogp_plan = tree.plan.text("ogpPlanId");
    let plan_number = tree.plan.fields.get("planNumber").and_then(Value::as_i64);
    if !ogp_plan.is_empty() || plan_number.is_some() {
        out.push(&format!(
            "<p class=\"meta\">{}",
            out.pick("Partenariat pour un gouvernement ouvert", "Open Government Partnership")
        ));
        if let Some(n) = plan_number {
            out.push(&format!(" — {} {n}", out.pick("plan d'action n°", "action plan no.")));
        }
        if !ogp_plan.is_empty() {
            out.push(&format!(" ({})", escape(ogp_plan)));
        }
        out.push("</p>\n");
    }
    let commitments = tree.commitments().count();
    let milestones: usize = tree.commitments().map(|c| c.milestones.len()).sum();
    out.push(&format!(
        "<p class=\"meta\">{} {}, {} {}, {} {}.</p>\n</header>\n",
        tree.areas.len(),
        out.pick("axes", "engagement areas"),
        commitments,
        out.pick("engagements", "commitments"),
        milestones,
        out.pick("jalons", "milestones"),
    ));

    // Table of contents.
    out.push(&format!(
        "<nav class=\"toc\" aria-labelledby=\"toc\">\n<h2 id=\"toc\">{}</h2>\n<ol>\n",
        out.pick("Sommaire", "Contents")
    ));
    for (a, area) in tree.areas.iter().enumerate() {
        out.push(&format!(
            "<li><a href=\"#area-{}\">{} {} — {}</a>\n",
            area.rec.id,
            out.pick("Axe", "Area"),
            a + 1,
            escape(area.rec.text("title"))
        ));
        if !area.commitments.is_empty() {
            out.push("<ol>\n");
            for (c, node) in area.commitments.iter().enumerate() {
                out.push(&format!(
                    "<li><a href=\"#commitment-{}\">{} {}</a></li>\n",
                    node.rec.id,
                    escape(&number(node, a, c)),
                    escape(node.rec.text("title"))
                ));
            }
            out.push("</ol>\n");
        }
        out.push("</li>\n");
    }
    if !tree.institutions.is_empty() {
        out.push(&format!("<li><a href=\"#institutions\">{}</a></li>\n", out.pick("Institutions", "Institutions")));
    }
    out.push("</ol>\n</nav>\n");

    // Areas and their commitments.
    for (a, area) in tree.areas.iter().enumerate() {
        out.push(&format!(
            "<section class=\"area\" id=\"area-{}\">\n<h2>{} {} — {}</h2>\n",
            area.rec.id,
            out.pick("Axe", "Area"),
            a + 1,
            escape(area.rec.text("title"))
        ));
        let kind = match area.rec.text("kind") {
            "transversal" => out.pick("Axe transversal", "Cross-cutting area"),
            _ => out.pick("Axe thématique", "Thematic area"),
        };
        out.push(&format!("<p class=\"area-kind\">{kind}</p>\n"));
        out.push(&paragraphs(area.rec.text("description")));
        for (c, node) in area.commitments.iter().enumerate() {
            commitment(&mut out, &tree, node, &number(node, a, c));
        }
        out.push("</section>\n");
    }

    // The institutions named.
    if !tree.institutions.is_empty() {
        out.push(&format!(
            "<section class=\"annex\" id=\"institutions\">\n<h2>{}</h2>\n<ul>\n",
            out.pick("Institutions", "Institutions")
        ));
        for institution in &tree.institutions {
            let kind = match institution.text("kind") {
                "ministry" => out.pick("ministère", "ministry"),
                "independentAuthority" => out.pick("autorité indépendante", "independent authority"),
                "parliament" => out.pick("parlement", "parliament"),
                "court" => out.pick("juridiction", "court"),
                _ => out.pick("autre", "other"),
            };
            out.push(&format!("<li>{} — {kind}</li>\n", institution_label(&tree, institution.id)));
        }
        out.push("</ul>\n</section>\n");
    }
    out.push("</body>\n</html>\n");
    Ok(out.html)
}

/// The commitment's number: the OGP's when imported, else its area's rank and its own.
fn number(node: &CommitmentNode, area: usize, commitment: usize) -> String {
    match node.rec.text("number") {
        "" => format!("{}.{}", area + 1, commitment + 1),
        n => n.to_string(),
    }
}

fn commitment(out: &mut Out, tree: &PlanTree, node: &CommitmentNode, number: &str) {
    let rec = &node.rec;
    let star = if is_starred(rec) {
        format!(
            " <span class=\"star\" title=\"{0}\" aria-label=\"{0}\">★</span>",
            out.pick("Engagement étoilé", "Starred commitment")
        )
    } else {
        String::new()
    };
    out.push(&format!(
        "<article class=\"commitment\" id=\"commitment-{}\">\n<h3><span class=\"number\">{} {}</span> — {}{star}</h3>\n",
        rec.id,
        out.pick("Engagement", "Commitment"),
        escape(number),
        escape(rec.text("title"))
    ));

    for ((fr, en), parts) in SECTIONS {
        let filled: Vec<_> = parts.iter().filter(|(_, field)| !rec.text(field).trim().is_empty()).collect();
        if filled.is_empty() {
            continue;
        }
        out.push(&format!("<h4>{}</h4>\n", out.pick(fr, en)));
        for ((sub_fr, sub_en), field) in filled {
            if !sub_fr.is_empty() {
                out.push(&format!("<h5>{}</h5>\n", out.pick(sub_fr, sub_en)));
            }
            out.push(&paragraphs(rec.text(field)));
        }
    }

    // Institutions and dates.
    let mut facts: Vec<(&str, String)> = Vec::new();
    if let Some(lead) = rec.id_of("leadInstitutionId") {
        facts.push((out.pick("Institution porteuse", "Lead institution"), institution_label(tree, lead)));
    }
    let supporting: Vec<String> =
        rec.ids_of("supportingInstitutionIds").into_iter().map(|id| institution_label(tree, id)).collect();
    if !supporting.is_empty() {
        facts.push((out.pick("Institutions partenaires", "Supporting institutions"), supporting.join(" ; ")));
    }
    if !rec.text("otherSupporters").trim().is_empty() {
        facts.push((
            out.pick(
                "Autres acteurs (société civile, secteur privé…)",
                "Other actors (civil society, private sector…)",
            ),
            paragraphs(rec.text("otherSupporters")),
        ));
    }
    for (field, source, fr, en) in
        [("startDate", "startDateSource", "Début", "Start"), ("endDate", "endDateSource", "Fin", "End")]
    {
        let text = match (rec.text(field), rec.text(source)) {
            ("", "") => continue,
            ("", source) => escape(source),
            (date, _) => out.date(date),
        };
        facts.push((out.pick(fr, en), text));
    }
    if !facts.is_empty() {
        out.push(&format!("<h4>{}</h4>\n", out.pick("Institutions et calendrier", "Institutions and dates")));
        facts_list(out, &facts);
    }

    // OGP values.
    let values: Vec<&str> =
        OGP_VALUES.iter().filter(|(field, _, _)| rec.flag(field)).map(|(_, fr, en)| out.pick(fr, en)).collect();
    if !values.is_empty() {
        out.push(&format!("<h4>{}</h4>\n<ul class=\"values\">\n", out.pick("Valeurs du PGO", "OGP values")));
        for value in values {
            out.push(&format!("<li>{value}</li>\n"));
        }
        out.push("</ul>\n");
    }

    // Contact.
    let contact: Vec<(&str, String)> = [
        ("contactName", "Nom", "Name"),
        ("contactTitle", "Fonction", "Title"),
        ("contactDepartment", "Service", "Department"),
        ("contactEmail", "Courriel", "E-mail"),
        ("contactPhone", "Téléphone", "Phone"),
    ]
    .into_iter()
    .filter(|(field, _, _)| !rec.text(field).trim().is_empty())
    .map(|(field, fr, en)| (out.pick(fr, en), escape(rec.text(field))))
    .collect();
    if !contact.is_empty() {
        out.push(&format!("<h4>{}</h4>\n", out.pick("Contact", "Contact")));
        facts_list(out, &contact);
    }

    // Milestones.
    if !node.milestones.is_empty() {
        out.push(&format!(
            "<h4>{}</h4>\n<table class=\"milestones\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            out.pick("Planification : jalons", "Planning: milestones"),
            out.pick("Jalon", "Milestone"),
            out.pick("Livrables attendus", "Expected outputs"),
            out.pick("Début", "Start"),
            out.pick("Échéance", "Due"),
            out.pick("Institution porteuse", "Lead institution"),
        ));
        for m in &node.milestones {
            let lead = m.id_of("leadInstitutionId").map(|id| institution_label(tree, id)).unwrap_or_default();
            out.push(&format!(
                "<tr><td>{}</td><td>{}</td><td class=\"nowrap\">{}</td><td class=\"nowrap\">{}</td><td>{lead}</td></tr>\n",
                escape(m.text("title")),
                paragraphs(m.text("expectedOutputs")),
                out.date(m.text("startDate")),
                out.date(m.text("dueDate")),
            ));
        }
        out.push("</tbody>\n</table>\n");
    }

    if !rec.text("ogpId").is_empty() {
        assessment(out, rec);
    }
    out.push("</article>\n");
}

fn facts_list(out: &mut Out, facts: &[(&str, String)]) {
    out.push("<dl class=\"facts\">\n");
    for (label, value) in facts {
        out.push(&format!("<dt>{label}</dt>\n<dd>{value}</dd>\n"));
    }
    out.push("</dl>\n");
}

/// The IRM block of an imported commitment: its OGP identity, tags and assessment.
fn assessment(out: &mut Out, rec: &Rec) {
    out.push(&format!(
        "<section class=\"irm\">\n<h4>{}</h4>\n",
        out.pick(
            "Évaluation du Mécanisme d'évaluation indépendant (IRM)",
            "Independent Reporting Mechanism (IRM) assessment"
        )
    ));
    let mut identity = format!("{} {}", out.pick("Identifiant PGO :", "OGP id:"), escape(rec.text("ogpId")));
    let url = rec.text("url");
    if url.starts_with("https://") || url.starts_with("http://") {
        identity.push_str(&format!(" — <a href=\"{0}\">{0}</a>", escape(url)));
    } else if !url.is_empty() {
        identity.push_str(&format!(" — {}", escape(url)));
    }
    out.push(&format!("<p>{identity}</p>\n"));
    let tags: Vec<String> = rec
        .fields
        .get("policyAreas")
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(Value::as_str).map(escape).collect())
        .unwrap_or_default();
    if !tags.is_empty() {
        out.push(&format!("<p>{} {}</p>\n", out.pick("Thématiques PGO :", "OGP policy areas:"), tags.join(" ; ")));
    }
    let Some(assessment) = rec.fields.get("assessment").filter(|a| !a.is_null()) else {
        out.push(&format!(
            "<p>{}</p>\n</section>\n",
            out.pick(
                "L'IRM n'a pas publié d'évaluation de cet engagement.",
                "The IRM has published no assessment of this commitment."
            )
        ));
        return;
    };
    if is_starred(rec) {
        out.push(&format!(
            "<p class=\"starred\"><span class=\"star\">★</span> {}</p>\n",
            out.pick(
                "Engagement étoilé : spécifique, pertinent, à fort impact potentiel et réalisé en grande partie.",
                "Starred commitment: specific, relevant, of high potential impact and substantially completed."
            )
        ));
    }
    let mut facts: Vec<(&str, String)> = Vec::new();
    for entry in ASSESSMENT_ENTRIES {
        let Some(code) = entry_code(assessment, entry.key) else { continue };
        if code == "missing" || (entry.key == "starred" && code == "true") {
            continue;
        }
        let label = status_label(&code, out.locale)
            .or_else(|| entry.scale.label(&code, out.locale))
            .unwrap_or_default()
            .to_string();
        facts.push((entry.label(out.locale), escape(&label)));
    }
    if !facts.is_empty() {
        facts_list(out, &facts);
    }
    out.push("</section>\n");
}
