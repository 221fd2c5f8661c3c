//! The rules the server checks on every value it stores, so that what it holds can always be
//! read on every laptop: each value is one the app stores in that field (the one parser of
//! [`crate::fields`]: types, lengths, canonical form), a record is created with every field it
//! cannot be without, and a start never comes after its end — even when two people changed the
//! two dates apart, each change valid on its own laptop.

use std::collections::BTreeMap;

use crate::fields::{check_value, fields, parse_date};
use crate::protocol::{RecordKind, Refusal, Value};

/// The (start, end) date pairs of each kind.
fn date_pairs(kind: RecordKind) -> &'static [(&'static str, &'static str)] {
    match kind {
        RecordKind::Plan => &[("periodStart", "periodEnd")],
        RecordKind::Commitment => &[("startDate", "endDate")],
        RecordKind::Milestone => &[("startDate", "dueDate")],
        RecordKind::Round => &[("opensOn", "dueOn")],
        RecordKind::Workshop => &[("heldOn", "keepUntil")],
        RecordKind::Area
        | RecordKind::Institution
        | RecordKind::Report
        | RecordKind::Participant
        | RecordKind::Identity
        | RecordKind::Contribution
        | RecordKind::JurySession
        | RecordKind::Juror
        | RecordKind::JuryApplication
        | RecordKind::ScoreSheet => &[],
    }
}

/// The fields the rules spanning two fields read besides the one changed.
pub fn paired_fields(kind: RecordKind) -> impl Iterator<Item = &'static str> {
    date_pairs(kind).iter().flat_map(|(start, end)| [*start, *end])
}

/// Checks `value` for `field`, with `other(name)` giving the record's other fields as they will
/// be once the change is stored.
pub fn check(kind: RecordKind, field: &str, value: &Value, other: &dyn Fn(&str) -> Value) -> Result<(), Refusal> {
    check_value(kind, field, value).map_err(|_| Refusal::Invalid)?;
    for (start, end) in date_pairs(kind) {
        if field != *start && field != *end {
            continue;
        }
        let (start_value, end_value) =
            if field == *start { (value.clone(), other(end)) } else { (other(start), value.clone()) };
        if let (Some(s), Some(e)) = (start_value.as_str().and_then(parse_date), end_value.as_str().and_then(parse_date))
        {
            if s > e {
                return Err(Refusal::Invalid);
            }
        }
    }
    Ok(())
}

/// Checks a new record's fields: each valid, none missing that the record cannot be without.
pub fn check_creation(kind: RecordKind, values: &BTreeMap<String, Value>) -> Result<(), Refusal> {
    let own = |name: &str| values.get(name).cloned().unwrap_or(Value::Null);
    for (field, value) in values {
        check(kind, field, value, &own)?;
    }
    if fields(kind).iter().any(|f| f.holds.empty().is_none() && !values.contains_key(f.name)) {
        return Err(Refusal::Invalid);
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

    #[test]
    fn only_values_the_app_stores_are_accepted() {
        let none = |_: &str| Value::Null;
        let refused = |field: &str, value: Value| check(RecordKind::Commitment, field, &value, &none);
        // Types, lengths, forms: what a hand-made request or an older app could send.
        assert_eq!(refused("title", json!(5)), Err(Refusal::Invalid));
        assert_eq!(refused("title", json!("é".repeat(1_001))), Err(Refusal::Invalid));
        assert_eq!(refused("title", json!(" Ouvrir les données ")), Err(Refusal::Invalid), "untrimmed");
        assert_eq!(refused("problem", json!("a".repeat(50_001))), Err(Refusal::Invalid));
        assert_eq!(refused("problem", json!("ligne\u{7}")), Err(Refusal::Invalid));
        assert_eq!(refused("contactEmail", json!("pas une adresse")), Err(Refusal::Invalid));
        assert_eq!(refused("position", json!(-1)), Err(Refusal::Invalid));
        assert_eq!(refused("position", json!(1.5)), Err(Refusal::Invalid));
        assert_eq!(refused("startDate", json!("2023-02-30")), Err(Refusal::Invalid));
        assert_eq!(refused("areaId", json!("3F2504E0-4F89-11D3-9A0C-0305E82C3301")), Err(Refusal::Invalid));
        let same = json!("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        assert_eq!(refused("supportingInstitutionIds", json!([same, same])), Err(Refusal::Invalid));
        assert_eq!(refused("assessment", json!({"specificity": "high"})), Err(Refusal::Invalid));
        assert_eq!(refused("noSuchField", json!("")), Err(Refusal::Invalid));
        // What the app writes is accepted.
        assert_eq!(refused("title", json!("Ouvrir les données")), Ok(()));
        assert_eq!(refused("contactEmail", json!("")), Ok(()));
        assert_eq!(refused("supportingInstitutionIds", json!([same])), Ok(()));
        assert_eq!(refused("assessment", Value::Null), Ok(()));
    }

    #[test]
    fn a_record_is_created_with_what_it_cannot_be_without() {
        let mut values = BTreeMap::new();
        values.insert("name".to_string(), json!("CNIL"));
        values.insert("kind".to_string(), json!("independentAuthority"));
        assert_eq!(check_creation(RecordKind::Institution, &values), Ok(()));
        values.remove("kind");
        assert_eq!(check_creation(RecordKind::Institution, &values), Err(Refusal::Invalid));
        values.insert("kind".to_string(), json!("ministère"));
        assert_eq!(check_creation(RecordKind::Institution, &values), Err(Refusal::Invalid));
    }
}
