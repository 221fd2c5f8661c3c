//! Import into, and export from, the server's ledger: the command line's `import ogp-csv` and
//! `export json|csv|html`.
//!
//! An import writes every record of a [`Dataset`] in one transaction, field by field through the
//! ledger, as a coordinator's laptop would: new records are created, changed fields get a new
//! version (so every app pulls them), unchanged ones are left alone — importing the same file
//! twice changes nothing. A commitment belongs to the institution of the directory whose name is
//! its lead institution's (so that institution's drafters may edit it), else to the lead
//! institution's record.

use std::collections::BTreeMap;

use plan_ouvert_opendata::Dataset;
use plan_ouvert_sync::access::{Actor, Role};
use plan_ouvert_sync::ledger::Ledger;
use plan_ouvert_sync::protocol::{ClientId, MutationId, RecordKey, RecordKind, Value};
use rusqlite::{Connection, OptionalExtension};
use uuid::Uuid;

use crate::ledger::{LedgerError, SqliteLedger};

/// How many records of one kind an import created, changed or found as they were.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

const ORDER: [RecordKind; 5] =
    [RecordKind::Institution, RecordKind::Plan, RecordKind::Area, RecordKind::Commitment, RecordKind::Milestone];

fn directory_institution(conn: &Connection, name: &str) -> Result<Option<Uuid>, LedgerError> {
    let id: Option<String> =
        conn.query_row("SELECT id FROM institution WHERE name = ?1 COLLATE NOCASE", [name], |r| r.get(0)).optional()?;
    Ok(id.and_then(|id| Uuid::parse_str(&id).ok()))
}

/// Who owns a record: commitments and milestones their lead institution (as the directory knows
/// it when it does); the plan's shared structure nobody in particular.
fn owner(
    conn: &Connection,
    dataset: &Dataset,
    key: RecordKey,
    fields: &BTreeMap<String, Value>,
) -> Result<Uuid, LedgerError> {
    let commitment = match key.kind {
        RecordKind::Commitment => Some(fields),
        RecordKind::Milestone => fields
            .get("commitmentId")
            .and_then(Value::as_str)
            .and_then(|id| Uuid::parse_str(id).ok())
            .and_then(|id| dataset.get(RecordKind::Commitment, id)),
        _ => None,
    };
    let lead = commitment
        .and_then(|c| c.get("leadInstitutionId"))
        .and_then(Value::as_str)
        .and_then(|id| Uuid::parse_str(id).ok());
    let Some(lead) = lead else { return Ok(Uuid::nil()) };
    let name = dataset.get(RecordKind::Institution, lead).and_then(|i| i.get("name")).and_then(Value::as_str);
    Ok(match name {
        Some(name) => directory_institution(conn, name)?.unwrap_or(lead),
        None => lead,
    })
}

/// Writes `dataset` into the ledger in one transaction; returns what it did per kind.
pub fn import(conn: &mut Connection, dataset: &Dataset) -> Result<BTreeMap<RecordKind, Counts>, LedgerError> {
    // The import speaks as one more laptop, so each write says which "mutation" made it.
    let client = ClientId(Uuid::now_v7());
    let mut owners = BTreeMap::new();
    for (key, fields) in &dataset.records {
        // Only what a laptop can store, checked by the same rules as every change it sends.
        if plan_ouvert_sync::rules::check_creation(key.kind, fields).is_err() {
            let bad: Vec<&str> = fields
                .iter()
                .filter(|(f, v)| plan_ouvert_sync::fields::check_value(key.kind, f, v).is_err())
                .map(|(f, _)| f.as_str())
                .collect();
            return Err(LedgerError::Invalid(format!(
                "{} {} : valeur refusée ou champ manquant ({})",
                key.kind.code(),
                key.id,
                bad.join(", ")
            )));
        }
        owners.insert(*key, owner(conn, dataset, *key, fields)?);
    }
    let mut ledger = SqliteLedger::new(conn);
    ledger.atomically(|ledger| {
        let mut counts: BTreeMap<RecordKind, Counts> = BTreeMap::new();
        let mut seq = 0;
        for kind in ORDER {
            for (key, fields) in dataset.records.iter().filter(|(k, _)| k.kind == kind) {
                seq += 1;
                let by = MutationId { client, seq };
                let entry = counts.entry(kind).or_default();
                let exists = ledger.record(*key)?.is_some_and(|info| info.deleted_at.is_none());
                if !exists {
                    if ledger.record(*key)?.is_none() {
                        ledger.create_record(*key, owners.get(key).copied().unwrap_or_default())?;
                    }
                    for (field, value) in fields {
                        ledger.write(by, *key, field, value)?;
                    }
                    entry.created += 1;
                    continue;
                }
                let mut changed = false;
                for (field, value) in fields {
                    if ledger.field(*key, field)?.map(|f| f.value) != Some(value.clone()) {
                        ledger.write(by, *key, field, value)?;
                        changed = true;
                    }
                }
                if changed {
                    entry.updated += 1;
                } else {
                    entry.unchanged += 1;
                }
            }
        }
        Ok(counts)
    })
}

/// Every record the server holds (not deleted), as a [`Dataset`], for exports.
pub fn load(conn: &mut Connection) -> Result<Dataset, LedgerError> {
    let everyone = Actor { institution: Uuid::nil(), role: Role::Coordinator, person: Uuid::nil() };
    let mut ledger = SqliteLedger::new(conn);
    let changes = ledger.changes_since(0, usize::MAX, &everyone)?;
    let mut dataset = Dataset::default();
    for change in changes.changes {
        dataset.records.entry(change.record).or_default().insert(change.field, change.value);
    }
    Ok(dataset)
}
