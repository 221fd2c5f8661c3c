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

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::id::{JurorId, JuryApplicationId, JurySessionId};
use crate::invalid::{Invalid, Problem, Problems};
use crate::labels::JuryCriterionLabels;
use crate::locale::Locale;
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

// --- Sessions -----------------------------------------------------------------------------

/// A session of the jury: one cohort's selection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JurySession {
    pub id: JurySessionId,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::JuryLabels;

    fn session(places: u32) -> JurySession {
        JurySession {
            id: JurySessionId::new(),
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
}
