//! The export's dates: `9/1/2019` (month/day), `31/12/2014` (day/month), `2019-05-06`, `NA`,
//! `July 2012`, `2016`… read without ever guessing: an ambiguous date is read only with the
//! convention its plan's unambiguous dates show. See the module documentation of [`super`].

use chrono::{Datelike, NaiveDate};

/// Years outside this range are not dates of an OGP action plan: `7/15/1905` is the year 2023
/// typed into a spreadsheet cell formatted as a date (day 2023 counted from 1900).
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// What a date cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DateReading {
    /// Empty cell: no date, nothing to keep.
    Empty,
    /// `NA`, `ND`, `N/A`: no date, said on purpose; no warning.
    NoDate,
    /// A clean date with one possible reading.
    Date(NaiveDate),
    /// Both day/month and month/day are valid and differ.
    Ambiguous { day_month: NaiveDate, month_day: NaiveDate },
    /// A valid date whose year cannot be an action plan's.
    Implausible(NaiveDate),
    /// Looks like `a/b/c` but neither reading is a calendar date.
    Invalid,
    /// A year alone (`2016`): a period in years, kept as written, never made 1 January.
    Year(i32),
    /// A month and a year (`January 2016`, `Sept. 2016`): kept as written, never made the 1st.
    Month(i32, u32),
    /// Text that is not a date (`In progress`, `IV quarter of 2021`).
    Text,
}

/// The order of day and month in `a/b/yyyy` dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convention {
    /// `31/12/2014`.
    DayMonth,
    /// `12/31/2014`.
    MonthDay,
}

/// How one plan's dates are read: the convention its unambiguous dates use (`None` when they
/// use none, or both), and how many dates showed it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRule {
    pub convention: Option<Convention>,
    /// Unambiguous dates day/month, month/day.
    pub day_month: usize,
    pub month_day: usize,
    /// Dates that read two ways, and among them those read with the convention.
    pub ambiguous: usize,
    pub resolved: usize,
}

impl DateRule {
    /// Counts one cell's evidence.
    pub(crate) fn observe(&mut self, raw: &str) {
        match shown_convention(raw) {
            Some(Convention::DayMonth) => self.day_month += 1,
            Some(Convention::MonthDay) => self.month_day += 1,
            None if matches!(read_date(raw), DateReading::Ambiguous { .. }) => self.ambiguous += 1,
            None => {}
        }
    }

    /// The convention, once every cell was observed.
    pub(crate) fn settle(&mut self) {
        self.convention = match (self.day_month, self.month_day) {
            (0, 0) => None,
            (_, 0) => Some(Convention::DayMonth),
            (0, _) => Some(Convention::MonthDay),
            _ => None,
        };
    }
}

/// The convention a cell shows by itself: `31/12/2014` can only be day/month.
fn shown_convention(raw: &str) -> Option<Convention> {
    let parts: Vec<&str> = raw.trim().split('/').collect();
    if parts.len() != 3 {
        return None;
    }
    let (a, b) = (number(parts[0], 2)?, number(parts[1], 2)?);
    match (a > 12, b > 12) {
        (true, false) if a <= 31 => Some(Convention::DayMonth),
        (false, true) if b <= 31 => Some(Convention::MonthDay),
        _ => None,
    }
}

/// Month names of the export (English, Spanish, French), full or cut (`Sept.`).
const MONTH_NAMES: [&[&str]; 12] = [
    &["january", "jan", "enero", "janvier", "janv"],
    &["february", "feb", "febrero", "février", "fevrier", "févr"],
    &["march", "mar", "marzo", "mars"],
    &["april", "apr", "abril", "avril", "avr"],
    &["may", "mayo", "mai"],
    &["june", "jun", "junio", "juin"],
    &["july", "jul", "julio", "juillet", "juil"],
    &["august", "aug", "agosto", "août", "aout"],
    &["september", "sep", "sept", "septiembre", "septembre"],
    &["october", "oct", "octubre", "octobre"],
    &["november", "nov", "noviembre", "novembre"],
    &["december", "dec", "diciembre", "décembre", "decembre", "déc"],
];

/// `2016` or `January 2016` / `Jan. 2016` / `enero de 2016`.
fn partial(text: &str) -> Option<DateReading> {
    let year_of = |t: &str| number(t, 4).filter(|_| t.len() == 4).and_then(|y| i32::try_from(y).ok());
    if let Some(year) = year_of(text) {
        return PLAUSIBLE_YEARS.contains(&year).then_some(DateReading::Year(year));
    }
    let words: Vec<&str> = text.split_whitespace().filter(|w| !w.eq_ignore_ascii_case("de")).collect();
    let [month, year] = words.as_slice() else { return None };
    let month = month.trim_end_matches([',', '.']).to_lowercase();
    let index = MONTH_NAMES.iter().position(|names| names.contains(&month.as_str()))?;
    let year = year_of(year)?;
    let month = u32::try_from(index + 1).ok()?;
    PLAUSIBLE_YEARS.contains(&year).then_some(DateReading::Month(year, month))
}

fn number(part: &str, max_len: usize) -> Option<u32> {
    if part.is_empty() || part.len() > max_len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

fn plausible(date: NaiveDate) -> bool {
    PLAUSIBLE_YEARS.contains(&date.year())
}

/// Reads one cell of a plan whose dates follow `convention` (when known): an ambiguous date is
/// read with it.
pub(crate) fn read_date_with(raw: &str, convention: Option<Convention>) -> DateReading {
    match (read_date(raw), convention) {
        (DateReading::Ambiguous { day_month, .. }, Some(Convention::DayMonth)) => DateReading::Date(day_month),
        (DateReading::Ambiguous { month_day, .. }, Some(Convention::MonthDay)) => DateReading::Date(month_day),
        (reading, _) => reading,
    }
}

/// Reads one cell.
pub(crate) fn read_date(raw: &str) -> DateReading {
    let text = raw.trim();
    if text.is_empty() {
        return DateReading::Empty;
    }
    if ["NA", "ND", "N/A", "NR"].iter().any(|m| m.eq_ignore_ascii_case(text)) {
        return DateReading::NoDate;
    }
    let checked =
        |date: NaiveDate| if plausible(date) { DateReading::Date(date) } else { DateReading::Implausible(date) };
    // ISO: 2019-05-06.
    let iso: Vec<&str> = text.split('-').collect();
    if iso.len() == 3 && iso[0].len() == 4 {
        return match (number(iso[0], 4), number(iso[1], 2), number(iso[2], 2)) {
            (Some(y), Some(m), Some(d)) => {
                // `number` keeps at most four digits, so the year fits in an i32.
                let year = i32::try_from(y).unwrap_or(0);
                NaiveDate::from_ymd_opt(year, m, d).map_or(DateReading::Invalid, checked)
            }
            _ => DateReading::Text,
        };
    }
    if let Some(reading) = partial(text) {
        return reading;
    }
    // a/b/yyyy or a/b/yy, read both ways.
    let parts: Vec<&str> = text.split('/').collect();
    if parts.len() != 3 {
        return DateReading::Text;
    }
    let (Some(a), Some(b)) = (number(parts[0], 2), number(parts[1], 2)) else { return DateReading::Text };
    let year = match parts[2].len() {
        2 | 4 => match number(parts[2], 4) {
            Some(y) if parts[2].len() == 2 => 2000 + y,
            Some(y) => y,
            None => return DateReading::Text,
        },
        _ => return DateReading::Text,
    };
    let year = i32::try_from(year).unwrap_or(0);
    let day_month = NaiveDate::from_ymd_opt(year, b, a);
    let month_day = NaiveDate::from_ymd_opt(year, a, b);
    match (day_month, month_day) {
        (Some(dm), Some(md)) if dm == md => checked(dm),
        (Some(dm), Some(md)) => {
            if plausible(dm) {
                DateReading::Ambiguous { day_month: dm, month_day: md }
            } else {
                DateReading::Implausible(dm)
            }
        }
        (Some(date), None) | (None, Some(date)) => checked(date),
        (None, None) => DateReading::Invalid,
    }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `5 juin 2019`.
pub(crate) fn long_fr(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), MONTHS_FR[date.month0() as usize], date.year())
}

/// `5 June 2019`.
pub(crate) fn long_en(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), MONTHS_EN[date.month0() as usize], date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn one_valid_reading_is_taken() {
        assert_eq!(read_date("31/12/2014"), DateReading::Date(d(2014, 12, 31)));
        assert_eq!(read_date("12/31/15"), DateReading::Date(d(2015, 12, 31)));
        assert_eq!(read_date("9/30/2018"), DateReading::Date(d(2018, 9, 30)));
        assert_eq!(read_date(" 2019-05-06 "), DateReading::Date(d(2019, 5, 6)));
    }

    #[test]
    fn two_readings_are_never_guessed() {
        assert_eq!(
            read_date("5/6/2019"),
            DateReading::Ambiguous { day_month: d(2019, 6, 5), month_day: d(2019, 5, 6) }
        );
        assert_eq!(read_date("1/1/2019"), DateReading::Date(d(2019, 1, 1)));
    }

    #[test]
    fn no_date_and_text() {
        assert_eq!(read_date(""), DateReading::Empty);
        assert_eq!(read_date("NA"), DateReading::NoDate);
        assert_eq!(read_date("nd"), DateReading::NoDate);
        assert_eq!(read_date("In progress"), DateReading::Text);
        assert_eq!(read_date("IV quarter of 2021"), DateReading::Text);
        assert_eq!(read_date("1/2/3/4"), DateReading::Text);
        assert_eq!(read_date("31/31/2019"), DateReading::Invalid);
        assert_eq!(read_date("2019-02-30"), DateReading::Invalid);
    }

    #[test]
    fn years_and_months_stay_what_they_are() {
        assert_eq!(read_date("2016"), DateReading::Year(2016));
        assert_eq!(read_date("January 2016"), DateReading::Month(2016, 1));
        assert_eq!(read_date("Sept. 2012"), DateReading::Month(2012, 9));
        assert_eq!(read_date("enero de 2019"), DateReading::Month(2019, 1));
        assert_eq!(read_date("1905"), DateReading::Text);
        assert_eq!(read_date("Someday 2016"), DateReading::Text);
    }

    #[test]
    fn a_plans_unambiguous_dates_decide_its_ambiguous_ones() {
        let mut rule = DateRule::default();
        for raw in ["9/30/2018", "12/31/2019", "5/6/2019", "NA"] {
            rule.observe(raw);
        }
        rule.settle();
        assert_eq!(rule.convention, Some(Convention::MonthDay));
        assert_eq!(rule.ambiguous, 1);
        assert_eq!(read_date_with("5/6/2019", rule.convention), DateReading::Date(d(2019, 5, 6)));
        let mut mixed = DateRule::default();
        for raw in ["9/30/2018", "31/12/2019"] {
            mixed.observe(raw);
        }
        mixed.settle();
        assert_eq!(mixed.convention, None, "a plan mixing both conventions decides nothing");
        assert!(matches!(read_date_with("5/6/2019", mixed.convention), DateReading::Ambiguous { .. }));
    }

    #[test]
    fn spreadsheet_years_are_not_dates() {
        assert_eq!(read_date("7/15/1905"), DateReading::Implausible(d(1905, 7, 15)));
        assert_eq!(read_date("7/7/1905"), DateReading::Implausible(d(1905, 7, 7)));
    }
}
