//! Milestones (*jalons*): the verifiable deliverables of a commitment, with their dates.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::id::{CommitmentId, InstitutionId, MilestoneId};
use crate::invalid::{Invalid, Problem, Problems};
use crate::period::{check_order, parse_optional_date, Period};
use crate::text::{LongText, Title};

/// A milestone as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    pub id: MilestoneId,
    pub commitment_id: CommitmentId,
    /// Rank within its commitment, from 0.
    pub position: u32,
    /// The verifiable deliverable.
    pub title: String,
    pub expected_outputs: String,
    pub start_date: Option<NaiveDate>,
    /// Expected completion date.
    pub due_date: Option<NaiveDate>,
    pub lead_institution_id: Option<InstitutionId>,
    /// How much it counts among its commitment's milestones in the roll-up of progress (1: equal).
    pub weight: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a person types to add a milestone.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneInput {
    pub title: String,
    pub expected_outputs: String,
    /// `YYYY-MM-DD`, or empty.
    pub start_date: String,
    /// `YYYY-MM-DD`, or empty.
    pub due_date: String,
    pub lead_institution_id: Option<InstitutionId>,
}

/// A milestone's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMilestone {
    pub title: Title,
    pub expected_outputs: LongText,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub lead_institution_id: Option<InstitutionId>,
}

impl MilestoneInput {
    /// Checks every field against the plan's period and reports all problems at once.
    pub fn parse(&self, period: Period) -> Result<ValidMilestone, Vec<Invalid>> {
        let mut problems = Problems::default();
        let title = problems.check("title", Title::parse(&self.title));
        let expected_outputs = problems.check("expectedOutputs", LongText::parse(&self.expected_outputs));
        let start = problems.check("startDate", parse_optional_date(&self.start_date).and_then(|d| period.check(d)));
        let due = problems.check("dueDate", parse_optional_date(&self.due_date).and_then(|d| period.check(d)));
        if let (Some(start), Some(due)) = (start, due) {
            if let Err(problem) = check_order(start, due) {
                problems.push(problem.on("dueDate"));
            }
        }
        problems.finish()?;
        match (title, expected_outputs, start, due) {
            (Some(title), Some(expected_outputs), Some(start_date), Some(due_date)) => Ok(ValidMilestone {
                title,
                expected_outputs,
                start_date,
                due_date,
                lead_institution_id: self.lead_institution_id,
            }),
            _ => unreachable!("every missing value recorded a problem"),
        }
    }
}

/// One change to one field of a milestone, as the interface sends it when a field is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "camelCase")]
pub enum MilestoneEdit {
    Title(String),
    ExpectedOutputs(String),
    /// `YYYY-MM-DD`, or empty for none.
    StartDate(String),
    /// `YYYY-MM-DD`, or empty for none.
    DueDate(String),
    LeadInstitutionId(Option<InstitutionId>),
    /// From 1 to [`crate::WEIGHT_MAX`].
    Weight(u32),
}

/// A validated milestone change, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MilestoneChange {
    Title(Title),
    ExpectedOutputs(String),
    StartDate(Option<NaiveDate>),
    DueDate(Option<NaiveDate>),
    Lead(Option<InstitutionId>),
    Weight(u32),
}

impl MilestoneEdit {
    pub fn field(&self) -> &'static str {
        match self {
            MilestoneEdit::Title(_) => "title",
            MilestoneEdit::ExpectedOutputs(_) => "expectedOutputs",
            MilestoneEdit::StartDate(_) => "startDate",
            MilestoneEdit::DueDate(_) => "dueDate",
            MilestoneEdit::LeadInstitutionId(_) => "leadInstitutionId",
            MilestoneEdit::Weight(_) => "weight",
        }
    }

    /// Validates the change against the plan's period and the milestone's other date.
    pub fn parse(
        &self,
        period: Period,
        start: Option<NaiveDate>,
        due: Option<NaiveDate>,
    ) -> Result<MilestoneChange, Invalid> {
        let result = match self {
            MilestoneEdit::Title(raw) => Title::parse(raw).map(MilestoneChange::Title),
            MilestoneEdit::ExpectedOutputs(raw) => {
                LongText::parse(raw).map(|t| MilestoneChange::ExpectedOutputs(t.into_string()))
            }
            MilestoneEdit::StartDate(raw) => parse_optional_date(raw)
                .and_then(|d| period.check(d))
                .and_then(|d| match (d, due) {
                    (Some(s), Some(e)) if e < s => Err(Problem::StartAfterEnd { end: e }),
                    _ => Ok(d),
                })
                .map(MilestoneChange::StartDate),
            MilestoneEdit::DueDate(raw) => parse_optional_date(raw)
                .and_then(|d| period.check(d))
                .and_then(|d| check_order(start, d).map(|_| d))
                .map(MilestoneChange::DueDate),
            MilestoneEdit::LeadInstitutionId(id) => Ok(MilestoneChange::Lead(*id)),
            MilestoneEdit::Weight(weight) => crate::parse_weight(*weight).map(MilestoneChange::Weight),
        };
        result.map_err(|problem| problem.on(self.field()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn period() -> Period {
        Period::new(d("2021-12-17"), d("2023-12-31")).unwrap()
    }

    #[test]
    fn a_due_date_after_the_plan_is_refused_with_a_french_message() {
        let input =
            MilestoneInput { title: "Publier le rapport".into(), due_date: "2024-02-01".into(), ..Default::default() };
        let problems = input.parse(period()).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "dueDate");
        assert_eq!(
            problems[0].problem.message(crate::Locale::Fr),
            "La date doit être comprise dans la période du plan d'action, du 17/12/2021 au 31/12/2023."
        );
    }

    #[test]
    fn a_due_date_before_the_start_is_refused() {
        let input = MilestoneInput {
            title: "Publier".into(),
            start_date: "2022-06-01".into(),
            due_date: "2022-05-01".into(),
            ..Default::default()
        };
        let problems = input.parse(period()).unwrap_err();
        assert_eq!(problems[0].field, "dueDate");
    }

    #[test]
    fn an_edit_of_the_due_date_is_checked_against_the_start() {
        let edit = MilestoneEdit::DueDate("2022-01-01".into());
        assert!(edit.parse(period(), Some(d("2022-03-01")), None).is_err());
        assert_eq!(edit.parse(period(), None, None), Ok(MilestoneChange::DueDate(Some(d("2022-01-01")))));
        let start = MilestoneEdit::StartDate("2022-05-01".into());
        assert_eq!(start.parse(period(), None, Some(d("2022-04-01"))).unwrap_err().field, "startDate");
    }
}
