//! A citizen jury's ranking as the institution that ran it publishes it: one printable HTML
//! document in the printable plan's look ([`super::document`]), and one CSV file described by
//! [`JURY_RANKING_TABLE_SCHEMA`](super::JURY_RANKING_TABLE_SCHEMA).
//!
//! What is published is the result, never the deliberation: each application's rank, its means
//! (over 25, and per criterion over 5), how many jurors scored it and how many abstained, and its
//! standing, with the rule that made them (`JuryLabels::rule`). No juror is named, no juror's
//! scores are given, no applicant's address is written: those stay with the institution
//! (`plan_ouvert_sync::access::is_personal_data`). The ranking itself is the domain's
//! ([`plan_ouvert_domain::rank`]), computed by the store: this module only writes it.

use std::collections::HashMap;

use plan_ouvert_domain::labels::JuryLabels;
use plan_ouvert_domain::{JuryApplication, JuryApplicationId, JuryCriterion, JuryDetail, JuryMean, Locale, Standing};

use super::csv::csv_text;
use super::document::{escape, paragraphs, Out};

/// The columns of [`jury_ranking_csv`], in order (described in
/// `schema/jury-ranking.tableschema.json`).
pub const JURY_RANKING_COLUMNS: &[&str] = &[
    "id",
    "session_id",
    "rank",
    "reference",
    "title",
    "applicant",
    "mean",
    "general_interest",
    "impact_for_all",
    "project_quality",
    "openness",
    "state_support",
    "scored",
    "abstained",
    "standing",
];

/// A mean in the file: a decimal with a point and two decimals, as the screen rounds it.
fn decimal(mean: &JuryMean) -> String {
    mean.display(Locale::En)
}

/// A standing's code in the file; `notScored` for an application no juror scored.
fn standing_code(standing: Option<Standing>) -> &'static str {
    match standing {
        Some(Standing::Selected) => "selected",
        Some(Standing::TieToBreak) => "tieToBreak",
        Some(Standing::NotSelected) => "notSelected",
        Some(Standing::QuorumNotMet) => "quorumNotMet",
        None => "notScored",
    }
}

fn applications(detail: &JuryDetail) -> HashMap<JuryApplicationId, &JuryApplication> {
    detail.applications.iter().map(|a| (a.id, a)).collect()
}

/// The ranking as a CSV file: the ranked applications by rank, then those no juror scored (no
/// rank, no mean).
pub fn jury_ranking_csv(detail: &JuryDetail) -> String {
    let by_id = applications(detail);
    let session = detail.session.id.to_string();
    let about =
        |id: JuryApplicationId| by_id.get(&id).map(|a| (a.reference.clone(), a.applicant.clone())).unwrap_or_default();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for ranked in &detail.ranking.ranked {
        let (reference, applicant) = about(ranked.application_id);
        let mut row = vec![
            ranked.application_id.to_string(),
            session.clone(),
            ranked.rank.to_string(),
            reference,
            ranked.title.clone(),
            applicant,
            decimal(&ranked.mean),
        ];
        for criterion in JuryCriterion::ALL {
            let mean = ranked.criteria.iter().find(|c| c.criterion == criterion).map(|c| decimal(&c.mean));
            row.push(mean.unwrap_or_default());
        }
        row.extend([
            ranked.scored.to_string(),
            ranked.abstained.to_string(),
            standing_code(Some(ranked.standing)).into(),
        ]);
        rows.push(row);
    }
    for unscored in &detail.ranking.unscored {
        let (reference, applicant) = about(unscored.application_id);
        let mut row = vec![
            unscored.application_id.to_string(),
            session.clone(),
            String::new(),
            reference,
            unscored.title.clone(),
            applicant,
            String::new(),
        ];
        row.extend(JuryCriterion::ALL.iter().map(|_| String::new()));
        row.extend(["0".to_string(), unscored.abstained.to_string(), standing_code(None).into()]);
        rows.push(row);
    }
    csv_text(JURY_RANKING_COLUMNS, &rows)
}

/// The ranking as a printable HTML document: the session, the rule, the selection, the table of
/// ranked applications and those no juror scored. `plan_title` and `country` are the plan's.
pub fn jury_ranking_html(detail: &JuryDetail, plan_title: &str, country: &str, locale: Locale) -> String {
    let j = JuryLabels::of(locale);
    let session = &detail.session;
    let by_id = applications(detail);
    let mut out = Out::begin(locale, &format!("{} — {}", j.ranking, session.title));
    out.push("<header>\n");
    if country.trim().eq_ignore_ascii_case("France") {
        out.push("<p class=\"marque\">République<br>française</p>\n");
    }
    out.push(&format!("<p class=\"kicker\">{} — {}</p>\n", j.jury, j.ranking));
    out.push(&format!("<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n", escape(&session.title), escape(plan_title)));
    out.push("</header>\n");

    let ranking = &detail.ranking;
    out.push(&format!("<section id=\"session\">\n<h2>{}</h2>\n", j.session));
    let mut facts: Vec<(&str, String)> = vec![
        (j.held_on, escape(&locale.date(session.held_on))),
        (out.pick("Institution", "Institution"), escape(&detail.institution.name)),
        (j.jurors, ranking.jurors.to_string()),
        (out.pick("Quorum", "Quorum"), ranking.quorum.to_string()),
        (j.places, ranking.places.to_string()),
        (j.selected, ranking.selected.to_string()),
    ];
    if ranking.places_to_decide > 0 {
        facts.push((j.places_to_decide, ranking.places_to_decide.to_string()));
    }
    if ranking.places_unfilled > 0 {
        facts.push((j.places_unfilled, ranking.places_unfilled.to_string()));
    }
    out.facts(&facts);
    out.push(&format!("<h3>{}</h3>\n{}", out.pick("Règle du classement", "Ranking rule"), paragraphs(j.rule)));
    out.push("</section>\n");

    out.push(&format!("<section id=\"ranking\">\n<h2>{}</h2>\n", j.ranking));
    let mut headers: Vec<&str> = vec![j.rank, j.application_title, j.applicant, j.mean];
    headers.extend(JuryCriterion::ALL.iter().map(|c| c.label(locale)));
    headers.extend([j.scored, j.abstained, out.pick("Décision", "Decision")]);
    let rows: Vec<String> = ranking
        .ranked
        .iter()
        .map(|r| {
            let applicant = by_id.get(&r.application_id).map(|a| a.applicant.as_str()).unwrap_or("");
            let mut cells = vec![r.rank.to_string(), escape(&r.title), escape(applicant), r.mean.display(locale)];
            for criterion in JuryCriterion::ALL {
                let mean = r.criteria.iter().find(|c| c.criterion == criterion);
                cells.push(mean.map(|c| c.mean.display(locale)).unwrap_or_default());
            }
            cells.extend([r.scored.to_string(), r.abstained.to_string(), r.standing.label(locale).to_string()]);
            let class = if r.standing == Standing::Selected { " class=\"selected\"" } else { "" };
            let cells: String = cells.iter().map(|c| format!("<td>{c}</td>")).collect();
            format!("<tr{class}>{cells}</tr>\n")
        })
        .collect();
    out.table("jury-ranking", &headers, &rows);
    out.push("</section>\n");

    if !ranking.unscored.is_empty() {
        out.push(&format!("<section id=\"unscored\">\n<h2>{}</h2>\n<ul>\n", j.unscored));
        for unscored in &ranking.unscored {
            let applicant = by_id.get(&unscored.application_id).map(|a| a.applicant.as_str()).unwrap_or("");
            out.push(&format!("<li>{} — {}</li>\n", escape(&unscored.title), escape(applicant)));
        }
        out.push("</ul>\n</section>\n");
    }
    out.finish()
}
