//! Reporting rounds (*campagnes de suivi*): the coordination asks every institution to report by
//! a date ("Rapport à mi-parcours", due 31 March). An institution sees what it must report and by
//! when; the coordination sees, per institution, what is reported, late or missing, and whom to
//! remind.
//!
//! What a round expects: every commitment of the plan that has a lead institution gives its own
//! account, and every milestone of it that was neither complete nor withdrawn when the round
//! opened gives a report. An expected item is reported by an entry dated on or after the round's
//! opening; otherwise it is late once the due date is past, and to do until then.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::id::{CommitmentId, MilestoneId, PlanId, RoundId};
use crate::invalid::{Invalid, Problem, Problems};
use crate::overview::InstitutionRef;
use crate::period::parse_required_date;
use crate::progress::ProgressStatus;
use crate::text::{LongText, Title};

/// Which report of the OGP cycle a round gathers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RoundKind {
    MidTerm,
    EndOfTerm,
    Other,
}

impl RoundKind {
    pub const CODES: &'static [&'static str] = &["midTerm", "endOfTerm", "other"];

    pub fn code(self) -> &'static str {
        match self {
            RoundKind::MidTerm => "midTerm",
            RoundKind::EndOfTerm => "endOfTerm",
            RoundKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [RoundKind::MidTerm, RoundKind::EndOfTerm, RoundKind::Other].into_iter().find(|k| k.code() == code)
    }
}

/// A round as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Round {
    pub id: RoundId,
    pub plan_id: PlanId,
    pub kind: RoundKind,
    pub title: String,
    pub opens_on: NaiveDate,
    pub due_on: NaiveDate,
    /// What the coordination asks, in its words.
    pub instructions: String,
}

/// What the coordinator types to open a round (or change it).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoundInput {
    pub kind: RoundKind,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub opens_on: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    pub instructions: String,
}

/// A round's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRound {
    pub kind: RoundKind,
    pub title: Title,
    pub opens_on: NaiveDate,
    pub due_on: NaiveDate,
    pub instructions: LongText,
}

impl RoundInput {
    /// Checks every field and reports all problems at once: a title, two dates, the due date
    /// on or after the opening.
    pub fn parse(&self) -> Result<ValidRound, Vec<Invalid>> {
        let mut problems = Problems::default();
        let title = problems.check("title", Title::parse(&self.title));
        let opens_on = problems.check("opensOn", parse_required_date(&self.opens_on));
        let due_on = problems.check("dueOn", parse_required_date(&self.due_on));
        let instructions = problems.check("instructions", LongText::parse(&self.instructions));
        if let (Some(start), Some(due)) = (opens_on, due_on) {
            if due < start {
                problems.push(Problem::EndBeforeStart { start }.on("dueOn"));
            }
        }
        problems.finish()?;
        match (title, opens_on, due_on, instructions) {
            (Some(title), Some(opens_on), Some(due_on), Some(instructions)) => {
                Ok(ValidRound { kind: self.kind, title, opens_on, due_on, instructions })
            }
            _ => unreachable!("every missing value recorded a problem"),
        }
    }
}

/// Where one expected item of a round stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RoundItemState {
    /// An entry dated on or after the round's opening.
    Reported,
    /// Not reported, and the due date is past.
    Late,
    /// Not reported yet, before the due date.
    ToDo,
}

/// Whether a milestone whose latest status when the round opened was `before` is expected by
/// the round: one already complete or withdrawn has nothing more to say.
pub fn expected(before: Option<ProgressStatus>) -> bool {
    !matches!(before, Some(ProgressStatus::Complete | ProgressStatus::Withdrawn))
}

/// The state of an expected item whose latest entry is dated `latest` (none: never reported), on
/// `today`.
pub fn item_state(round: &Round, latest: Option<NaiveDate>, today: NaiveDate) -> RoundItemState {
    match latest {
        Some(date) if date >= round.opens_on => RoundItemState::Reported,
        _ if today > round.due_on => RoundItemState::Late,
        _ => RoundItemState::ToDo,
    }
}

/// One expected item: a commitment's own account (no milestone) or a milestone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoundItem {
    pub commitment_id: CommitmentId,
    pub milestone_id: Option<MilestoneId>,
    /// `2.3` or `2.3.1`, as the app numbers them.
    pub number: String,
    pub title: String,
    pub state: RoundItemState,
}

/// Who to write to about an institution's items: a commitment's contact.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoundContact {
    pub name: String,
    pub email: String,
    /// The commitment's number, for the reminder.
    pub commitment_number: String,
}

/// One institution's part of a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoundInstitution {
    pub institution: InstitutionRef,
    pub reported: u32,
    pub late: u32,
    pub to_do: u32,
    pub items: Vec<RoundItem>,
    /// The contacts of its commitments with items not reported, each once.
    pub contacts: Vec<RoundContact>,
}

/// A round as the coordination follows it (or, for an institution's person, their part only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoundProgress {
    pub round: Round,
    /// Institutions with items late first, then to do, then all reported; by name within.
    pub institutions: Vec<RoundInstitution>,
    /// Whether only the person's own institution is shown (a drafter or a reader).
    pub own_only: bool,
    /// Why the person may not change the round, if so.
    pub read_only: Option<crate::overview::ReadOnly>,
}

/// A round with reports still expected, in the "À faire" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoundDue {
    pub round: Round,
    pub plan_title: String,
    pub late: u32,
    pub to_do: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    #[test]
    fn a_round_has_a_title_and_a_due_date_on_or_after_it_opens() {
        let input = |opens: &str, due: &str| RoundInput {
            kind: RoundKind::MidTerm,
            title: "Rapport à mi-parcours".into(),
            opens_on: opens.into(),
            due_on: due.into(),
            instructions: String::new(),
        };
        assert!(input("2024-01-15", "2024-03-31").parse().is_ok());
        let refused = input("2024-03-31", "2024-01-15").parse().expect_err("due before it opens");
        assert_eq!(refused[0].field, "dueOn");
        let refused = RoundInput { title: " ".into(), ..input("", "2024-03-31") }.parse().expect_err("empty");
        assert_eq!(refused.iter().map(|i| i.field).collect::<Vec<_>>(), vec!["title", "opensOn"]);
    }

    #[test]
    fn an_item_is_reported_by_an_entry_since_the_opening_and_late_after_the_due_date() {
        let round = Round {
            id: RoundId::new(),
            plan_id: PlanId::new(),
            kind: RoundKind::MidTerm,
            title: "Rapport à mi-parcours".into(),
            opens_on: day("2024-01-15"),
            due_on: day("2024-03-31"),
            instructions: String::new(),
        };
        assert_eq!(item_state(&round, Some(day("2024-01-15")), day("2024-06-01")), RoundItemState::Reported);
        assert_eq!(item_state(&round, Some(day("2024-01-14")), day("2024-03-31")), RoundItemState::ToDo);
        assert_eq!(item_state(&round, Some(day("2024-01-14")), day("2024-04-01")), RoundItemState::Late);
        assert_eq!(item_state(&round, None, day("2024-04-01")), RoundItemState::Late);
        assert!(expected(Some(ProgressStatus::Substantial)) && expected(None));
        assert!(!expected(Some(ProgressStatus::Complete)) && !expected(Some(ProgressStatus::Withdrawn)));
    }
}
