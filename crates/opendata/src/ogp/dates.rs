//! The export's dates: `9/1/2019` (month/day), `31/12/2014` (day/month), `2019-05-06`, `NA`,
//! `July 2012`… read without ever guessing. See the module documentation of [`super`].

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
    /// Text that is not a date (`In progress`, `January 2016`, `2016`).
    Text,
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
        assert_eq!(read_date("January 2016"), DateReading::Text);
        assert_eq!(read_date("2016"), DateReading::Text);
        assert_eq!(read_date("1/2/3/4"), DateReading::Text);
        assert_eq!(read_date("31/31/2019"), DateReading::Invalid);
        assert_eq!(read_date("2019-02-30"), DateReading::Invalid);
    }

    #[test]
    fn spreadsheet_years_are_not_dates() {
        assert_eq!(read_date("7/15/1905"), DateReading::Implausible(d(1905, 7, 15)));
        assert_eq!(read_date("7/7/1905"), DateReading::Implausible(d(1905, 7, 7)));
    }
}
