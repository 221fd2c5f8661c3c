//! The few rules the server checks on every value it stores, so that what it holds can always be
//! written on every laptop: the fields a record cannot be without are never emptied, dates are
//! calendar dates, and a start never comes after its end — even when two people changed the
//! two dates apart, each change valid on its own laptop.

use crate::protocol::{RecordKind, Refusal, Value};

/// Text fields a record cannot be without.
fn required(kind: RecordKind, field: &str) -> bool {
    match kind {
        RecordKind::Plan => matches!(field, "country" | "title"),
        RecordKind::Area | RecordKind::Commitment | RecordKind::Milestone => field == "title",
        RecordKind::Institution => field == "name",
    }
}

/// The (start, end) date pairs of each kind.
fn date_pairs(kind: RecordKind) -> &'static [(&'static str, &'static str)] {
    match kind {
        RecordKind::Plan => &[("periodStart", "periodEnd")],
        RecordKind::Commitment => &[("startDate", "endDate")],
        RecordKind::Milestone => &[("startDate", "dueDate")],
        RecordKind::Area | RecordKind::Institution => &[],
    }
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let month: u32 = text[5..7].parse().unwrap_or(0);
    let day: u32 = text[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Checks `value` for `field`, with `other(name)` giving the record's other fields as they will
/// be once the change is stored.
pub fn check(kind: RecordKind, field: &str, value: &Value, other: &dyn Fn(&str) -> Value) -> Result<(), Refusal> {
    if required(kind, field) && value.as_str().is_none_or(|s| s.trim().is_empty()) {
        return Err(Refusal::Invalid);
    }
    for (start, end) in date_pairs(kind) {
        if field != *start && field != *end {
            continue;
        }
        match value {
            Value::Null => {}
            Value::String(s) if is_date(s) => {}
            _ => return Err(Refusal::Invalid),
        }
        let (start_value, end_value) =
            if field == *start { (value.clone(), other(end)) } else { (other(start), value.clone()) };
        if let (Some(s), Some(e)) = (start_value.as_str(), end_value.as_str()) {
            if s > e {
                return Err(Refusal::Invalid);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn dates_changed_apart_may_not_cross() {
        let stored = |f: &str| if f == "endDate" { json!("2023-06-30") } else { Value::Null };
        assert_eq!(check(RecordKind::Commitment, "startDate", &json!("2023-01-01"), &stored), Ok(()));
        assert_eq!(check(RecordKind::Commitment, "startDate", &json!("2024-01-01"), &stored), Err(Refusal::Invalid));
        assert_eq!(check(RecordKind::Commitment, "startDate", &Value::Null, &stored), Ok(()));
        assert_eq!(check(RecordKind::Commitment, "startDate", &json!("01/02/2023"), &stored), Err(Refusal::Invalid));
        let milestone = |f: &str| if f == "startDate" { json!("2023-05-01") } else { Value::Null };
        assert_eq!(check(RecordKind::Milestone, "dueDate", &json!("2023-04-30"), &milestone), Err(Refusal::Invalid));
    }

    #[test]
    fn a_title_or_name_is_never_emptied() {
        let none = |_: &str| Value::Null;
        assert_eq!(check(RecordKind::Commitment, "title", &json!("  "), &none), Err(Refusal::Invalid));
        assert_eq!(check(RecordKind::Institution, "name", &Value::Null, &none), Err(Refusal::Invalid));
        assert_eq!(check(RecordKind::Commitment, "problem", &json!(""), &none), Ok(()));
        assert_eq!(check(RecordKind::Plan, "title", &json!("Plan"), &none), Ok(()));
    }
}
