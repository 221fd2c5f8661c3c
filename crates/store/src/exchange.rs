//! Exchange files: a workshop (or every unsent change) written to one file on this laptop, and
//! such a file taken in on another, without any network. The file's format and checks are
//! `plan_ouvert_sync::bundle`'s.
//!
//! Taking a file in follows the sync rules, in one transaction (all or nothing):
//! - a record this laptop does not have (nor deleted) is added as the other laptop holds it;
//!   one it has keeps its values (they came from the server or from this laptop's person): only
//!   the other laptop's own changes, below, move it;
//! - each of the other laptop's changes not taken in before is applied like a pull applies the
//!   server's: not on a field this laptop has a change of its own waiting on (the server will
//!   decide between the two), a long text merged by paragraph, a short field taken only when it
//!   still holds what the other person saw;
//! - those changes are kept, under the other laptop's identity, and relayed to the server on the
//!   next sync (`PushRequest::relay`): the server applies each once, whoever brings it first.
//!
//! The same file imported twice changes nothing (its fingerprint is kept); an older file after a
//! newer one changes nothing either (its changes were taken in already). A file holding who
//! workshop participants are is taken in only on a laptop of the institution that ran the
//! workshop, a file holding a citizen jury only on a laptop of the institution that runs it;
//! records the person may not see are left out.

use std::collections::{BTreeMap, BTreeSet};

use plan_ouvert_domain::{ExchangeImported, ExchangeScope, ExchangeWritten, JurySessionId, Locale, WorkshopId};
use plan_ouvert_sync::access::{is_personal_data, Role};
use plan_ouvert_sync::bundle::{self, Bundle, BundleError, Record, Scope, Writer};
use plan_ouvert_sync::fields::parent_field;
use plan_ouvert_sync::merge::{merge_text, TextMerge};
use plan_ouvert_sync::protocol::{
    field_kind, Change, ClientId, FieldKind, Mutation, Person, PushRequest, PushResponse, RecordKey, RecordKind, Value,
    PROTOCOL_VERSION,
};
use plan_ouvert_sync::replica::dependency_rank;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::access::is_own_by;
use crate::row::instant_text;
use crate::setting::signed_in;
use crate::sync::{client_id, plan_query, read_fields, read_outbox, write_fields, PUSH_BATCH};
use crate::{now, Error, Result, Store};

/// Why an exchange file is not taken in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExchangeRefusal {
    /// Not a whole, unchanged exchange file (`plan_ouvert_sync::bundle`'s reasons).
    File(BundleError),
    /// Written by this very laptop.
    OwnFile,
    /// It holds who participants of another institution's workshop are (`institution`).
    PersonalData { institution: String },
    /// It holds a citizen jury another institution runs (`institution`).
    JuryElsewhere { institution: String },
}

impl ExchangeRefusal {
    pub fn message(&self, locale: Locale) -> String {
        match (self, locale) {
            (ExchangeRefusal::File(error), _) => error.message(locale),
            (ExchangeRefusal::OwnFile, Locale::Fr) => {
                "Ce fichier a été écrit par ce poste : il n'y a rien à importer. Importez-le sur un autre poste.".into()
            }
            (ExchangeRefusal::OwnFile, Locale::En) => {
                "This file was written by this computer: there is nothing to import. Import it on another computer.".into()
            }
            (ExchangeRefusal::PersonalData { institution }, Locale::Fr) => format!(
                "Ce fichier contient l'identité de participants d'un atelier de {institution} : ces données personnelles restent à cette institution, il ne peut être importé que sur l'un de ses postes. Rien n'a été importé. Demandez un fichier écrit sans les participants."
            ),
            (ExchangeRefusal::PersonalData { institution }, Locale::En) => format!(
                "This file holds who took part in a workshop of {institution}: this personal data stays with that institution, the file can only be imported on one of its computers. Nothing was imported. Ask for a file written without the participants."
            ),
            (ExchangeRefusal::JuryElsewhere { institution }, Locale::Fr) => format!(
                "Ce fichier contient un jury citoyen de {institution} : ses jurés, candidatures et notes restent à cette institution, il ne peut être importé que sur l'un de ses postes. Rien n'a été importé."
            ),
            (ExchangeRefusal::JuryElsewhere { institution }, Locale::En) => format!(
                "This file holds a citizen jury of {institution}: its jurors, applications and scores stay with that institution, the file can only be imported on one of its computers. Nothing was imported."
            ),
        }
    }
}

fn text(fields: &BTreeMap<String, Value>, name: &str) -> Option<String> {
    fields.get(name).and_then(Value::as_str).map(str::to_string)
}

fn key(kind: RecordKind, id: &str) -> Option<RecordKey> {
    Uuid::parse_str(id).ok().map(|id| RecordKey { kind, id })
}

/// The ids of `sql`'s first column, as records of `kind`.
fn keys(conn: &Connection, kind: RecordKind, sql: &str, param: &str) -> Result<Vec<RecordKey>> {
    let ids: Vec<String> = conn.prepare(sql)?.query_map([param], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(ids.iter().filter_map(|id| key(kind, id)).collect())
}

/// A plan's structure (with the institutions it names) and its workshops, as records: what a
/// laptop without the plan needs to show a workshop of it. Identities only when `personal`.
fn plan_records(conn: &Connection, plan: &str, workshop: Option<&str>, personal: bool) -> Result<Vec<RecordKey>> {
    let mut all = vec![RecordKey {
        kind: RecordKind::Plan,
        id: Uuid::parse_str(plan).map_err(|e| Error::Corrupt(e.to_string()))?,
    }];
    all.extend(keys(
        conn,
        RecordKind::Institution,
        "SELECT DISTINCT i.id FROM institution i WHERE i.id IN (
           SELECT lead_institution_id FROM commitment WHERE plan_id = ?1
           UNION SELECT institution_id FROM commitment_supporter s JOIN commitment c ON c.id = s.commitment_id WHERE c.plan_id = ?1
           UNION SELECT m.lead_institution_id FROM milestone m JOIN commitment c ON c.id = m.commitment_id WHERE c.plan_id = ?1
           UNION SELECT institution_id FROM workshop WHERE plan_id = ?1)",
        plan,
    )?);
    all.extend(keys(conn, RecordKind::Area, "SELECT id FROM area WHERE plan_id = ?1", plan)?);
    all.extend(keys(conn, RecordKind::Commitment, "SELECT id FROM commitment WHERE plan_id = ?1", plan)?);
    all.extend(keys(
        conn,
        RecordKind::Milestone,
        "SELECT m.id FROM milestone m JOIN commitment c ON c.id = m.commitment_id WHERE c.plan_id = ?1",
        plan,
    )?);
    let workshops = match workshop {
        Some(id) => keys(conn, RecordKind::Workshop, "SELECT id FROM workshop WHERE id = ?1", id)?,
        None => keys(conn, RecordKind::Workshop, "SELECT id FROM workshop WHERE plan_id = ?1", plan)?,
    };
    for workshop in workshops {
        let id = workshop.id.to_string();
        all.push(workshop);
        all.extend(keys(conn, RecordKind::Participant, "SELECT id FROM participant WHERE workshop_id = ?1", &id)?);
        if personal {
            all.extend(keys(
                conn,
                RecordKind::Identity,
                "SELECT i.id FROM identity i JOIN participant p ON p.id = i.participant_id WHERE p.workshop_id = ?1",
                &id,
            )?);
        }
        all.extend(keys(
            conn,
            RecordKind::Contribution,
            "SELECT id FROM contribution WHERE workshop_id = ?1 ORDER BY created_at, id",
            &id,
        )?);
    }
    Ok(all)
}

/// The plan a record of this laptop belongs to.
fn plan_of(conn: &Connection, record: RecordKey) -> Result<Option<String>> {
    let Some(sql) = plan_query(record.kind) else { return Ok(None) };
    Ok(conn.query_row(sql, [record.id.to_string()], |r| r.get(0)).optional()?)
}

/// Whether the person signed in here may hold records of `institution` (`access::is_own_by`,
/// with its name from `names`); before anyone signs in, everything is the person's own. An id
/// that is not one names no institution: nobody's own.
fn own(person: Option<&Person>, institution: Option<&str>, names: &BTreeMap<String, String>) -> bool {
    let Some(person) = person else { return true };
    let Some(institution) = institution else { return true };
    Uuid::parse_str(institution).is_ok_and(|id| is_own_by(person, id, names.get(institution).map(String::as_str)))
}

/// Whether a change of this laptop waits on `field` of `record` (any field: `None`).
fn pending_on(conn: &Connection, record: RecordKey, field: Option<&str>) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE record_kind = ?1 AND record_id = ?2
           AND (?3 IS NULL OR json_extract(mutation, '$.change.op') != 'set' OR json_extract(mutation, '$.change.field') = ?3))",
        params![record.kind.code(), record.id.to_string(), field],
        |r| r.get(0),
    )?)
}

fn deleted_here(conn: &Connection, record: RecordKey) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sync_tombstone WHERE record_kind = ?1 AND record_id = ?2)",
        params![record.kind.code(), record.id.to_string()],
        |r| r.get(0),
    )?)
}

/// Applies another laptop's change here, as a pull would; `true` when something changed.
fn apply(conn: &Connection, mutation: &Mutation) -> Result<bool> {
    let record = mutation.record;
    if deleted_here(conn, record)? {
        return Ok(false);
    }
    let here = read_fields(conn, record)?;
    match (&mutation.change, here) {
        (Change::Create { fields }, None) => write_fields(conn, record, Some(fields)),
        (Change::Create { .. }, Some(_)) => Ok(false),
        (Change::Set { .. }, None) => Ok(false),
        (Change::Set { field, value, base }, Some(mut fields)) => {
            if pending_on(conn, record, Some(field))? {
                return Ok(false); // This laptop's own change waits: the server decides.
            }
            let mine = fields.get(field).cloned().unwrap_or(Value::Null);
            let next = if mine == *value {
                return Ok(false);
            } else if mine == *base {
                value.clone()
            } else {
                match (field_kind(record.kind, field), base.as_str(), mine.as_str(), value.as_str()) {
                    (FieldKind::Long, Some(b), Some(m), Some(t)) => match merge_text(b, m, t) {
                        TextMerge::Clean(merged) => Value::String(merged),
                        TextMerge::Conflict { .. } => return Ok(false),
                    },
                    // Changed here since the other person saw it: the server will raise the
                    // conflict with them.
                    _ => return Ok(false),
                }
            };
            fields.insert(field.clone(), next);
            write_fields(conn, record, Some(&fields))
        }
        (Change::Delete { .. }, Some(_)) if !pending_on(conn, record, None)? => write_fields(conn, record, None),
        (Change::Delete { .. }, _) => Ok(false),
    }
}

impl Store {
    /// Writes an exchange file: a workshop with the plan it is about, or every change not yet
    /// sent with the plans they are in; with this laptop's changes not yet acknowledged, for
    /// another laptop to relay. Participants' identities go in only with `personal_data`.
    pub fn write_exchange(&mut self, scope: ExchangeScope, personal_data: bool) -> Result<(Vec<u8>, ExchangeWritten)> {
        let conn = &self.conn;
        // A jury is personal data through and through: its file always holds it.
        let personal_data = personal_data || matches!(scope, ExchangeScope::Jury { .. });
        let mutations = read_outbox(conn, usize::MAX)?;
        let (bundle_scope, mut records) = match scope {
            ExchangeScope::Workshop { workshop_id } => {
                let workshop = crate::read::read_workshop(conn, workshop_id)?;
                let records =
                    plan_records(conn, &workshop.plan_id.to_string(), Some(&workshop_id.to_string()), personal_data)?;
                (Scope::Workshop { id: workshop_id.0, title: workshop.title }, records)
            }
            ExchangeScope::Jury { session_id } => {
                let session = session_id.to_string();
                let (plan, institution, title): (String, String, String) = conn
                    .query_row(
                        "SELECT plan_id, institution_id, title FROM jury_session WHERE id = ?1",
                        [&session],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()?
                    .ok_or(Error::NotFound(crate::Entity::JurySession))?;
                let mut records = keys(conn, RecordKind::Plan, "SELECT id FROM plan WHERE id = ?1", &plan)?;
                records.extend(keys(
                    conn,
                    RecordKind::Institution,
                    "SELECT id FROM institution WHERE id = ?1",
                    &institution,
                )?);
                records.extend(keys(
                    conn,
                    RecordKind::JurySession,
                    "SELECT id FROM jury_session WHERE id = ?1",
                    &session,
                )?);
                for kind in [RecordKind::Juror, RecordKind::JuryApplication, RecordKind::ScoreSheet] {
                    let sql = format!("SELECT id FROM {} WHERE session_id = ?1 ORDER BY created_at, id", kind.table());
                    records.extend(keys(conn, kind, &sql, &session)?);
                }
                (Scope::Jury { id: session_id.0, title }, records)
            }
            ExchangeScope::Unsent => {
                let mut plans = BTreeSet::new();
                let mut others = Vec::new();
                for mutation in &mutations {
                    match plan_of(conn, mutation.record)? {
                        Some(plan) => {
                            plans.insert(plan);
                        }
                        None => others.push(mutation.record),
                    }
                }
                let mut records = others;
                for plan in &plans {
                    records.extend(plan_records(conn, plan, None, personal_data)?);
                }
                (Scope::Unsent, records)
            }
        };
        records.sort_by_key(|r| dependency_rank(r.kind));
        records.dedup();
        let mut carried = Vec::with_capacity(records.len());
        for key in records {
            if let Some(fields) = read_fields(conn, key)? {
                carried.push(Record { key, fields });
            }
        }
        let mut mutations = mutations;
        if !personal_data {
            // Without the participants, the changes go up to the first one about who they are:
            // the server takes a laptop's changes in order only.
            if let Some(cut) = mutations.iter().position(|m| is_personal_data(m.record.kind)) {
                mutations.truncate(cut);
            }
        }
        let person = signed_in(conn)?;
        let bundle = Bundle {
            protocol: PROTOCOL_VERSION,
            written_at: instant_text(now()),
            writer: Writer {
                client: client_id(conn)?,
                person: person.as_ref().map(|p| p.name.clone()),
                institution_id: person.as_ref().map(|p| p.institution_id),
                institution_name: person.as_ref().map(|p| p.institution_name.clone()),
            },
            scope: bundle_scope,
            records: carried,
            mutations,
        };
        let bytes = bundle::write(&bundle);
        let written = ExchangeWritten {
            records: bundle.records.len() as u32,
            changes: bundle.mutations.len() as u32,
            bytes: bytes.len() as u64,
            personal_data: bundle.records.iter().any(|r| is_personal_data(r.key.kind))
                || bundle.mutations.iter().any(|m| is_personal_data(m.record.kind)),
        };
        Ok((bytes, written))
    }

    /// Takes an exchange file in (see the module's documentation).
    pub fn import_exchange(&mut self, bytes: &[u8], locale: Locale) -> Result<ExchangeImported> {
        self.import_exchange_from(bytes, locale).map(|(imported, _)| imported)
    }

    /// [`Store::import_exchange`], with the laptop that wrote the file (its sync identity, as
    /// the file gives it): a workshop room counts the laptops that exchanged with it.
    pub fn import_exchange_from(&mut self, bytes: &[u8], locale: Locale) -> Result<(ExchangeImported, ClientId)> {
        let bundle = bundle::read(bytes).map_err(|e| Error::Exchange(ExchangeRefusal::File(e)))?;
        let laptop = bundle.writer.client;
        let fingerprint = bundle::fingerprint(bytes).unwrap_or_default();
        let (workshop_id, workshop_title) = match &bundle.scope {
            Scope::Workshop { id, title } => (Some(WorkshopId(*id)), Some(title.clone())),
            Scope::Jury { .. } | Scope::Unsent => (None, None),
        };
        let (jury_session_id, jury_title) = match &bundle.scope {
            Scope::Jury { id, title } => (Some(JurySessionId(*id)), Some(title.clone())),
            Scope::Workshop { .. } | Scope::Unsent => (None, None),
        };
        let writer = bundle
            .writer
            .person
            .clone()
            .unwrap_or_else(|| locale.pick("un autre poste", "another computer").to_string());
        let mut summary = ExchangeImported {
            already: false,
            writer: writer.clone(),
            written_at: bundle.written_at.clone(),
            workshop_title,
            workshop_id,
            jury_title,
            jury_session_id,
            records_added: 0,
            changes_applied: 0,
            changes_to_relay: 0,
        };
        let tx = self.conn.savepoint()?;
        if bundle.writer.client == client_id(&tx)? {
            return Err(Error::Exchange(ExchangeRefusal::OwnFile));
        }
        let seen: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM exchange_import WHERE sha256 = ?1)", [&fingerprint], |r| {
                r.get(0)
            })?;
        if seen {
            summary.already = true;
            return Ok((summary, laptop));
        }
        let person = signed_in(&tx)?;
        // Institutions' names, from here and from the file, to match them as the server does.
        let mut names: BTreeMap<String, String> = tx
            .prepare("SELECT id, name FROM institution")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for record in bundle.records.iter().filter(|r| r.key.kind == RecordKind::Institution) {
            if let Some(name) = text(&record.fields, "name") {
                names.insert(record.key.id.to_string(), name);
            }
        }
        // Who leads each commitment of the file.
        let commitment_lead: BTreeMap<Uuid, Option<String>> = bundle
            .records
            .iter()
            .filter(|r| r.key.kind == RecordKind::Commitment)
            .map(|r| (r.key.id, text(&r.fields, "leadInstitutionId")))
            .collect();
        let coordinator = person.as_ref().is_some_and(|p| p.role == Role::Coordinator);
        // The institution that runs what a record of the file belongs to: its parents in the file
        // (`parent_field`) followed up to the workshop or jury session naming it. An identity is
        // known by its participant's id.
        let by_key: BTreeMap<RecordKey, &BTreeMap<String, Value>> =
            bundle.records.iter().map(|r| (r.key, &r.fields)).collect();
        let runner = |key: RecordKey| -> Option<String> {
            let mut key = if key.kind == RecordKind::Identity {
                RecordKey { kind: RecordKind::Participant, id: key.id }
            } else {
                key
            };
            loop {
                let fields = by_key.get(&key)?;
                if let Some(institution) = text(fields, "institutionId") {
                    return Some(institution);
                }
                let (field, parent) = parent_field(key.kind)?;
                key = RecordKey { kind: parent, id: text(fields, field).and_then(|id| Uuid::parse_str(&id).ok())? };
            }
        };
        for personal in bundle.records.iter().map(|r| r.key).chain(bundle.mutations.iter().map(|m| m.record)) {
            if !is_personal_data(personal.kind) {
                continue;
            }
            let institution = runner(personal).or_else(|| bundle.writer.institution_id.map(|i| i.to_string()));
            if !own(person.as_ref(), institution.as_deref(), &names) {
                let institution = institution
                    .and_then(|i| names.get(&i).cloned())
                    .or_else(|| bundle.writer.institution_name.clone())
                    .unwrap_or_default();
                return Err(Error::Exchange(if personal.kind == RecordKind::Identity {
                    ExchangeRefusal::PersonalData { institution }
                } else {
                    ExchangeRefusal::JuryElsewhere { institution }
                }));
            }
        }
        // Records: those this laptop lacks, that its person may see.
        let visible = |record: &Record| -> bool {
            if coordinator {
                return true;
            }
            match record.key.kind {
                RecordKind::Commitment => {
                    own(person.as_ref(), text(&record.fields, "leadInstitutionId").as_deref(), &names)
                }
                RecordKind::Milestone | RecordKind::Report => text(&record.fields, "commitmentId")
                    .and_then(|c| Uuid::parse_str(&c).ok())
                    .and_then(|c| commitment_lead.get(&c).cloned())
                    .is_none_or(|lead| own(person.as_ref(), lead.as_deref(), &names)),
                _ => true,
            }
        };
        for record in &bundle.records {
            if !visible(record) || deleted_here(&tx, record.key)? || read_fields(&tx, record.key)?.is_some() {
                continue;
            }
            if write_fields(&tx, record.key, Some(&record.fields))? {
                summary.records_added += 1;
            } else {
                return Err(Error::Exchange(ExchangeRefusal::File(BundleError::Invalid(format!(
                    "{} {}",
                    record.key.kind.code(),
                    record.key.id
                )))));
            }
        }
        // The other laptop's changes, each once.
        for mutation in &bundle.mutations {
            let client = mutation.id.client.0.to_string();
            let inserted = tx.execute(
                "INSERT INTO relay_mutation (client, seq, mutation) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![
                    client,
                    mutation.id.seq as i64,
                    serde_json::to_string(mutation).map_err(|e| Error::Corrupt(e.to_string()))?
                ],
            )?;
            if inserted == 0 {
                continue;
            }
            summary.changes_to_relay += 1;
            if apply(&tx, mutation)? {
                summary.changes_applied += 1;
            }
        }
        tx.execute(
            "INSERT INTO exchange_import (sha256, imported_at, writer, written_at) VALUES (?1, ?2, ?3, ?4)",
            params![fingerprint, instant_text(now()), writer, bundle.written_at],
        )?;
        tx.commit()?;
        Ok((summary, laptop))
    }

    /// Other laptops' changes to relay to the server, one request per laptop, oldest first.
    pub fn sync_relay_requests(&self) -> Result<Vec<PushRequest>> {
        let clients: Vec<String> = self
            .conn
            .prepare("SELECT DISTINCT client FROM relay_mutation WHERE relayed = 0")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut requests = Vec::new();
        for client in clients {
            let texts: Vec<String> = self
                .conn
                .prepare_cached(
                    "SELECT mutation FROM relay_mutation WHERE client = ?1 AND relayed = 0 ORDER BY seq LIMIT ?2",
                )?
                .query_map(params![client, PUSH_BATCH as i64], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mutations: Vec<Mutation> = texts
                .iter()
                .map(|t| serde_json::from_str(t).map_err(|e| Error::Corrupt(e.to_string())))
                .collect::<Result<_>>()?;
            let client = ClientId(Uuid::parse_str(&client).map_err(|e| Error::Corrupt(e.to_string()))?);
            requests.push(PushRequest { protocol: PROTOCOL_VERSION, client, mutations, acknowledged: 0, relay: true });
        }
        Ok(requests)
    }

    /// Takes in the server's answer to a relay: what it holds now (taken from here, or sent by
    /// its author first) is relayed; the rest waits for the next sync, or for its author.
    pub fn sync_apply_relay(&mut self, request: &PushRequest, response: &PushResponse) -> Result<usize> {
        Ok(self.conn.execute(
            "UPDATE relay_mutation SET relayed = 1 WHERE client = ?1 AND seq < ?2 AND relayed = 0",
            params![request.client.0.to_string(), response.next_expected as i64],
        )?)
    }

    /// How many other laptops' changes wait to be relayed.
    pub fn sync_relay_pending(&self) -> Result<u32> {
        Ok(self.conn.query_row("SELECT count(*) FROM relay_mutation WHERE relayed = 0", [], |r| r.get(0))?)
    }
}
