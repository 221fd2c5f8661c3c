//! Following the plan: progress reports (*rapports d'avancement*) on milestones and commitments,
//! and how progress rolls up from milestones to the plan.
//!
//! A report is an entry of a timeline: dated, on the OGP completion scale, signed by a person and
//! the institution that carries the record. It is never changed: a correction is a new entry that
//! names the one it corrects, and the earlier one stays readable.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::assessment::{Completion, OpenedGovernment};
use crate::evidence::EvidenceFile;
use crate::id::{CommitmentId, InstitutionId, MilestoneId, ReportId};
use crate::invalid::{Invalid, Problem, Problems};
use crate::locale::Locale;
use crate::period::parse_required_date;
use crate::text::{LongText, ShortText};

/// Where a milestone or a commitment stands, on the OGP completion scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProgressStatus {
    NotStarted,
    Limited,
    Substantial,
    Complete,
    Withdrawn,
}

impl ProgressStatus {
    pub const ALL: [ProgressStatus; 5] = [
        ProgressStatus::NotStarted,
        ProgressStatus::Limited,
        ProgressStatus::Substantial,
        ProgressStatus::Complete,
        ProgressStatus::Withdrawn,
    ];

    /// The codes as sent and stored, in the order of [`ProgressStatus::ALL`].
    pub const CODES: &'static [&'static str] = &["notStarted", "limited", "substantial", "complete", "withdrawn"];

    pub fn code(self) -> &'static str {
        Self::CODES[self as usize]
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::CODES.iter().position(|c| *c == code).map(|i| Self::ALL[i])
    }

    /// The IRM's step of the same name: its wording is the label.
    pub fn completion(self) -> Completion {
        match self {
            ProgressStatus::NotStarted => Completion::NotStarted,
            ProgressStatus::Limited => Completion::Limited,
            ProgressStatus::Substantial => Completion::Substantial,
            ProgressStatus::Complete => Completion::Complete,
            ProgressStatus::Withdrawn => Completion::Withdrawn,
        }
    }

    pub fn label(self, locale: Locale) -> &'static str {
        self.completion().label(locale)
    }

    /// The share of the work this step stands for in the roll-up: the four steps of the scale
    /// equally spaced (0, ⅓, ⅔, 1). A withdrawn record does not count (`None`).
    pub fn share(self) -> Option<f64> {
        match self {
            ProgressStatus::NotStarted => Some(0.0),
            ProgressStatus::Limited => Some(1.0 / 3.0),
            ProgressStatus::Substantial => Some(2.0 / 3.0),
            ProgressStatus::Complete => Some(1.0),
            ProgressStatus::Withdrawn => None,
        }
    }
}

/// How much a milestone counts among its commitment's, or a commitment among its area's and its
/// plan's, in the roll-up of progress: from 1 to [`WEIGHT_MAX`], 1 (equal) unless a person says
/// otherwise.
pub const WEIGHT_MAX: u32 = 100;

/// Checks a weight as given.
pub fn parse_weight(weight: u32) -> Result<u32, Problem> {
    if (1..=WEIGHT_MAX).contains(&weight) {
        Ok(weight)
    } else {
        Err(Problem::Weight { max: WEIGHT_MAX })
    }
}

/// The codes of the IRM's "did it open government?" scale, as a self-assessment sends them.
pub const OPENED_GOVERNMENT_CODES: &[&str] =
    &["worsens", "didNotChange", "marginal", "major", "outstanding", "noEarlyResultsYet"];

/// The share of a commitment's work done, from its milestones (weight, latest status; `None`:
/// nothing reported, which counts as not started) and its own latest status: the weighted mean of
/// its milestones that are not withdrawn, or its own status when it has no milestone. `None` when
/// it does not count: withdrawn, or every milestone withdrawn.
pub fn commitment_share(milestones: &[(u32, Option<ProgressStatus>)], own: Option<ProgressStatus>) -> Option<f64> {
    if own == Some(ProgressStatus::Withdrawn) {
        return None;
    }
    if milestones.is_empty() {
        return own.map_or(Some(0.0), ProgressStatus::share);
    }
    weighted_share(milestones.iter().map(|(weight, status)| (*weight, status.map_or(Some(0.0), ProgressStatus::share))))
}

/// The step of the completion scale a commitment stands at when its institution has not said it
/// (no entry of its own timeline): read from its roll-up ([`commitment_share`]) by the IRM's
/// meaning of each step — nothing done is not started, less than half limited, half or more
/// substantial, everything complete; a commitment that does not count (every milestone
/// withdrawn) is withdrawn. The self-assessment report says when a level is derived this way,
/// and the rule's wording is a label (`SelfAssessmentLabels::completion_rule`).
pub fn completion_from_share(share: Option<f64>) -> ProgressStatus {
    // A mean of whole steps: allow for the rounding of thirds.
    const EPSILON: f64 = 1e-9;
    match share {
        None => ProgressStatus::Withdrawn,
        Some(share) if share <= EPSILON => ProgressStatus::NotStarted,
        Some(share) if share >= 1.0 - EPSILON => ProgressStatus::Complete,
        Some(share) if share >= 0.5 - EPSILON => ProgressStatus::Substantial,
        Some(_) => ProgressStatus::Limited,
    }
}

/// The weighted mean of the shares that count (`None`: withdrawn); `None` when none does.
pub fn weighted_share(items: impl IntoIterator<Item = (u32, Option<f64>)>) -> Option<f64> {
    let (mut sum, mut weights) = (0.0, 0u64);
    for (weight, share) in items {
        if let Some(share) = share {
            sum += f64::from(weight) * share;
            weights += u64::from(weight);
        }
    }
    (weights > 0).then(|| sum / weights as f64)
}

/// A share as the screens show it: a whole percentage.
pub fn percent(share: Option<f64>) -> Option<u32> {
    share.map(|s| (s * 100.0).round().clamp(0.0, 100.0) as u32)
}

/// A link given as evidence: what it is, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceLink {
    pub title: String,
    pub url: String,
}

impl EvidenceLink {
    /// Longest address accepted, in characters.
    pub const URL_MAX: usize = 2_000;

    /// Checks a link as typed: a title, and an `http(s)://` address without spaces. Returns it
    /// in the form stored (title on one line, both trimmed).
    pub fn parse(title: &str, url: &str) -> Result<EvidenceLink, (&'static str, Problem)> {
        let title = ShortText::parse_required(title).map_err(|p| ("title", p))?.into_string();
        let url = url.trim();
        if url.is_empty() {
            return Err(("url", Problem::Required));
        }
        let len = url.chars().count();
        if len > Self::URL_MAX {
            return Err(("url", Problem::TooLong { max: Self::URL_MAX, len }));
        }
        let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
        let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
        if host.is_none_or(str::is_empty) || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(("url", Problem::Url));
        }
        Ok(EvidenceLink { title, url: url.to_string() })
    }
}

/// A progress report as stored: an entry of its milestone's (or commitment's) timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub id: ReportId,
    pub commitment_id: CommitmentId,
    /// The milestone reported on; none for a report on the commitment as a whole.
    pub milestone_id: Option<MilestoneId>,
    /// The date the report describes (never after the day it was written).
    pub reported_on: NaiveDate,
    pub status: ProgressStatus,
    /// What was done.
    pub done: String,
    pub difficulties: String,
    pub next_steps: String,
    /// On a commitment: the institution's account of its results (the OGP's "early results").
    pub results: String,
    /// On a commitment: did it open government, in the institution's own assessment.
    pub opened_government: Option<OpenedGovernment>,
    pub links: Vec<EvidenceLink>,
    /// Files given as evidence, named by their content's SHA-256.
    pub files: Vec<EvidenceFile>,
    /// The earlier entry this one corrects, which stays readable.
    pub corrects: Option<ReportId>,
    /// Who signed it: the person (their account on the central plan API) and their name.
    #[ts(type = "string")]
    pub author_id: Uuid,
    pub author_name: String,
    /// The institution that carries the record, in whose name the report is made.
    pub institution_id: InstitutionId,
    /// Made by the coordination on the carrying institution's behalf.
    pub on_behalf: bool,
    /// When this laptop stored it (written here, or received), by its clock: never used to
    /// order entries.
    pub created_at: DateTime<Utc>,
}

/// A milestone's timeline and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneProgress {
    pub milestone_id: MilestoneId,
    pub weight: u32,
    /// Its latest entry's status; none reported yet (which counts as not started).
    pub status: Option<ProgressStatus>,
    /// Its share of the work done, as a whole percentage; none when withdrawn.
    pub percent: Option<u32>,
    /// Newest first.
    pub reports: Vec<Report>,
}

/// How a report written now on a commitment would be signed, or why none can be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ReportSignature {
    Signed {
        author_name: String,
        institution_name: String,
        on_behalf: bool,
    },
    /// The reason, in the interface's language.
    Refused {
        reason: String,
    },
}

/// A commitment's follow-up: its own timeline (the institution's account of its results) and its
/// milestones', and how far along it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommitmentProgress {
    pub commitment_id: CommitmentId,
    pub weight: u32,
    /// The latest status of its own timeline.
    pub status: Option<ProgressStatus>,
    /// Its share of the work done ([`commitment_share`]), as a whole percentage; none when it
    /// does not count (withdrawn).
    pub percent: Option<u32>,
    /// Its own entries, newest first.
    pub reports: Vec<Report>,
    pub milestones: Vec<MilestoneProgress>,
    pub signature: ReportSignature,
    /// Where each file the reports name stands on this laptop, by SHA-256 (absent: nothing of it
    /// here yet).
    pub files: std::collections::BTreeMap<String, crate::evidence::FileAvailability>,
}

/// What a person types to report progress.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportInput {
    pub commitment_id: CommitmentId,
    pub milestone_id: Option<MilestoneId>,
    /// `YYYY-MM-DD`.
    pub reported_on: String,
    /// Empty when the person chose none.
    pub status: Option<ProgressStatus>,
    pub done: String,
    pub difficulties: String,
    pub next_steps: String,
    pub results: String,
    pub opened_government: Option<OpenedGovernment>,
    /// Links as typed: (title, address).
    pub links: Vec<EvidenceLink>,
    /// Files attached (each kept on this laptop by `attach_evidence_file` first).
    pub files: Vec<EvidenceFile>,
    pub corrects: Option<ReportId>,
}

/// A report's fields, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidReport {
    pub reported_on: NaiveDate,
    pub status: ProgressStatus,
    pub done: LongText,
    pub difficulties: LongText,
    pub next_steps: LongText,
    pub results: LongText,
    pub opened_government: Option<OpenedGovernment>,
    pub links: Vec<EvidenceLink>,
    pub files: Vec<EvidenceFile>,
}

impl ReportInput {
    /// Most links one report may carry.
    pub const LINKS_MAX: usize = 50;

    /// Checks every field and reports all problems at once. `today` is the laptop's date (a
    /// report describes what happened, never the future); `previous` is the status of the
    /// latest entry of the same timeline, if any: going back from "complete" needs a word of
    /// explanation in "what was done" or "difficulties".
    pub fn parse(&self, today: NaiveDate, previous: Option<ProgressStatus>) -> Result<ValidReport, Vec<Invalid>> {
        let mut problems = Problems::default();
        let reported_on = problems.check(
            "reportedOn",
            parse_required_date(&self.reported_on).and_then(|d| {
                if d > today {
                    Err(Problem::FutureDate { today })
                } else {
                    Ok(d)
                }
            }),
        );
        let status = problems.check("status", self.status.ok_or(Problem::Required));
        let done = problems.check("done", LongText::parse(&self.done));
        let difficulties = problems.check("difficulties", LongText::parse(&self.difficulties));
        let next_steps = problems.check("nextSteps", LongText::parse(&self.next_steps));
        let results = problems.check("results", LongText::parse(&self.results));
        if self.links.len() > Self::LINKS_MAX {
            problems.push(Problem::TooMany { max: Self::LINKS_MAX }.on("links"));
        }
        let mut links = Vec::new();
        for (i, link) in self.links.iter().enumerate() {
            match EvidenceLink::parse(&link.title, &link.url) {
                Ok(link) => links.push(link),
                Err((part, problem)) => problems.push(
                    Problem::Link { number: i + 1, address: part == "url", problem: Box::new(problem) }.on("links"),
                ),
            }
        }
        if let (Some(ProgressStatus::Complete), Some(status), Some(done), Some(difficulties)) =
            (previous, status, &done, &difficulties)
        {
            if status != ProgressStatus::Complete && done.as_str().is_empty() && difficulties.as_str().is_empty() {
                problems.push(Problem::LeavesComplete.on("difficulties"));
            }
        }
        if self.files.len() > EvidenceFile::MAX_PER_REPORT {
            problems.push(Problem::TooMany { max: EvidenceFile::MAX_PER_REPORT }.on("files"));
        }
        problems.finish()?;
        match (reported_on, status, done, difficulties, next_steps, results) {
            (Some(reported_on), Some(status), Some(done), Some(difficulties), Some(next_steps), Some(results)) => {
                Ok(ValidReport {
                    reported_on,
                    status,
                    done,
                    difficulties,
                    next_steps,
                    results,
                    opened_government: self.opened_government,
                    links,
                    files: self.files.clone(),
                })
            }
            _ => unreachable!("every missing value recorded a problem"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    fn input(status: Option<ProgressStatus>) -> ReportInput {
        ReportInput {
            commitment_id: CommitmentId::new(),
            milestone_id: None,
            reported_on: "2024-03-01".into(),
            status,
            done: String::new(),
            difficulties: String::new(),
            next_steps: String::new(),
            results: String::new(),
            opened_government: None,
            links: Vec::new(),
            files: Vec::new(),
            corrects: None,
        }
    }

    fn fields(result: Result<ValidReport, Vec<Invalid>>) -> Vec<(&'static str, Problem)> {
        result.expect_err("refused").into_iter().map(|i| (i.field, i.problem)).collect()
    }

    #[test]
    fn codes_are_the_serialised_names() {
        for status in ProgressStatus::ALL {
            assert_eq!(serde_json::to_value(status).expect("json"), serde_json::json!(status.code()));
            assert_eq!(ProgressStatus::from_code(status.code()), Some(status));
        }
        let opened: Vec<String> = OpenedGovernment::ALL
            .iter()
            .map(|v| serde_json::to_value(v).expect("json").as_str().expect("text").to_string())
            .collect();
        assert_eq!(opened, OPENED_GOVERNMENT_CODES);
    }

    #[test]
    fn a_report_describes_the_past_with_a_status() {
        let today = day("2024-03-01");
        assert!(input(Some(ProgressStatus::Limited)).parse(today, None).is_ok());
        let mut future = input(None);
        future.reported_on = "2024-03-02".into();
        assert_eq!(
            fields(future.parse(today, None)),
            vec![("reportedOn", Problem::FutureDate { today }), ("status", Problem::Required)]
        );
        let message = Problem::FutureDate { today }.message(Locale::Fr);
        assert!(message.contains("01/03/2024"), "{message}");
    }

    #[test]
    fn going_back_from_complete_needs_a_word() {
        let today = day("2024-03-01");
        let back = input(Some(ProgressStatus::Substantial));
        assert_eq!(
            fields(back.parse(today, Some(ProgressStatus::Complete))),
            vec![("difficulties", Problem::LeavesComplete)]
        );
        let mut explained = back.clone();
        explained.difficulties = "Le site a été fermé par erreur.".into();
        assert!(explained.parse(today, Some(ProgressStatus::Complete)).is_ok());
        assert!(input(Some(ProgressStatus::Complete)).parse(today, Some(ProgressStatus::Complete)).is_ok());
        assert!(back.parse(today, Some(ProgressStatus::Limited)).is_ok());
    }

    #[test]
    fn links_are_web_addresses_with_a_title() {
        assert!(EvidenceLink::parse("Décret", "https://www.legifrance.gouv.fr/jorf/id/1").is_ok());
        assert_eq!(EvidenceLink::parse("", "https://a.fr").map_err(|e| e.1), Err(Problem::Required));
        for bad in ["legifrance.gouv.fr", "https://", "javascript:alert(1)", "https://a.fr/un espace", "ftp://a.fr"] {
            assert_eq!(EvidenceLink::parse("Titre", bad), Err(("url", Problem::Url)), "{bad}");
        }
        let mut report = input(Some(ProgressStatus::Limited));
        report.links = vec![
            EvidenceLink { title: "Bon".into(), url: "https://a.fr".into() },
            EvidenceLink { title: "Mauvais".into(), url: "a.fr".into() },
        ];
        let refused = fields(report.parse(day("2024-03-01"), None));
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].0, "links");
        assert!(refused[0].1.message(Locale::Fr).starts_with("Lien 2 (adresse) : Adresse web invalide"));
    }

    #[test]
    fn a_commitment_is_the_weighted_mean_of_its_milestones() {
        use ProgressStatus::*;
        // Complete (weight 2), limited, nothing reported: (2 × 1 + 1 × ⅓ + 0) / 4.
        let share = commitment_share(&[(2, Some(Complete)), (1, Some(Limited)), (1, None)], None);
        assert_eq!(percent(share), Some(58));
        // A withdrawn milestone does not count; the commitment's own status is not used then.
        assert_eq!(percent(commitment_share(&[(1, Some(Withdrawn)), (1, Some(Complete))], Some(Limited))), Some(100));
        assert_eq!(commitment_share(&[(1, Some(Withdrawn))], None), None);
        // Without milestones, its own latest status; nothing reported is not started.
        assert_eq!(percent(commitment_share(&[], Some(Substantial))), Some(67));
        assert_eq!(percent(commitment_share(&[], None)), Some(0));
        assert_eq!(commitment_share(&[(1, Some(Complete))], Some(Withdrawn)), None);
        // Areas and plans: the weighted mean of what counts.
        assert_eq!(percent(weighted_share([(3, Some(1.0)), (1, Some(0.0)), (5, None)])), Some(75));
        assert_eq!(weighted_share([(1, None)]), None);
    }

    #[test]
    fn a_completion_level_is_derived_from_the_roll_up_by_the_irms_meaning_of_each_step() {
        use ProgressStatus::*;
        let derived =
            |milestones: &[(u32, Option<ProgressStatus>)]| completion_from_share(commitment_share(milestones, None));
        assert_eq!(derived(&[(1, None), (1, Some(NotStarted))]), NotStarted);
        assert_eq!(derived(&[(1, Some(Limited))]), Limited);
        // A half: substantial; just under: limited.
        assert_eq!(derived(&[(1, Some(Complete)), (1, None)]), Substantial);
        assert_eq!(derived(&[(1, Some(Complete)), (1, Some(NotStarted)), (1, Some(Limited))]), Limited);
        assert_eq!(derived(&[(1, Some(Substantial))]), Substantial);
        assert_eq!(derived(&[(3, Some(Complete)), (1, Some(Withdrawn))]), Complete);
        assert_eq!(derived(&[(1, Some(Withdrawn))]), Withdrawn);
        // The rule as the report words it says the same thresholds.
        let rule = crate::labels::SelfAssessmentLabels::FR.completion_rule;
        assert!(rule.contains("moins de 50 % limité") && rule.contains("100 % achevé"), "{rule}");
    }

    #[test]
    fn the_scale_rolls_up_in_equal_steps_and_withdrawn_does_not_count() {
        let shares: Vec<Option<f64>> = ProgressStatus::ALL.iter().map(|s| s.share()).collect();
        assert_eq!(shares, vec![Some(0.0), Some(1.0 / 3.0), Some(2.0 / 3.0), Some(1.0), None]);
        assert_eq!(ProgressStatus::Complete.label(Locale::Fr), "Achevé");
    }
}
