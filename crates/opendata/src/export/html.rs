//! The plan as one printable HTML document, in the State's typography (Marianne, embedded), with
//! the app's numbers ([`numbering`]) and the app's labels ([`Labels`]).

use plan_ouvert_domain::labels::{CommitmentLabels, OriginLabels};
use plan_ouvert_domain::{numbering, Labels, Locale};
use plan_ouvert_sync::protocol::Value;
use uuid::Uuid;

use super::document::{area_heading, escape, institution_label, ogp_values, paragraphs, planning_facts, Out};
use super::fields::{entry_code, ASSESSMENT_ENTRIES};
use super::tree::{CommitmentNode, PlanTree, Rec};
use super::ExportError;
use crate::dataset::Dataset;

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

fn is_starred(rec: &Rec) -> bool {
    rec.fields.get("assessment").and_then(|a| entry_code(a, "starred")).as_deref() == Some("true")
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
/// typography and its typeface Marianne embedded (`document.rs`): no script, and nothing is loaded
/// from elsewhere (the only links are to the document's own headings and to the OGP's page of an
/// imported commitment).
pub fn plan_html(dataset: &Dataset, plan: Uuid, locale: Locale) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    let mut out = Out::begin(locale, tree.plan.text("title"));
    let title = escape(tree.plan.text("title"));

    // Title and period.
    out.push(&format!("<header>\n<h1>{title}</h1>\n"));
    out.plan_lines(&tree);
    let commitments = tree.commitments().count() as u64;
    let milestones: usize = tree.commitments().map(|c| c.milestones.len()).sum();
    out.push(&format!(
        "<p class=\"meta\">{}, {}, {}.</p>\n</header>\n",
        locale.count(tree.areas.len() as u64, ("axe", "axes"), ("engagement area", "engagement areas")),
        locale.count(commitments, ("engagement", "engagements"), ("commitment", "commitments")),
        locale.count(milestones as u64, ("jalon", "jalons"), ("milestone", "milestones")),
    ));

    // Table of contents.
    out.toc_begin();
    out.toc_areas(&tree);
    out.toc_end(&tree);

    // Areas and their commitments.
    for (a, area) in tree.areas.iter().enumerate() {
        out.push(&format!(
            "<section class=\"area\" id=\"area-{}\">\n<h2><span class=\"number\">{}</span> — {}</h2>\n",
            area.rec.id,
            area_heading(locale, a),
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

    out.institutions_annex(&tree);
    Ok(out.finish())
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
        let values = ogp_values(rec, &labels);
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
    let facts = planning_facts(out, tree, rec);
    if !facts.is_empty() || !node.milestones.is_empty() {
        out.push(&format!("<h4>{}</h4>\n", labels.sections.planning));
        if !facts.is_empty() {
            out.facts(&facts);
        }
    }
    if !node.milestones.is_empty() {
        let m = labels.milestone;
        out.push(&format!("<h5>{}</h5>\n", m.list));
        let rows: Vec<String> = node
            .milestones
            .iter()
            .enumerate()
            .map(|(rank, milestone)| {
                let lead =
                    milestone.id_of("leadInstitutionId").map(|id| institution_label(tree, id)).unwrap_or_default();
                format!(
                    "<tr><td class=\"nowrap number\">{}</td><td>{}</td><td>{}</td><td class=\"nowrap\">{}</td>\
                     <td class=\"nowrap\">{}</td><td>{lead}</td></tr>\n",
                    numbering::milestone_number(number, rank),
                    escape(milestone.text("title")),
                    paragraphs(milestone.text("expectedOutputs")),
                    out.date(milestone.text("startDate")),
                    out.date(milestone.text("dueDate")),
                )
            })
            .collect();
        let headers =
            [out.pick("N°", "No."), m.title, m.expected_outputs, m.start_date, m.due_date, m.lead_institution_id];
        out.table("milestones", &headers, &rows);
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
        out.facts(&contact);
    }
    out.push("</article>\n");
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
    out.facts(&facts);

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
                    out.facts(&facts);
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
