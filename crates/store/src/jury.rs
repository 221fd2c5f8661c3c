//! The citizen jury of the accelerator of citizen initiatives: sessions, their jurors and
//! applications (typed, or read from the call's file), each juror's score sheets, and the
//! ranking. The rules of what is typed and of the ranking are the domain's
//! (`plan_ouvert_domain::jury`); who may see what is the sync rule (`plan_ouvert_sync::access`):
//! everything of a jury stays on the laptops of the institution that runs it.
//!
//! Each change is one transaction writing the rows and their outgoing mutations together, like
//! every other record. A juror's sheet for an application has one id on every laptop
//! (`plan_ouvert_sync::fields::score_sheet_id`): correcting it changes its verdict.

use std::collections::HashMap;

use plan_ouvert_domain::{
    rank, InstitutionId, Juror, JurorId, JurorInput, JurorView, JuryApplication, JuryApplicationId,
    JuryApplicationInput, JuryApplicationsImported, JuryDetail, JurySession, JurySessionId, JurySessionInput,
    JurySessionSummary, JuryVerdict, PlanId, Problem, ScoreSheet, ScoreSheetInput, ValidJuryApplication,
};
use plan_ouvert_sync::fields::score_sheet_id;
use plan_ouvert_sync::protocol::{RecordKey, RecordKind};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::read::{read_institution, read_plan};
use crate::row::{date, date_text, instant_text, uuid};
use crate::sync::Tracked;
use crate::{now, Entity, Error, Result, Store};

const SESSION_COLUMNS: &str = "id, plan_id, institution_id, title, held_on, places";
const JUROR_COLUMNS: &str = "id, session_id, name";
const APPLICATION_COLUMNS: &str = "id, session_id, title, applicant, summary, contact_email, reference";
const SHEET_COLUMNS: &str = "juror_id, application_id, verdict";

fn session_from_row(row: &Row<'_>) -> rusqlite::Result<JurySession> {
    Ok(JurySession {
        id: JurySessionId(uuid(row, "id")?),
        plan_id: PlanId(uuid(row, "plan_id")?),
        institution_id: InstitutionId(uuid(row, "institution_id")?),
        title: row.get("title")?,
        held_on: date(row, "held_on")?,
        places: row.get("places")?,
    })
}

fn juror_from_row(row: &Row<'_>) -> rusqlite::Result<Juror> {
    Ok(Juror {
        id: JurorId(uuid(row, "id")?),
        session_id: JurySessionId(uuid(row, "session_id")?),
        name: row.get("name")?,
    })
}

fn application_from_row(row: &Row<'_>) -> rusqlite::Result<JuryApplication> {
    Ok(JuryApplication {
        id: JuryApplicationId(uuid(row, "id")?),
        session_id: JurySessionId(uuid(row, "session_id")?),
        title: row.get("title")?,
        applicant: row.get("applicant")?,
        summary: row.get("summary")?,
        contact_email: row.get("contact_email")?,
        reference: row.get("reference")?,
    })
}

fn sheet_from_row(row: &Row<'_>) -> rusqlite::Result<ScoreSheet> {
    let verdict: String = row.get("verdict")?;
    let verdict: JuryVerdict = serde_json::from_str(&verdict)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e)))?;
    Ok(ScoreSheet {
        juror_id: JurorId(uuid(row, "juror_id")?),
        application_id: JuryApplicationId(uuid(row, "application_id")?),
        verdict,
    })
}

fn read_session(conn: &Connection, id: JurySessionId) -> Result<JurySession> {
    conn.query_row(
        &format!("SELECT {SESSION_COLUMNS} FROM jury_session WHERE id = ?1"),
        [id.to_string()],
        session_from_row,
    )
    .optional()?
    .ok_or(Error::NotFound(Entity::JurySession))
}

fn read_juror(conn: &Connection, id: JurorId) -> Result<Juror> {
    conn.query_row(&format!("SELECT {JUROR_COLUMNS} FROM juror WHERE id = ?1"), [id.to_string()], juror_from_row)
        .optional()?
        .ok_or(Error::NotFound(Entity::Juror))
}

fn read_application(conn: &Connection, id: JuryApplicationId) -> Result<JuryApplication> {
    conn.query_row(
        &format!("SELECT {APPLICATION_COLUMNS} FROM jury_application WHERE id = ?1"),
        [id.to_string()],
        application_from_row,
    )
    .optional()?
    .ok_or(Error::NotFound(Entity::JuryApplication))
}

fn jurors_of(conn: &Connection, session: JurySessionId) -> Result<Vec<Juror>> {
    let mut stmt = conn
        .prepare_cached(&format!("SELECT {JUROR_COLUMNS} FROM juror WHERE session_id = ?1 ORDER BY created_at, id"))?;
    let rows = stmt.query_map([session.to_string()], juror_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn applications_of(conn: &Connection, session: JurySessionId) -> Result<Vec<JuryApplication>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {APPLICATION_COLUMNS} FROM jury_application WHERE session_id = ?1 ORDER BY created_at, rowid"
    ))?;
    let rows = stmt.query_map([session.to_string()], application_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn sheets_of(conn: &Connection, session: JurySessionId) -> Result<Vec<ScoreSheet>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SHEET_COLUMNS} FROM score_sheet WHERE session_id = ?1 ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([session.to_string()], sheet_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Refuses a change to a jury this laptop's person may not hold: the server would refuse it, and
/// it would stay here among the refusals.
fn check_held_here(conn: &Connection, institution: InstitutionId) -> Result<()> {
    let institution = read_institution(conn, institution)?;
    if crate::access::personal_data_here(conn, &institution)? {
        Ok(())
    } else {
        Err(Error::JuryElsewhere { institution: institution.name })
    }
}

fn verdict_json(verdict: &JuryVerdict) -> Result<String> {
    serde_json::to_string(verdict).map_err(|e| Error::Corrupt(e.to_string()))
}

impl Store {
    /// The jury sessions of a plan this laptop holds, the latest first.
    pub fn jury_sessions(&self, plan: PlanId) -> Result<Vec<JurySessionSummary>> {
        read_plan(&self.conn, plan)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {SESSION_COLUMNS},
                    (SELECT count(*) FROM juror j WHERE j.session_id = s.id) AS jurors,
                    (SELECT count(*) FROM jury_application a WHERE a.session_id = s.id) AS applications,
                    (SELECT count(*) FROM score_sheet x WHERE x.session_id = s.id) AS sheets
             FROM jury_session s WHERE plan_id = ?1 ORDER BY held_on DESC, title"
        ))?;
        let rows = stmt
            .query_map([plan.to_string()], |row| {
                Ok((session_from_row(row)?, row.get("jurors")?, row.get("applications")?, row.get("sheets")?))
            })?
            .collect::<rusqlite::Result<Vec<(JurySession, u32, u32, u32)>>>()?;
        rows.into_iter()
            .map(|(session, jurors, applications, sheets)| {
                Ok(JurySessionSummary {
                    institution: read_institution(&self.conn, session.institution_id)?.into(),
                    session,
                    jurors,
                    applications,
                    sheets,
                })
            })
            .collect()
    }

    /// Everything a session's screen shows, with its ranking.
    pub fn jury_session(&self, id: JurySessionId) -> Result<JuryDetail> {
        let conn = &self.conn;
        let session = read_session(conn, id)?;
        let plan = read_plan(conn, session.plan_id)?;
        let institution = read_institution(conn, session.institution_id)?;
        let read_only = crate::access::read_only_in(conn, &plan, RecordKind::JurySession, Some(&institution))?;
        let jurors = jurors_of(conn, id)?;
        let applications = applications_of(conn, id)?;
        let sheets = sheets_of(conn, id)?;
        let ranking = rank(&session, &jurors, &applications, &sheets);
        let mut handed_in: HashMap<JurorId, u32> = HashMap::new();
        for sheet in &sheets {
            *handed_in.entry(sheet.juror_id).or_default() += 1;
        }
        let jurors = jurors
            .into_iter()
            .map(|juror| JurorView { sheets: handed_in.get(&juror.id).copied().unwrap_or(0), juror })
            .collect();
        Ok(JuryDetail { institution: institution.into(), session, jurors, applications, sheets, ranking, read_only })
    }

    /// Opens a jury session of `plan`, run by `institution`.
    pub fn create_jury_session(
        &mut self,
        plan: PlanId,
        institution: InstitutionId,
        input: &JurySessionInput,
    ) -> Result<JurySession> {
        let valid = input.parse()?;
        let tx = self.conn.savepoint()?;
        if read_plan(&tx, plan)?.library {
            return Err(Error::InLibrary);
        }
        if read_institution(&tx, institution).is_err() {
            return Err(Problem::UnknownReference.on("institutionId").into());
        }
        check_held_here(&tx, institution)?;
        let id = JurySessionId::new();
        let at = instant_text(now());
        tx.execute(
            "INSERT INTO jury_session (id, plan_id, institution_id, title, held_on, places, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                id.to_string(),
                plan.to_string(),
                institution.to_string(),
                valid.title.as_str(),
                date_text(Some(valid.held_on)),
                valid.places,
                at
            ],
        )?;
        Tracked::new_record(RecordKind::JurySession, id.0).record(&tx)?;
        let session = read_session(&tx, id)?;
        tx.commit()?;
        Ok(session)
    }

    /// Changes a session's cohort, day or places (not the institution that runs it).
    pub fn update_jury_session(&mut self, id: JurySessionId, input: &JurySessionInput) -> Result<JurySession> {
        let valid = input.parse()?;
        let tx = self.conn.savepoint()?;
        let session = read_session(&tx, id)?;
        check_held_here(&tx, session.institution_id)?;
        let tracked = Tracked::before(&tx, RecordKind::JurySession, id.0)?;
        tx.execute(
            "UPDATE jury_session SET title = ?2, held_on = ?3, places = ?4, updated_at = ?5 WHERE id = ?1",
            params![
                id.to_string(),
                valid.title.as_str(),
                date_text(Some(valid.held_on)),
                valid.places,
                instant_text(now())
            ],
        )?;
        tracked.record(&tx)?;
        let session = read_session(&tx, id)?;
        tx.commit()?;
        Ok(session)
    }

    /// Deletes a session with its jurors, applications and sheets.
    pub fn delete_jury_session(&mut self, id: JurySessionId) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let session = read_session(&tx, id)?;
        check_held_here(&tx, session.institution_id)?;
        let tracked = Tracked::before(&tx, RecordKind::JurySession, id.0)?;
        tx.execute("DELETE FROM jury_session WHERE id = ?1", [id.to_string()])?;
        tracked.record(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Adds a juror to a session: the sixteenth is refused, and so is a name another juror goes
    /// by.
    pub fn add_juror(&mut self, session: JurySessionId, input: &JurorInput) -> Result<Juror> {
        let tx = self.conn.savepoint()?;
        let record = read_session(&tx, session)?;
        check_held_here(&tx, record.institution_id)?;
        let valid = input.parse(&jurors_of(&tx, session)?)?;
        let id = JurorId::new();
        tx.execute(
            "INSERT INTO juror (id, session_id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![id.to_string(), session.to_string(), valid.name.as_str(), instant_text(now())],
        )?;
        Tracked::new_record(RecordKind::Juror, id.0).record(&tx)?;
        let juror = read_juror(&tx, id)?;
        tx.commit()?;
        Ok(juror)
    }

    /// Renames a juror.
    pub fn rename_juror(&mut self, id: JurorId, input: &JurorInput) -> Result<Juror> {
        let tx = self.conn.savepoint()?;
        let juror = read_juror(&tx, id)?;
        let session = read_session(&tx, juror.session_id)?;
        check_held_here(&tx, session.institution_id)?;
        let others: Vec<Juror> = jurors_of(&tx, session.id)?.into_iter().filter(|j| j.id != id).collect();
        let valid = input.parse(&others)?;
        let tracked = Tracked::before(&tx, RecordKind::Juror, id.0)?;
        tx.execute(
            "UPDATE juror SET name = ?2, updated_at = ?3 WHERE id = ?1",
            params![id.to_string(), valid.name.as_str(), instant_text(now())],
        )?;
        tracked.record(&tx)?;
        let juror = read_juror(&tx, id)?;
        tx.commit()?;
        Ok(juror)
    }

    /// Removes a juror from the session, with the sheets they handed in.
    pub fn remove_juror(&mut self, id: JurorId) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let juror = read_juror(&tx, id)?;
        delete_with_sheets(&tx, juror.session_id, RecordKey { kind: RecordKind::Juror, id: id.0 }, "juror_id")?;
        tx.commit()?;
        Ok(())
    }

    /// Adds an application to a session.
    pub fn add_jury_application(
        &mut self,
        session: JurySessionId,
        input: &JuryApplicationInput,
    ) -> Result<JuryApplication> {
        let tx = self.conn.savepoint()?;
        let record = read_session(&tx, session)?;
        check_held_here(&tx, record.institution_id)?;
        let id = insert_application(&tx, session, &input.parse()?)?;
        let application = read_application(&tx, id)?;
        tx.commit()?;
        Ok(application)
    }

    /// Adds the applications read from a call's file, all or none: a row whose reference the
    /// session has already is the same application (the file imported again) and is left as it
    /// is.
    pub fn import_jury_applications(
        &mut self,
        session: JurySessionId,
        rows: &[JuryApplicationInput],
    ) -> Result<JuryApplicationsImported> {
        let valid = rows.iter().map(JuryApplicationInput::parse).collect::<std::result::Result<Vec<_>, _>>()?;
        let tx = self.conn.savepoint()?;
        let record = read_session(&tx, session)?;
        check_held_here(&tx, record.institution_id)?;
        let mut known: std::collections::HashSet<String> =
            applications_of(&tx, session)?.into_iter().map(|a| a.reference).filter(|r| !r.is_empty()).collect();
        let mut imported = JuryApplicationsImported { added: 0, already_there: 0 };
        for row in &valid {
            let reference = row.reference.as_str();
            if !reference.is_empty() && !known.insert(reference.to_string()) {
                imported.already_there += 1;
                continue;
            }
            insert_application(&tx, session, row)?;
            imported.added += 1;
        }
        tx.commit()?;
        Ok(imported)
    }

    /// Changes an application.
    pub fn update_jury_application(
        &mut self,
        id: JuryApplicationId,
        input: &JuryApplicationInput,
    ) -> Result<JuryApplication> {
        let valid = input.parse()?;
        let tx = self.conn.savepoint()?;
        let application = read_application(&tx, id)?;
        let session = read_session(&tx, application.session_id)?;
        check_held_here(&tx, session.institution_id)?;
        let tracked = Tracked::before(&tx, RecordKind::JuryApplication, id.0)?;
        tx.execute(
            "UPDATE jury_application SET title = ?2, applicant = ?3, summary = ?4, contact_email = ?5,
                    reference = ?6, updated_at = ?7 WHERE id = ?1",
            params![
                id.to_string(),
                valid.title.as_str(),
                valid.applicant.as_str(),
                valid.summary.as_str(),
                valid.contact_email.as_str(),
                valid.reference.as_str(),
                instant_text(now())
            ],
        )?;
        tracked.record(&tx)?;
        let application = read_application(&tx, id)?;
        tx.commit()?;
        Ok(application)
    }

    /// Deletes an application with the sheets scoring it.
    pub fn delete_jury_application(&mut self, id: JuryApplicationId) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let application = read_application(&tx, id)?;
        let record = RecordKey { kind: RecordKind::JuryApplication, id: id.0 };
        delete_with_sheets(&tx, application.session_id, record, "application_id")?;
        tx.commit()?;
        Ok(())
    }

    /// Takes a juror's sheet for an application: five scores, or an abstention with its reason.
    /// A sheet the juror handed in already for that application is corrected.
    pub fn hand_in_score_sheet(&mut self, input: &ScoreSheetInput) -> Result<ScoreSheet> {
        let tx = self.conn.savepoint()?;
        let juror = read_juror(&tx, input.juror_id).map_err(|_| Problem::UnknownReference.on("jurorId"))?;
        let session = read_session(&tx, juror.session_id)?;
        check_held_here(&tx, session.institution_id)?;
        let others: Vec<ScoreSheet> = sheets_of(&tx, session.id)?
            .into_iter()
            .filter(|s| !(s.juror_id == input.juror_id && s.application_id == input.application_id))
            .collect();
        let sheet = input.parse(&jurors_of(&tx, session.id)?, &applications_of(&tx, session.id)?, &others)?;
        let id = score_sheet_id(sheet.juror_id.0, sheet.application_id.0);
        let verdict = verdict_json(&sheet.verdict)?;
        let at = instant_text(now());
        let exists: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM score_sheet WHERE id = ?1)", [id.to_string()], |r| r.get(0))?;
        if exists {
            let tracked = Tracked::before(&tx, RecordKind::ScoreSheet, id)?;
            tx.execute(
                "UPDATE score_sheet SET verdict = ?2, updated_at = ?3 WHERE id = ?1",
                params![id.to_string(), verdict, at],
            )?;
            tracked.record(&tx)?;
        } else {
            tx.execute(
                "INSERT INTO score_sheet (id, session_id, juror_id, application_id, verdict, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![
                    id.to_string(),
                    session.id.to_string(),
                    sheet.juror_id.to_string(),
                    sheet.application_id.to_string(),
                    verdict,
                    at
                ],
            )?;
            Tracked::new_record(RecordKind::ScoreSheet, id).record(&tx)?;
        }
        tx.commit()?;
        Ok(sheet)
    }

    /// Withdraws a juror's sheet for an application (handed in by mistake).
    pub fn withdraw_score_sheet(&mut self, juror: JurorId, application: JuryApplicationId) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let id = score_sheet_id(juror.0, application.0);
        let session: Option<String> = tx
            .query_row("SELECT session_id FROM score_sheet WHERE id = ?1", [id.to_string()], |r| r.get(0))
            .optional()?;
        let Some(session) = session else { return Err(Error::NotFound(Entity::ScoreSheet)) };
        let session = read_session(&tx, JurySessionId(uuid_of(&session)?))?;
        check_held_here(&tx, session.institution_id)?;
        let tracked = Tracked::before(&tx, RecordKind::ScoreSheet, id)?;
        tx.execute("DELETE FROM score_sheet WHERE id = ?1", [id.to_string()])?;
        tracked.record(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

fn uuid_of(text: &str) -> Result<uuid::Uuid> {
    uuid::Uuid::parse_str(text).map_err(|e| Error::Corrupt(e.to_string()))
}

/// Inserts one application, checked by the domain's parser, and queues it.
fn insert_application(
    conn: &Connection,
    session: JurySessionId,
    valid: &ValidJuryApplication,
) -> Result<JuryApplicationId> {
    let id = JuryApplicationId::new();
    conn.execute(
        "INSERT INTO jury_application (id, session_id, title, applicant, summary, contact_email, reference,
                                       created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            id.to_string(),
            session.to_string(),
            valid.title.as_str(),
            valid.applicant.as_str(),
            valid.summary.as_str(),
            valid.contact_email.as_str(),
            valid.reference.as_str(),
            instant_text(now())
        ],
    )?;
    Tracked::new_record(RecordKind::JuryApplication, id.0).record(conn)?;
    Ok(id)
}

/// Deletes a juror or an application of `session` (`record`) after the sheets naming it (their
/// `column`), each its own tracked change.
fn delete_with_sheets(conn: &Connection, session: JurySessionId, record: RecordKey, column: &str) -> Result<()> {
    let session = read_session(conn, session)?;
    check_held_here(conn, session.institution_id)?;
    delete_sheets(conn, column, &record.id.to_string())?;
    let tracked = Tracked::before(conn, record.kind, record.id)?;
    conn.execute(&format!("DELETE FROM {} WHERE id = ?1", record.kind.table()), [record.id.to_string()])?;
    tracked.record(conn)
}

/// Deletes, each as its own tracked change, the sheets whose `column` is `id` (a juror's or an
/// application's): the server deletes them before what they name.
fn delete_sheets(conn: &Connection, column: &str, id: &str) -> Result<()> {
    let sheets: Vec<String> = conn
        .prepare(&format!("SELECT id FROM score_sheet WHERE {column} = ?1 ORDER BY id"))?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for sheet in sheets {
        let tracked = Tracked::before(conn, RecordKind::ScoreSheet, uuid_of(&sheet)?)?;
        conn.execute("DELETE FROM score_sheet WHERE id = ?1", [&sheet])?;
        tracked.record(conn)?;
    }
    Ok(())
}
