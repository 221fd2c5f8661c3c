//! A co-construction workshop's public report, as one printable HTML document in the printable
//! plan's look ([`super::document`]), and its open data: the plan's formats filtered to the
//! workshop.
//!
//! The report is what the institution that ran the workshop gives back to its participants and
//! to anyone following the plan: who took part, counted by the kind of organisation they come
//! from and never named; what was said; and what became of it — kept, merged, not kept or still
//! to be examined, why, and which commitments and milestones it fed.

use std::collections::BTreeMap;

use plan_ouvert_domain::labels::WorkshopLabels;
use plan_ouvert_domain::{
    count_by_kind, numbering, ContributionKind, ContributionOutcome, Locale, OrganisationKind, Participant,
    ParticipantId, WorkshopId,
};
use plan_ouvert_sync::protocol::{RecordKind, Value};
use uuid::Uuid;

use super::document::{area_heading, escape, institution_label, paragraphs, Out};
use super::fields::parse_id;
use super::json::{document_text, document_value};
use super::tree::{PlanTree, Rec, WorkshopNode};
use super::ExportError;
use crate::dataset::Dataset;

/// The plan a workshop of the data belongs to.
fn plan_of(dataset: &Dataset, workshop: Uuid) -> Result<Uuid, ExportError> {
    dataset
        .get(RecordKind::Workshop, workshop)
        .and_then(|fields| fields.get("planId")?.as_str().and_then(parse_id))
        .ok_or(ExportError::UnknownWorkshop { workshop })
}

/// The records of [`workshop_dataset`], as a tree.
fn workshop_tree(dataset: &Dataset, workshop: Uuid) -> Result<PlanTree, ExportError> {
    let plan = plan_of(dataset, workshop)?;
    let mut data = PlanTree::build(dataset, plan)?.to_dataset();
    let this = workshop.to_string();
    data.records.retain(|key, fields| match key.kind {
        RecordKind::Report | RecordKind::Round => false,
        RecordKind::Workshop => key.id == workshop,
        RecordKind::Participant | RecordKind::Contribution => {
            fields.get("workshopId").and_then(Value::as_str) == Some(this.as_str())
        }
        _ => true,
    });
    // Built again, so that the institutions are those the records kept still name.
    PlanTree::build(&data, plan)
}

/// The records a workshop's open data carries, checked and in canonical form: the plan as
/// adopted — the plan, its areas, their commitments and these commitments' milestones — and the
/// workshop with its participants (anonymous) and contributions, with the institutions these
/// name. No progress report, no reporting round, no other workshop; never a participant's
/// identity.
///
/// It is what the plan's own formats hold once filtered to the workshop, so the same schemas
/// describe it and the same readers read it back: [`workshop_json`] is a plan document, and the
/// CSV files of [`render_workshop`](super::render_workshop) are the plan's seven files. What a
/// contribution fed is found in the same data, by its id, with its title and its position (from
/// which the app's numbers follow). The whole plan's data must be exportable: a record that is
/// not refuses the workshop's export as it refuses the plan's.
pub fn workshop_dataset(dataset: &Dataset, workshop: Uuid) -> Result<Dataset, ExportError> {
    Ok(workshop_tree(dataset, workshop)?.to_dataset())
}

/// The workshop's open data ([`workshop_dataset`]) as one JSON plan document, the format of
/// [`plan_json`](super::plan_json): its plan holds no round and one workshop.
pub fn workshop_json(dataset: &Dataset, workshop: Uuid) -> Result<Value, ExportError> {
    Ok(document_value(&workshop_tree(dataset, workshop)?))
}

/// The same document as [`workshop_json`], as the text of the published file (as
/// [`plan_json_text`](super::plan_json_text) writes it).
pub fn workshop_json_text(dataset: &Dataset, workshop: Uuid) -> Result<String, ExportError> {
    Ok(document_text(&workshop_tree(dataset, workshop)?))
}

/// Where each commitment and milestone of the plan stands: the app's number and the title.
struct Numbers<'a> {
    commitments: BTreeMap<Uuid, (String, &'a str)>,
    milestones: BTreeMap<Uuid, (String, &'a str)>,
    areas: BTreeMap<Uuid, (usize, &'a str)>,
}

impl<'a> Numbers<'a> {
    fn of(tree: &'a PlanTree) -> Self {
        let mut numbers = Numbers { commitments: BTreeMap::new(), milestones: BTreeMap::new(), areas: BTreeMap::new() };
        for (a, area) in tree.areas.iter().enumerate() {
            numbers.areas.insert(area.rec.id, (a, area.rec.text("title")));
            for (c, node) in area.commitments.iter().enumerate() {
                let number = numbering::commitment_number(a, c);
                for (m, milestone) in node.milestones.iter().enumerate() {
                    let title = milestone.text("title");
                    numbers.milestones.insert(milestone.id, (numbering::milestone_number(&number, m), title));
                }
                numbers.commitments.insert(node.rec.id, (number, node.rec.text("title")));
            }
        }
        numbers
    }

    /// A commitment (`milestone` false) or a milestone named by a workshop's record, as HTML:
    /// « Engagement 1.2 — its title », or, when the plan no longer holds it, what it was and that
    /// it is gone.
    fn target(&self, out: &Out, id: Uuid, milestone: bool) -> String {
        let (word, found) = if milestone {
            (out.pick("Jalon", "Milestone"), self.milestones.get(&id))
        } else {
            (out.pick("Engagement", "Commitment"), self.commitments.get(&id))
        };
        match found {
            Some((number, title)) => format!("<span class=\"number\">{word} {number}</span> — {}", escape(title)),
            None => format!(
                "{word} <span class=\"hash\">{id}</span> ({})",
                WorkshopLabels::of(out.locale).no_longer_in_plan
            ),
        }
    }

    /// An area, as HTML: « Axe 1 — its title », or that it is gone.
    fn area(&self, out: &Out, id: Uuid) -> String {
        match self.areas.get(&id) {
            Some((rank, title)) => {
                format!("<span class=\"number\">{}</span> — {}", area_heading(out.locale, *rank), escape(title))
            }
            None => format!(
                "{} <span class=\"hash\">{id}</span> ({})",
                out.pick("Axe", "Area"),
                WorkshopLabels::of(out.locale).no_longer_in_plan
            ),
        }
    }
}

/// The label of a kind of organisation.
pub(crate) fn kind_label(kind: OrganisationKind, labels: &WorkshopLabels) -> &'static str {
    match kind {
        OrganisationKind::Citizen => labels.citizen,
        OrganisationKind::Association => labels.association,
        OrganisationKind::Company => labels.company,
        OrganisationKind::Administration => labels.administration,
        OrganisationKind::ElectedOfficial => labels.elected_official,
    }
}

/// The label of what became of a contribution (none said: to be examined), and its badge's class.
pub(crate) fn outcome_of(contribution: &Rec, labels: &WorkshopLabels) -> (&'static str, &'static str) {
    match ContributionOutcome::from_code(contribution.text("outcome")) {
        Some(ContributionOutcome::Kept) => (labels.kept, "kept"),
        Some(ContributionOutcome::Merged) => (labels.merged, "merged"),
        Some(ContributionOutcome::NotKept) => (labels.not_kept, "notKept"),
        None => (labels.undecided, "undecided"),
    }
}

fn kind_of(contribution: &Rec) -> Option<ContributionKind> {
    ContributionKind::from_code(contribution.text("kind"))
}

/// A workshop's contributions as its report orders them — proposals by the votes they received
/// (then by first choices, then in the order they were made), comments, then priority votes, each
/// in the order they were made: the order of the workshop screen — with each proposal's votes and
/// first choices.
struct Contributions<'a> {
    proposals: Vec<(&'a Rec, u32, u32)>,
    comments: Vec<&'a Rec>,
    votes: Vec<&'a Rec>,
}

impl<'a> Contributions<'a> {
    fn of(node: &'a WorkshopNode) -> Self {
        let of_kind = |kind| node.contributions.iter().filter(move |c| kind_of(c) == Some(kind));
        let mut counted: BTreeMap<Uuid, (u32, u32)> = BTreeMap::new();
        for vote in of_kind(ContributionKind::Vote) {
            for (rank, proposal) in vote.ids_of("proposalIds").into_iter().enumerate() {
                let entry = counted.entry(proposal).or_default();
                entry.0 += 1;
                entry.1 += u32::from(rank == 0);
            }
        }
        let mut proposals: Vec<(&Rec, u32, u32)> = of_kind(ContributionKind::Proposal)
            .map(|p| {
                let (votes, first) = counted.get(&p.id).copied().unwrap_or_default();
                (p, votes, first)
            })
            .collect();
        // Stable: proposals with as many votes stay in the order they were made.
        proposals.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.2.cmp(&a.2)));
        Contributions {
            proposals,
            comments: of_kind(ContributionKind::Comment).collect(),
            votes: of_kind(ContributionKind::Vote).collect(),
        }
    }
}

/// A workshop's report, as one self-contained HTML document in French or English, in the
/// printable plan's look (Marianne embedded, the DSFR's type scale and badges, print rules, no
/// script, nothing loaded from elsewhere; every text escaped).
///
/// It holds:
/// - the workshop's title, its plan's title, country and period;
/// - its day, place, the institution that ran it, its facilitator, the engagement area and the
///   commitments discussed (numbered as the app numbers them);
/// - its participants counted by kind of organisation, every kind listed, and their total
///   (the domain's [`count_by_kind`]): **no participant is named**, and nothing of an identity is
///   read (the data given may hold some: they are not looked at);
/// - what became of its contributions: how many proposals and comments were kept, merged, not
///   kept, or are still to be examined, and how many priority votes were cast;
/// - its proposals, by the votes they received (then first choices, then the order they were
///   made), each numbered (« Proposition 1 »), with where it came from (a kind of organisation,
///   or the facilitation), its votes, what became of it, why, and the commitments and milestones
///   it fed by number and title;
/// - its comments, in the order they were made, each with what it is about and the same;
/// - its priority votes, in the order they were made, each with where it came from and the
///   proposals it names, first choice first, by their numbers.
///
/// A commitment, milestone or area the workshop's records name that the plan no longer holds is
/// said to be so, with its id. The whole plan's data must be exportable, as for the plan's own
/// exports.
pub fn workshop_report_html(dataset: &Dataset, workshop: Uuid, locale: Locale) -> Result<String, ExportError> {
    let plan = plan_of(dataset, workshop)?;
    let tree = PlanTree::build(dataset, plan)?;
    let node = tree.workshop(workshop).ok_or(ExportError::UnknownWorkshop { workshop })?;
    let w = WorkshopLabels::of(locale);
    let numbers = Numbers::of(&tree);
    let rec = &node.rec;
    let title = format!("{} — {}", w.report, rec.text("title"));
    let mut out = Out::begin(locale, &title);

    out.push("<header>\n");
    if tree.plan.text("country").trim().eq_ignore_ascii_case("France") {
        out.push("<p class=\"marque\">République<br>française</p>\n");
    }
    out.push(&format!("<p class=\"kicker\">{}</p>\n", w.report));
    out.push(&format!(
        "<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n",
        escape(rec.text("title")),
        escape(tree.plan.text("title"))
    ));
    out.plan_lines(&tree);
    out.push("</header>\n");

    // The workshop.
    out.push(&format!("<section id=\"workshop\">\n<h2>{}</h2>\n", w.workshop));
    let mut facts: Vec<(&str, String)> = vec![(w.held_on, out.date(rec.text("heldOn")))];
    if !rec.text("place").is_empty() {
        facts.push((w.place, escape(rec.text("place"))));
    }
    if let Some(institution) = rec.id_of("institutionId") {
        facts.push((w.institution_id, institution_label(&tree, institution)));
    }
    facts.push((w.facilitator, escape(rec.text("facilitator"))));
    if let Some(area) = rec.id_of("areaId") {
        facts.push((w.area_id, numbers.area(&out, area)));
    }
    let discussed: Vec<String> = rec
        .ids_of("commitmentIds")
        .into_iter()
        .map(|id| format!("<li>{}</li>\n", numbers.target(&out, id, false)))
        .collect();
    if !discussed.is_empty() {
        facts.push((w.commitment_ids, format!("<ul class=\"values\">\n{}</ul>", discussed.concat())));
    }
    out.facts(&facts);
    out.push("</section>\n");

    participants(&mut out, node);
    let contributions = Contributions::of(node);
    outcomes(&mut out, &contributions);
    proposals(&mut out, node, &numbers, &contributions);
    comments(&mut out, node, &numbers, &contributions);
    votes(&mut out, node, &contributions);

    out.push(&format!(
        "<footer>\n<p>{} — {}</p>\n</footer>\n",
        escape(&title),
        out.pick(
            "établi avec Plan ouvert à partir des contributions recueillies pendant l'atelier et des suites que \
             l'institution organisatrice leur a données.",
            "made with Plan ouvert from the contributions gathered during the workshop and what the organising \
             institution made of them."
        )
    ));
    Ok(out.finish())
}

/// Who a contribution comes from: its author's kind of organisation, or the facilitation.
fn author(node: &WorkshopNode, contribution: &Rec, labels: &WorkshopLabels) -> &'static str {
    contribution
        .id_of("participantId")
        .and_then(|p| node.participants.iter().find(|x| x.id == p))
        .and_then(|p| OrganisationKind::from_code(p.text("organisationKind")))
        .map(|kind| kind_label(kind, labels))
        .unwrap_or(labels.by_facilitator)
}

/// The participants, counted by kind of organisation; nobody named.
fn participants(out: &mut Out, node: &WorkshopNode) {
    let w = WorkshopLabels::of(out.locale);
    let workshop_id = WorkshopId(node.rec.id);
    let anonymous: Vec<Participant> = node
        .participants
        .iter()
        .filter_map(|p| {
            Some(Participant {
                id: ParticipantId(p.id),
                workshop_id,
                organisation_kind: OrganisationKind::from_code(p.text("organisationKind"))?,
            })
        })
        .collect();
    let total = anonymous.len() as u64;
    out.push(&format!("<section id=\"participants\">\n<h2>{}</h2>\n", w.participants));
    out.push(&format!(
        "<p class=\"figure\">{total}</p>\n<p>{}.</p>\n",
        out.locale.count(total, ("participant", "participants"), ("participant", "participants"))
    ));
    out.push(&format!("<h3>{}</h3>\n", w.by_kind));
    let mut rows: Vec<String> = count_by_kind(&anonymous)
        .into_iter()
        .map(|c| format!("<tr><td>{}</td><td class=\"number-cell\">{}</td></tr>\n", kind_label(c.kind, &w), c.count))
        .collect();
    rows.push(format!("<tr><th scope=\"row\">{}</th><td class=\"number-cell\">{total}</td></tr>\n", w.total));
    out.table("by-kind", &[w.kind_of_organisation, w.count], &rows);
    out.push(&format!("<p class=\"rule\">{}</p>\n</section>\n", w.not_named));
}

/// How many proposals and comments became what, and how many votes were cast.
fn outcomes(out: &mut Out, contributions: &Contributions) {
    let w = WorkshopLabels::of(out.locale);
    out.push(&format!("<section id=\"contributions\">\n<h2>{}</h2>\n", w.contributions));
    out.push(&format!("<h3>{}</h3>\n", w.outcomes));
    let proposals: Vec<&Rec> = contributions.proposals.iter().map(|(p, ..)| *p).collect();
    let steps = [w.kept, w.merged, w.not_kept, w.undecided];
    let rows: Vec<String> = [(w.proposals, &proposals), (w.comments, &contributions.comments)]
        .into_iter()
        .map(|(label, list)| {
            let cells: String = steps
                .iter()
                .map(|step| {
                    let n = list.iter().filter(|c| outcome_of(c, &w).0 == *step).count();
                    format!("<td class=\"number-cell\">{n}</td>")
                })
                .collect();
            format!("<tr><th scope=\"row\">{label}</th><td class=\"number-cell\">{}</td>{cells}</tr>\n", list.len())
        })
        .collect();
    let headers = [w.contributions, w.total, w.kept, w.merged, w.not_kept, w.undecided];
    out.table("outcomes", &headers, &rows);
    out.push(&format!("<p>{}{} {}.</p>\n", w.votes, out.pick(" :", ":"), contributions.votes.len()));
}

/// What became of a contribution, why, and what it fed, as facts.
fn fate(out: &Out, numbers: &Numbers, contribution: &Rec) -> Vec<(&'static str, String)> {
    let w = WorkshopLabels::of(out.locale);
    let (label, class) = outcome_of(contribution, &w);
    let mut facts = vec![(w.outcome, format!("<span class=\"badge {class}\">{label}</span>"))];
    if !contribution.text("outcomeReason").trim().is_empty() {
        facts.push((w.outcome_reason, paragraphs(contribution.text("outcomeReason"))));
    }
    let fed: Vec<String> = contribution
        .ids_of("commitmentIds")
        .into_iter()
        .map(|id| numbers.target(out, id, false))
        .chain(contribution.ids_of("milestoneIds").into_iter().map(|id| numbers.target(out, id, true)))
        .map(|target| format!("<li>{target}</li>\n"))
        .collect();
    if !fed.is_empty() {
        facts.push((w.fed, format!("<ul class=\"values\">\n{}</ul>", fed.concat())));
    }
    facts
}

/// The proposals, by votes, each numbered.
fn proposals(out: &mut Out, node: &WorkshopNode, numbers: &Numbers, contributions: &Contributions) {
    let w = WorkshopLabels::of(out.locale);
    out.push(&format!("<h3 id=\"proposals\">{}</h3>\n", w.proposals));
    if contributions.proposals.is_empty() {
        out.push(&format!("<p class=\"meta\">{}</p>\n", out.pick("Aucune proposition.", "No proposal.")));
    }
    for (n, (proposal, votes, first)) in contributions.proposals.iter().enumerate() {
        out.push(&format!(
            "<article class=\"contribution\" id=\"contribution-{}\">\n<h4><span class=\"number\">{} {}</span></h4>\n",
            proposal.id,
            w.proposal,
            n + 1
        ));
        out.push(&paragraphs(proposal.text("text")));
        let received = match out.locale {
            Locale::Fr => format!("{votes} (dont {first} {})", w.first_choices),
            Locale::En => format!("{votes} ({first} {})", w.first_choices),
        };
        let mut facts = vec![(w.author, author(node, proposal, &w).to_string()), (w.votes_received, received)];
        facts.extend(fate(out, numbers, proposal));
        out.facts(&facts);
        out.push("</article>\n");
    }
}

/// The comments, in the order they were made.
fn comments(out: &mut Out, node: &WorkshopNode, numbers: &Numbers, contributions: &Contributions) {
    let w = WorkshopLabels::of(out.locale);
    out.push(&format!("<h3 id=\"comments\">{}</h3>\n", w.comments));
    if contributions.comments.is_empty() {
        out.push(&format!("<p class=\"meta\">{}</p>\n", out.pick("Aucun commentaire.", "No comment.")));
    }
    for (n, comment) in contributions.comments.iter().enumerate() {
        out.push(&format!(
            "<article class=\"contribution\" id=\"contribution-{}\">\n<h4><span class=\"number\">{} {}</span></h4>\n",
            comment.id,
            w.comment,
            n + 1
        ));
        out.push(&paragraphs(comment.text("text")));
        let about = match (comment.id_of("aboutMilestoneId"), comment.id_of("aboutCommitmentId")) {
            (Some(milestone), _) => Some(numbers.target(out, milestone, true)),
            (None, Some(commitment)) => Some(numbers.target(out, commitment, false)),
            (None, None) => None,
        };
        let mut facts = Vec::new();
        if let Some(about) = about {
            facts.push((w.about, about));
        }
        facts.push((w.author, author(node, comment, &w).to_string()));
        facts.extend(fate(out, numbers, comment));
        out.facts(&facts);
        out.push("</article>\n");
    }
}

/// The priority votes, each with the proposals it names by their numbers in the report.
fn votes(out: &mut Out, node: &WorkshopNode, contributions: &Contributions) {
    let w = WorkshopLabels::of(out.locale);
    out.push(&format!("<h3 id=\"votes\">{}</h3>\n", w.votes));
    if contributions.votes.is_empty() {
        out.push(&format!("<p class=\"meta\">{}</p>\n</section>\n", out.pick("Aucun vote.", "No vote.")));
        return;
    }
    let numbered: BTreeMap<Uuid, usize> =
        contributions.proposals.iter().enumerate().map(|(n, (p, ..))| (p.id, n + 1)).collect();
    let rows: Vec<String> = contributions
        .votes
        .iter()
        .enumerate()
        .map(|(n, vote)| {
            let choices: String = vote
                .ids_of("proposalIds")
                .into_iter()
                .filter_map(|id| numbered.get(&id).map(|k| (id, k)))
                .map(|(id, k)| format!("<li><a href=\"#contribution-{id}\">{} {k}</a></li>", w.proposal))
                .collect();
            format!(
                "<tr><td class=\"nowrap number\">{}</td><td>{}</td><td><ol>{choices}</ol></td><td>{}</td></tr>\n",
                n + 1,
                author(node, vote, &w),
                paragraphs(vote.text("text"))
            )
        })
        .collect();
    let headers = [out.pick("N°", "No."), w.author, w.choices, w.text];
    out.table("votes", &headers, &rows);
    out.push("</section>\n");
}
