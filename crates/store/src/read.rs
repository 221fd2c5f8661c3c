//! Reading records out of the database into domain values, for every kind: plans, areas,
//! institutions, commitments (with their supporters and origin), milestones, progress reports,
//! reporting rounds, and workshops with their participants and contributions.
//!
//! Nothing here writes. The writers of each kind (`plan.rs`, `area.rs`, `institution.rs`,
//! `commitment.rs`, `milestone.rs`), the outbox tracking (`sync.rs`) and the views
//! (`overview.rs`…) all read through these functions, so a record is read one way everywhere.

use chrono::NaiveDate;
use plan_ouvert_domain::{
    Area, AreaId, AreaKind, Commitment, CommitmentId, Contribution, ContributionId, ContributionKind,
    ContributionOutcome, Identity, Institution, InstitutionId, InstitutionKind, Milestone, MilestoneId,
    OrganisationKind, Participant, ParticipantId, Plan, PlanId, Problem, ProgressStatus, Report, ReportId, Round,
    RoundId, RoundKind, Workshop, WorkshopId,
};
use rusqlite::{Connection, OptionalExtension, Row};

use crate::row::{date, instant, optional_date, optional_uuid, uuid};
use crate::{Entity, Error, Result};

// Plans.

const PLAN_COLUMNS: &str =
    "id, country, title, period_start, period_end, is_demo, library, ogp_plan_id IS NOT NULL AS from_ogp, created_at, updated_at";

fn plan_from_row(row: &Row<'_>) -> rusqlite::Result<Plan> {
    let (period_start, period_end) = (date(row, "period_start")?, date(row, "period_end")?);
    Ok(Plan {
        id: PlanId(uuid(row, "id")?),
        country: row.get("country")?,
        title: row.get("title")?,
        // The OGP database gives a plan's years only; a period typed here is shown as typed.
        period_in_years: row.get::<_, bool>("from_ogp")? && plan_ouvert_domain::whole_years(period_start, period_end),
        period_start,
        period_end,
        is_demo: row.get("is_demo")?,
        library: row.get("library")?,
        created_at: instant(row, "created_at")?,
        updated_at: instant(row, "updated_at")?,
    })
}

/// One row of a query compiled once per connection: the same few reads run for every record a
/// sync takes in.
pub(crate) fn query_one<T, P: rusqlite::Params>(
    conn: &rusqlite::Connection,
    sql: &str,
    params: P,
    row: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.prepare_cached(sql)?.query_row(params, row)
}
pub(crate) fn read_plan(conn: &rusqlite::Connection, id: PlanId) -> Result<Plan> {
    query_one(conn, &format!("SELECT {PLAN_COLUMNS} FROM plan WHERE id = ?1"), [id.to_string()], plan_from_row)
        .optional()?
        .ok_or(Error::NotFound(Entity::Plan))
}

/// Every action plan, most recent period first.
pub(crate) fn read_plans(conn: &rusqlite::Connection) -> Result<Vec<Plan>> {
    let mut stmt = conn.prepare(&format!("SELECT {PLAN_COLUMNS} FROM plan ORDER BY period_start DESC, title"))?;
    let plans = stmt.query_map([], plan_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(plans)
}

// Engagement areas.

const AREA_COLUMNS: &str = "id, plan_id, kind, title, description, position";

fn area_from_row(row: &Row<'_>) -> rusqlite::Result<Area> {
    let kind: String = row.get("kind")?;
    Ok(Area {
        id: AreaId(uuid(row, "id")?),
        plan_id: PlanId(uuid(row, "plan_id")?),
        kind: AreaKind::from_code(&kind).unwrap_or(AreaKind::Thematic),
        title: row.get("title")?,
        description: row.get("description")?,
        position: row.get("position")?,
    })
}

pub(crate) fn read_area(conn: &rusqlite::Connection, id: AreaId) -> Result<Area> {
    query_one(conn, &format!("SELECT {AREA_COLUMNS} FROM area WHERE id = ?1"), [id.to_string()], area_from_row)
        .optional()?
        .ok_or(Error::NotFound(Entity::Area))
}

pub(crate) fn read_areas(conn: &rusqlite::Connection, plan: PlanId) -> Result<Vec<Area>> {
    let mut stmt =
        conn.prepare(&format!("SELECT {AREA_COLUMNS} FROM area WHERE plan_id = ?1 ORDER BY position, title"))?;
    let areas = stmt.query_map([plan.to_string()], area_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(areas)
}

// Institutions.

const INSTITUTION_COLUMNS: &str = "id, name, acronym, kind, country";

fn institution_from_row(row: &Row<'_>) -> rusqlite::Result<Institution> {
    let kind: String = row.get("kind")?;
    Ok(Institution {
        id: InstitutionId(uuid(row, "id")?),
        name: row.get("name")?,
        acronym: row.get("acronym")?,
        kind: InstitutionKind::from_code(&kind).unwrap_or(InstitutionKind::Other),
        country: row.get("country")?,
    })
}

pub(crate) fn read_institution(conn: &rusqlite::Connection, id: InstitutionId) -> Result<Institution> {
    query_one(
        conn,
        &format!("SELECT {INSTITUTION_COLUMNS} FROM institution WHERE id = ?1"),
        [id.to_string()],
        institution_from_row,
    )
    .optional()?
    .ok_or(Error::NotFound(Entity::Institution))
}

pub(crate) fn read_institutions(conn: &rusqlite::Connection) -> Result<Vec<Institution>> {
    let mut stmt =
        conn.prepare(&format!("SELECT {INSTITUTION_COLUMNS} FROM institution ORDER BY name COLLATE NOCASE"))?;
    let list = stmt.query_map([], institution_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(list)
}

/// The institutions a commitment of `plan` may name: those of the plan's country or of none
/// (another country's never appear), and those the commitment and its milestones already name.
pub(crate) fn read_institutions_for(
    conn: &rusqlite::Connection,
    plan: &Plan,
    commitment: CommitmentId,
) -> Result<Vec<Institution>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {INSTITUTION_COLUMNS} FROM institution
         WHERE country = '' OR country = ?1 COLLATE NOCASE
            OR id IN (SELECT lead_institution_id FROM commitment WHERE id = ?2)
            OR id IN (SELECT institution_id FROM commitment_supporter WHERE commitment_id = ?2)
            OR id IN (SELECT lead_institution_id FROM milestone WHERE commitment_id = ?2)
         ORDER BY name COLLATE NOCASE"
    ))?;
    let list = stmt
        .query_map(rusqlite::params![plan.country, commitment.to_string()], institution_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(list)
}

/// Refuses a reference to an institution that does not exist, on `field`.
pub(crate) fn check_institution(
    conn: &rusqlite::Connection,
    id: Option<InstitutionId>,
    field: &'static str,
) -> Result<()> {
    if let Some(id) = id {
        let exists: bool =
            query_one(conn, "SELECT EXISTS (SELECT 1 FROM institution WHERE id = ?1)", [id.to_string()], |r| r.get(0))?;
        if !exists {
            return Err(Problem::UnknownReference.on(field).into());
        }
    }
    Ok(())
}

// Commitments.

const COMMITMENT_COLUMNS: &str =
    "id, plan_id, area_id, position, title, brief_description, problem, causes, done_so_far, solution,
    expected_results, transparency, accountability, participation, lead_institution_id, other_supporters,
    start_date, end_date, access_to_information, civic_participation, public_accountability, technology_innovation,
    contact_name, contact_title, contact_department, contact_email, contact_phone, weight, created_at, updated_at";

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
        weight: row.get("weight")?,
        created_at: instant(row, "created_at")?,
        updated_at: instant(row, "updated_at")?,
    })
}

fn read_supporters(conn: &rusqlite::Connection, id: CommitmentId) -> Result<Vec<InstitutionId>> {
    let mut stmt = conn
        .prepare_cached("SELECT institution_id FROM commitment_supporter WHERE commitment_id = ?1 ORDER BY position")?;
    let ids = stmt
        .query_map([id.to_string()], |row| uuid(row, "institution_id").map(InstitutionId))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

pub(crate) fn read_commitment(conn: &rusqlite::Connection, id: CommitmentId) -> Result<Commitment> {
    let mut commitment = query_one(
        conn,
        &format!("SELECT {COMMITMENT_COLUMNS} FROM commitment WHERE id = ?1"),
        [id.to_string()],
        commitment_from_row,
    )
    .optional()?
    .ok_or(Error::NotFound(Entity::Commitment))?;
    commitment.supporting_institution_ids = read_supporters(conn, id)?;
    Ok(commitment)
}

/// Every commitment of a plan with its supporters, in area then rank order.
/// The order of a plan's commitments: by position, then title.
const PLAN_COMMITMENT_ORDER: &str = "ORDER BY position, title";

pub(crate) fn read_plan_commitments(conn: &rusqlite::Connection, plan: PlanId) -> Result<Vec<Commitment>> {
    let mut stmt = conn
        .prepare(&format!("SELECT {COMMITMENT_COLUMNS} FROM commitment WHERE plan_id = ?1 {PLAN_COMMITMENT_ORDER}"))?;
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
    let at: std::collections::HashMap<CommitmentId, usize> = list.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    for (commitment, institution) in pairs {
        if let Some(&i) = at.get(&commitment) {
            list[i].supporting_institution_ids.push(institution);
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
    let row = query_one(
        conn,
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
pub(crate) fn read_origin(
    conn: &rusqlite::Connection,
    id: CommitmentId,
) -> Result<Option<plan_ouvert_domain::CommitmentOrigin>> {
    let map = read_origin_fields(conn, id)?;
    if map.get("ogpId").is_none_or(serde_json::Value::is_null) {
        return Ok(None);
    }
    serde_json::from_value(serde_json::Value::Object(map)).map(Some).map_err(|e| Error::Corrupt(e.to_string()))
}

// Milestones.

const MILESTONE_COLUMNS: &str = "id, commitment_id, position, title, expected_outputs, start_date, due_date, \
     lead_institution_id, weight, created_at, updated_at";

fn milestone_from_row(row: &Row<'_>) -> rusqlite::Result<Milestone> {
    Ok(Milestone {
        id: MilestoneId(uuid(row, "id")?),
        commitment_id: CommitmentId(uuid(row, "commitment_id")?),
        position: row.get("position")?,
        title: row.get("title")?,
        expected_outputs: row.get("expected_outputs")?,
        start_date: optional_date(row, "start_date")?,
        due_date: optional_date(row, "due_date")?,
        lead_institution_id: optional_uuid(row, "lead_institution_id")?.map(InstitutionId),
        weight: row.get("weight")?,
        created_at: instant(row, "created_at")?,
        updated_at: instant(row, "updated_at")?,
    })
}

pub(crate) fn read_milestone(conn: &rusqlite::Connection, id: MilestoneId) -> Result<Milestone> {
    query_one(
        conn,
        &format!("SELECT {MILESTONE_COLUMNS} FROM milestone WHERE id = ?1"),
        [id.to_string()],
        milestone_from_row,
    )
    .optional()?
    .ok_or(Error::NotFound(Entity::Milestone))
}

pub(crate) fn read_milestones(conn: &rusqlite::Connection, commitment: CommitmentId) -> Result<Vec<Milestone>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {MILESTONE_COLUMNS} FROM milestone WHERE commitment_id = ?1 ORDER BY position, created_at"
    ))?;
    let list = stmt.query_map([commitment.to_string()], milestone_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(list)
}

/// What a plan's figures need of a commitment: no text but its title.
#[derive(Debug, Clone)]
pub(crate) struct CommitmentHead {
    pub(crate) id: CommitmentId,
    pub(crate) area_id: AreaId,
    pub(crate) title: String,
    pub(crate) lead_institution_id: Option<InstitutionId>,
    pub(crate) weight: u32,
}

/// A plan's commitments as [`CommitmentHead`]s, in the order of [`read_plan_commitments`]: the
/// dashboard reads 5,000 of them without their texts (tens of megabytes at national scale).
pub(crate) fn read_plan_commitment_heads(conn: &rusqlite::Connection, plan: PlanId) -> Result<Vec<CommitmentHead>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, area_id, title, lead_institution_id, weight FROM commitment WHERE plan_id = ?1
         {PLAN_COMMITMENT_ORDER}"
    ))?;
    let list = stmt
        .query_map([plan.to_string()], |row| {
            Ok(CommitmentHead {
                id: CommitmentId(uuid(row, "id")?),
                area_id: AreaId(uuid(row, "area_id")?),
                title: row.get("title")?,
                lead_institution_id: optional_uuid(row, "lead_institution_id")?.map(InstitutionId),
                weight: row.get("weight")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(list)
}

/// What a plan's figures need of a milestone: no text but its title.
#[derive(Debug, Clone)]
pub(crate) struct MilestoneHead {
    pub(crate) id: MilestoneId,
    pub(crate) commitment_id: CommitmentId,
    pub(crate) title: String,
    pub(crate) due_date: Option<NaiveDate>,
    pub(crate) weight: u32,
}

/// A plan's milestones as [`MilestoneHead`]s, each commitment's together in their order (by
/// position).
pub(crate) fn read_plan_milestone_heads(conn: &rusqlite::Connection, plan: PlanId) -> Result<Vec<MilestoneHead>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, m.commitment_id, m.title, m.due_date, m.weight
         FROM milestone m JOIN commitment c ON c.id = m.commitment_id WHERE c.plan_id = ?1
         ORDER BY m.commitment_id, m.position, m.created_at",
    )?;
    let list = stmt
        .query_map([plan.to_string()], |row| {
            Ok(MilestoneHead {
                id: MilestoneId(uuid(row, "id")?),
                commitment_id: CommitmentId(uuid(row, "commitment_id")?),
                title: row.get("title")?,
                due_date: optional_date(row, "due_date")?,
                weight: row.get("weight")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(list)
}

// Progress reports.

pub(crate) const REPORT_COLUMNS: &str =
    "id, commitment_id, milestone_id, reported_on, status, done, difficulties, next_steps, \
     results, opened_government, links, files, corrects, author_id, author_name, institution_id, on_behalf, created_at";

pub(crate) fn corrupt(column: &str, e: impl std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, format!("{column}: {e}").into())
}

pub(crate) fn report_from_row(row: &Row<'_>) -> rusqlite::Result<Report> {
    let status: String = row.get("status")?;
    let opened: Option<String> = row.get("opened_government")?;
    let links: String = row.get("links")?;
    Ok(Report {
        id: ReportId(uuid(row, "id")?),
        commitment_id: CommitmentId(uuid(row, "commitment_id")?),
        milestone_id: optional_uuid(row, "milestone_id")?.map(MilestoneId),
        reported_on: date(row, "reported_on")?,
        status: ProgressStatus::from_code(&status).ok_or_else(|| corrupt("status", &status))?,
        done: row.get("done")?,
        difficulties: row.get("difficulties")?,
        next_steps: row.get("next_steps")?,
        results: row.get("results")?,
        opened_government: opened
            .map(|code| serde_json::from_value(serde_json::Value::String(code)))
            .transpose()
            .map_err(|e| corrupt("opened_government", e))?,
        links: serde_json::from_str(&links).map_err(|e| corrupt("links", e))?,
        files: serde_json::from_str(&row.get::<_, String>("files")?).map_err(|e| corrupt("files", e))?,
        corrects: optional_uuid(row, "corrects")?.map(ReportId),
        author_id: uuid(row, "author_id")?,
        author_name: row.get("author_name")?,
        institution_id: InstitutionId(uuid(row, "institution_id")?),
        on_behalf: row.get("on_behalf")?,
        created_at: instant(row, "created_at")?,
    })
}

pub(crate) fn read_report(conn: &Connection, id: ReportId) -> Result<Report> {
    query_one(conn, &format!("SELECT {REPORT_COLUMNS} FROM report WHERE id = ?1"), [id.to_string()], report_from_row)
        .optional()?
        .ok_or(Error::NotFound(Entity::Report))
}

// Reporting rounds.

pub(crate) const ROUND_COLUMNS: &str = "id, plan_id, kind, title, opens_on, due_on, instructions";

pub(crate) fn round_from_row(row: &Row<'_>) -> rusqlite::Result<Round> {
    let kind: String = row.get("kind")?;
    Ok(Round {
        id: RoundId(uuid(row, "id")?),
        plan_id: PlanId(uuid(row, "plan_id")?),
        kind: RoundKind::from_code(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, format!("kind {kind}").into())
        })?,
        title: row.get("title")?,
        opens_on: date(row, "opens_on")?,
        due_on: date(row, "due_on")?,
        instructions: row.get("instructions")?,
    })
}

pub(crate) fn read_round(conn: &Connection, id: RoundId) -> Result<Round> {
    query_one(conn, &format!("SELECT {ROUND_COLUMNS} FROM round WHERE id = ?1"), [id.to_string()], round_from_row)
        .optional()?
        .ok_or(Error::NotFound(Entity::Round))
}

// Workshops, their participants and contributions.

fn code<T>(column: &str, text: String, from_code: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    from_code(&text).ok_or_else(|| corrupt(column, &text))
}

fn ids<T: serde::de::DeserializeOwned>(row: &Row<'_>, column: &str) -> rusqlite::Result<Vec<T>> {
    serde_json::from_str(&row.get::<_, String>(column)?).map_err(|e| corrupt(column, e))
}

pub(crate) const WORKSHOP_COLUMNS: &str =
    "id, plan_id, institution_id, title, held_on, place, area_id, commitment_ids, \
     facilitator, consent_text, keep_until";

pub(crate) fn workshop_from_row(row: &Row<'_>) -> rusqlite::Result<Workshop> {
    Ok(Workshop {
        id: WorkshopId(uuid(row, "id")?),
        plan_id: PlanId(uuid(row, "plan_id")?),
        institution_id: InstitutionId(uuid(row, "institution_id")?),
        title: row.get("title")?,
        held_on: date(row, "held_on")?,
        place: row.get("place")?,
        area_id: optional_uuid(row, "area_id")?.map(AreaId),
        commitment_ids: ids(row, "commitment_ids")?,
        facilitator: row.get("facilitator")?,
        consent_text: row.get("consent_text")?,
        keep_until: date(row, "keep_until")?,
    })
}

pub(crate) fn read_workshop(conn: &Connection, id: WorkshopId) -> Result<Workshop> {
    query_one(
        conn,
        &format!("SELECT {WORKSHOP_COLUMNS} FROM workshop WHERE id = ?1"),
        [id.to_string()],
        workshop_from_row,
    )
    .optional()?
    .ok_or(Error::NotFound(Entity::Workshop))
}

pub(crate) const PARTICIPANT_COLUMNS: &str = "id, workshop_id, organisation_kind";

pub(crate) fn participant_from_row(row: &Row<'_>) -> rusqlite::Result<Participant> {
    Ok(Participant {
        id: ParticipantId(uuid(row, "id")?),
        workshop_id: WorkshopId(uuid(row, "workshop_id")?),
        organisation_kind: code("organisation_kind", row.get("organisation_kind")?, OrganisationKind::from_code)?,
    })
}

pub(crate) const IDENTITY_COLUMNS: &str =
    "participant_id, name, consent_wording, consented_on, contact_email, contact_purpose";

pub(crate) fn identity_from_row(row: &Row<'_>) -> rusqlite::Result<Identity> {
    Ok(Identity {
        participant_id: ParticipantId(uuid(row, "participant_id")?),
        name: row.get("name")?,
        consent_wording: row.get("consent_wording")?,
        consented_on: date(row, "consented_on")?,
        contact_email: row.get("contact_email")?,
        contact_purpose: row.get("contact_purpose")?,
    })
}

/// The identity record `id` (the participant's id), when this laptop holds it.
pub(crate) fn read_identity(conn: &Connection, id: ParticipantId) -> Result<Identity> {
    query_one(
        conn,
        &format!("SELECT {IDENTITY_COLUMNS} FROM identity WHERE id = ?1"),
        [id.to_string()],
        identity_from_row,
    )
    .optional()?
    .ok_or(Error::NotFound(Entity::Participant))
}

pub(crate) fn read_participant(conn: &Connection, id: ParticipantId) -> Result<Participant> {
    query_one(
        conn,
        &format!("SELECT {PARTICIPANT_COLUMNS} FROM participant WHERE id = ?1"),
        [id.to_string()],
        participant_from_row,
    )
    .optional()?
    .ok_or(Error::NotFound(Entity::Participant))
}

pub(crate) const CONTRIBUTION_COLUMNS: &str = "id, workshop_id, participant_id, kind, text, about_commitment_id, \
     about_milestone_id, proposal_ids, outcome, outcome_reason, commitment_ids, milestone_ids";

pub(crate) fn contribution_from_row(row: &Row<'_>) -> rusqlite::Result<Contribution> {
    let outcome: Option<String> = row.get("outcome")?;
    Ok(Contribution {
        id: ContributionId(uuid(row, "id")?),
        workshop_id: WorkshopId(uuid(row, "workshop_id")?),
        participant_id: optional_uuid(row, "participant_id")?.map(ParticipantId),
        kind: code("kind", row.get("kind")?, ContributionKind::from_code)?,
        text: row.get("text")?,
        about_commitment_id: optional_uuid(row, "about_commitment_id")?.map(CommitmentId),
        about_milestone_id: optional_uuid(row, "about_milestone_id")?.map(MilestoneId),
        proposal_ids: ids(row, "proposal_ids")?,
        outcome: outcome.map(|text| code("outcome", text, ContributionOutcome::from_code)).transpose()?,
        outcome_reason: row.get("outcome_reason")?,
        commitment_ids: ids(row, "commitment_ids")?,
        milestone_ids: ids(row, "milestone_ids")?,
    })
}

pub(crate) fn read_contribution(conn: &Connection, id: ContributionId) -> Result<Contribution> {
    query_one(
        conn,
        &format!("SELECT {CONTRIBUTION_COLUMNS} FROM contribution WHERE id = ?1"),
        [id.to_string()],
        contribution_from_row,
    )
    .optional()?
    .ok_or(Error::NotFound(Entity::Contribution))
}
