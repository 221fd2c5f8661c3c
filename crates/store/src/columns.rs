//! A record's sync fields read straight from its row, as the declaration of its kind
//! (`plan_ouvert_sync::fields`) says each is held, and as [`crate::sync::write_fields`] stores
//! them: `null` as NULL, a yes/no as 0 or 1, a number as an integer, a list or an object as JSON
//! text, anything else as text; a commitment's supporting institutions in their own table (read
//! and written here, [`SUPPORTERS`]).
//!
//! One statement per record and no detour through the domain's types: a pull of a thousand
//! changed commitments reads each of them before settling it.

use plan_ouvert_sync::fields::{fields, snake_case, Holds};
use plan_ouvert_sync::protocol::{RecordKey, RecordKind, Value};
use plan_ouvert_sync::replica::Fields;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension, Row};

use crate::Result;

/// A commitment's supporting institutions: kept in order in `commitment_supporter`, not in a
/// column of its row.
pub(crate) const SUPPORTERS: &str = "supportingInstitutionIds";

/// The record's fields, or `None` when it is not here.
pub(crate) fn read_columns(conn: &Connection, record: RecordKey) -> Result<Option<Fields>> {
    let declared: Vec<_> = fields(record.kind).iter().filter(|f| f.name != SUPPORTERS).collect();
    let columns: Vec<String> = declared.iter().map(|f| snake_case(f.name)).collect();
    let sql = format!("SELECT {} FROM {} WHERE id = ?1", columns.join(", "), record.kind.table());
    let id = record.id.to_string();
    let row = conn
        .prepare_cached(&sql)?
        .query_row([&id], |row| {
            declared
                .iter()
                .enumerate()
                .map(|(i, field)| Ok((field.name.to_string(), value(row, i, field.holds)?)))
                .collect::<rusqlite::Result<Fields>>()
        })
        .optional()?;
    let Some(mut fields) = row else { return Ok(None) };
    if record.kind == RecordKind::Commitment {
        let supporters = conn
            .prepare_cached(
                "SELECT institution_id FROM commitment_supporter WHERE commitment_id = ?1 ORDER BY position",
            )?
            .query_map([&id], |r| r.get::<_, String>(0).map(Value::String))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        fields.insert(SUPPORTERS.into(), Value::Array(supporters));
    }
    Ok(Some(fields))
}

/// Writes commitment `id`'s supporting institutions, in the order of `ids`, in place of those it had.
pub(crate) fn write_supporters(conn: &Connection, id: &str, ids: &[Value]) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM commitment_supporter WHERE commitment_id = ?1")?.execute([id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO commitment_supporter (commitment_id, institution_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, institution) in ids.iter().filter_map(Value::as_str).enumerate() {
        insert.execute(rusqlite::params![id, institution, position as u32])?;
    }
    Ok(())
}

/// Column `i` of `row` as the sync value of a field that holds `holds`.
fn value(row: &Row, i: usize, holds: Holds) -> rusqlite::Result<Value> {
    let refused =
        |e: Box<dyn std::error::Error + Send + Sync>, kind| rusqlite::Error::FromSqlConversionFailure(i, kind, e);
    Ok(match row.get_ref(i)? {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) if holds == Holds::Boolean => Value::Bool(n != 0),
        ValueRef::Integer(n) => Value::from(n),
        ValueRef::Real(x) => Value::from(x),
        ValueRef::Text(text) => {
            let text = std::str::from_utf8(text).map_err(|e| refused(Box::new(e), rusqlite::types::Type::Text))?;
            if json(holds) {
                serde_json::from_str(text).map_err(|e| refused(Box::new(e), rusqlite::types::Type::Text))?
            } else {
                Value::String(text.to_string())
            }
        }
        ValueRef::Blob(_) => {
            return Err(rusqlite::Error::InvalidColumnType(i, "a field".into(), rusqlite::types::Type::Blob))
        }
    })
}

/// Whether a field holding `holds` is stored as JSON text.
fn json(holds: Holds) -> bool {
    matches!(
        holds,
        Holds::TextList | Holds::TextMap | Holds::Assessment | Holds::LinkList | Holds::FileList | Holds::Verdict
    )
}

#[cfg(test)]
mod tests {
    use plan_ouvert_domain::{CommitmentEdit, CommitmentId};
    use plan_ouvert_sync::fields::fields_of_kind;

    use super::*;
    use crate::read::{read_commitment, read_origin_fields};
    use crate::Store;

    /// What the domain's reader makes of a commitment (its record, then its origin), which the
    /// outbox, the shadows and the server have always held.
    fn through_the_domain(conn: &Connection, id: CommitmentId) -> Fields {
        let serde_json::Value::Object(mut map) = serde_json::to_value(read_commitment(conn, id).unwrap()).unwrap()
        else {
            panic!("a commitment is an object")
        };
        map.extend(read_origin_fields(conn, id).unwrap());
        fields_of_kind(RecordKind::Commitment)
            .iter()
            .filter_map(|f| map.remove(*f).map(|v| (f.to_string(), v)))
            .collect()
    }

    #[test]
    fn a_commitment_read_from_its_row_is_what_the_domain_reads() {
        let mut store = Store::open_in_memory().unwrap();
        let plan = store.load_demo_plan().unwrap();
        let ids: Vec<CommitmentId> = store
            .plan_overview(plan.id, &Default::default())
            .unwrap()
            .areas
            .iter()
            .flat_map(|a| &a.commitments)
            .map(|c| c.id)
            .collect();
        assert!(ids.len() > 5);
        let institutions: Vec<_> = store.list_institutions().unwrap().into_iter().map(|i| i.id).collect();
        // Every kind of value a commitment holds: yes/no, dates, weights, supporters in order,
        // none at all, and an imported commitment's origin (identifier, lists, the IRM's
        // assessment, its source's columns).
        for edit in [
            CommitmentEdit::AccessToInformation(true),
            CommitmentEdit::TechnologyInnovation(true),
            CommitmentEdit::StartDate("2022-01-01".into()),
            CommitmentEdit::EndDate("2023-06-30".into()),
            CommitmentEdit::Weight(3),
            CommitmentEdit::SupportingInstitutionIds(vec![institutions[2], institutions[0]]),
            CommitmentEdit::LeadInstitutionId(None),
            CommitmentEdit::Causes("Deux paragraphes.\n\nLe second, « guillemets » et accents : é à ü.".into()),
        ] {
            store.edit_commitment(ids[0], &edit).unwrap();
        }
        store
            .conn
            .execute(
                "UPDATE commitment SET ogp_id = 'FRA0042', number = '42', full_text = 'Texte intégral',
                        policy_areas = '[\"Justice\",\"Données ouvertes\"]',
                        assessment = '{\"potentialImpact\":\"moderate\"}',
                        source_columns = '{\"Colonne\":\"valeur\"}'
                 WHERE id = ?1",
                [ids[1].to_string()],
            )
            .unwrap();
        for id in ids {
            let record = RecordKey { kind: RecordKind::Commitment, id: id.0 };
            let row = read_columns(&store.conn, record).unwrap().expect("here");
            assert_eq!(row, through_the_domain(&store.conn, id), "commitment {id:?}");
        }
        let absent = RecordKey { kind: RecordKind::Commitment, id: uuid::Uuid::now_v7() };
        assert_eq!(read_columns(&store.conn, absent).unwrap(), None);
    }
}
