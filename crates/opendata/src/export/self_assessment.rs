//! The government's self-assessment report (*rapport d'autoévaluation*), mid-term or end-of-term,
//! as one printable HTML document in the printable plan's look ([`super::document`]).
//!
//! The OGP asks each government for one at mid-term and one at the end of its action plan; the
//! coordination used to paste the ministries' answers into a word processor. Here it is written
//! from the plan and its signed progress reports as they stood on a day: only the entries dated on
//! or before it count, so the report made as of 30 June says the same whenever it is made.

use chrono::NaiveDate;
use plan_ouvert_domain::{
    commitment_share, completion_from_share, due_state, numbering, percent, weighted_share, DueKind, Locale,
    OpenedGovernment, ProgressStatus, SelfAssessmentTerm, OPENED_GOVERNMENT_CODES,
};
use plan_ouvert_sync::protocol::Value;
use uuid::Uuid;

use super::document::{
    area_heading, escape, institution_label, names_ogp_plan, ogp_values, paragraphs, planning_facts, Out,
};
use super::fields::parse_date;
use super::tree::{CommitmentNode, PlanTree, Rec};
use super::ExportError;
use crate::dataset::Dataset;

/// One timeline's entries dated on or before the report's day, oldest first (by the date they
/// describe, then id: the order every laptop shows them in).
fn entries_until(node: &CommitmentNode, milestone: Option<Uuid>, as_of: NaiveDate) -> Vec<&Rec> {
    node.timeline(milestone).filter(|r| parse_date(r.text("reportedOn")).is_some_and(|d| d <= as_of)).collect()
}

fn status_of(entry: &Rec) -> Option<ProgressStatus> {
    ProgressStatus::from_code(entry.text("status"))
}

fn weight_of(rec: &Rec) -> u32 {
    rec.fields.get("weight").and_then(Value::as_u64).and_then(|w| u32::try_from(w).ok()).unwrap_or(1)
}

/// A milestone as of the report's day.
struct MilestoneAsOf<'a> {
    number: String,
    rec: &'a Rec,
    entries: Vec<&'a Rec>,
    /// Late on that day, by the app's one rule ([`due_state`]).
    overdue: bool,
}

/// Where a commitment's completion level comes from.
enum Source<'a> {
    /// Its own latest entry.
    Declared(&'a Rec),
    /// Its milestones' roll-up: it has no entry of its own.
    Derived,
    /// Nothing reported at all, on it or on its milestones.
    NotReported,
}

/// A commitment as of the report's day: its entries and its milestones', and its share of the
/// work done by the app's one rule ([`commitment_share`]).
struct CommitmentAsOf<'a> {
    node: &'a CommitmentNode,
    number: String,
    own: Vec<&'a Rec>,
    milestones: Vec<MilestoneAsOf<'a>>,
    share: Option<f64>,
}

impl<'a> CommitmentAsOf<'a> {
    fn new(node: &'a CommitmentNode, number: String, as_of: NaiveDate) -> Self {
        let own = entries_until(node, None, as_of);
        let own_status = own.last().and_then(|e| status_of(e));
        let milestones: Vec<MilestoneAsOf> = node
            .milestones
            .iter()
            .enumerate()
            .map(|(rank, rec)| {
                let entries = entries_until(node, Some(rec.id), as_of);
                let due = parse_date(rec.text("dueDate"));
                let status = entries.last().and_then(|e| status_of(e));
                let overdue = matches!(due_state(due, status, own_status, as_of), Some((DueKind::Overdue, _)));
                MilestoneAsOf { number: numbering::milestone_number(&number, rank), rec, entries, overdue }
            })
            .collect();
        let weighed: Vec<(u32, Option<ProgressStatus>)> =
            milestones.iter().map(|m| (weight_of(m.rec), m.entries.last().and_then(|e| status_of(e)))).collect();
        let share = commitment_share(&weighed, own_status);
        CommitmentAsOf { node, number, own, milestones, share }
    }

    /// Its completion level and where it comes from: the status of its own latest entry (what
    /// the institution declared), else the step of the scale its milestones' roll-up stands for
    /// ([`completion_from_share`]); none when nothing was reported.
    fn completion(&self) -> (Option<ProgressStatus>, Source<'a>) {
        if let Some(latest) = self.own.last() {
            return (status_of(latest), Source::Declared(latest));
        }
        if self.milestones.iter().all(|m| m.entries.is_empty()) {
            return (None, Source::NotReported);
        }
        (Some(completion_from_share(self.share)), Source::Derived)
    }

    /// Every entry taken into account, with the milestone it is on (none: the commitment's
    /// own), by the date it describes then id.
    fn entries(&self) -> Vec<(Option<&MilestoneAsOf<'a>>, &'a Rec)> {
        let mut all: Vec<(Option<&MilestoneAsOf>, &Rec)> = self.own.iter().map(|e| (None, *e)).collect();
        for m in &self.milestones {
            all.extend(m.entries.iter().map(|e| (Some(m), *e)));
        }
        all.sort_by(|a, b| (a.1.text("reportedOn"), a.1.id).cmp(&(b.1.text("reportedOn"), b.1.id)));
        all
    }
}

/// A share as a whole percentage, as the app shows it (`58 %`), or "—" when nothing counts.
fn percent_text(share: Option<f64>, locale: Locale) -> String {
    match percent(share) {
        Some(n) => locale.pick(format!("{n}\u{a0}%"), format!("{n}%")),
        None => "—".to_string(),
    }
}

/// A share as a bar and its percentage.
fn bar(share: Option<f64>, locale: Locale) -> String {
    let width = percent(share).unwrap_or(0);
    format!(
        "<span class=\"bar\" aria-hidden=\"true\"><span style=\"width: {width}%\"></span></span>{}",
        percent_text(share, locale)
    )
}

/// A status as a DSFR badge, worded by the IRM's completion scale; "no report" when none.
fn badge(status: Option<ProgressStatus>, out: &Out) -> String {
    match status {
        Some(status) => format!("<span class=\"badge {}\">{}</span>", status.code(), status.label(out.locale)),
        None => format!("<span class=\"badge\">{}</span>", out.labels.progress.not_reported),
    }
}

/// Who signed an entry: « Camille Martin (HATVP) », or « Dominique Petit, au nom de … » when
/// the coordination reported for the institution.
fn signer(tree: &PlanTree, entry: &Rec, out: &Out) -> String {
    let institution = entry.id_of("institutionId").map(|id| institution_label(tree, id)).unwrap_or_default();
    let author = escape(entry.text("authorName"));
    if entry.flag("onBehalf") {
        format!("{author}, {} {institution}", out.labels.progress.on_behalf)
    } else {
        format!("{author} ({institution})")
    }
}

/// « Signé par » and [`signer`].
fn signature(tree: &PlanTree, entry: &Rec, out: &Out) -> String {
    format!("{} {}", out.labels.progress.signed_by, signer(tree, entry, out))
}

/// What an entry is on: « Engagement 1.2 » or « Jalon 1.2.1 ».
fn subject(number: &str, milestone: Option<&MilestoneAsOf>, out: &Out) -> String {
    match milestone {
        Some(m) => format!("{} {}", out.pick("Jalon", "Milestone"), m.number),
        None => format!("{} {number}", out.pick("Engagement", "Commitment")),
    }
}

/// The government's self-assessment report of `plan` (`term`: mid-term or end-of-term) as of
/// `as_of`, as one self-contained HTML document in French or English, in the printable plan's
/// look (Marianne embedded, the DSFR's type scale and badges, print rules, no script, nothing
/// loaded from elsewhere; every text escaped).
///
/// Only the progress reports dated on or before `as_of` are taken into account. It holds:
/// - the title (« Rapport d'autoévaluation à mi-parcours » or « … de fin de parcours »), the
///   plan's title, country and period, the day it describes;
/// - the co-creation of the plan: the workshops held on or before `as_of` (day, title, place,
///   institution, participants by kind — never named —, contributions and what became of them),
///   then « À compléter » for what the app does not hold (online consultations, forums…), and how
///   many institutions carry and support commitments;
/// - the plan's overall progress, with the rule (the one roll-up of the app: the domain's
///   [`commitment_share`] and [`weighted_share`]), and how many commitments stand at each
///   completion level and milestones at each status;
/// - progress by engagement area;
/// - per commitment, numbered as the app numbers them: its planning facts (dates, lead and
///   supporting institutions), the template's self-assessment fields — its completion level (the
///   status of its own latest entry, or derived from its milestones' roll-up when it has none,
///   [`completion_from_share`], saying which), its computed progress, the description of its
///   results (its latest entry that gives one), whether it opened government (its latest entry
///   that says, labelled by the IRM's scale), the OGP values it serves; its own latest entry
///   (what was done, difficulties, next steps, who signed); its milestones (status, due date,
///   latest report date) and each one's latest entry; the evidence given — links, and files
///   named with their size and SHA-256, never embedded — by the entries taken into account that
///   no later one corrects; and every entry taken into account with who signed it (on behalf of
///   whom).
/// - the annex of the institutions the plan names.
pub fn self_assessment_html(
    dataset: &Dataset,
    plan: Uuid,
    term: SelfAssessmentTerm,
    as_of: NaiveDate,
    locale: Locale,
) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    let areas: Vec<Vec<CommitmentAsOf>> = tree
        .areas
        .iter()
        .enumerate()
        .map(|(a, area)| {
            area.commitments
                .iter()
                .enumerate()
                .map(|(c, node)| CommitmentAsOf::new(node, numbering::commitment_number(a, c), as_of))
                .collect()
        })
        .collect();
    let title = term.title(locale);
    let mut out = Out::begin(locale, &format!("{title} — {}", tree.plan.text("title")));
    let s = out.labels.self_assessment;
    let day = locale.date(as_of);

    // Cover.
    out.push("<header>\n");
    if tree.plan.text("country").trim().eq_ignore_ascii_case("France") {
        out.push("<p class=\"marque\">République<br>française</p>\n");
    }
    // The partnership, unless the plan's lines name it with the plan's number.
    if !names_ogp_plan(&tree) {
        out.push(&format!(
            "<p class=\"kicker\">{}</p>\n",
            out.pick("Partenariat pour un gouvernement ouvert (PGO)", "Open Government Partnership (OGP)")
        ));
    }
    out.push(&format!("<h1>{title}</h1>\n<p class=\"subtitle\">{}</p>\n", escape(tree.plan.text("title"))));
    out.plan_lines(&tree);
    out.push(&format!("<p class=\"as-of\">{} <strong>{day}</strong></p>\n", s.as_of));
    out.push(&format!(
        "<p>{}</p>\n</header>\n",
        match locale {
            Locale::Fr => format!(
                "Ce rapport présente, pour chaque engagement du plan, son niveau d'achèvement, ses résultats et les preuves \
                 fournies, tels que les institutions porteuses les ont déclarés dans leurs rapports d'avancement signés. \
                 Seuls les rapports datés au plus tard du {day} sont pris en compte."
            ),
            Locale::En => format!(
                "This report gives, for each commitment of the plan, its completion level, its results and the evidence \
                 given, as the lead institutions declared them in their signed progress reports. Only the reports dated \
                 on or before {day} are taken into account."
            ),
        }
    ));

    // Table of contents.
    out.toc_begin();
    for (id, label) in
        [("co-creation", s.co_creation), ("overall", s.overall_progress), ("by-area", s.progress_by_area)]
    {
        out.push(&format!("<li><a href=\"#{id}\">{label}</a></li>\n"));
    }
    out.push(&format!("<li><a href=\"#implementation\">{}</a>\n<ol>\n", s.implementation));
    out.toc_areas(&tree);
    out.push("</ol>\n</li>\n");
    out.toc_end(&tree);

    co_creation(&mut out, &tree, as_of);
    overall(&mut out, &areas);
    by_area(&mut out, &tree, &areas);

    out.push(&format!("<section id=\"implementation\">\n<h2>{}</h2>\n", s.implementation));
    for ((a, area), commitments) in tree.areas.iter().enumerate().zip(&areas) {
        out.push(&format!(
            "<section class=\"area\" id=\"area-{}\">\n<h3><span class=\"number\">{}</span> — {}</h3>\n",
            area.rec.id,
            area_heading(locale, a),
            escape(area.rec.text("title"))
        ));
        for commitment in commitments {
            commitment_section(&mut out, &tree, commitment);
        }
        out.push("</section>\n");
    }
    out.push("</section>\n");

    out.institutions_annex(&tree);
    out.push(&format!(
        "<footer>\n<p>{} — {}</p>\n</footer>\n",
        escape(&format!("{title} — {}", tree.plan.text("title"))),
        match locale {
            Locale::Fr =>
                format!("situation au {day}, établie avec Plan ouvert à partir des rapports d'avancement signés."),
            Locale::En => format!("status as of {day}, made with Plan ouvert from the signed progress reports."),
        }
    ));
    Ok(out.finish())
}

/// How the plan was co-created and who took part: the workshops held by `as_of`, as the app
/// holds them; the rest is to be completed; then the count of institutions the plan names.
fn co_creation(out: &mut Out, tree: &PlanTree, as_of: NaiveDate) {
    let s = out.labels.self_assessment;
    out.push(&format!("<section id=\"co-creation\">\n<h2>{}</h2>\n", s.co_creation));
    let held: Vec<_> =
        tree.workshops.iter().filter(|w| parse_date(w.rec.text("heldOn")).is_some_and(|day| day <= as_of)).collect();
    if !held.is_empty() {
        workshops_held(out, tree, &held);
    }
    out.push(&format!(
        "<div class=\"to-complete\">\n<p><strong>{}</strong></p>\n<p>{}</p>\n</div>\n",
        s.to_complete,
        if held.is_empty() {
            out.pick(
                "Aucun atelier n'est enregistré dans Plan ouvert à cette date : décrivez ici comment le plan a été \
                 co-construit (ateliers, consultations, contributions et ce qu'il en est advenu), avec qui, et comment \
                 la société civile a suivi sa mise en œuvre.",
                "No workshop is recorded in Plan ouvert by this day: describe here how the plan was co-created \
                 (workshops, consultations, contributions and what came of them), with whom, and how civil society \
                 followed its implementation.",
            )
        } else {
            out.pick(
                "Complétez avec ce que Plan ouvert ne contient pas : consultations en ligne, forums, autres \
                 rencontres, et comment la société civile a suivi la mise en œuvre du plan.",
                "Complete with what Plan ouvert does not hold: online consultations, forums, other meetings, and how \
                 civil society followed the plan's implementation.",
            )
        }
    ));
    let mut leads: Vec<Uuid> = tree.commitments().filter_map(|c| c.rec.id_of("leadInstitutionId")).collect();
    leads.sort();
    leads.dedup();
    let mut supporting: Vec<Uuid> = tree
        .commitments()
        .flat_map(|c| c.rec.ids_of("supportingInstitutionIds"))
        .filter(|id| !leads.contains(id))
        .collect();
    supporting.sort();
    supporting.dedup();
    if !leads.is_empty() {
        let locale = out.locale;
        let mut said = match locale {
            Locale::Fr => format!(
                "{} au moins un engagement du plan",
                locale.count(leads.len() as u64, ("institution porte", "institutions portent"), ("", ""))
            ),
            Locale::En => format!(
                "{} at least one commitment of the plan",
                locale.count(leads.len() as u64, ("", ""), ("institution leads", "institutions lead"))
            ),
        };
        if !supporting.is_empty() {
            said.push_str(&match locale {
                Locale::Fr => format!(
                    " ; {} partenaire d'un engagement sans en porter",
                    locale.count(
                        supporting.len() as u64,
                        ("autre institution est", "autres institutions sont"),
                        ("", "")
                    )
                ),
                Locale::En => format!(
                    "; {} a commitment without leading one",
                    locale.count(
                        supporting.len() as u64,
                        ("", ""),
                        ("other institution supports", "other institutions support")
                    )
                ),
            });
        }
        out.push(&format!("<p>{said} ({}).</p>\n", out.pick("liste en annexe", "list in the annex")));
    }
    out.push("</section>\n");
}

/// The plan's overall progress, with its rule, and how many commitments and milestones stand at
/// each step.
fn overall(out: &mut Out, areas: &[Vec<CommitmentAsOf>]) {
    let s = out.labels.self_assessment;
    let locale = out.locale;
    let commitments: Vec<&CommitmentAsOf> = areas.iter().flatten().collect();
    let share = weighted_share(commitments.iter().map(|c| (weight_of(&c.node.rec), c.share)));
    out.push(&format!("<section id=\"overall\">\n<h2>{}</h2>\n", s.overall_progress));
    let milestones: u64 = commitments.iter().map(|c| c.milestones.len() as u64).sum();
    out.push(&format!(
        "<p class=\"figure\">{}</p>\n<p>{} {} {} {}.</p>\n",
        percent_text(share, locale),
        out.pick("Avancement du plan,", "Progress of the plan,"),
        locale.count(commitments.len() as u64, ("engagement", "engagements"), ("commitment", "commitments")),
        out.pick("et", "and"),
        locale.count(milestones, ("jalon", "jalons"), ("milestone", "milestones")),
    ));
    let levels: Vec<Option<ProgressStatus>> = commitments.iter().map(|c| c.completion().0).collect();
    let statuses: Vec<Option<ProgressStatus>> = commitments
        .iter()
        .flat_map(|c| c.milestones.iter().map(|m| m.entries.last().and_then(|e| status_of(e))))
        .collect();
    let steps = ProgressStatus::ALL.iter().map(|s| Some(*s)).chain([None]);
    let rows: Vec<String> = steps
        .map(|step| {
            let count = |list: &[Option<ProgressStatus>]| list.iter().filter(|s| **s == step).count();
            format!(
                "<tr><td>{}</td><td class=\"number-cell\">{}</td><td class=\"number-cell\">{}</td></tr>\n",
                badge(step, out),
                count(&levels),
                count(&statuses)
            )
        })
        .collect();
    let headers = [s.completion, out.pick("Engagements", "Commitments"), out.labels.milestone.list];
    out.table("levels", &headers, &rows);
    let overdue = commitments.iter().flat_map(|c| &c.milestones).filter(|m| m.overdue).count() as u64;
    if overdue > 0 {
        out.push(&format!(
            "<p>{}</p>\n",
            match locale {
                Locale::Fr => format!(
                    "{} à cette date.",
                    locale.count(overdue, ("jalon était en retard", "jalons étaient en retard"), ("", ""))
                ),
                Locale::En => format!(
                    "{} at this date.",
                    locale.count(overdue, ("", ""), ("milestone was overdue", "milestones were overdue"))
                ),
            }
        ));
    }
    let p = out.labels.progress;
    for rule in [p.rule, s.completion_rule, p.due_rule] {
        out.push(&format!("<p class=\"rule\">{rule}</p>\n"));
    }
    out.push("</section>\n");
}

/// Progress by engagement area.
fn by_area(out: &mut Out, tree: &PlanTree, areas: &[Vec<CommitmentAsOf>]) {
    let s = out.labels.self_assessment;
    let locale = out.locale;
    out.push(&format!("<section id=\"by-area\">\n<h2>{}</h2>\n", s.progress_by_area));
    let rows: Vec<String> = tree
        .areas
        .iter()
        .zip(areas)
        .enumerate()
        .map(|(a, (area, commitments))| {
            let share = weighted_share(commitments.iter().map(|c| (weight_of(&c.node.rec), c.share)));
            format!(
                "<tr><td><span class=\"number\">{}</span> — {}</td><td class=\"number-cell\">{}</td><td class=\"nowrap\">{}</td></tr>\n",
                area_heading(locale, a),
                escape(area.rec.text("title")),
                commitments.len(),
                bar(share, locale)
            )
        })
        .collect();
    let headers = [out.pick("Axe", "Area"), out.pick("Engagements", "Commitments"), out.labels.progress.progress];
    out.table("by-area", &headers, &rows);
    out.push("</section>\n");
}

/// The latest entry of `entries` whose `pick` says something, with it.
fn latest_saying<'a, T>(entries: &[&'a Rec], pick: impl Fn(&'a Rec) -> Option<T>) -> Option<(&'a Rec, T)> {
    entries.iter().rev().find_map(|e| pick(e).map(|said| (*e, said)))
}

/// What an entry says of the work — what was done, difficulties, next steps — as facts, and who
/// signed it.
fn entry_block(out: &mut Out, tree: &PlanTree, heading: Option<String>, entry: &Rec) {
    let p = out.labels.progress;
    out.push("<section class=\"entry\">\n");
    if let Some(heading) = heading {
        out.push(&heading);
    }
    out.push(&format!(
        "<p><strong>{}</strong> {} {}</p>\n",
        out.labels.self_assessment.latest_entry,
        out.date(entry.text("reportedOn")),
        badge(status_of(entry), out)
    ));
    let facts: Vec<(&str, String)> = [(p.done, "done"), (p.difficulties, "difficulties"), (p.next_steps, "nextSteps")]
        .into_iter()
        .filter(|(_, field)| !entry.text(field).trim().is_empty())
        .map(|(label, field)| (label, paragraphs(entry.text(field))))
        .collect();
    if !facts.is_empty() {
        out.facts(&facts);
    }
    out.push(&format!("<p class=\"signature\">{}</p>\n</section>\n", signature(tree, entry, out)));
}

fn commitment_section(out: &mut Out, tree: &PlanTree, commitment: &CommitmentAsOf) {
    let labels = out.labels;
    let (s, p) = (labels.self_assessment, labels.progress);
    let locale = out.locale;
    let rec = &commitment.node.rec;
    out.push(&format!(
        "<article class=\"commitment assessed\" id=\"commitment-{}\">\n<h4><span class=\"number\">{} {}</span> — {}</h4>\n",
        rec.id,
        out.pick("Engagement", "Commitment"),
        commitment.number,
        escape(rec.text("title"))
    ));

    // The template's self-assessment fields.
    let mut facts = planning_facts(out, tree, rec);
    let (level, source) = commitment.completion();
    let why = match &source {
        Source::Declared(entry) => {
            format!("{} {} {}.", s.completion_declared, out.pick("du", "of"), out.date(entry.text("reportedOn")))
        }
        Source::Derived => format!(
            "{}{} {}",
            s.completion_derived,
            out.pick(" :", ":"),
            out.pick(
                "l'engagement n'a pas de compte rendu à cette date.",
                "the commitment has no account of its own at this date."
            )
        ),
        Source::NotReported => out
            .pick(
                "Rien n'a été rapporté à cette date : compté non commencé.",
                "Nothing reported at this date: counted as not started.",
            )
            .to_string(),
    };
    facts.push((s.completion, format!("{}<span class=\"source\">{why}</span>", badge(level, out))));
    facts.push((s.computed_progress, bar(commitment.share, locale)));
    let opened = latest_saying(&commitment.own, |e| {
        let code = e.text("openedGovernment");
        OPENED_GOVERNMENT_CODES.iter().position(|c| *c == code).map(|i| OpenedGovernment::ALL[i])
    });
    let opened = match opened {
        Some((entry, value)) => format!(
            "{}<span class=\"source\">{} {}</span>",
            value.label(locale),
            out.pick("Compte rendu du", "Account of"),
            out.date(entry.text("reportedOn"))
        ),
        None => out.pick("Non renseigné à cette date", "Not given at this date").to_string(),
    };
    facts.push((p.opened_government, opened));
    let values = ogp_values(rec, &labels);
    if !values.is_empty() {
        facts.push((labels.commitment.values, values.join(out.pick(" ; ", "; "))));
    }
    out.facts(&facts);

    out.push(&format!("<h5>{}</h5>\n", s.results));
    match latest_saying(&commitment.own, |e| Some(e.text("results")).filter(|r| !r.trim().is_empty())) {
        Some((entry, results)) => {
            out.push(&paragraphs(results));
            out.push(&format!(
                "<p class=\"source\">{} {} — {}</p>\n",
                out.pick("Compte rendu du", "Account of"),
                out.date(entry.text("reportedOn")),
                signature(tree, entry, out)
            ));
        }
        None => out.push(&format!(
            "<p class=\"meta\">{}</p>\n",
            out.pick("Aucun résultat décrit à cette date.", "No results described at this date.")
        )),
    }

    out.push(&format!("<h5>{}</h5>\n", p.own_account));
    match commitment.own.last() {
        Some(entry) => entry_block(out, tree, None, entry),
        None => out.push(&format!(
            "<p class=\"meta\">{}</p>\n",
            out.pick("Aucun compte rendu de l'engagement à cette date.", "No account of the commitment at this date.")
        )),
    }

    if !commitment.milestones.is_empty() {
        milestones(out, tree, commitment);
    }
    evidence(out, commitment);
    entries_table(out, tree, commitment);
    out.push("</article>\n");
}

/// A milestone's due date, and « En retard » when it was late on the report's day.
fn due_date(milestone: &MilestoneAsOf, out: &Out) -> String {
    let date = out.date(milestone.rec.text("dueDate"));
    if milestone.overdue {
        format!("{date}<span class=\"badge overdue\">{}</span>", out.labels.progress.overdue)
    } else {
        date
    }
}

/// The milestones: where each stands, then each one's latest entry.
fn milestones(out: &mut Out, tree: &PlanTree, commitment: &CommitmentAsOf) {
    let labels = out.labels;
    let (m, p) = (labels.milestone, labels.progress);
    out.push(&format!("<h5>{}</h5>\n", m.list));
    let rows: Vec<String> = commitment
        .milestones
        .iter()
        .map(|milestone| {
            let latest = milestone.entries.last();
            format!(
                "<tr><td class=\"nowrap number\">{}</td><td>{}</td><td class=\"nowrap\">{}</td><td>{}</td><td class=\"nowrap\">{}</td></tr>\n",
                milestone.number,
                escape(milestone.rec.text("title")),
                due_date(milestone, out),
                badge(latest.and_then(|e| status_of(e)), out),
                latest.map(|e| out.date(e.text("reportedOn"))).unwrap_or_else(|| "—".into()),
            )
        })
        .collect();
    let headers = [out.pick("N°", "No."), m.title, m.due_date, p.status, p.reported_on];
    out.table("progress", &headers, &rows);
    for milestone in &commitment.milestones {
        if let Some(entry) = milestone.entries.last() {
            let heading = format!(
                "<h6><span class=\"number\">{} {}</span> — {}</h6>\n",
                out.pick("Jalon", "Milestone"),
                milestone.number,
                escape(milestone.rec.text("title"))
            );
            entry_block(out, tree, Some(heading), entry);
        }
    }
}

/// The evidence given by the entries taken into account that no later one corrects: links, and
/// files named with their size and SHA-256 (never embedded); each once, with the first entry
/// that gave it.
fn evidence(out: &mut Out, commitment: &CommitmentAsOf) {
    let labels = out.labels;
    let (s, p) = (labels.self_assessment, labels.progress);
    let entries = commitment.entries();
    let corrected: Vec<Uuid> = entries.iter().filter_map(|(_, e)| e.id_of("corrects")).collect();
    let mut links: Vec<String> = Vec::new();
    let mut files: Vec<String> = Vec::new();
    let (mut seen_links, mut seen_files) = (Vec::new(), Vec::new());
    for (milestone, entry) in entries.iter().filter(|(_, e)| !corrected.contains(&e.id)) {
        let from = format!(
            "<span class=\"source\">{}, {} {}</span>",
            subject(&commitment.number, *milestone, out),
            out.pick("rapport du", "report of"),
            out.date(entry.text("reportedOn"))
        );
        for link in entry.fields.get("links").and_then(Value::as_array).into_iter().flatten() {
            let (title, url) = (link["title"].as_str().unwrap_or(""), link["url"].as_str().unwrap_or(""));
            if seen_links.contains(&url) {
                continue;
            }
            seen_links.push(url);
            let address = if url.starts_with("https://") || url.starts_with("http://") {
                format!("<a href=\"{0}\">{0}</a>", escape(url))
            } else {
                escape(url)
            };
            links.push(format!("<li>{} — {address}{from}</li>\n", escape(title)));
        }
        for file in entry.fields.get("files").and_then(Value::as_array).into_iter().flatten() {
            let sha256 = file["sha256"].as_str().unwrap_or("");
            if seen_files.contains(&sha256) {
                continue;
            }
            seen_files.push(sha256);
            files.push(format!(
                "<li>{} — {} <span class=\"hash\">SHA-256 {}</span>{from}</li>\n",
                escape(file["name"].as_str().unwrap_or("")),
                out.locale.file_size(file["size"].as_u64().unwrap_or(0)),
                escape(sha256)
            ));
        }
    }
    out.push(&format!("<h5>{}</h5>\n", s.evidence));
    if links.is_empty() && files.is_empty() {
        out.push(&format!(
            "<p class=\"meta\">{}</p>\n",
            out.pick("Aucune preuve fournie à cette date.", "No evidence given at this date.")
        ));
        return;
    }
    for (label, list) in [(p.links, links), (s.evidence_files, files)] {
        if !list.is_empty() {
            out.push(&format!("<h6>{label}</h6>\n<ul class=\"evidence\">\n{}</ul>\n", list.concat()));
        }
    }
    if !seen_files.is_empty() {
        out.push(&format!(
            "<p class=\"rule\">{}</p>\n",
            out.pick(
                "Les fichiers ne sont pas joints à ce document : ils sont conservés par la plateforme du plan, chacun sous son empreinte SHA-256, qui permet de vérifier qu'un fichier reçu est bien celui qui a été fourni.",
                "The files are not attached to this document: the plan's platform keeps them, each under its SHA-256 fingerprint, with which anyone can check that a file received is the one given."
            )
        ));
    }
}

/// Every entry taken into account, with who signed it.
fn entries_table(out: &mut Out, tree: &PlanTree, commitment: &CommitmentAsOf) {
    let labels = out.labels;
    let (s, p) = (labels.self_assessment, labels.progress);
    let entries = commitment.entries();
    out.push(&format!("<h5>{}</h5>\n", s.entries));
    if entries.is_empty() {
        out.push(&format!("<p class=\"meta\">{}</p>\n", p.not_reported));
        return;
    }
    let all: Vec<&Rec> = entries.iter().map(|(_, e)| *e).collect();
    let rows: Vec<String> = entries
        .iter()
        .map(|(milestone, entry)| {
            let corrects = entry
                .id_of("corrects")
                .and_then(|id| all.iter().find(|e| e.id == id))
                .map(|e| format!("<span class=\"source\">{} {}</span>", p.corrects, out.date(e.text("reportedOn"))))
                .unwrap_or_default();
            format!(
                "<tr><td class=\"nowrap\">{}</td><td class=\"nowrap\">{}{corrects}</td><td>{}</td><td>{}</td></tr>\n",
                out.date(entry.text("reportedOn")),
                subject(&commitment.number, *milestone, out),
                badge(status_of(entry), out),
                signer(tree, entry, out)
            )
        })
        .collect();
    let headers = [p.reported_on, out.pick("Objet", "On"), p.status, p.signed_by];
    out.table("entries", &headers, &rows);
}

/// The workshops held, one row each, and the totals: participants counted by kind (never named),
/// contributions and what became of them.
fn workshops_held(out: &mut Out, tree: &PlanTree, held: &[&crate::export::tree::WorkshopNode]) {
    use plan_ouvert_domain::labels::WorkshopLabels;
    use plan_ouvert_domain::OrganisationKind;

    use crate::export::workshop::{kind_label, outcome_of};
    let labels = WorkshopLabels::of(out.locale);
    let locale = out.locale;
    let institution = |id: Option<Uuid>| {
        id.and_then(|id| tree.institutions.iter().find(|i| i.id == id))
            .map(|i| i.text("name").to_string())
            .unwrap_or_default()
    };
    let kinds_of = |participants: &mut dyn Iterator<Item = &Rec>| -> Vec<(OrganisationKind, usize)> {
        let codes: Vec<&str> = participants.map(|p| p.text("organisationKind")).collect();
        OrganisationKind::ALL
            .iter()
            .map(|kind| (*kind, codes.iter().filter(|c| **c == kind.code()).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    };
    let said = |kinds: &[(OrganisationKind, usize)]| -> String {
        kinds.iter().map(|(kind, n)| format!("{} : {n}", kind_label(*kind, &labels))).collect::<Vec<_>>().join(", ")
    };
    let participants: usize = held.iter().map(|w| w.participants.len()).sum();
    let contributions: Vec<&Rec> = held.iter().flat_map(|w| w.contributions.iter()).collect();
    let mut outcomes: Vec<(&str, usize)> = Vec::new();
    for contribution in &contributions {
        if contribution.text("kind") == "vote" {
            continue;
        }
        let (label, _) = outcome_of(contribution, &labels);
        match outcomes.iter_mut().find(|(l, _)| *l == label) {
            Some(entry) => entry.1 += 1,
            None => outcomes.push((label, 1)),
        }
    }
    let all_kinds = kinds_of(&mut held.iter().flat_map(|w| w.participants.iter()));
    out.push(&format!(
        "<p>{}</p>\n",
        escape(&match locale {
            Locale::Fr => format!(
                "{} {} ({}) ; {} ({}).",
                locale.count(held.len() as u64, ("atelier tenu :", "ateliers tenus :"), ("", "")),
                locale.count(participants as u64, ("participant", "participants"), ("", "")),
                said(&all_kinds),
                locale.count(contributions.len() as u64, ("contribution", "contributions"), ("", "")),
                outcomes.iter().map(|(l, n)| format!("{l} : {n}")).collect::<Vec<_>>().join(", "),
            ),
            Locale::En => format!(
                "{} {} ({}); {} ({}).",
                locale.count(held.len() as u64, ("", ""), ("workshop held:", "workshops held:")),
                locale.count(participants as u64, ("", ""), ("participant", "participants")),
                said(&all_kinds).replace(" : ", ": "),
                locale.count(contributions.len() as u64, ("", ""), ("contribution", "contributions")),
                outcomes.iter().map(|(l, n)| format!("{l}: {n}")).collect::<Vec<_>>().join(", "),
            ),
        })
    ));
    out.push(&format!(
        "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        labels.held_on, labels.title, labels.institution_id, out.pick("Participants", "Participants"), out.pick("Contributions", "Contributions")
    ));
    for workshop in held {
        let day = parse_date(workshop.rec.text("heldOn")).map(|d| locale.date(d)).unwrap_or_default();
        let place = workshop.rec.text("place");
        let title = if place.is_empty() {
            escape(workshop.rec.text("title"))
        } else {
            format!("{} — {}", escape(workshop.rec.text("title")), escape(place))
        };
        let kinds = kinds_of(&mut workshop.participants.iter());
        out.push(&format!(
            "<tr><td>{day}</td><td>{title}</td><td>{}</td><td>{} ({})</td><td>{}</td></tr>\n",
            escape(&institution(workshop.rec.id_of("institutionId"))),
            workshop.participants.len(),
            escape(&said(&kinds)),
            workshop.contributions.len()
        ));
    }
    out.push("</tbody>\n</table>\n");
}
