//! Writing a set of records from elsewhere (an import of the OGP commitment database, an export
//! read back) into this store: all or nothing, and idempotent.
//!
//! Records keep the ids they come with (made from their source identifiers), so importing the
//! same file twice finds them and changes nothing. Institutions are matched by name first: an
//! institution already here under the same name (ignoring case) is used rather than a second
//! one. Each record goes through the same tracking as an edit, so what an import creates or
//! changes is queued for the server like any other change.

use std::collections::{BTreeMap, HashMap};

use plan_ouvert_sync::protocol::{RecordKey, RecordKind, Value};
use rusqlite::OptionalExtension;
use uuid::Uuid;

use crate::sync::{read_fields, write_record, Tracked};
use crate::{Error, Result, Store};

/// How many records of one kind an import created, changed or found as they were.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
}

/// What an import did, per kind of record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub counts: BTreeMap<&'static str, Counts>,
}

impl ImportReport {
    pub fn of(&self, kind: RecordKind) -> Counts {
        self.counts.get(kind.code()).copied().unwrap_or_default()
    }
}

const ORDER: [RecordKind; 5] =
    [RecordKind::Institution, RecordKind::Plan, RecordKind::Area, RecordKind::Commitment, RecordKind::Milestone];

fn remap(value: &mut Value, ids: &HashMap<String, String>) {
    match value {
        Value::String(s) => {
            if let Some(local) = ids.get(s.as_str()) {
                *s = local.clone();
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| remap(item, ids)),
        _ => {}
    }
}

impl Store {
    /// Writes `records` in one transaction: either all of them or, on the first refusal, none.
    /// `progress` is called with (records written, records in all).
    pub fn import_records(
        &mut self,
        records: &BTreeMap<RecordKey, BTreeMap<String, Value>>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        let tx = self.conn.savepoint()?;
        // Institutions already here under the same name keep their id.
        let mut same: HashMap<String, String> = HashMap::new();
        for (key, fields) in records.iter().filter(|(k, _)| k.kind == RecordKind::Institution) {
            let Some(name) = fields.get("name").and_then(Value::as_str) else { continue };
            let existing: Option<String> = tx
                .query_row("SELECT id FROM institution WHERE name = ?1 COLLATE NOCASE", [name], |r| r.get(0))
                .optional()?;
            if let Some(existing) = existing.filter(|e| *e != key.id.to_string()) {
                same.insert(key.id.to_string(), existing);
            }
        }
        let mut report = ImportReport::default();
        let total = records.len();
        let mut done = 0;
        for kind in ORDER {
            for (key, fields) in records.iter().filter(|(k, _)| k.kind == kind) {
                done += 1;
                if done % 50 == 0 || done == total {
                    progress(done, total);
                }
                if same.contains_key(&key.id.to_string()) {
                    let counts = report.counts.entry(kind.code()).or_default();
                    counts.unchanged += 1;
                    continue;
                }
                let mut fields = fields.clone();
                for value in fields.values_mut() {
                    remap(value, &same);
                }
                let before = read_fields(&tx, *key)?;
                let changed = match &before {
                    None => true,
                    Some(before) => fields.iter().any(|(f, v)| before.get(f) != Some(v)),
                };
                let counts = report.counts.entry(kind.code()).or_default();
                match (&before, changed) {
                    (None, _) => counts.created += 1,
                    (Some(_), true) => counts.updated += 1,
                    (Some(_), false) => {
                        counts.unchanged += 1;
                        continue;
                    }
                }
                let tracked = Tracked::before(&tx, key.kind, key.id)?;
                write_record(&tx, *key, &fields)?;
                tracked.record(&tx)?;
            }
        }
        tx.commit()?;
        Ok(report)
    }

    /// Every record of a plan (its areas, commitments and milestones) and every institution, as
    /// sync fields: what exports are made from.
    pub fn plan_records(
        &self,
        plan: plan_ouvert_domain::PlanId,
    ) -> Result<BTreeMap<RecordKey, BTreeMap<String, Value>>> {
        let plan_id = plan.0.to_string();
        let mut keys: Vec<RecordKey> = vec![RecordKey { kind: RecordKind::Plan, id: plan.0 }];
        let queries: [(RecordKind, &str); 4] = [
            (RecordKind::Institution, "SELECT id FROM institution ORDER BY name"),
            (RecordKind::Area, "SELECT id FROM area WHERE plan_id = ?1 ORDER BY position"),
            (RecordKind::Commitment, "SELECT id FROM commitment WHERE plan_id = ?1 ORDER BY position"),
            (
                RecordKind::Milestone,
                "SELECT m.id FROM milestone m JOIN commitment c ON c.id = m.commitment_id WHERE c.plan_id = ?1
                 ORDER BY m.position",
            ),
        ];
        for (kind, sql) in queries {
            let mut stmt = self.conn.prepare(sql)?;
            let ids: Vec<String> = if sql.contains("?1") {
                stmt.query_map([&plan_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
            } else {
                stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
            };
            for id in ids {
                keys.push(RecordKey { kind, id: Uuid::parse_str(&id).map_err(|e| Error::Corrupt(e.to_string()))? });
            }
        }
        let mut out = BTreeMap::new();
        for key in keys {
            match read_fields(&self.conn, key)? {
                Some(fields) => {
                    out.insert(key, fields);
                }
                None if key.kind == RecordKind::Plan => return Err(Error::NotFound(crate::Entity::Plan)),
                None => {}
            }
        }
        Ok(out)
    }
}
