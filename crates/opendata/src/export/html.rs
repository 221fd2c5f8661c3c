//! The plan as one printable HTML document, in the State's typography (Marianne, embedded), with
//! the app's numbers ([`numbering`]) and the app's labels ([`Labels`]).

use plan_ouvert_domain::labels::{CommitmentLabels, OriginLabels};
use plan_ouvert_domain::{numbering, Labels, Locale};
use plan_ouvert_sync::protocol::Value;
use uuid::Uuid;

use super::fields::{entry_code, parse_date, ASSESSMENT_ENTRIES};
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

/// Marianne, the typeface of the State's design system (DSFR), in the three cuts the document
/// uses: regular, bold (headings, labels) and italic. They are embedded in the document (as
/// `data:` URLs of the WOFF2 files) so that a saved plan shows in Marianne on any computer,
/// offline and without its fonts installed; other weights fall back to these. The three files
/// weigh 128 KB, about 170 KB once in base64: what a plan's text weighs, and a tenth of what the
/// seven DSFR cuts would. They are a copy of the DSFR's files, kept beside this crate
/// (`assets/fonts/`, with the note on their licence) so the crate builds without the interface's
/// `node_modules`.
const FONTS: [(&[u8], &str, &str); 3] = [
    (include_bytes!("../../assets/fonts/Marianne-Regular.woff2"), "400", "normal"),
    (include_bytes!("../../assets/fonts/Marianne-Bold.woff2"), "700", "normal"),
    (include_bytes!("../../assets/fonts/Marianne-Regular_Italic.woff2"), "400", "italic"),
];

/// Bytes as standard base64 (RFC 4648, with padding): a few lines here rather than a dependency.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> shift) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The `@font-face` rules of [`FONTS`].
fn font_faces() -> String {
    FONTS
        .iter()
        .map(|(bytes, weight, style)| {
            format!(
                "@font-face {{ font-family: Marianne; src: url(data:font/woff2;base64,{}) format(\"woff2\"); \
                 font-weight: {weight}; font-style: {style}; font-display: swap; }}\n",
                base64(bytes)
            )
        })
        .collect()
}

/// The DSFR's typography (its sizes, line heights and colours, screen and print), for a
/// document of headings, paragraphs, lists and tables.
const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: Marianne, arial, sans-serif; font-size: 1rem; line-height: 1.5rem; color: #161616;
  background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; text-rendering: optimizeLegibility; }
h1, h2, h3, h4, h5, h6 { font-weight: 700; color: #161616; margin: 0 0 1.5rem; }
h1 { font-size: 2.5rem; line-height: 3rem; }
h2 { font-size: 2rem; line-height: 2.5rem; border-bottom: 2px solid #000091; padding-bottom: .25rem; margin-top: 3rem; }
h3 { font-size: 1.75rem; line-height: 2.25rem; margin-top: 2.5rem; }
h4 { font-size: 1.375rem; line-height: 1.75rem; margin: 1.75rem 0 .75rem; }
h5 { font-size: 1.125rem; line-height: 1.5rem; margin: 1.25rem 0 .5rem; }
h6 { font-size: 1rem; line-height: 1.5rem; margin: 1rem 0 .25rem; }
p { margin: 0 0 1rem; }
.meta, .area-kind { color: #3a3a3a; margin-bottom: .5rem; }
.number { color: #000091; }
.star { color: #b34000; }
nav.toc ol { padding-left: 1.5rem; }
nav.toc li { margin: .25rem 0; }
nav.toc a { color: inherit; text-decoration: none; }
article.commitment { border-top: 1px solid #dddddd; margin-top: 2rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0 1rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
dl.facts dd p { margin: 0 0 .25rem; }
dl.facts dl.facts { margin: 0; }
ul.values { margin: .25rem 0 1rem; }
table.milestones { border-collapse: collapse; width: 100%; font-size: .875rem; line-height: 1.5rem; margin: .5rem 0 1.5rem; }
table.milestones th, table.milestones td { border: 1px solid #929292; padding: .25rem .5rem; vertical-align: top;
  text-align: left; }
table.milestones th { background: #eeeeee; font-weight: 700; }
table.milestones td p { margin: 0 0 .25rem; }
.nowrap { white-space: nowrap; }
section.irm { border-left: 4px solid #000091; background: #f5f5fe; padding: .5rem 1rem .75rem; margin: 1rem 0; }
section.irm .starred { font-weight: 700; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; line-height: 1.5; }
  h1 { font-size: 20pt; line-height: 1.25; }
  h2 { font-size: 16pt; line-height: 1.25; }
  h3 { font-size: 14pt; line-height: 1.3; }
  h4 { font-size: 12pt; line-height: 1.3; }
  h5, h6 { font-size: 10.5pt; line-height: 1.4; }
  nav.toc { break-after: page; page-break-after: always; }
  section.area { break-before: page; page-break-before: always; }
  section.annex { break-before: page; page-break-before: always; }
  h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
  p { orphans: 3; widows: 3; }
  tr, dl.facts, section.irm { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  section.irm { background: none; }
}
"#;

struct Out {
    html: String,
    locale: Locale,
    labels: Labels,
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

/// The template's texts by section, as the commitment screen has them: each section's label and
/// its fields (label, field); a section's OGP values and planning facts follow its texts.
fn text_sections(labels: &Labels) -> [(&'static str, Vec<(&'static str, &'static str)>); 3] {
    let c = &labels.commitment;
    [
        (labels.sections.problem, vec![(c.problem, "problem"), (c.causes, "causes")]),
        (
            labels.sections.commitment,
            vec![
                (c.brief_description, "briefDescription"),
                (c.done_so_far, "doneSoFar"),
                (c.solution, "solution"),
                (c.expected_results, "expectedResults"),
            ],
        ),
        (
            labels.sections.analysis,
            vec![
                (c.transparency, "transparency"),
                (c.accountability, "accountability"),
                (c.participation, "participation"),
            ],
        ),
    ]
}

/// The OGP values a commitment may be relevant to: field and label.
fn ogp_values(c: &CommitmentLabels) -> [(&'static str, &'static str); 4] {
    [
        ("accessToInformation", c.access_to_information),
        ("civicParticipation", c.civic_participation),
        ("publicAccountability", c.public_accountability),
        ("technologyInnovation", c.technology_innovation),
    ]
}

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
/// area (from a new page when printed) with its description and its commitments, numbered as
/// the app numbers them ([`numbering`]: `Axe 2`, `Engagement 2.3`, milestone `2.3.1`). Each
/// commitment has the sections of the commitment screen, in its order and with its labels
/// ([`Labels`]): for a commitment imported from the OGP database, its origin and the IRM's
/// assessment (the number it had in the published plan, its identifier, page and policy areas,
/// the scales' labels, a ★ when starred, the text as submitted); the problem definition
/// (problem, causes); the commitment's description (brief description, done so far, solution,
/// expected results); its analysis (transparency, accountability, participation, the OGP values
/// it is relevant to); its planning (dates, lead and supporting institutions by name, other
/// supporters, the milestones as a table); its contact. Empty sections are left out. Last comes
/// the list of the institutions named.
///
/// It is the plan as adopted: weights and progress reports, which follow its implementation,
/// are in the JSON and CSV exports, not here.
///
/// Every text is escaped and its paragraphs kept. The page has inline CSS only, with the DSFR's
/// typography and its typeface Marianne embedded ([`FONTS`]): no script, and nothing is loaded
/// from elsewhere (the only links are to the document's own headings and to the OGP's page of an
/// imported commitment).
pub fn plan_html(dataset: &Dataset, plan: Uuid, locale: Locale) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    let mut out = Out { html: String::new(), locale, labels: Labels::of(locale) };
    let title = escape(tree.plan.text("title"));
    out.push(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Plan ouvert\">\n<title>{title}</title>\n<style>\n{}{STYLE}</style>\n</head>\n<body>\n",
        locale.code(),
        font_faces()
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
            out.pick("Partenariat pour un gouvernement ouvert (PGO)", "Open Government Partnership (OGP)")
        ));
        if let Some(n) = plan_number {
            out.push(&format!(" — {} {n}", out.pick("plan d'action n°", "action plan no.")));
        }
        if !ogp_plan.is_empty() {
            out.push(&format!(" ({})", escape(ogp_plan)));
        }
        out.push("</p>\n");
    }
    let commitments = tree.commitments().count() as u64;
    let milestones: usize = tree.commitments().map(|c| c.milestones.len()).sum();
    out.push(&format!(
        "<p class=\"meta\">{}, {}, {}.</p>\n</header>\n",
        locale.count(tree.areas.len() as u64, ("axe", "axes"), ("engagement area", "engagement areas")),
        locale.count(commitments, ("engagement", "engagements"), ("commitment", "commitments")),
        locale.count(milestones as u64, ("jalon", "jalons"), ("milestone", "milestones")),
    ));

    // Table of contents.
    out.push(&format!(
        "<nav class=\"toc\" aria-labelledby=\"toc\">\n<h2 id=\"toc\">{}</h2>\n<ol>\n",
        out.pick("Sommaire", "Contents")
    ));
    for (a, area) in tree.areas.iter().enumerate() {
        out.push(&format!(
            "<li><a href=\"#area-{}\">{} — {}</a>\n",
            area.rec.id,
            area_heading(&out, a),
            escape(area.rec.text("title"))
        ));
        if !area.commitments.is_empty() {
            out.push("<ol>\n");
            for (c, node) in area.commitments.iter().enumerate() {
                out.push(&format!(
                    "<li><a href=\"#commitment-{}\">{} {}</a></li>\n",
                    node.rec.id,
                    numbering::commitment_number(a, c),
                    escape(node.rec.text("title"))
                ));
            }
            out.push("</ol>\n");
        }
        out.push("</li>\n");
    }
    // The institutions of the plan as adopted: not those named only by its progress reports.
    let institutions = tree.plan_institutions();
    if !institutions.is_empty() {
        out.push(&format!("<li><a href=\"#institutions\">{}</a></li>\n", out.pick("Institutions", "Institutions")));
    }
    out.push("</ol>\n</nav>\n");

    // Areas and their commitments.
    for (a, area) in tree.areas.iter().enumerate() {
        out.push(&format!(
            "<section class=\"area\" id=\"area-{}\">\n<h2><span class=\"number\">{}</span> — {}</h2>\n",
            area.rec.id,
            area_heading(&out, a),
            escape(area.rec.text("title"))
        ));
        let kind = match area.rec.text("kind") {
            "transversal" => out.pick("Axe transversal", "Cross-cutting area"),
            _ => out.pick("Axe thématique", "Thematic area"),
        };
        out.push(&format!("<p class=\"area-kind\">{kind}</p>\n"));
        out.push(&paragraphs(area.rec.text("description")));
        for (c, node) in area.commitments.iter().enumerate() {
            commitment(&mut out, &tree, node, &numbering::commitment_number(a, c));
        }
        out.push("</section>\n");
    }

    // The institutions named.
    if !institutions.is_empty() {
        out.push(&format!(
            "<section class=\"annex\" id=\"institutions\">\n<h2>{}</h2>\n<ul>\n",
            out.pick("Institutions", "Institutions")
        ));
        for institution in institutions {
            let kind = match institution.text("kind") {
                "ministry" => out.pick("ministère", "ministry"),
                "independentAuthority" => out.pick("autorité administrative indépendante", "independent authority"),
                "parliament" => out.pick("Parlement", "Parliament"),
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

/// "Axe 2": the area's name and number.
fn area_heading(out: &Out, area_rank: usize) -> String {
    format!("{} {}", out.pick("Axe", "Area"), numbering::area_number(area_rank))
}

fn commitment(out: &mut Out, tree: &PlanTree, node: &CommitmentNode, number: &str) {
    let rec = &node.rec;
    let labels = out.labels;
    let c = labels.commitment;
    let star = if is_starred(rec) {
        format!(" <span class=\"star\" title=\"{0}\" aria-label=\"{0}\">★</span>", labels.origin.starred)
    } else {
        String::new()
    };
    out.push(&format!(
        "<article class=\"commitment\" id=\"commitment-{}\">\n<h3><span class=\"number\">{} {}</span> — {}{star}</h3>\n",
        rec.id,
        out.pick("Engagement", "Commitment"),
        number,
        escape(rec.text("title"))
    ));

    if !rec.text("ogpId").is_empty() {
        origin(out, rec);
    }

    for (section, fields) in text_sections(&labels) {
        let filled: Vec<_> = fields.into_iter().filter(|(_, field)| !rec.text(field).trim().is_empty()).collect();
        let values: Vec<&str> =
            ogp_values(&c).into_iter().filter(|(field, _)| rec.flag(field)).map(|(_, label)| label).collect();
        let with_values = section == labels.sections.analysis && !values.is_empty();
        if filled.is_empty() && !with_values {
            continue;
        }
        out.push(&format!("<h4>{section}</h4>\n"));
        for (label, field) in filled {
            out.push(&format!("<h5>{label}</h5>\n"));
            out.push(&paragraphs(rec.text(field)));
        }
        if with_values {
            out.push(&format!("<h5>{}</h5>\n<ul class=\"values\">\n", c.values));
            for value in values {
                out.push(&format!("<li>{value}</li>\n"));
            }
            out.push("</ul>\n");
        }
    }

    // Planning: dates, institutions, milestones.
    let mut facts: Vec<(&str, String)> = Vec::new();
    for (field, source, label) in
        [("startDate", "startDateSource", c.start_date), ("endDate", "endDateSource", c.end_date)]
    {
        let text = match (rec.text(field), rec.text(source)) {
            ("", "") => continue,
            ("", source) => escape(source),
            (date, _) => out.date(date),
        };
        facts.push((label, text));
    }
    if let Some(lead) = rec.id_of("leadInstitutionId") {
        facts.push((c.lead_institution_id, institution_label(tree, lead)));
    }
    let supporting: Vec<String> =
        rec.ids_of("supportingInstitutionIds").into_iter().map(|id| institution_label(tree, id)).collect();
    if !supporting.is_empty() {
        facts.push((c.supporting_institution_ids, supporting.join(out.pick(" ; ", "; "))));
    }
    if !rec.text("otherSupporters").trim().is_empty() {
        facts.push((c.other_supporters, paragraphs(rec.text("otherSupporters"))));
    }
    if !facts.is_empty() || !node.milestones.is_empty() {
        out.push(&format!("<h4>{}</h4>\n", labels.sections.planning));
        if !facts.is_empty() {
            facts_list(out, &facts);
        }
    }
    if !node.milestones.is_empty() {
        let m = labels.milestone;
        out.push(&format!(
            "<h5>{}</h5>\n<table class=\"milestones\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            m.list,
            out.pick("N°", "No."),
            m.title,
            m.expected_outputs,
            m.start_date,
            m.due_date,
            m.lead_institution_id,
        ));
        for (rank, milestone) in node.milestones.iter().enumerate() {
            let lead = milestone.id_of("leadInstitutionId").map(|id| institution_label(tree, id)).unwrap_or_default();
            out.push(&format!(
                "<tr><td class=\"nowrap number\">{}</td><td>{}</td><td>{}</td><td class=\"nowrap\">{}</td>\
                 <td class=\"nowrap\">{}</td><td>{lead}</td></tr>\n",
                numbering::milestone_number(number, rank),
                escape(milestone.text("title")),
                paragraphs(milestone.text("expectedOutputs")),
                out.date(milestone.text("startDate")),
                out.date(milestone.text("dueDate")),
            ));
        }
        out.push("</tbody>\n</table>\n");
    }

    // Contact.
    let contact: Vec<(&str, String)> = [
        ("contactName", c.contact_name),
        ("contactTitle", c.contact_title),
        ("contactDepartment", c.contact_department),
        ("contactEmail", c.contact_email),
        ("contactPhone", c.contact_phone),
    ]
    .into_iter()
    .filter(|(field, _)| !rec.text(field).trim().is_empty())
    .map(|(field, label)| (label, escape(rec.text(field))))
    .collect();
    if !contact.is_empty() {
        out.push(&format!("<h4>{}</h4>\n", labels.sections.contacts));
        facts_list(out, &contact);
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

/// One line of the assessment: its key in the assessment, its label; or a group of lines.
enum Line {
    One(&'static str, &'static str),
    Group(&'static str, [(&'static str, &'static str); 4]),
}

/// The assessment's lines in two parts, as the commitment screen shows them: the design, then
/// the implementation.
fn assessment_lines(o: &OriginLabels, c: &CommitmentLabels) -> [(&'static str, Vec<Line>); 2] {
    [
        (
            o.design,
            vec![
                Line::One("specificity", o.specificity),
                Line::One("verifiable", o.verifiable),
                Line::Group(
                    o.relevance,
                    [
                        ("relevantAccessToInformation", c.access_to_information),
                        ("relevantCivicParticipation", c.civic_participation),
                        ("relevantPublicAccountability", c.public_accountability),
                        ("relevantTechnology", c.technology_innovation),
                    ],
                ),
                Line::One("potentialImpact", o.potential_impact),
                Line::One("potentialForResults", o.potential_for_results),
            ],
        ),
        (
            o.implementation,
            vec![
                Line::One("completionProgressReport", o.completion_progress_report),
                Line::One("completionEndOfTerm", o.completion_end_of_term),
                Line::Group(
                    o.opened_government,
                    [
                        ("openedGovernment", o.overall),
                        ("openedGovernmentAccessToInformation", c.access_to_information),
                        ("openedGovernmentCivicParticipation", c.civic_participation),
                        ("openedGovernmentPublicAccountability", c.public_accountability),
                    ],
                ),
                Line::One("earlyResults", o.early_results),
                Line::One("starred", o.starred),
            ],
        ),
    ]
}

/// The words for one entry of an assessment: the scale's label, or why there is no value;
/// `None` when the source left it empty (not shown, as on the screen's "—").
fn assessed(assessment: &Value, key: &str, o: &OriginLabels, locale: Locale) -> Option<String> {
    let code = entry_code(assessment, key)?;
    let entry = ASSESSMENT_ENTRIES.iter().find(|e| e.key == key)?;
    let label = match code.as_str() {
        "missing" => return None,
        "notAssessed" => o.not_assessed,
        "notRelevant" => o.not_relevant,
        "notApplicable" => o.not_applicable,
        code => entry.scale.label(code, locale)?,
    };
    Some(escape(label))
}

/// Where an imported commitment comes from and the IRM's assessment of it, as the commitment
/// screen's origin section shows them.
fn origin(out: &mut Out, rec: &Rec) {
    let o = out.labels.origin;
    let c = out.labels.commitment;
    out.push(&format!("<section class=\"irm\">\n<h4>{}</h4>\n", o.title));
    let mut facts: Vec<(&str, String)> = vec![(o.ogp_id, escape(rec.text("ogpId")))];
    if !rec.text("number").is_empty() {
        facts.push((o.number, escape(rec.text("number"))));
    }
    if !rec.text("shortTitle").is_empty() {
        facts.push((o.short_title, escape(rec.text("shortTitle"))));
    }
    let url = rec.text("url");
    if url.starts_with("https://") || url.starts_with("http://") {
        facts.push((o.page, format!("<a href=\"{0}\">{0}</a>", escape(url))));
    } else if !url.is_empty() {
        facts.push((o.page, escape(url)));
    }
    let tags: Vec<String> = rec
        .fields
        .get("policyAreas")
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(Value::as_str).map(escape).collect())
        .unwrap_or_default();
    if !tags.is_empty() {
        facts.push((o.policy_areas, tags.join(out.pick(" ; ", "; "))));
    }
    facts_list(out, &facts);

    out.push(&format!("<h5>{}</h5>\n", o.assessment_title));
    match rec.fields.get("assessment").filter(|a| !a.is_null()) {
        None => out.push(&format!("<p>{}</p>\n", o.no_assessment)),
        Some(assessment) => {
            if is_starred(rec) {
                out.push(&format!(
                    "<p class=\"starred\"><span class=\"star\">★</span> {}{}</p>\n",
                    o.starred,
                    out.pick(
                        " : spécifique, pertinent, à fort impact potentiel et réalisé en grande partie.",
                        ": specific, relevant, of high potential impact and substantially completed."
                    )
                ));
            }
            for (part, lines) in assessment_lines(&o, &c) {
                let mut facts: Vec<(&str, String)> = Vec::new();
                for line in lines {
                    match line {
                        // Starred: said above with its star; "no" and the like in the list.
                        Line::One("starred", _) if is_starred(rec) => {}
                        Line::One(key, label) => {
                            if let Some(text) = assessed(assessment, key, &o, out.locale) {
                                facts.push((label, text));
                            }
                        }
                        Line::Group(label, lines) => {
                            let inner: Vec<String> = lines
                                .iter()
                                .filter_map(|(key, sub)| {
                                    assessed(assessment, key, &o, out.locale)
                                        .map(|text| format!("<dt>{sub}</dt>\n<dd>{text}</dd>\n"))
                                })
                                .collect();
                            if !inner.is_empty() {
                                facts.push((label, format!("<dl class=\"facts\">\n{}</dl>\n", inner.concat())));
                            }
                        }
                    }
                }
                if !facts.is_empty() {
                    out.push(&format!("<h6>{part}</h6>\n"));
                    facts_list(out, &facts);
                }
            }
        }
    }
    if !rec.text("fullText").trim().is_empty() {
        out.push(&format!("<h5>{}</h5>\n", o.full_text));
        out.push(&paragraphs(rec.text("fullText")));
    }
    out.push("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_the_standard_alphabet_with_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }
}
