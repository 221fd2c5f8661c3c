//! Action plans (*plans d'action*): a country or locality, a title and a period.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::id::PlanId;
use crate::invalid::{Invalid, Problems};
use crate::period::{parse_required_date, Period};
use crate::text::{ShortText, Title};

/// The country of the plans this app is made for, unless a laptop is set otherwise.
pub const DEFAULT_COUNTRY: &str = "France";

/// An action plan as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub id: PlanId,
    /// Country or locality (e.g. "France").
    pub country: String,
    /// E.g. "France — Plan d'action national 2021-2023".
    pub title: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    /// The built-in demonstration plan, loaded on request.
    pub is_demo: bool,
    /// A plan of another country kept on this laptop as a reference: read-only, not sent.
    pub library: bool,
    /// A plan of the OGP database, which gives its years only (stored 1 January to 31 December):
    /// its period is shown as years.
    pub period_in_years: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Plan {
    pub fn period(&self) -> Period {
        // Stored plans were validated on the way in, so their period is well formed.
        Period::new(self.period_start, self.period_end)
            .unwrap_or_else(|_| Period::new(self.period_start, self.period_start).expect("a one-day period"))
    }
}

/// What a person types to create or change an action plan.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanInput {
    pub country: String,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub period_start: String,
    /// `YYYY-MM-DD`.
    pub period_end: String,
}

/// An action plan's fields, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPlan {
    pub country: ShortText,
    pub title: Title,
    pub period: Period,
}

impl PlanInput {
    /// Checks every field and reports all problems at once.
    pub fn parse(&self) -> Result<ValidPlan, Vec<Invalid>> {
        let mut problems = Problems::default();
        let country = problems.check("country", ShortText::parse_required(&self.country));
        let title = problems.check("title", Title::parse(&self.title));
        let start = problems.check("periodStart", parse_required_date(&self.period_start));
        let end = problems.check("periodEnd", parse_required_date(&self.period_end));
        let period = match (start, end) {
            (Some(s), Some(e)) => problems.check("periodEnd", Period::new(s, e)),
            _ => None,
        };
        problems.finish()?;
        match (country, title, period) {
            (Some(country), Some(title), Some(period)) => Ok(ValidPlan { country, title, period }),
            _ => unreachable!("every missing value recorded a problem"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::invalid::Problem;

    fn input(country: &str, title: &str, start: &str, end: &str) -> PlanInput {
        PlanInput { country: country.into(), title: title.into(), period_start: start.into(), period_end: end.into() }
    }

    #[test]
    fn the_french_2021_2023_plan_is_accepted() {
        let plan =
            input("France", "France — Plan d'action national 2021-2023", "2021-12-17", "2023-12-31").parse().unwrap();
        assert_eq!(plan.country.as_str(), "France");
        assert_eq!(plan.period.end().to_string(), "2023-12-31");
    }

    #[test]
    fn every_problem_of_the_form_is_reported_at_once() {
        let problems = input("", "", "2023-12-31", "").parse().unwrap_err();
        let fields: Vec<_> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["country", "title", "periodEnd"]);
    }

    #[test]
    fn a_period_ending_before_it_starts_is_refused_on_the_end_date() {
        let problems = input("France", "Plan", "2023-12-31", "2021-12-17").parse().unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "periodEnd");
        assert!(matches!(problems[0].problem, Problem::EndBeforeStart { .. }));
    }
}
