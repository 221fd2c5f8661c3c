//! Writing a set of records from elsewhere (an import of the OGP commitment database, an export
//! read back) into this store: all or nothing, idempotent, previewed and reversible.
//!
//! Records keep the ids they come with (made from their source identifiers), so importing the
//! same file twice finds them and changes nothing. Institutions are matched by name and country
//! first: an institution already here under the same name (ignoring case), of the same country
//! or of none, is used rather than a second one.
//!
//! The person chooses what is shared: the records of the plans they share (their own country's)
//! go through the same tracking as an edit and are queued for the server; the plans of the
//! library (other countries', for reference) are marked `library`, kept on this laptop and
//! read-only, with the institutions only they name. [`Store::preview_import`] says, before
//! anything is written, what an import would create and how many changes it would queue.
//!
//! Every import is kept as a batch (each record's fields before and after), so that
//! [`Store::undo_import`] can put everything back as it was — refusing while a person has since
//! changed a record it wrote, so that undoing never erases their work.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use plan_ouvert_domain::{ErrorCode, Failure, Locale};
use plan_ouvert_sync::protocol::{RecordKey, RecordKind, Value};
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::row::instant_text;
use crate::sync::{read_fields, write_record, Tracked};
use crate::{now, Error, Result, Store};

/// How many records of one kind an import created, changed or found as they were.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
}

/// What an import did (or would do), per kind of record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub counts: BTreeMap<&'static str, Counts>,
    /// Changes queued for the server.
    pub queued: u32,
    /// Records written that stay on this laptop (the library).
    pub kept_here: u32,
    /// The batch to undo it (`None` for a preview).
    pub batch: Option<i64>,
}

impl ImportReport {
    pub fn of(&self, kind: RecordKind) -> Counts {
        self.counts.get(kind.code()).copied().unwrap_or_default()
    }
}

/// A past import, for undoing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportBatch {
    pub id: i64,
    /// When it was written (RFC 3339).
    pub at: String,
    pub file_name: String,
    /// The plans it wrote: (title, country, kept in the library).
    pub plans: Vec<(String, String, bool)>,
    /// Records it wrote.
    pub records: u32,
}

/// What undoing an import did (or would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UndoReport {
    /// Records the import had created, now deleted.
    pub deleted: u32,
    /// Records it had changed, now as before.
    pub restored: u32,
    /// Institutions it had created that records made since name: kept.
    pub kept: u32,
    /// Changes queued for the server.
    pub queued: u32,
}

/// What was chosen from a file: the plans written, and among them those kept in the library.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub plans: BTreeSet<Uuid>,
    pub library: BTreeSet<Uuid>,
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

fn text(fields: &BTreeMap<String, Value>, name: &str) -> String {
    fields.get(name).and_then(Value::as_str).unwrap_or("").to_string()
}

fn outbox_len(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT count(*) FROM sync_outbox", [], |r| r.get(0))?)
}

/// The records of the chosen plans (with their areas, commitments and milestones) and the
/// institutions they name, each marked whether it stays in the library.
fn chosen(
    records: &BTreeMap<RecordKey, BTreeMap<String, Value>>,
    selection: &Selection,
) -> Vec<(RecordKey, bool, BTreeMap<String, Value>)> {
    let plan_of = |key: &RecordKey, fields: &BTreeMap<String, Value>| -> Option<Uuid> {
        match key.kind {
            RecordKind::Plan => Some(key.id),
            RecordKind::Area | RecordKind::Commitment | RecordKind::Round | RecordKind::Workshop => {
                Uuid::parse_str(&text(fields, "planId")).ok()
            }
            RecordKind::Milestone => {
                let commitment = Uuid::parse_str(&text(fields, "commitmentId")).ok()?;
                let parent = records.get(&RecordKey { kind: RecordKind::Commitment, id: commitment })?;
                Uuid::parse_str(&text(parent, "planId")).ok()
            }
            // Open data never carries participants; a contribution comes with its workshop.
            RecordKind::Institution
            | RecordKind::Report
            | RecordKind::Participant
            | RecordKind::Identity
            | RecordKind::Contribution
            | RecordKind::JurySession
            | RecordKind::Juror
            | RecordKind::JuryApplication
            | RecordKind::ScoreSheet => None,
        }
    };
    fn collect_ids(value: &Value, into: &mut BTreeSet<String>) {
        match value {
            Value::String(s) => {
                into.insert(s.clone());
            }
            Value::Array(items) => items.iter().for_each(|i| collect_ids(i, into)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut named_by_shared: BTreeSet<String> = BTreeSet::new();
    let mut named_by_library: BTreeSet<String> = BTreeSet::new();
    for (key, fields) in records {
        let Some(plan) = plan_of(key, fields) else { continue };
        if !selection.plans.contains(&plan) {
            continue;
        }
        let library = selection.library.contains(&plan);
        let named = if library { &mut named_by_library } else { &mut named_by_shared };
        for field in ["leadInstitutionId", "supportingInstitutionIds"] {
            if let Some(value) = fields.get(field) {
                collect_ids(value, named);
            }
        }
        out.push((*key, library, fields.clone()));
    }
    for (key, fields) in records.iter().filter(|(k, _)| k.kind == RecordKind::Institution) {
        let id = key.id.to_string();
        if named_by_shared.contains(&id) {
            out.push((*key, false, fields.clone()));
        } else if named_by_library.contains(&id) {
            out.push((*key, true, fields.clone()));
        }
    }
    out
}

impl Store {
    /// What [`Store::import_records`] would do with `selection`, written nowhere.
    pub fn preview_import(
        &mut self,
        records: &BTreeMap<RecordKey, BTreeMap<String, Value>>,
        selection: &Selection,
    ) -> Result<ImportReport> {
        let tx = self.conn.savepoint()?;
        let mut report = write(&tx, records, selection, None, &mut |_, _| {})?;
        report.batch = None;
        // Dropped without commit: nothing stays.
        Ok(report)
    }

    /// Writes the chosen plans of `records` in one transaction: either all of them or, on the
    /// first refusal, none; keeps the batch for [`Store::undo_import`]. `progress` is called with
    /// (records written, records in all).
    pub fn import_records(
        &mut self,
        records: &BTreeMap<RecordKey, BTreeMap<String, Value>>,
        selection: &Selection,
        file_name: &str,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport> {
        let tx = self.conn.savepoint()?;
        let report = write(&tx, records, selection, Some(file_name), progress)?;
        tx.commit()?;
        Ok(report)
    }

    /// The imports that can still be undone, the latest first.
    pub fn import_batches(&self) -> Result<Vec<ImportBatch>> {
        let mut stmt = self.conn.prepare(
            "SELECT b.id, b.at, b.file_name, b.plans, (SELECT count(*) FROM import_batch_record r WHERE r.batch_id = b.id)
             FROM import_batch b WHERE b.undone_at IS NULL ORDER BY b.id DESC",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<(i64, String, String, String, u32)>>>()?;
        rows.into_iter()
            .map(|(id, at, file_name, plans, records)| {
                let plans: Vec<Value> = serde_json::from_str(&plans).map_err(|e| Error::Corrupt(e.to_string()))?;
                let plans = plans
                    .iter()
                    .map(|p| {
                        let s = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or("").to_string();
                        (s("title"), s("country"), p.get("library").and_then(Value::as_bool).unwrap_or(false))
                    })
                    .collect();
                Ok(ImportBatch { id, at, file_name, plans, records })
            })
            .collect()
    }

    /// What [`Store::undo_import`] would do, written nowhere.
    pub fn preview_undo_import(&mut self, batch: i64) -> Result<UndoReport> {
        let tx = self.conn.savepoint()?;
        undo(&tx, batch)
    }

    /// Puts back every record an import wrote as it was before, in one transaction: what it
    /// created is deleted (an institution named since by other records is kept), what it changed
    /// is restored; deletions and restorations of shared records are queued like any edit.
    /// Refused, with nothing changed, while records it wrote were changed since.
    pub fn undo_import(&mut self, batch: i64) -> Result<UndoReport> {
        let tx = self.conn.savepoint()?;
        let report = undo(&tx, batch)?;
        tx.execute("UPDATE import_batch SET undone_at = ?2 WHERE id = ?1", params![batch, instant_text(now())])?;
        tx.commit()?;
        Ok(report)
    }

    /// What [`Store::share_library_plan`] would queue, written nowhere.
    pub fn preview_share_library_plan(&mut self, plan: plan_ouvert_domain::PlanId) -> Result<u32> {
        let tx = self.conn.savepoint()?;
        share(&tx, plan)
    }

    /// Shares a plan of the reference library: it is no longer kept on this laptop only, and it
    /// and everything in it (with the institutions it names) are queued for the server as
    /// creations, editable like any shared plan (by those the server lets). Returns the number of
    /// changes queued.
    pub fn share_library_plan(&mut self, plan: plan_ouvert_domain::PlanId) -> Result<u32> {
        let tx = self.conn.savepoint()?;
        let queued = share(&tx, plan)?;
        tx.commit()?;
        Ok(queued)
    }

    /// Every record of a plan (its areas, commitments, milestones, progress reports, reporting
    /// rounds, workshops with their participants and contributions) and every institution, as
    /// sync fields: what exports are made from. Never who participants are (`identity`): that
    /// personal data stays in the app.
    pub fn plan_records(
        &self,
        plan: plan_ouvert_domain::PlanId,
    ) -> Result<BTreeMap<RecordKey, BTreeMap<String, Value>>> {
        let plan_id = plan.0.to_string();
        let mut keys: Vec<RecordKey> = vec![RecordKey { kind: RecordKind::Plan, id: plan.0 }];
        let queries: [(RecordKind, &str); 9] = [
            (RecordKind::Institution, "SELECT id FROM institution ORDER BY name"),
            (RecordKind::Area, "SELECT id FROM area WHERE plan_id = ?1 ORDER BY position"),
            (RecordKind::Commitment, "SELECT id FROM commitment WHERE plan_id = ?1 ORDER BY position"),
            (
                RecordKind::Milestone,
                "SELECT m.id FROM milestone m JOIN commitment c ON c.id = m.commitment_id WHERE c.plan_id = ?1
                 ORDER BY m.position",
            ),
            (RecordKind::Round, "SELECT id FROM round WHERE plan_id = ?1 ORDER BY due_on, id"),
            (
                RecordKind::Report,
                "SELECT r.id FROM report r JOIN commitment c ON c.id = r.commitment_id WHERE c.plan_id = ?1
                 ORDER BY r.reported_on, r.id",
            ),
            (RecordKind::Workshop, "SELECT id FROM workshop WHERE plan_id = ?1 ORDER BY held_on, id"),
            (
                RecordKind::Participant,
                "SELECT p.id FROM participant p JOIN workshop w ON w.id = p.workshop_id WHERE w.plan_id = ?1
                 ORDER BY p.created_at, p.id",
            ),
            (
                RecordKind::Contribution,
                "SELECT c.id FROM contribution c JOIN workshop w ON w.id = c.workshop_id WHERE w.plan_id = ?1
                 ORDER BY c.created_at, c.id",
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

/// Writes the chosen records in `tx`; keeps a batch when `file_name` is given.
fn write(
    tx: &Connection,
    records: &BTreeMap<RecordKey, BTreeMap<String, Value>>,
    selection: &Selection,
    file_name: Option<&str>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ImportReport> {
    let chosen = chosen(records, selection);
    let queued_before = outbox_len(tx)?;
    // Institutions already here under the same name, of the same country or of none, keep
    // their id.
    let mut same: HashMap<String, String> = HashMap::new();
    for (key, _, fields) in chosen.iter().filter(|(k, _, _)| k.kind == RecordKind::Institution) {
        let existing: Option<String> = tx
            .query_row(
                "SELECT id FROM institution WHERE name = ?1 COLLATE NOCASE AND country IN ('', ?2 COLLATE NOCASE)
                 ORDER BY country DESC LIMIT 1",
                params![text(fields, "name"), text(fields, "country")],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(existing) = existing.filter(|e| *e != key.id.to_string()) {
            same.insert(key.id.to_string(), existing);
        }
    }
    let batch = match file_name {
        Some(name) => {
            let plans: Vec<Value> = chosen
                .iter()
                .filter(|(k, _, _)| k.kind == RecordKind::Plan)
                .map(|(_, library, f)| {
                    serde_json::json!({"title": text(f, "title"), "country": text(f, "country"), "library": library})
                })
                .collect();
            tx.execute(
                "INSERT INTO import_batch (at, file_name, plans) VALUES (?1, ?2, ?3)",
                params![instant_text(now()), name, Value::Array(plans).to_string()],
            )?;
            Some(tx.last_insert_rowid())
        }
        None => None,
    };
    let mut report = ImportReport { batch, ..ImportReport::default() };
    let total = chosen.len();
    let mut done = 0;
    let mut seq = 0;
    for kind in ORDER {
        for (key, library, fields) in chosen.iter().filter(|(k, _, _)| k.kind == kind) {
            done += 1;
            if done % 50 == 0 || done == total {
                progress(done, total);
            }
            if same.contains_key(&key.id.to_string()) {
                report.counts.entry(kind.code()).or_default().unchanged += 1;
                continue;
            }
            let mut fields = fields.clone();
            for value in fields.values_mut() {
                remap(value, &same);
            }
            let before = read_fields(tx, *key)?;
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
            let id = key.id.to_string();
            if *library && kind == RecordKind::Institution && before.is_none() {
                tx.execute(
                    "INSERT OR IGNORE INTO sync_local (record_kind, record_id) VALUES ('institution', ?1)",
                    [&id],
                )?;
            }
            let tracked = Tracked::before_import(tx, key.kind, key.id)?;
            write_record(tx, *key, &fields)?;
            if *library && kind == RecordKind::Plan && before.is_none() {
                tx.execute("UPDATE plan SET library = 1 WHERE id = ?1", [&id])?;
            }
            let local = crate::sync::is_local(tx, *key)?;
            if local {
                report.kept_here += 1;
            }
            tracked.record(tx)?;
            if let Some(batch) = batch {
                seq += 1;
                let after = read_fields(tx, *key)?.unwrap_or_default();
                tx.execute(
                    "INSERT INTO import_batch_record (batch_id, seq, kind, id, before, after, tracked)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        batch,
                        seq,
                        kind.code(),
                        id,
                        before.map(|b| serde_json::to_string(&b).unwrap_or_default()),
                        serde_json::to_string(&after).unwrap_or_default(),
                        !local
                    ],
                )?;
            }
        }
    }
    report.queued = outbox_len(tx)? - queued_before;
    Ok(report)
}

/// Shares a library plan in `tx` (see [`Store::share_library_plan`]).
fn share(tx: &Connection, plan: plan_ouvert_domain::PlanId) -> Result<u32> {
    let id = plan.0.to_string();
    let library: Option<bool> =
        tx.query_row("SELECT library FROM plan WHERE id = ?1", [&id], |r| r.get(0)).optional()?;
    match library {
        None => return Err(Error::NotFound(crate::Entity::Plan)),
        Some(false) => return Ok(0),
        Some(true) => {}
    }
    let queued_before = outbox_len(tx)?;
    let ids = |sql: &str| -> Result<Vec<String>> {
        let mut stmt = tx.prepare(sql)?;
        let rows = stmt.query_map([&id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(rows)
    };
    let in_plan = "SELECT id FROM commitment WHERE plan_id = ?1";
    let institutions = ids(&format!(
        "SELECT id FROM institution WHERE id IN (SELECT record_id FROM sync_local WHERE record_kind = 'institution')
           AND (id IN (SELECT lead_institution_id FROM commitment WHERE plan_id = ?1)
             OR id IN (SELECT institution_id FROM commitment_supporter WHERE commitment_id IN ({in_plan}))
             OR id IN (SELECT lead_institution_id FROM milestone WHERE commitment_id IN ({in_plan})))"
    ))?;
    tx.execute("UPDATE plan SET library = 0 WHERE id = ?1", [&id])?;
    let mut records: Vec<(RecordKind, String)> = Vec::new();
    for institution in institutions {
        tx.execute("DELETE FROM sync_local WHERE record_kind = 'institution' AND record_id = ?1", [&institution])?;
        records.push((RecordKind::Institution, institution));
    }
    records.push((RecordKind::Plan, id.clone()));
    for (kind, sql) in [
        (RecordKind::Area, "SELECT id FROM area WHERE plan_id = ?1 ORDER BY position"),
        (RecordKind::Commitment, "SELECT id FROM commitment WHERE plan_id = ?1 ORDER BY position"),
        (
            RecordKind::Milestone,
            "SELECT m.id FROM milestone m JOIN commitment c ON c.id = m.commitment_id WHERE c.plan_id = ?1
             ORDER BY m.position",
        ),
    ] {
        records.extend(ids(sql)?.into_iter().map(|i| (kind, i)));
    }
    for (kind, record) in records {
        let uuid = Uuid::parse_str(&record).map_err(|e| Error::Corrupt(e.to_string()))?;
        Tracked::new_record(kind, uuid).record(tx)?;
    }
    Ok(outbox_len(tx)? - queued_before)
}

/// Undoes a batch in `tx` (see [`Store::undo_import`]).
fn undo(tx: &Connection, batch: i64) -> Result<UndoReport> {
    let undone: Option<Option<String>> =
        tx.query_row("SELECT undone_at FROM import_batch WHERE id = ?1", [batch], |r| r.get(0)).optional()?;
    match undone {
        None | Some(Some(_)) => return Err(Error::NotFound(crate::Entity::Import)),
        Some(None) => {}
    }
    let queued_before = outbox_len(tx)?;
    let mut stmt =
        tx.prepare("SELECT kind, id, before, after FROM import_batch_record WHERE batch_id = ?1 ORDER BY seq DESC")?;
    let rows = stmt
        .query_map([batch], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, String>(3)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(stmt);
    let parse = |text: &str| -> Result<BTreeMap<String, Value>> {
        serde_json::from_str(text).map_err(|e| Error::Corrupt(e.to_string()))
    };
    let mut records = Vec::with_capacity(rows.len());
    let mut changed = 0u32;
    for (kind, id, before, after) in rows {
        let kind = RecordKind::from_code(&kind).ok_or_else(|| Error::Corrupt(kind.clone()))?;
        let key = RecordKey { kind, id: Uuid::parse_str(&id).map_err(|e| Error::Corrupt(e.to_string()))? };
        let before = before.as_deref().map(parse).transpose()?;
        let after = parse(&after)?;
        let now_held = read_fields(tx, key)?;
        // Deleted since, or changed since: a person's work that undoing would erase.
        if now_held.as_ref() != Some(&after) {
            changed += 1;
        }
        records.push((key, before));
    }
    if changed > 0 {
        return Err(Error::ChangedSinceImport { changed });
    }
    let mut report = UndoReport::default();
    for (key, before) in records {
        let id = key.id.to_string();
        match before {
            Some(before) => {
                let tracked = Tracked::before_import(tx, key.kind, key.id)?;
                write_record(tx, key, &before)?;
                tracked.record(tx)?;
                report.restored += 1;
            }
            None => {
                if key.kind == RecordKind::Institution {
                    let named: bool = tx.query_row(
                        "SELECT EXISTS (SELECT 1 FROM commitment WHERE lead_institution_id = ?1)
                             OR EXISTS (SELECT 1 FROM milestone WHERE lead_institution_id = ?1)
                             OR EXISTS (SELECT 1 FROM commitment_supporter WHERE institution_id = ?1)",
                        [&id],
                        |r| r.get(0),
                    )?;
                    if named {
                        report.kept += 1;
                        continue;
                    }
                }
                // What a person added since inside a record the import made (a milestone in its
                // commitment, a commitment in its area) would go with it.
                let children = match key.kind {
                    RecordKind::Plan => {
                        "SELECT (SELECT count(*) FROM area WHERE plan_id = ?1)
                                              + (SELECT count(*) FROM commitment WHERE plan_id = ?1)
                                              + (SELECT count(*) FROM round WHERE plan_id = ?1)
                                              + (SELECT count(*) FROM workshop WHERE plan_id = ?1)"
                    }
                    RecordKind::Area => "SELECT count(*) FROM commitment WHERE area_id = ?1",
                    RecordKind::Commitment => {
                        "SELECT (SELECT count(*) FROM milestone WHERE commitment_id = ?1)
                              + (SELECT count(*) FROM report WHERE commitment_id = ?1)"
                    }
                    RecordKind::Milestone => "SELECT count(*) FROM report WHERE milestone_id = ?1",
                    RecordKind::Workshop => {
                        "SELECT (SELECT count(*) FROM participant WHERE workshop_id = ?1)
                              + (SELECT count(*) FROM contribution WHERE workshop_id = ?1)"
                    }
                    RecordKind::Institution
                    | RecordKind::Report
                    | RecordKind::Round
                    | RecordKind::Participant
                    | RecordKind::Identity
                    | RecordKind::Contribution
                    | RecordKind::JurySession
                    | RecordKind::Juror
                    | RecordKind::JuryApplication
                    | RecordKind::ScoreSheet => "SELECT 0 WHERE ?1 IS NOT NULL",
                };
                let added: u32 = tx.query_row(children, [&id], |r| r.get(0)).optional()?.unwrap_or(0);
                if added > 0 {
                    return Err(Error::ChangedSinceImport { changed: added });
                }
                let tracked = Tracked::before_import(tx, key.kind, key.id)?;
                if key.kind == RecordKind::Commitment {
                    tx.execute("DELETE FROM commitment_supporter WHERE commitment_id = ?1", [&id])?;
                }
                tx.execute(&format!("DELETE FROM {} WHERE id = ?1", key.kind.table()), [&id])?;
                tracked.record(tx)?;
                if key.kind == RecordKind::Institution {
                    tx.execute("DELETE FROM sync_local WHERE record_kind = 'institution' AND record_id = ?1", [&id])?;
                }
                report.deleted += 1;
            }
        }
    }
    report.queued = outbox_len(tx)? - queued_before;
    Ok(report)
}

/// Why an import cannot be undone, in the person's language.
pub(crate) fn changed_since_import(changed: u32, locale: Locale) -> Failure {
    let records = locale.count(
        changed.into(),
        ("enregistrement écrit par cet import a été modifié", "enregistrements écrits par cet import ont été modifiés"),
        ("record written by this import was changed", "records written by this import were changed"),
    );
    Failure::new(
        ErrorCode::InUse,
        match locale {
            Locale::Fr => format!(
                "L'import n'a pas été annulé : {records} depuis. L'annuler effacerait ce travail ; rien n'a été changé."
            ),
            Locale::En => format!(
                "The import was not undone: {records} since. Undoing it would erase that work; nothing was changed."
            ),
        },
    )
}
