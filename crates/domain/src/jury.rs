//! The citizen jury of the accelerator of citizen initiatives (*accélérateur d'initiatives
//! citoyennes*): a jury of at most [`JURORS_MAX`] citizens scores the applications of a cohort on
//! five criteria ([`JuryCriterion`]), and at most [`SELECTION_MAX`] projects are selected per
//! cohort (the first cohort selected 9 out of 187 applications).
//!
//! What people type is parsed once, with every refused field named: a session
//! ([`JurySessionInput`]), a juror ([`JurorInput`]: the sixteenth is refused), an application
//! ([`JuryApplicationInput`]) and a juror's score sheet for one application
//! ([`ScoreSheetInput`]): five whole scores from 0 to [`SCORE_MAX`], or an abstention for a
//! declared conflict of interest, with its reason.
//!
//! The ranking ([`rank`]) is computed here and only here, by the rule the interface shows next to
//! it (`JuryLabels::rule`, [`crate::labels::JuryLabels`]):
//!
//! - an application's score is the mean, over the jurors who scored it (abstentions excluded), of
//!   their total out of 25; each criterion's mean likewise. Means are kept exact ([`JuryMean`]:
//!   a sum and a count) and compared exactly, by cross-multiplication; two decimals are only for
//!   display;
//! - applications are ranked by score, highest first; exactly equal scores share a rank
//!   (1, 2, 2, 4) and are listed by title (alphabetical, accents and case ignored). Nothing
//!   breaks a tie automatically;
//! - the quorum is half the session's jurors, rounded up ([`quorum`]): an application scored by
//!   fewer is "quorum not reached" and never selected. An application nobody scored is listed
//!   apart ("not scored");
//! - places go in ranking order to the applications that reach the quorum. When tied
//!   applications straddle the last place, none of them is selected: they are "tied, for the jury
//!   to decide", and the ranking says how many places remain to decide.

use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::id::{InstitutionId, JurorId, JuryApplicationId, JurySessionId, PlanId};
use crate::invalid::{Invalid, Problem, Problems};
use crate::labels::{JuryCriterionLabels, JuryLabels};
use crate::locale::Locale;
use crate::overview::{InstitutionRef, ReadOnly};
use crate::period::parse_required_date;
use crate::text::{folded, Email, LongText, ShortText, Title};

/// Most jurors a session may have.
pub const JURORS_MAX: usize = 15;

/// Most projects a cohort may select; also the number of places of a session unless it says
/// fewer.
pub const SELECTION_MAX: u32 = 10;

/// The highest score of one criterion; the lowest is 0.
pub const SCORE_MAX: u8 = 5;

/// The highest total of one juror for one application: every criterion at [`SCORE_MAX`].
pub const TOTAL_MAX: u32 = SCORE_MAX as u32 * JuryCriterion::ALL.len() as u32;

/// One of the five criteria the jury scores an application on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum JuryCriterion {
    /// « Objectif d'intérêt général ».
    GeneralInterest,
    /// « Impact pour tous ».
    ImpactForAll,
    /// « Qualité du projet ».
    ProjectQuality,
    /// « Ouverture et transparence ».
    Openness,
    /// « Valeur ajoutée de l'accompagnement de l'État ».
    StateSupport,
}

impl JuryCriterion {
    /// Every criterion, in the order of the score sheet.
    pub const ALL: [JuryCriterion; 5] = [
        JuryCriterion::GeneralInterest,
        JuryCriterion::ImpactForAll,
        JuryCriterion::ProjectQuality,
        JuryCriterion::Openness,
        JuryCriterion::StateSupport,
    ];

    /// The codes as sent and stored, in the order of [`JuryCriterion::ALL`]. A refused score is
    /// reported on the field named by its criterion's code.
    pub const CODES: &'static [&'static str] =
        &["generalInterest", "impactForAll", "projectQuality", "openness", "stateSupport"];

    pub fn code(self) -> &'static str {
        Self::CODES[self as usize]
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::CODES.iter().position(|c| *c == code).map(|i| Self::ALL[i])
    }

    pub fn label(self, locale: Locale) -> &'static str {
        let labels = JuryCriterionLabels::of(locale);
        match self {
            JuryCriterion::GeneralInterest => labels.general_interest,
            JuryCriterion::ImpactForAll => labels.impact_for_all,
            JuryCriterion::ProjectQuality => labels.project_quality,
            JuryCriterion::Openness => labels.openness,
            JuryCriterion::StateSupport => labels.state_support,
        }
    }
}

/// The half of the session's jurors, rounded up, who must have scored an application for it to
/// be selected (abstentions do not count): 8 of 15, 3 of 5, 2 of 4.
pub fn quorum(jurors: usize) -> u32 {
    u32::try_from(jurors.div_ceil(2)).unwrap_or(u32::MAX)
}

// --- Sessions -----------------------------------------------------------------------------

/// A session of the jury: one cohort's selection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JurySession {
    pub id: JurySessionId,
    pub plan_id: PlanId,
    /// The institution that runs it: it alone holds the session, its jurors, applications and
    /// scores.
    pub institution_id: InstitutionId,
    /// The cohort, in the coordination's words (« Promotion 2 — printemps 2025 »).
    pub title: String,
    pub held_on: NaiveDate,
    /// How many projects it selects, from 1 to [`SELECTION_MAX`].
    pub places: u32,
}

/// What the coordinator types to open a session (or change it).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JurySessionInput {
    pub title: String,
    /// `YYYY-MM-DD`.
    pub held_on: String,
    /// Places to fill; none: [`SELECTION_MAX`].
    pub places: Option<u32>,
}

/// A session's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidJurySession {
    pub title: Title,
    pub held_on: NaiveDate,
    pub places: u32,
}

impl JurySessionInput {
    /// Checks every field and reports all problems at once: a title, a date, and from 1 to
    /// [`SELECTION_MAX`] places (none given: [`SELECTION_MAX`]).
    pub fn parse(&self) -> Result<ValidJurySession, Vec<Invalid>> {
        let mut problems = Problems::default();
        let title = problems.check("title", Title::parse(&self.title));
        let held_on = problems.check("heldOn", parse_required_date(&self.held_on));
        let places = problems.check(
            "places",
            match self.places {
                None => Ok(SELECTION_MAX),
                Some(places) if (1..=SELECTION_MAX).contains(&places) => Ok(places),
                Some(_) => Err(Problem::Places { max: SELECTION_MAX }),
            },
        );
        problems.finish()?;
        match (title, held_on, places) {
            (Some(title), Some(held_on), Some(places)) => Ok(ValidJurySession { title, held_on, places }),
            _ => unreachable!("every missing value recorded a problem"),
        }
    }
}

// --- Jurors -------------------------------------------------------------------------------

/// A juror of a session, known by the name or pseudonym they chose (nothing more is collected).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Juror {
    pub id: JurorId,
    pub session_id: JurySessionId,
    pub name: String,
}

/// What the coordinator types to add a juror (or rename one).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JurorInput {
    /// A display name or a pseudonym.
    pub name: String,
}

/// A juror's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidJuror {
    pub name: ShortText,
}

impl JurorInput {
    /// Checks the name against the session's other jurors (`jurors`; without this one when
    /// renaming): a name, not one another juror goes by (case and accents ignored), and a place
    /// left in the jury — the juror after the [`JURORS_MAX`]th is refused.
    pub fn parse(&self, jurors: &[Juror]) -> Result<ValidJuror, Vec<Invalid>> {
        let mut problems = Problems::default();
        if jurors.len() >= JURORS_MAX {
            problems.push(Problem::JuryFull { max: JURORS_MAX }.on("name"));
        }
        let name = problems.check(
            "name",
            ShortText::parse_required(&self.name).and_then(|name| {
                let key = folded(name.as_str());
                if jurors.iter().any(|juror| folded(&juror.name) == key) {
                    Err(Problem::SameJurorName)
                } else {
                    Ok(name)
                }
            }),
        );
        problems.finish()?;
        match name {
            Some(name) => Ok(ValidJuror { name }),
            None => unreachable!("every missing value recorded a problem"),
        }
    }
}

// --- Applications -------------------------------------------------------------------------

/// An application (*candidature*) a session examines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JuryApplication {
    pub id: JuryApplicationId,
    pub session_id: JurySessionId,
    pub title: String,
    /// Who carries the project: a person or an organisation.
    pub applicant: String,
    pub summary: String,
    /// Empty: none given.
    pub contact_email: String,
    /// Its reference in the file it came from (the call for applications' numbering); empty:
    /// none.
    pub reference: String,
}

/// An application as typed, or as read from a row of an applications file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JuryApplicationInput {
    pub title: String,
    pub applicant: String,
    pub summary: String,
    pub contact_email: String,
    pub reference: String,
}

/// An application's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidJuryApplication {
    pub title: Title,
    pub applicant: ShortText,
    /// May be empty.
    pub summary: LongText,
    /// May be empty.
    pub contact_email: Email,
    /// May be empty.
    pub reference: ShortText,
}

impl JuryApplicationInput {
    /// Longest reference accepted, in characters.
    pub const REFERENCE_MAX: usize = 100;

    /// Checks every field and reports all problems at once: a title and an applicant are
    /// required; the summary, the contact e-mail (checked for shape) and the reference are not.
    pub fn parse(&self) -> Result<ValidJuryApplication, Vec<Invalid>> {
        let mut problems = Problems::default();
        let title = problems.check("title", Title::parse(&self.title));
        let applicant = problems.check("applicant", ShortText::parse_required(&self.applicant));
        let summary = problems.check("summary", LongText::parse(&self.summary));
        let contact_email = problems.check("contactEmail", Email::parse(&self.contact_email));
        let reference = problems.check("reference", ShortText::parse_max(&self.reference, Self::REFERENCE_MAX));
        problems.finish()?;
        match (title, applicant, summary, contact_email, reference) {
            (Some(title), Some(applicant), Some(summary), Some(contact_email), Some(reference)) => {
                Ok(ValidJuryApplication { title, applicant, summary, contact_email, reference })
            }
            _ => unreachable!("every missing value recorded a problem"),
        }
    }
}

// --- Score sheets -------------------------------------------------------------------------

/// A juror's five scores for one application, each a whole number from 0 to [`SCORE_MAX`]: the
/// range is checked when they are made ([`JuryScores::new`], [`ScoreSheetInput::parse`]) and when
/// they are read back from JSON. Serialised with the criteria's codes as keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", try_from = "RawScores")]
pub struct JuryScores {
    general_interest: u8,
    impact_for_all: u8,
    project_quality: u8,
    openness: u8,
    state_support: u8,
}

/// [`JuryScores`] as read, before their range is checked.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawScores {
    general_interest: u8,
    impact_for_all: u8,
    project_quality: u8,
    openness: u8,
    state_support: u8,
}

impl TryFrom<RawScores> for JuryScores {
    type Error = String;

    fn try_from(raw: RawScores) -> Result<Self, String> {
        JuryScores::new([
            raw.general_interest,
            raw.impact_for_all,
            raw.project_quality,
            raw.openness,
            raw.state_support,
        ])
        .map_err(|criterion| format!("the score of {} is above {SCORE_MAX}", criterion.code()))
    }
}

impl JuryScores {
    /// The scores in the order of [`JuryCriterion::ALL`]; the first criterion whose score is
    /// above [`SCORE_MAX`] otherwise.
    pub fn new(scores: [u8; 5]) -> Result<Self, JuryCriterion> {
        if let Some(i) = scores.iter().position(|s| *s > SCORE_MAX) {
            return Err(JuryCriterion::ALL[i]);
        }
        let [general_interest, impact_for_all, project_quality, openness, state_support] = scores;
        Ok(JuryScores { general_interest, impact_for_all, project_quality, openness, state_support })
    }

    pub fn get(&self, criterion: JuryCriterion) -> u8 {
        match criterion {
            JuryCriterion::GeneralInterest => self.general_interest,
            JuryCriterion::ImpactForAll => self.impact_for_all,
            JuryCriterion::ProjectQuality => self.project_quality,
            JuryCriterion::Openness => self.openness,
            JuryCriterion::StateSupport => self.state_support,
        }
    }

    /// The sum of the five scores, out of [`TOTAL_MAX`].
    pub fn total(&self) -> u32 {
        JuryCriterion::ALL.iter().map(|c| u32::from(self.get(*c))).sum()
    }
}

/// What a juror decided for one application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum JuryVerdict {
    Scored {
        scores: JuryScores,
    },
    /// The juror declared a conflict of interest and did not score.
    Abstained {
        reason: String,
    },
}

/// One juror's score sheet for one application. A juror has at most one per application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScoreSheet {
    pub juror_id: JurorId,
    pub application_id: JuryApplicationId,
    pub verdict: JuryVerdict,
}

/// One score as typed.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CriterionScore {
    pub criterion: JuryCriterion,
    pub score: i32,
}

/// What a juror hands in: scores, or an abstention.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum VerdictInput {
    /// One score per criterion; a criterion left out is missing.
    Scores { scores: Vec<CriterionScore> },
    /// A declared conflict of interest, with its reason.
    Abstention { reason: String },
}

/// A score sheet as typed.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScoreSheetInput {
    pub juror_id: JurorId,
    pub application_id: JuryApplicationId,
    pub verdict: VerdictInput,
}

impl ScoreSheetInput {
    /// Longest reason for an abstention, in characters: a short statement, not a file.
    pub const REASON_MAX: usize = 300;

    /// Checks the sheet against its session's jurors, applications and sheets already handed in
    /// (`sheets`; without the one this input corrects, if it does), and reports all problems at
    /// once: a juror and an application of the session (`jurorId`, `applicationId`); no second
    /// sheet from the juror for the application (`applicationId`); with scores, each of the five
    /// criteria scored once with a whole number from 0 to [`SCORE_MAX`] (reported on the
    /// criterion's code, `generalInterest`…); with an abstention, its reason (`reason`).
    pub fn parse(
        &self,
        jurors: &[Juror],
        applications: &[JuryApplication],
        sheets: &[ScoreSheet],
    ) -> Result<ScoreSheet, Vec<Invalid>> {
        let mut problems = Problems::default();
        if !jurors.iter().any(|j| j.id == self.juror_id) {
            problems.push(Problem::UnknownReference.on("jurorId"));
        }
        if !applications.iter().any(|a| a.id == self.application_id) {
            problems.push(Problem::UnknownReference.on("applicationId"));
        } else if sheets.iter().any(|s| s.juror_id == self.juror_id && s.application_id == self.application_id) {
            problems.push(Problem::AlreadyScored.on("applicationId"));
        }
        let verdict = match &self.verdict {
            VerdictInput::Scores { scores } => {
                let mut given: [Option<u8>; 5] = [None; 5];
                let mut twice = HashSet::new();
                for score in scores {
                    let slot = &mut given[score.criterion as usize];
                    if slot.is_some() {
                        twice.insert(score.criterion);
                        continue;
                    }
                    match u8::try_from(score.score) {
                        Ok(value) if value <= SCORE_MAX => *slot = Some(value),
                        _ => {
                            // Marks the criterion as given, so that it is not also "missing".
                            *slot = Some(u8::MAX);
                            problems.push(Problem::Score { max: SCORE_MAX }.on(score.criterion.code()));
                        }
                    }
                }
                for criterion in JuryCriterion::ALL {
                    if twice.contains(&criterion) {
                        problems.push(Problem::ScoredTwice.on(criterion.code()));
                    } else if given[criterion as usize].is_none() {
                        problems.push(Problem::Required.on(criterion.code()));
                    }
                }
                match given {
                    [Some(a), Some(b), Some(c), Some(d), Some(e)] => {
                        JuryScores::new([a, b, c, d, e]).ok().map(|scores| JuryVerdict::Scored { scores })
                    }
                    _ => None,
                }
            }
            VerdictInput::Abstention { reason } => problems
                .check(
                    "reason",
                    ShortText::parse_max(reason, Self::REASON_MAX).and_then(|reason| {
                        if reason.as_str().is_empty() {
                            Err(Problem::Required)
                        } else {
                            Ok(reason)
                        }
                    }),
                )
                .map(|reason| JuryVerdict::Abstained { reason: reason.into_string() }),
        };
        problems.finish()?;
        match verdict {
            Some(verdict) => Ok(ScoreSheet { juror_id: self.juror_id, application_id: self.application_id, verdict }),
            None => unreachable!("every missing value recorded a problem"),
        }
    }
}

// --- Ranking ------------------------------------------------------------------------------

/// A mean kept exact, `sum / count` (`count` at least 1), with its value in hundredths rounded
/// half up for display. Two means are equal, and ordered, by their exact values: `47 / 3` equals
/// `94 / 6`, and `169 / 12` (14.083…) is above `183 / 13` (14.077…) though both show as 14.08.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JuryMean {
    sum: u32,
    count: u32,
    /// The mean × 100, rounded half up: what the interface shows with two decimals.
    hundredths: u32,
}

impl JuryMean {
    /// The mean of values summing to `sum` over `count` of them; none of nothing.
    pub fn new(sum: u32, count: u32) -> Option<Self> {
        if count == 0 {
            return None;
        }
        let (sum64, count64) = (u64::from(sum), u64::from(count));
        let hundredths = (sum64 * 200 + count64) / (count64 * 2);
        Some(JuryMean { sum, count, hundredths: u32::try_from(hundredths).unwrap_or(u32::MAX) })
    }

    pub fn sum(&self) -> u32 {
        self.sum
    }

    pub fn count(&self) -> u32 {
        self.count
    }

    /// The mean × 100, rounded half up.
    pub fn hundredths(&self) -> u32 {
        self.hundredths
    }

    /// With two decimals, as the interface shows it: `15,67` in French, `15.67` in English.
    pub fn display(&self, locale: Locale) -> String {
        let (units, cents) = (self.hundredths / 100, self.hundredths % 100);
        format!("{units}{}{cents:02}", locale.pick(",", "."))
    }
}

impl PartialEq for JuryMean {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for JuryMean {}

impl PartialOrd for JuryMean {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for JuryMean {
    /// `a / b` against `c / d` as `a × d` against `c × b`: exact, no rounding.
    fn cmp(&self, other: &Self) -> Ordering {
        (u64::from(self.sum) * u64::from(other.count)).cmp(&(u64::from(other.sum) * u64::from(self.count)))
    }
}

/// Where a ranked application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Standing {
    /// « Retenue ».
    Selected,
    /// « Ex æquo à départager »: tied with others for the last places; the jury decides.
    TieToBreak,
    /// « Non retenue »: ranked after the places.
    NotSelected,
    /// « Quorum non atteint »: scored by fewer jurors than the quorum; never selected.
    QuorumNotMet,
}

impl Standing {
    pub fn label(self, locale: Locale) -> &'static str {
        let labels = JuryLabels::of(locale);
        match self {
            Standing::Selected => labels.selected,
            Standing::TieToBreak => labels.tie_to_break,
            Standing::NotSelected => labels.not_selected,
            Standing::QuorumNotMet => labels.quorum_not_met,
        }
    }
}

/// One criterion's mean for an application, out of [`SCORE_MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CriterionMean {
    pub criterion: JuryCriterion,
    pub mean: JuryMean,
}

/// An application at least one juror scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RankedApplication {
    pub application_id: JuryApplicationId,
    pub title: String,
    /// From 1; tied applications share it (1, 2, 2, 4).
    pub rank: u32,
    /// The mean of the scoring jurors' totals, out of [`TOTAL_MAX`].
    pub mean: JuryMean,
    /// Each criterion's mean, in the order of [`JuryCriterion::ALL`].
    pub criteria: Vec<CriterionMean>,
    /// Jurors who scored it.
    pub scored: u32,
    /// Jurors who abstained on it (conflict of interest).
    pub abstained: u32,
    pub standing: Standing,
}

/// An application no juror scored (« non notée »).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnscoredApplication {
    pub application_id: JuryApplicationId,
    pub title: String,
    /// Jurors who abstained on it.
    pub abstained: u32,
}

/// A session's ranking and selection, by the rule of `JuryLabels::rule`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JuryRanking {
    /// Places to fill.
    pub places: u32,
    /// The session's jurors.
    pub jurors: u32,
    /// Scoring jurors an application needs to be selected ([`quorum`]).
    pub quorum: u32,
    /// Applications scored at least once, by rank; tied ones by title.
    pub ranked: Vec<RankedApplication>,
    /// Applications no juror scored, in the order given.
    pub unscored: Vec<UnscoredApplication>,
    /// Applications selected.
    pub selected: u32,
    /// Places left for the jury to decide among the applications tied for them (0: none).
    pub places_to_decide: u32,
    /// Places left empty for want of applications that reach the quorum.
    pub places_unfilled: u32,
}

/// A session in the list of a plan's juries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JurySessionSummary {
    pub session: JurySession,
    pub institution: InstitutionRef,
    pub jurors: u32,
    pub applications: u32,
    /// Score sheets handed in (abstentions included).
    pub sheets: u32,
}

/// A juror, with how far they are in their scoring.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JurorView {
    pub juror: Juror,
    /// Sheets handed in, out of the session's applications.
    pub sheets: u32,
}

/// Everything a jury session's screen shows: its jurors, applications, every sheet handed in,
/// and the ranking computed from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JuryDetail {
    pub session: JurySession,
    pub institution: InstitutionRef,
    pub jurors: Vec<JurorView>,
    /// In the order they were added (an imported file's order).
    pub applications: Vec<JuryApplication>,
    pub sheets: Vec<ScoreSheet>,
    pub ranking: JuryRanking,
    /// Why this person may not change the session, if they may not.
    pub read_only: Option<ReadOnly>,
}

/// Applications read from a call's file and added to a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JuryApplicationsImported {
    pub added: u32,
    /// Rows whose reference the session has already (the same file imported again).
    pub already_there: u32,
}

/// One problem of a call's file of applications, where it is: the row as a spreadsheet numbers
/// it (the header is row 1) and the column as the file's header names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JuryFileProblem {
    /// None: the file as a whole (empty, not a CSV file, a column missing…).
    pub row: Option<u32>,
    pub column: Option<String>,
    /// In the interface's language, without its place.
    pub message: String,
}

/// A call's file of applications read and shown before anything is saved: imported whole, or
/// not at all while it has a problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JuryApplicationsPreview {
    pub file_name: String,
    /// Applications read (none when the file has problems).
    pub applications: u32,
    pub problems: Vec<JuryFileProblem>,
}

/// What the sheets say of one application.
#[derive(Debug)]
struct Tally<'a> {
    application: &'a JuryApplication,
    /// Its position in the list given, the last tie-break of the display order.
    position: usize,
    scored: u32,
    abstained: u32,
    total: u32,
    criteria: [u32; 5],
}

/// Ranks a session's applications and selects them (see the module's documentation and
/// `JuryLabels::rule`). Only the sheets of the session's `jurors` on its `applications` count;
/// were a juror to have two sheets for one application (which [`ScoreSheetInput::parse`]
/// refuses), only the later one would. The session's places count up to [`SELECTION_MAX`].
pub fn rank(
    session: &JurySession,
    jurors: &[Juror],
    applications: &[JuryApplication],
    sheets: &[ScoreSheet],
) -> JuryRanking {
    let places = session.places.min(SELECTION_MAX);
    let juror_ids: HashSet<JurorId> = jurors.iter().map(|j| j.id).collect();
    let quorum = quorum(juror_ids.len());

    // Each juror's latest sheet per application.
    let mut verdicts: BTreeMap<JuryApplicationId, BTreeMap<JurorId, &JuryVerdict>> = BTreeMap::new();
    for sheet in sheets.iter().filter(|s| juror_ids.contains(&s.juror_id)) {
        verdicts.entry(sheet.application_id).or_default().insert(sheet.juror_id, &sheet.verdict);
    }

    let mut tallies = Vec::new();
    let mut unscored = Vec::new();
    let mut seen = HashSet::new();
    for (position, application) in applications.iter().enumerate() {
        if !seen.insert(application.id) {
            continue;
        }
        let mut tally = Tally { application, position, scored: 0, abstained: 0, total: 0, criteria: [0; 5] };
        for verdict in verdicts.get(&application.id).into_iter().flat_map(BTreeMap::values) {
            match verdict {
                JuryVerdict::Scored { scores } => {
                    tally.scored += 1;
                    tally.total += scores.total();
                    for criterion in JuryCriterion::ALL {
                        tally.criteria[criterion as usize] += u32::from(scores.get(criterion));
                    }
                }
                JuryVerdict::Abstained { .. } => tally.abstained += 1,
            }
        }
        if tally.scored == 0 {
            unscored.push(UnscoredApplication {
                application_id: application.id,
                title: application.title.clone(),
                abstained: tally.abstained,
            });
        } else {
            tallies.push(tally);
        }
    }

    let mean = |t: &Tally| JuryMean::new(t.total, t.scored).expect("scored at least once");
    tallies.sort_by_cached_key(|t| (Reverse(mean(t)), folded(&t.application.title), t.position));

    let mut ranked: Vec<RankedApplication> = Vec::with_capacity(tallies.len());
    for (i, tally) in tallies.iter().enumerate() {
        let mean = mean(tally);
        let rank = match ranked.last() {
            Some(previous) if previous.mean == mean => previous.rank,
            _ => u32::try_from(i + 1).unwrap_or(u32::MAX),
        };
        ranked.push(RankedApplication {
            application_id: tally.application.id,
            title: tally.application.title.clone(),
            rank,
            mean,
            criteria: JuryCriterion::ALL
                .iter()
                .map(|c| CriterionMean {
                    criterion: *c,
                    mean: JuryMean::new(tally.criteria[*c as usize], tally.scored).expect("scored at least once"),
                })
                .collect(),
            scored: tally.scored,
            abstained: tally.abstained,
            standing: if tally.scored >= quorum { Standing::NotSelected } else { Standing::QuorumNotMet },
        });
    }

    // The places, in ranking order, to the applications that reach the quorum: a group of equal
    // means is selected whole when it fits in the places left, and left to the jury when it
    // straddles the last one.
    let eligible: Vec<(usize, JuryMean)> = ranked
        .iter()
        .enumerate()
        .filter(|(_, r)| r.standing != Standing::QuorumNotMet)
        .map(|(i, r)| (i, r.mean))
        .collect();
    let (mut left, mut selected, mut to_decide) = (places, 0, 0);
    for group in eligible.chunk_by(|a, b| a.1 == b.1) {
        let size = u32::try_from(group.len()).unwrap_or(u32::MAX);
        let standing = if left == 0 {
            Standing::NotSelected
        } else if size <= left {
            left -= size;
            selected += size;
            Standing::Selected
        } else {
            to_decide = left;
            left = 0;
            Standing::TieToBreak
        };
        for (i, _) in group {
            ranked[*i].standing = standing;
        }
    }

    JuryRanking {
        places,
        jurors: u32::try_from(juror_ids.len()).unwrap_or(u32::MAX),
        quorum,
        ranked,
        unscored,
        selected,
        places_to_decide: to_decide,
        places_unfilled: left,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::JuryLabels;

    fn session(places: u32) -> JurySession {
        JurySession {
            id: JurySessionId::new(),
            plan_id: PlanId::new(),
            institution_id: InstitutionId::new(),
            title: "Promotion 1".into(),
            held_on: NaiveDate::from_ymd_opt(2025, 3, 12).expect("a date"),
            places,
        }
    }

    fn jurors(session: &JurySession, n: usize) -> Vec<Juror> {
        (0..n).map(|i| Juror { id: JurorId::new(), session_id: session.id, name: format!("Juré {}", i + 1) }).collect()
    }

    fn application(session: &JurySession, title: &str) -> JuryApplication {
        JuryApplication {
            id: JuryApplicationId::new(),
            session_id: session.id,
            title: title.into(),
            applicant: "Association".into(),
            summary: String::new(),
            contact_email: String::new(),
            reference: String::new(),
        }
    }

    /// Five scores adding up to `total` (at most 25), as even as can be.
    fn scores(total: u32) -> JuryScores {
        assert!(total <= TOTAL_MAX);
        let (base, extra) = ((total / 5) as u8, (total % 5) as usize);
        let mut all = [base; 5];
        all.iter_mut().take(extra).for_each(|s| *s += 1);
        JuryScores::new(all).expect("in range")
    }

    fn scored(juror: &Juror, application: &JuryApplication, total: u32) -> ScoreSheet {
        ScoreSheet {
            juror_id: juror.id,
            application_id: application.id,
            verdict: JuryVerdict::Scored { scores: scores(total) },
        }
    }

    fn abstained(juror: &Juror, application: &JuryApplication) -> ScoreSheet {
        ScoreSheet {
            juror_id: juror.id,
            application_id: application.id,
            verdict: JuryVerdict::Abstained { reason: "Je suis membre de l'association.".into() },
        }
    }

    /// Sheets giving `application` the totals `totals`, one juror each from the first.
    fn sheets_for(jurors: &[Juror], application: &JuryApplication, totals: &[u32]) -> Vec<ScoreSheet> {
        assert!(totals.len() <= jurors.len());
        jurors.iter().zip(totals).map(|(juror, total)| scored(juror, application, *total)).collect()
    }

    fn standing_of(ranking: &JuryRanking, title: &str) -> (u32, Standing) {
        let entry = ranking.ranked.iter().find(|r| r.title == title).expect("ranked");
        (entry.rank, entry.standing)
    }

    fn fields<T: std::fmt::Debug>(result: Result<T, Vec<Invalid>>) -> Vec<(&'static str, Problem)> {
        result.expect_err("refused").into_iter().map(|i| (i.field, i.problem)).collect()
    }

    // --- Criteria and scale -------------------------------------------------------------

    #[test]
    fn criteria_codes_are_the_serialised_names_and_the_labels_keys() {
        for criterion in JuryCriterion::ALL {
            assert_eq!(serde_json::to_value(criterion).expect("json"), serde_json::json!(criterion.code()));
            assert_eq!(JuryCriterion::from_code(criterion.code()), Some(criterion));
        }
        let labels = serde_json::to_value(JuryCriterionLabels::FR).expect("json");
        let keys: Vec<&str> = labels.as_object().expect("object").keys().map(String::as_str).collect();
        let mut codes = JuryCriterion::CODES.to_vec();
        codes.sort_unstable();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, codes);
        let scores = serde_json::to_value(scores(25)).expect("json");
        let mut keys: Vec<&str> = scores.as_object().expect("object").keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, codes);
        assert_eq!(JuryCriterion::Openness.label(Locale::Fr), "Ouverture et transparence");
        assert_eq!(JuryCriterion::StateSupport.label(Locale::Fr), "Valeur ajoutée de l'accompagnement de l'État");
    }

    #[test]
    fn scores_run_from_0_to_5_per_criterion_and_25_in_all() {
        assert_eq!(TOTAL_MAX, 25);
        assert_eq!(JuryScores::new([5, 5, 5, 5, 5]).map(|s| s.total()), Ok(25));
        assert_eq!(JuryScores::new([0, 0, 0, 0, 0]).map(|s| s.total()), Ok(0));
        assert_eq!(JuryScores::new([5, 5, 6, 5, 5]), Err(JuryCriterion::ProjectQuality));
        // Read back from JSON, the range holds too.
        let json = serde_json::json!({"generalInterest": 1, "impactForAll": 2, "projectQuality": 3, "openness": 4, "stateSupport": 6});
        assert!(serde_json::from_value::<JuryScores>(json).is_err());
        let json = serde_json::json!({"generalInterest": 1, "impactForAll": 2, "projectQuality": 3, "openness": 4, "stateSupport": 5});
        let read: JuryScores = serde_json::from_value(json).expect("in range");
        assert_eq!((read.get(JuryCriterion::Openness), read.total()), (4, 15));
        // The scale as the interface words it.
        assert!(JuryLabels::FR.score_scale.contains("de 0 (pas du tout) à 5 (pleinement)"));
        assert!(JuryLabels::FR.score_scale.contains(&format!("sur {TOTAL_MAX}")));
        assert!(JuryLabels::EN.score_scale.contains(&format!("out of {TOTAL_MAX}")));
    }

    // --- Sessions, jurors, applications ----------------------------------------------------

    #[test]
    fn a_session_fills_from_1_to_10_places_and_10_by_default() {
        let input = |places| JurySessionInput { title: "Promotion 2".into(), held_on: "2025-06-30".into(), places };
        assert_eq!(input(None).parse().map(|s| s.places), Ok(10));
        assert_eq!(input(Some(1)).parse().map(|s| s.places), Ok(1));
        assert_eq!(input(Some(10)).parse().map(|s| s.places), Ok(10));
        assert_eq!(fields(input(Some(0)).parse()), vec![("places", Problem::Places { max: 10 })]);
        assert_eq!(fields(input(Some(11)).parse()), vec![("places", Problem::Places { max: 10 })]);
        let blank = JurySessionInput { title: " ".into(), held_on: "30/06/2025".into(), places: None };
        assert_eq!(fields(blank.parse()), vec![("title", Problem::Required), ("heldOn", Problem::Date)]);
        assert_eq!(
            Problem::Places { max: SELECTION_MAX }.message(Locale::Fr),
            "Le nombre de places à pourvoir est un nombre entier de 1 à 10."
        );
        assert!(JuryLabels::FR.places_hint.contains(&format!("1 à {SELECTION_MAX}")));
    }

    #[test]
    fn the_sixteenth_juror_is_refused() {
        let session = session(10);
        let fourteen = jurors(&session, 14);
        let fifteenth = JurorInput { name: "Camille".into() };
        assert_eq!(fifteenth.parse(&fourteen).map(|j| j.name.into_string()), Ok("Camille".to_string()));
        let fifteen = jurors(&session, JURORS_MAX);
        assert_eq!(fields(fifteenth.parse(&fifteen)), vec![("name", Problem::JuryFull { max: 15 })]);
        assert_eq!(
            Problem::JuryFull { max: JURORS_MAX }.message(Locale::Fr),
            "Le jury est complet : 15 jurés au plus par session."
        );
        assert!(JuryLabels::FR.jurors_hint.contains(&JURORS_MAX.to_string()));
    }

    #[test]
    fn a_juror_has_a_name_no_other_juror_goes_by() {
        let session = session(10);
        let present = jurors(&session, 2);
        assert_eq!(fields(JurorInput { name: "  ".into() }.parse(&present)), vec![("name", Problem::Required)]);
        assert_eq!(
            fields(JurorInput { name: "JURÉ  1".into() }.parse(&present)),
            vec![("name", Problem::SameJurorName)]
        );
        assert!(JurorInput { name: "Juré 3".into() }.parse(&present).is_ok());
        // Renaming a juror: the list given is without them.
        assert!(JurorInput { name: "Juré 1".into() }.parse(&present[1..]).is_ok());
    }

    #[test]
    fn an_application_has_a_title_and_an_applicant_and_a_well_formed_email_if_any() {
        let full = JuryApplicationInput {
            title: "Cartographie citoyenne des fontaines".into(),
            applicant: "Eau libre".into(),
            summary: "Recenser les points d'eau.\n\nEt les ouvrir.".into(),
            contact_email: "contact@eaulibre.org".into(),
            reference: "AIC-2025-017".into(),
        };
        let valid = full.parse().expect("valid");
        assert_eq!(valid.reference.as_str(), "AIC-2025-017");
        assert_eq!(valid.summary.as_str(), "Recenser les points d'eau.\n\nEt les ouvrir.");
        let minimal =
            JuryApplicationInput { title: "Projet".into(), applicant: "Collectif".into(), ..Default::default() };
        let valid = minimal.parse().expect("summary, e-mail and reference are optional");
        assert!(valid.contact_email.as_str().is_empty() && valid.reference.as_str().is_empty());
        let broken = JuryApplicationInput { contact_email: "contact@".into(), ..Default::default() };
        assert_eq!(
            fields(broken.parse()),
            vec![("title", Problem::Required), ("applicant", Problem::Required), ("contactEmail", Problem::Email)]
        );
        let long = JuryApplicationInput { reference: "R".repeat(101), ..minimal };
        assert_eq!(fields(long.parse()), vec![("reference", Problem::TooLong { max: 100, len: 101 })]);
    }

    // --- Score sheets ----------------------------------------------------------------------

    fn sheet_input(juror: &Juror, application: &JuryApplication, scores: &[(JuryCriterion, i32)]) -> ScoreSheetInput {
        ScoreSheetInput {
            juror_id: juror.id,
            application_id: application.id,
            verdict: VerdictInput::Scores {
                scores: scores
                    .iter()
                    .map(|(criterion, score)| CriterionScore { criterion: *criterion, score: *score })
                    .collect(),
            },
        }
    }

    fn five(values: [i32; 5]) -> Vec<(JuryCriterion, i32)> {
        JuryCriterion::ALL.into_iter().zip(values).collect()
    }

    #[test]
    fn a_score_sheet_gives_each_criterion_once_from_0_to_5() {
        let session = session(10);
        let jury = jurors(&session, 2);
        let apps = vec![application(&session, "A")];
        let parse = |input: ScoreSheetInput| input.parse(&jury, &apps, &[]);

        let sheet = parse(sheet_input(&jury[0], &apps[0], &five([0, 5, 3, 4, 2]))).expect("valid");
        match sheet.verdict {
            JuryVerdict::Scored { scores } => {
                assert_eq!(scores.total(), 14);
                assert_eq!(scores.get(JuryCriterion::ImpactForAll), 5);
            }
            other => panic!("scores expected, got {other:?}"),
        }
        // Out of range, both ways, on the criterion's own field.
        assert_eq!(
            fields(parse(sheet_input(&jury[0], &apps[0], &five([6, 5, 3, -1, 2])))),
            vec![("generalInterest", Problem::Score { max: 5 }), ("openness", Problem::Score { max: 5 })]
        );
        // A criterion missing; another given twice.
        let mut missing = five([1, 2, 3, 4, 5]);
        missing.remove(4);
        missing.push((JuryCriterion::ImpactForAll, 2));
        assert_eq!(
            fields(parse(sheet_input(&jury[0], &apps[0], &missing))),
            vec![("impactForAll", Problem::ScoredTwice), ("stateSupport", Problem::Required)]
        );
        assert_eq!(fields(parse(sheet_input(&jury[0], &apps[0], &[]))).len(), 5);
        assert_eq!(Problem::Score { max: SCORE_MAX }.message(Locale::Fr), "La note est un nombre entier de 0 à 5.");
    }

    #[test]
    fn a_juror_scores_an_application_once() {
        let session = session(10);
        let jury = jurors(&session, 2);
        let apps = vec![application(&session, "A")];
        let first = sheet_input(&jury[0], &apps[0], &five([1, 1, 1, 1, 1])).parse(&jury, &apps, &[]).expect("first");
        let again = sheet_input(&jury[0], &apps[0], &five([2, 2, 2, 2, 2]));
        assert_eq!(
            fields(again.parse(&jury, &apps, std::slice::from_ref(&first))),
            vec![("applicationId", Problem::AlreadyScored)]
        );
        // A correction is checked without the sheet it replaces; another juror may score it.
        assert!(again.parse(&jury, &apps, &[]).is_ok());
        assert!(sheet_input(&jury[1], &apps[0], &five([2, 2, 2, 2, 2])).parse(&jury, &apps, &[first]).is_ok());
        // Someone outside the jury, an application outside the session.
        let outsider = Juror { id: JurorId::new(), session_id: session.id, name: "X".into() };
        let elsewhere = application(&session, "B");
        assert_eq!(
            fields(sheet_input(&outsider, &elsewhere, &five([1, 1, 1, 1, 1])).parse(&jury, &apps, &[])),
            vec![("jurorId", Problem::UnknownReference), ("applicationId", Problem::UnknownReference)]
        );
    }

    #[test]
    fn an_abstention_declares_a_conflict_of_interest_with_its_reason() {
        let session = session(10);
        let jury = jurors(&session, 1);
        let apps = vec![application(&session, "A")];
        let abstain = |reason: &str| ScoreSheetInput {
            juror_id: jury[0].id,
            application_id: apps[0].id,
            verdict: VerdictInput::Abstention { reason: reason.into() },
        };
        let sheet = abstain(" Je préside  l'association ").parse(&jury, &apps, &[]).expect("valid");
        assert_eq!(sheet.verdict, JuryVerdict::Abstained { reason: "Je préside l'association".into() });
        assert_eq!(fields(abstain("  ").parse(&jury, &apps, &[])), vec![("reason", Problem::Required)]);
        assert_eq!(
            fields(abstain(&"a".repeat(301)).parse(&jury, &apps, &[])),
            vec![("reason", Problem::TooLong { max: 300, len: 301 })]
        );
    }

    // --- Means -----------------------------------------------------------------------------

    #[test]
    fn means_compare_exactly_and_show_two_decimals_rounded_half_up() {
        let mean = |sum, count| JuryMean::new(sum, count).expect("a mean");
        // 47/3 = 15.666…: the same value as 94/6 and 235/15, above 15.66 and below 15.67.
        assert_eq!(mean(47, 3), mean(94, 6));
        assert_eq!(mean(47, 3), mean(235, 15));
        assert_eq!(mean(47, 3).display(Locale::Fr), "15,67");
        assert_eq!(mean(47, 3).display(Locale::En), "15.67");
        // 169/12 = 14.0833… and 183/13 = 14.0769… both show 14.08, yet are not equal.
        assert_eq!(mean(169, 12).hundredths(), mean(183, 13).hundredths());
        assert!(mean(169, 12) > mean(183, 13));
        // Half up: 1/8 = 0.125 shows 0.13; 2/3 shows 0.67; 25 shows 25.00.
        assert_eq!(mean(1, 8).display(Locale::En), "0.13");
        assert_eq!(mean(2, 3).display(Locale::Fr), "0,67");
        assert_eq!(mean(25, 1).display(Locale::Fr), "25,00");
        assert_eq!(JuryMean::new(10, 0), None);
    }

    // --- Ranking ---------------------------------------------------------------------------

    #[test]
    fn an_abstention_is_left_out_of_the_means_divisor() {
        let session = session(10);
        let jury = jurors(&session, 4);
        let app = application(&session, "A");
        let mut sheets = sheets_for(&jury[..3], &app, &[20, 18, 16]);
        sheets.push(abstained(&jury[3], &app));
        let ranking = rank(&session, &jury, std::slice::from_ref(&app), &sheets);
        let entry = &ranking.ranked[0];
        // 54 / 3 = 18, not 54 / 4 = 13.5.
        assert_eq!((entry.mean.sum(), entry.mean.count()), (54, 3));
        assert_eq!(entry.mean.display(Locale::Fr), "18,00");
        assert_eq!((entry.scored, entry.abstained), (3, 1));
        // Per criterion: the totals 20, 18, 16 are (4,4,4,4,4), (4,4,4,3,3), (4,3,3,3,3).
        let criteria: Vec<(JuryCriterion, String)> =
            entry.criteria.iter().map(|c| (c.criterion, c.mean.display(Locale::En))).collect();
        assert_eq!(
            criteria,
            vec![
                (JuryCriterion::GeneralInterest, "4.00".to_string()),
                (JuryCriterion::ImpactForAll, "3.67".to_string()),
                (JuryCriterion::ProjectQuality, "3.67".to_string()),
                (JuryCriterion::Openness, "3.33".to_string()),
                (JuryCriterion::StateSupport, "3.33".to_string()),
            ]
        );
    }

    #[test]
    fn equal_means_share_a_rank_and_the_next_rank_skips() {
        let session = session(10);
        let jury = jurors(&session, 3);
        let apps: Vec<JuryApplication> =
            ["Delta", "Charlie", "bravo", "Alpha"].iter().map(|t| application(&session, t)).collect();
        let mut sheets = Vec::new();
        sheets.extend(sheets_for(&jury, &apps[3], &[25, 25, 25])); // Alpha 25
        sheets.extend(sheets_for(&jury, &apps[1], &[20, 20, 20])); // Charlie 20
        sheets.extend(sheets_for(&jury, &apps[2], &[21, 19, 20])); // bravo 20
        sheets.extend(sheets_for(&jury, &apps[0], &[10, 10, 10])); // Delta 10
        let ranking = rank(&session, &jury, &apps, &sheets);
        let order: Vec<(&str, u32)> = ranking.ranked.iter().map(|r| (r.title.as_str(), r.rank)).collect();
        // Tied ones by title, case ignored (not in the order given, nor by byte: `b` > `C`).
        assert_eq!(order, vec![("Alpha", 1), ("bravo", 2), ("Charlie", 2), ("Delta", 4)]);
        assert!(ranking.ranked.iter().all(|r| r.standing == Standing::Selected));
        assert_eq!((ranking.selected, ranking.places_unfilled, ranking.places_to_decide), (4, 6, 0));
    }

    #[test]
    fn exactly_equal_means_tie_and_means_equal_after_rounding_do_not() {
        let session = session(1);
        let jury = jurors(&session, 15);
        let apps: Vec<JuryApplication> = ["A", "B", "C", "D"].iter().map(|t| application(&session, t)).collect();
        let mut sheets = Vec::new();
        // Every application reaches the quorum (8 of 15). Means over different numbers of
        // jurors: A 141/9 and B 188/12 are both 47/3 = 15.666….
        sheets.extend(sheets_for(&jury, &apps[0], &[16, 16, 15, 16, 16, 15, 16, 16, 15]));
        sheets.extend(sheets_for(&jury, &apps[1], &[16, 16, 15, 16, 16, 15, 16, 16, 15, 16, 16, 15]));
        // C: 169/12 = 14.083…, D: 183/13 = 14.077…; both show 14.08.
        sheets.extend(sheets_for(&jury, &apps[2], &[15, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14]));
        sheets.extend(sheets_for(&jury, &apps[3], &[15, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14]));
        let ranking = rank(&session, &jury, &apps, &sheets);
        let seen: Vec<(&str, u32, String)> =
            ranking.ranked.iter().map(|r| (r.title.as_str(), r.rank, r.mean.display(Locale::Fr))).collect();
        assert_eq!(
            seen,
            vec![
                ("A", 1, "15,67".to_string()),
                ("B", 1, "15,67".to_string()),
                ("C", 3, "14,08".to_string()),
                ("D", 4, "14,08".to_string()),
            ]
        );
        // One place, two exactly tied at the top: the jury decides between A and B.
        assert_eq!(standing_of(&ranking, "A").1, Standing::TieToBreak);
        assert_eq!(standing_of(&ranking, "B").1, Standing::TieToBreak);
        assert_eq!(standing_of(&ranking, "C").1, Standing::NotSelected);
        assert_eq!((ranking.selected, ranking.places_to_decide), (0, 1));
    }

    #[test]
    fn a_tie_straddling_the_last_place_is_left_to_the_jury() {
        let three = session(3);
        let jury = jurors(&three, 2);
        let apps: Vec<JuryApplication> = ["A", "B", "C", "D", "E"].iter().map(|t| application(&three, t)).collect();
        let mut sheets = Vec::new();
        for (app, total) in apps.iter().zip([24, 22, 20, 20, 20]) {
            sheets.extend(sheets_for(&jury, app, &[total, total]));
        }
        let ranking = rank(&three, &jury, &apps, &sheets);
        let standings: Vec<(u32, Standing)> = ranking.ranked.iter().map(|r| (r.rank, r.standing)).collect();
        assert_eq!(
            standings,
            vec![
                (1, Standing::Selected),
                (2, Standing::Selected),
                (3, Standing::TieToBreak),
                (3, Standing::TieToBreak),
                (3, Standing::TieToBreak),
            ]
        );
        assert_eq!((ranking.selected, ranking.places_to_decide, ranking.places_unfilled), (2, 1, 0));

        // The same tie inside the places: all selected. Right after the places: none.
        let ranking = rank(&session(5), &jury, &apps, &sheets);
        assert!(ranking.ranked.iter().all(|r| r.standing == Standing::Selected));
        assert_eq!((ranking.selected, ranking.places_to_decide), (5, 0));
        let ranking = rank(&session(2), &jury, &apps, &sheets);
        assert_eq!(standing_of(&ranking, "C"), (3, Standing::NotSelected));
        assert_eq!((ranking.selected, ranking.places_to_decide, ranking.places_unfilled), (2, 0, 0));
    }

    #[test]
    fn fewer_places_than_ten_select_fewer() {
        let jury_session = session(3);
        let jury = jurors(&jury_session, 1);
        let apps: Vec<JuryApplication> = (0..12).map(|i| application(&jury_session, &format!("P{i:02}"))).collect();
        let sheets: Vec<ScoreSheet> = apps.iter().zip(0..).map(|(app, i)| scored(&jury[0], app, 25 - i)).collect();
        let ranking = rank(&jury_session, &jury, &apps, &sheets);
        let selected: Vec<&str> =
            ranking.ranked.iter().filter(|r| r.standing == Standing::Selected).map(|r| r.title.as_str()).collect();
        assert_eq!(selected, vec!["P00", "P01", "P02"]);
        assert_eq!(ranking.ranked.iter().filter(|r| r.standing == Standing::NotSelected).count(), 9);
        // Ten places at most, whatever the session says.
        let ranking = rank(&session(12), &jury, &apps, &sheets);
        assert_eq!((ranking.places, ranking.selected), (10, 10));
    }

    #[test]
    fn an_application_scored_by_fewer_than_half_the_jurors_rounded_up_is_not_selected() {
        assert_eq!([quorum(15), quorum(5), quorum(4), quorum(1), quorum(0)], [8, 3, 2, 1, 0]);
        let session = session(1);
        let jury = jurors(&session, 5);
        let apps: Vec<JuryApplication> = ["Top", "Next"].iter().map(|t| application(&session, t)).collect();
        // Top: two scores (2.5 rounds up to 3: not enough), three abstentions; Next: three scores.
        let mut sheets = sheets_for(&jury, &apps[0], &[25, 25]);
        sheets.extend(jury[2..].iter().map(|j| abstained(j, &apps[0])));
        sheets.extend(sheets_for(&jury, &apps[1], &[10, 10, 10]));
        let ranking = rank(&session, &jury, &apps, &sheets);
        assert_eq!(ranking.quorum, 3);
        assert_eq!(standing_of(&ranking, "Top"), (1, Standing::QuorumNotMet));
        // The place goes to the next application that reaches the quorum.
        assert_eq!(standing_of(&ranking, "Next"), (2, Standing::Selected));
        assert_eq!((ranking.selected, ranking.places_unfilled), (1, 0));
        // A third score and Top is selected.
        sheets.retain(|s| !(s.juror_id == jury[2].id && s.application_id == apps[0].id));
        sheets.push(scored(&jury[2], &apps[0], 25));
        let ranking = rank(&session, &jury, &apps, &sheets);
        assert_eq!(standing_of(&ranking, "Top"), (1, Standing::Selected));
        assert_eq!(standing_of(&ranking, "Next"), (2, Standing::NotSelected));
    }

    #[test]
    fn the_quorum_counts_the_sessions_jurors_and_only_their_sheets() {
        let session = session(10);
        let jury = jurors(&session, 4);
        let app = application(&session, "A");
        let gone = Juror { id: JurorId::new(), session_id: session.id, name: "Parti".into() };
        // One juror of the session plus one who is no longer in it: one score counts, quorum 2.
        let sheets = vec![scored(&jury[0], &app, 20), scored(&gone, &app, 0)];
        let ranking = rank(&session, &jury, std::slice::from_ref(&app), &sheets);
        assert_eq!((ranking.jurors, ranking.quorum), (4, 2));
        assert_eq!(ranking.ranked[0].mean.display(Locale::En), "20.00");
        assert_eq!(ranking.ranked[0].standing, Standing::QuorumNotMet);
        assert_eq!((ranking.selected, ranking.places_unfilled), (0, 10));
    }

    #[test]
    fn applications_nobody_scored_are_listed_apart() {
        let session = session(10);
        let jury = jurors(&session, 3);
        let apps: Vec<JuryApplication> =
            ["Vide", "Conflit", "Notée"].iter().map(|t| application(&session, t)).collect();
        let ranking = rank(&session, &jury, &apps, &[]);
        assert!(ranking.ranked.is_empty());
        assert_eq!(ranking.unscored.len(), 3);
        assert_eq!((ranking.selected, ranking.places_unfilled, ranking.places_to_decide), (0, 10, 0));

        let mut sheets = vec![abstained(&jury[0], &apps[1])];
        sheets.extend(sheets_for(&jury, &apps[2], &[12, 13]));
        let ranking = rank(&session, &jury, &apps, &sheets);
        let unscored: Vec<(&str, u32)> = ranking.unscored.iter().map(|u| (u.title.as_str(), u.abstained)).collect();
        assert_eq!(unscored, vec![("Vide", 0), ("Conflit", 1)]);
        assert_eq!(ranking.ranked.len(), 1);
        assert_eq!(ranking.ranked[0].mean.display(Locale::Fr), "12,50");
        assert_eq!(JuryLabels::FR.unscored, "Non notée");
    }

    #[test]
    fn the_rule_shown_says_what_the_ranking_does() {
        let fr = JuryLabels::FR.rule;
        for said in [
            "de 0 à 5 par critère",
            "sur 25",
            "n'est compté ni dans ses moyennes ni pour le quorum",
            "moyenne des totaux des jurés qui l'ont notée",
            "deux décimales",
            "comparées avant tout arrondi",
            "(1, 2, 2, 4)",
            "ordre alphabétique de titre",
            "moins de la moitié des jurés de la session (arrondie à l'entier supérieur)",
            "« quorum non atteint »",
            "« non notée »",
            "aux seules candidatures qui atteignent le quorum",
            "plus nombreuses que les places restantes, aucune d'elles n'est retenue d'office",
            "« ex æquo à départager »",
            "Aucune règle ne départage automatiquement les ex æquo.",
            "non pourvues",
        ] {
            assert!(fr.contains(said), "the rule should say « {said} »");
        }
        let en = JuryLabels::EN.rule;
        for said in [
            "from 0 to 5",
            "out of 25",
            "neither in its means nor towards the quorum",
            "(1, 2, 2, 4)",
            "rounded up",
            "outnumber the places left, none of them is selected automatically",
            "No rule breaks ties automatically.",
        ] {
            assert!(en.contains(said), "the rule should say “{said}”");
        }
        // The standings' labels are the words the rule uses.
        for standing in [Standing::QuorumNotMet, Standing::TieToBreak] {
            let label = standing.label(Locale::Fr).to_lowercase();
            assert!(fr.contains(&format!("« {label} »")), "{label}");
            let label = standing.label(Locale::En).to_lowercase();
            assert!(en.contains(&format!("“{label}”")), "{label}");
        }
        assert!(fr.contains(&format!("« {} »", JuryLabels::FR.unscored.to_lowercase())));
        assert!(en.contains(&format!("“{}”", JuryLabels::EN.unscored.to_lowercase())));
    }
}
