//! The period of an action plan and the dates inside it.

use chrono::NaiveDate;

use crate::invalid::Problem;

/// The period an action plan covers, both ends included; the start is never after the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    start: NaiveDate,
    end: NaiveDate,
}

impl Period {
    /// Refuses a period that ends before it starts (the problem is about the end).
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Self, Problem> {
        if end < start {
            Err(Problem::EndBeforeStart { start })
        } else {
            Ok(Self { start, end })
        }
    }

    pub fn start(&self) -> NaiveDate {
        self.start
    }

    pub fn end(&self) -> NaiveDate {
        self.end
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Accepts an optional date only when it falls inside the period.
    pub fn check(&self, date: Option<NaiveDate>) -> Result<Option<NaiveDate>, Problem> {
        match date {
            Some(d) if !self.contains(d) => Err(Problem::OutsidePeriod { start: self.start(), end: self.end() }),
            other => Ok(other),
        }
    }
}

/// Whether a period is whole calendar years, 1 January to 31 December (the OGP database gives
/// plans' years only): such a period is shown as years.
pub fn whole_years(start: NaiveDate, end: NaiveDate) -> bool {
    use chrono::Datelike;
    start <= end && (start.month(), start.day()) == (1, 1) && (end.month(), end.day()) == (12, 31)
}

/// Parses a date as sent by a date field (`YYYY-MM-DD`); blank means no date.
pub fn parse_optional_date(raw: &str) -> Result<Option<NaiveDate>, Problem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map(Some).map_err(|_| Problem::Date)
}

/// Parses a date that must be given.
pub fn parse_required_date(raw: &str) -> Result<NaiveDate, Problem> {
    parse_optional_date(raw)?.ok_or(Problem::Required)
}

/// Refuses an end (or due) date before its start; either may be missing.
pub fn check_order(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Result<(), Problem> {
    match (start, end) {
        (Some(s), Some(e)) if e < s => Err(Problem::EndBeforeStart { start: s }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_period_includes_both_ends() {
        let period = Period::new(d("2021-12-17"), d("2023-12-31")).unwrap();
        assert!(period.contains(d("2021-12-17")));
        assert!(period.contains(d("2023-12-31")));
        assert!(!period.contains(d("2021-12-16")));
        assert!(!period.contains(d("2024-01-01")));
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_refused() {
        assert_eq!(
            Period::new(d("2023-01-01"), d("2022-01-01")),
            Err(Problem::EndBeforeStart { start: d("2023-01-01") })
        );
    }

    #[test]
    fn a_date_outside_the_period_is_refused_with_the_period_in_the_message() {
        let period = Period::new(d("2021-12-17"), d("2023-12-31")).unwrap();
        let problem = period.check(Some(d("2024-03-01"))).unwrap_err();
        assert_eq!(
            problem.message(crate::Locale::Fr),
            "La date doit être comprise dans la période du plan d'action, du 17/12/2021 au 31/12/2023."
        );
        assert_eq!(period.check(None), Ok(None));
    }

    #[test]
    fn dates_are_read_from_date_fields() {
        assert_eq!(parse_optional_date("2022-06-30"), Ok(Some(d("2022-06-30"))));
        assert_eq!(parse_optional_date("  "), Ok(None));
        assert_eq!(parse_optional_date("2022-02-30"), Err(Problem::Date));
        assert_eq!(parse_optional_date("30/06/2022"), Err(Problem::Date));
        assert_eq!(parse_required_date(""), Err(Problem::Required));
    }

    #[test]
    fn an_end_before_its_start_is_refused() {
        assert!(check_order(Some(d("2022-01-02")), Some(d("2022-01-01"))).is_err());
        assert!(check_order(Some(d("2022-01-01")), Some(d("2022-01-01"))).is_ok());
        assert!(check_order(None, Some(d("2022-01-01"))).is_ok());
    }
}
