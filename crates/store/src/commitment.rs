//! Commitments, edited one field at a time.

use plan_ouvert_domain::{
    AreaId, Commitment, CommitmentChange, CommitmentDates, CommitmentDetail, CommitmentEdit, CommitmentId,
    InstitutionId, PlanId, Problem, Title,
};
use rusqlite::{params, OptionalExtension, Row};

use crate::area::{read_area, read_areas};
use crate::institution::{check_institution, read_institutions};
use crate::milestone::read_milestones;
use crate::plan::read_plan;
use crate::row::{date_text, instant, instant_text, optional_date, optional_uuid, uuid};
use crate::sync::Tracked;
use crate::{now, rank, Entity, Error, Result, Store};
use plan_ouvert_sync::protocol::RecordKind;

const COLUMNS: &str =
    "id, plan_id, area_id, position, title, brief_description, problem, causes, done_so_far, solution,
    expected_results, transparency, accountability, participation, lead_institution_id, other_supporters,
    start_date, end_date, access_to_information, civic_participation, public_accountability, technology_innovation,
    contact_name, contact_title, contact_department, contact_email, contact_phone, created_at, updated_at";

fn commitment_from_row(row: &Row<'_>) -> rusqlite::Result<Commitment> {
    Ok(Commitment {
        id: CommitmentId(uuid(row, "id")?),
        plan_id: PlanId(uuid(row, "plan_id")?),
        area_id: AreaId(uuid(row, "area_id")?),
        position: row.get("position")?,
        title: row.get("title")?,
        brief_description: row.get("brief_description")?,
        problem: row.get("problem")?,
        causes: row.get("causes")?,
        done_so_far: row.get("done_so_far")?,
        solution: row.get("solution")?,
        expected_results: row.get("expected_results")?,
        transparency: row.get("transparency")?,
        accountability: row.get("accountability")?,
        participation: row.get("participation")?,
        lead_institution_id: optional_uuid(row, "lead_institution_id")?.map(InstitutionId),
        supporting_institution_ids: Vec::new(),
        other_supporters: row.get("other_supporters")?,
        start_date: optional_date(row, "start_date")?,
        end_date: optional_date(row, "end_date")?,
        access_to_information: row.get("access_to_information")?,
        civic_participation: row.get("civic_participation")?,
        public_accountability: row.get("public_accountability")?,
        technology_innovation: row.get("technology_innovation")?,
        contact_name: row.get("contact_name")?,
        contact_title: row.get("contact_title")?,
        contact_department: row.get("contact_department")?,
        contact_email: row.get("contact_email")?,
        contact_phone: row.get("contact_phone")?,
        created_at: instant(row, "created_at")?,
        updated_at: instant(row, "updated_at")?,
    })
}

fn read_supporters(conn: &rusqlite::Connection, id: CommitmentId) -> Result<Vec<InstitutionId>> {
    let mut stmt =
        conn.prepare("SELECT institution_id FROM commitment_supporter WHERE commitment_id = ?1 ORDER BY position")?;
    let ids = stmt
        .query_map([id.to_string()], |row| uuid(row, "institution_id").map(InstitutionId))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

pub(crate) fn read_commitment(conn: &rusqlite::Connection, id: CommitmentId) -> Result<Commitment> {
    let mut commitment = conn
        .query_row(&format!("SELECT {COLUMNS} FROM commitment WHERE id = ?1"), [id.to_string()], commitment_from_row)
        .optional()?
        .ok_or(Error::NotFound(Entity::Commitment))?;
    commitment.supporting_institution_ids = read_supporters(conn, id)?;
    Ok(commitment)
}

/// Every commitment of a plan with its supporters, in area then rank order.
pub(crate) fn read_plan_commitments(conn: &rusqlite::Connection, plan: PlanId) -> Result<Vec<Commitment>> {
    let mut stmt =
        conn.prepare(&format!("SELECT {COLUMNS} FROM commitment WHERE plan_id = ?1 ORDER BY position, title"))?;
    let mut list: Vec<Commitment> =
        stmt.query_map([plan.to_string()], commitment_from_row)?.collect::<rusqlite::Result<_>>()?;
    let mut supporters = conn.prepare(
        "SELECT s.commitment_id, s.institution_id FROM commitment_supporter s
         JOIN commitment c ON c.id = s.commitment_id WHERE c.plan_id = ?1 ORDER BY s.position",
    )?;
    let pairs = supporters
        .query_map([plan.to_string()], |row| {
            Ok((CommitmentId(uuid(row, "commitment_id")?), InstitutionId(uuid(row, "institution_id")?)))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (commitment, institution) in pairs {
        if let Some(c) = list.iter_mut().find(|c| c.id == commitment) {
            c.supporting_institution_ids.push(institution);
        }
    }
    Ok(list)
}

/// The origin columns of a commitment, as sync fields (`ogpId`, `assessment`…): what an import
/// wrote, empty for a commitment drafted here.
pub(crate) fn read_origin_fields(
    conn: &rusqlite::Connection,
    id: CommitmentId,
) -> Result<serde_json::Map<String, serde_json::Value>> {
    use serde_json::Value;
    let parse = |text: String| serde_json::from_str::<Value>(&text).unwrap_or(Value::Null);
    let row = conn
        .query_row(
            "SELECT ogp_id, number, short_title, full_text, start_date_source, end_date_source, policy_areas, url,
                    assessment, source_columns FROM commitment WHERE id = ?1",
            [id.to_string()],
            |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, Option<String>>(8)?,
                    r.get::<_, String>(9)?,
                ))
            },
        )
        .optional()?
        .ok_or(Error::NotFound(Entity::Commitment))?;
    let (ogp_id, number, short_title, full_text, start_source, end_source, areas, url, assessment, source) = row;
    let mut map = serde_json::Map::new();
    map.insert("ogpId".into(), ogp_id.map(Value::String).unwrap_or(Value::Null));
    map.insert("number".into(), Value::String(number));
    map.insert("shortTitle".into(), Value::String(short_title));
    map.insert("fullText".into(), Value::String(full_text));
    map.insert("startDateSource".into(), Value::String(start_source));
    map.insert("endDateSource".into(), Value::String(end_source));
    map.insert("policyAreas".into(), parse(areas));
    map.insert("url".into(), Value::String(url));
    map.insert("assessment".into(), assessment.map(parse).unwrap_or(Value::Null));
    map.insert("sourceColumns".into(), parse(source));
    Ok(map)
}

/// The origin of an imported commitment, for its screen.
fn read_origin(conn: &rusqlite::Connection, id: CommitmentId) -> Result<Option<plan_ouvert_domain::CommitmentOrigin>> {
    let map = read_origin_fields(conn, id)?;
    if map.get("ogpId").is_none_or(serde_json::Value::is_null) {
        return Ok(None);
    }
    serde_json::from_value(serde_json::Value::Object(map)).map(Some).map_err(|e| Error::Corrupt(e.to_string()))
}

impl Store {
    /// Creates a commitment at the end of an engagement area, with only its title: the rest is
    /// filled field by field.
    pub fn create_commitment(&mut self, area: AreaId, title: &str) -> Result<Commitment> {
        let title = Title::parse(title).map_err(|p| p.on("title"))?;
        let tx = self.conn.savepoint()?;
        let area = read_area(&tx, area)?;
        let id = CommitmentId::new();
        let at = instant_text(now());
        tx.execute(
            "INSERT INTO commitment (id, plan_id, area_id, position, title, created_at, updated_at)
             VALUES (?1, ?2, ?3, (SELECT coalesce(max(position) + 1, 0) FROM commitment WHERE area_id = ?3), ?4, ?5, ?5)",
            params![id.to_string(), area.plan_id.to_string(), area.id.to_string(), title.as_str(), at],
        )?;
        Tracked::new_record(RecordKind::Commitment, id.0).record(&tx)?;
        let commitment = read_commitment(&tx, id)?;
        tx.commit()?;
        Ok(commitment)
    }

    pub fn commitment(&self, id: CommitmentId) -> Result<Commitment> {
        read_commitment(&self.conn, id)
    }

    /// Everything the commitment screen shows, read in one transaction so it is consistent.
    pub fn commitment_detail(&mut self, id: CommitmentId) -> Result<CommitmentDetail> {
        let tx = self.conn.savepoint()?;
        let commitment = read_commitment(&tx, id)?;
        let detail = CommitmentDetail {
            plan: read_plan(&tx, commitment.plan_id)?,
            area: read_area(&tx, commitment.area_id)?,
            milestones: read_milestones(&tx, id)?,
            areas: read_areas(&tx, commitment.plan_id)?,
            institutions: read_institutions(&tx)?,
            origin: read_origin(&tx, id)?,
            commitment,
        };
        tx.commit()?;
        Ok(detail)
    }

    /// Saves one field of a commitment, after checking it against the plan and the commitment's
    /// other values. Nothing is written when the value is refused.
    pub fn edit_commitment(&mut self, id: CommitmentId, edit: &CommitmentEdit) -> Result<Commitment> {
        let tx = self.conn.savepoint()?;
        let current = read_commitment(&tx, id)?;
        let plan = read_plan(&tx, current.plan_id)?;
        let dates = CommitmentDates { period: plan.period(), start: current.start_date, end: current.end_date };
        let change = edit.parse(dates)?;
        let tracked = Tracked::before(&tx, RecordKind::Commitment, id.0)?;
        let at = instant_text(now());
        let key = id.to_string();
        let set = |column: &str, value: &dyn rusqlite::ToSql| -> Result<()> {
            tx.execute(
                &format!("UPDATE commitment SET {column} = ?2, updated_at = ?3 WHERE id = ?1"),
                params![key, value, at],
            )?;
            Ok(())
        };
        match &change {
            CommitmentChange::Title(title) => set("title", &title.as_str())?,
            CommitmentChange::Text(field, text) => set(field.column(), text)?,
            CommitmentChange::Area(area) => {
                let target = read_area(&tx, *area).map_err(|e| match e {
                    Error::NotFound(_) => Problem::UnknownReference.on("areaId").into(),
                    other => other,
                })?;
                if target.plan_id != current.plan_id {
                    return Err(Problem::UnknownReference.on("areaId").into());
                }
                if target.id != current.area_id {
                    tx.execute(
                        "UPDATE commitment SET area_id = ?2, updated_at = ?3,
                           position = (SELECT coalesce(max(position) + 1, 0) FROM commitment WHERE area_id = ?2)
                         WHERE id = ?1",
                        params![key, target.id.to_string(), at],
                    )?;
                    rank::close_gaps(&tx, RecordKind::Commitment, current.area_id.0)?;
                }
            }
            CommitmentChange::Lead(lead) => {
                check_institution(&tx, *lead, "leadInstitutionId")?;
                set("lead_institution_id", &lead.map(|i| i.to_string()))?;
            }
            CommitmentChange::Supporting(ids) => {
                for institution in ids {
                    check_institution(&tx, Some(*institution), "supportingInstitutionIds")?;
                }
                tx.execute("DELETE FROM commitment_supporter WHERE commitment_id = ?1", [&key])?;
                for (position, institution) in ids.iter().enumerate() {
                    tx.execute(
                        "INSERT INTO commitment_supporter (commitment_id, institution_id, position) VALUES (?1, ?2, ?3)",
                        params![key, institution.to_string(), position as u32],
                    )?;
                }
                set("updated_at", &at)?;
            }
            CommitmentChange::StartDate(date) => set("start_date", &date_text(*date))?,
            CommitmentChange::EndDate(date) => set("end_date", &date_text(*date))?,
            CommitmentChange::Value(value, on) => set(value.column(), on)?,
        }
        tracked.record(&tx)?;
        let commitment = read_commitment(&tx, id)?;
        tx.commit()?;
        Ok(commitment)
    }

    /// Deletes a commitment and its milestones.
    pub fn delete_commitment(&mut self, id: CommitmentId) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let commitment = read_commitment(&tx, id)?;
        // Milestones go first, each as its own deletion, so that no laptop keeps orphans.
        let mut tracked: Vec<Tracked> = read_milestones(&tx, id)?
            .iter()
            .map(|m| Tracked::before(&tx, RecordKind::Milestone, m.id.0))
            .collect::<Result<_>>()?;
        tracked.push(Tracked::before(&tx, RecordKind::Commitment, id.0)?);
        tx.execute("DELETE FROM commitment WHERE id = ?1", [id.to_string()])?;
        for record in tracked {
            record.record(&tx)?;
        }
        rank::close_gaps(&tx, RecordKind::Commitment, commitment.area_id.0)?;
        tx.commit()?;
        Ok(())
    }
}
