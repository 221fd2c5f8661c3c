//! Reporting rounds: opening, changing and deleting them (the coordination), and following one:
//! what each institution is expected to report, what it reported, what is late, and whom to
//! remind. The rule of what a round expects is the domain's (`plan_ouvert_domain::round`).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use plan_ouvert_domain::round::{expected, item_state};
use plan_ouvert_domain::{
    numbering, CommitmentId, DeletionId, InstitutionRef, MilestoneId, PlanId, ProgressStatus, Round, RoundContact,
    RoundId, RoundInput, RoundInstitution, RoundItem, RoundItemState, RoundProgress,
};
use plan_ouvert_sync::protocol::{RecordKey, RecordKind};
use rusqlite::{params, Connection};

use crate::read::{
    read_areas, read_institutions, read_milestones, read_plan, read_plan_commitments, read_round, round_from_row,
    ROUND_COLUMNS,
};
use crate::row::{date, date_text, instant_text, uuid};
use crate::sync::Tracked;
use crate::{now, Result, Store};

/// The latest entry's date and status of every timeline of a plan, as of the day before
/// `before` for the status (what a round found when it opened) and ever for the date.
struct Timelines {
    latest_date: HashMap<(CommitmentId, Option<MilestoneId>), NaiveDate>,
    status_before: HashMap<(CommitmentId, Option<MilestoneId>), ProgressStatus>,
}

fn timelines(conn: &Connection, plan: PlanId, before: NaiveDate) -> Result<Timelines> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.commitment_id, r.milestone_id, r.reported_on, r.status FROM report r
         JOIN commitment c ON c.id = r.commitment_id WHERE c.plan_id = ?1 ORDER BY r.reported_on, r.id",
    )?;
    let rows = stmt
        .query_map([plan.to_string()], |row| {
            let key = (
                CommitmentId(uuid(row, "commitment_id")?),
                crate::row::optional_uuid(row, "milestone_id")?.map(MilestoneId),
            );
            Ok((key, date(row, "reported_on")?, row.get::<_, String>("status")?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut latest_date = HashMap::new();
    let mut status_before = HashMap::new();
    // Oldest first: each later entry replaces the one before it.
    for (key, on, status) in rows {
        latest_date.insert(key, on);
        if on < before {
            if let Some(status) = ProgressStatus::from_code(&status) {
                status_before.insert(key, status);
            }
        }
    }
    Ok(Timelines { latest_date, status_before })
}

impl Store {
    /// The plan's reporting rounds, the latest due first.
    pub fn rounds(&self, plan: PlanId) -> Result<Vec<Round>> {
        read_plan(&self.conn, plan)?;
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {ROUND_COLUMNS} FROM round WHERE plan_id = ?1 ORDER BY due_on DESC, title"))?;
        let list = stmt.query_map([plan.to_string()], round_from_row)?.collect::<rusqlite::Result<_>>()?;
        Ok(list)
    }

    /// Opens a reporting round on a plan.
    pub fn create_round(&mut self, plan: PlanId, input: &RoundInput) -> Result<Round> {
        let valid = input.parse()?;
        let tx = self.conn.savepoint()?;
        read_plan(&tx, plan)?;
        let id = RoundId::new();
        let at = instant_text(now());
        tx.execute(
            "INSERT INTO round (id, plan_id, kind, title, opens_on, due_on, instructions, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            params![
                id.to_string(),
                plan.to_string(),
                valid.kind.code(),
                valid.title.as_str(),
                date_text(Some(valid.opens_on)),
                date_text(Some(valid.due_on)),
                valid.instructions.as_str(),
                at
            ],
        )?;
        Tracked::new_record(RecordKind::Round, id.0).record(&tx)?;
        let round = read_round(&tx, id)?;
        tx.commit()?;
        Ok(round)
    }

    /// Changes a round (its title, dates, instructions).
    pub fn update_round(&mut self, id: RoundId, input: &RoundInput) -> Result<Round> {
        let valid = input.parse()?;
        let tx = self.conn.savepoint()?;
        read_round(&tx, id)?;
        let tracked = Tracked::before(&tx, RecordKind::Round, id.0)?;
        tx.execute(
            "UPDATE round SET kind = ?2, title = ?3, opens_on = ?4, due_on = ?5, instructions = ?6, updated_at = ?7
             WHERE id = ?1",
            params![
                id.to_string(),
                valid.kind.code(),
                valid.title.as_str(),
                date_text(Some(valid.opens_on)),
                date_text(Some(valid.due_on)),
                valid.instructions.as_str(),
                instant_text(now())
            ],
        )?;
        tracked.record(&tx)?;
        let round = read_round(&tx, id)?;
        tx.commit()?;
        Ok(round)
    }

    /// Deletes a round (the reports stay: they belong to their commitments); undone with
    /// [`Store::restore_deletion`].
    pub fn delete_round(&mut self, id: RoundId) -> Result<DeletionId> {
        let tx = self.conn.savepoint()?;
        read_round(&tx, id)?;
        let deletion = crate::deletion::snapshot(&tx, RecordKey { kind: RecordKind::Round, id: id.0 })?;
        let tracked = Tracked::before(&tx, RecordKind::Round, id.0)?;
        tx.execute("DELETE FROM round WHERE id = ?1", [id.to_string()])?;
        tracked.record(&tx)?;
        tx.commit()?;
        Ok(deletion)
    }

    /// A round as of `today`: per lead institution, each expected item and its state, and the
    /// contacts to remind. A drafter or a reader sees their own institution's part only.
    pub fn round_progress_on(&self, id: RoundId, today: NaiveDate) -> Result<RoundProgress> {
        round_progress(&self.conn, id, today)
    }

    /// [`Store::round_progress_on`] on the laptop's date.
    pub fn round_progress(&self, id: RoundId) -> Result<RoundProgress> {
        self.round_progress_on(id, chrono::Local::now().date_naive())
    }
}

/// The rounds of the plans shared on this laptop (not the reference library's) with reports
/// still expected from the person's institution (every institution's for a coordinator, or while
/// nobody is signed in), as of `today`: the "À faire" list's reports due.
pub(crate) fn rounds_due(conn: &Connection, today: NaiveDate) -> Result<Vec<plan_ouvert_domain::RoundDue>> {
    let mut due = Vec::new();
    for plan in crate::read::read_plans(conn)?.into_iter().filter(|p| !p.library) {
        let mut stmt = conn.prepare_cached("SELECT id FROM round WHERE plan_id = ?1 ORDER BY due_on, id")?;
        let ids = stmt.query_map([plan.id.to_string()], |r| uuid(r, "id"))?.collect::<rusqlite::Result<Vec<_>>>()?;
        for id in ids {
            let progress = round_progress(conn, RoundId(id), today)?;
            let (late, to_do) = progress.institutions.iter().fold((0, 0), |(l, t), i| (l + i.late, t + i.to_do));
            if late + to_do > 0 {
                due.push(plan_ouvert_domain::RoundDue {
                    round: progress.round,
                    plan_title: plan.title.clone(),
                    late,
                    to_do,
                });
            }
        }
    }
    due.sort_by_key(|d| d.round.due_on);
    Ok(due)
}

/// See [`Store::round_progress_on`].
fn round_progress(conn: &Connection, id: RoundId, today: NaiveDate) -> Result<RoundProgress> {
    let round = read_round(conn, id)?;
    let plan = read_plan(conn, round.plan_id)?;
    let person = crate::setting::signed_in(conn)?;
    let own_only = person.as_ref().is_some_and(|p| p.role != plan_ouvert_sync::access::Role::Coordinator);
    let institutions: HashMap<_, _> = read_institutions(conn)?.into_iter().map(|i| (i.id, i)).collect();
    let area_rank: HashMap<_, _> = read_areas(conn, plan.id)?.into_iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    let timelines = timelines(conn, plan.id, round.opens_on)?;
    let state =
        |key: (CommitmentId, Option<MilestoneId>)| item_state(&round, timelines.latest_date.get(&key).copied(), today);
    let mut parts: BTreeMap<String, RoundInstitution> = BTreeMap::new();
    let mut ranks: HashMap<plan_ouvert_domain::AreaId, usize> = HashMap::new();
    for commitment in read_plan_commitments(conn, plan.id)? {
        let area = area_rank.get(&commitment.area_id).copied().unwrap_or(0);
        let rank = ranks.entry(commitment.area_id).or_insert(0);
        let number = numbering::commitment_number(area, *rank);
        *rank += 1;
        let Some(lead) = commitment.lead_institution_id.and_then(|id| institutions.get(&id)) else { continue };
        if own_only && !person.as_ref().is_some_and(|p| crate::access::is_own(p, lead)) {
            continue;
        }
        let part = parts.entry(lead.name.to_lowercase()).or_insert_with(|| RoundInstitution {
            institution: InstitutionRef { id: lead.id, name: lead.name.clone(), acronym: lead.acronym.clone() },
            reported: 0,
            late: 0,
            to_do: 0,
            items: Vec::new(),
            contacts: Vec::new(),
        });
        let mut items = vec![RoundItem {
            commitment_id: commitment.id,
            milestone_id: None,
            number: number.clone(),
            title: commitment.title.clone(),
            state: state((commitment.id, None)),
        }];
        for (index, milestone) in read_milestones(conn, commitment.id)?.into_iter().enumerate() {
            let key = (commitment.id, Some(milestone.id));
            if expected(timelines.status_before.get(&key).copied()) {
                items.push(RoundItem {
                    commitment_id: commitment.id,
                    milestone_id: Some(milestone.id),
                    number: numbering::milestone_number(&number, index),
                    title: milestone.title,
                    state: state(key),
                });
            }
        }
        let waiting = items.iter().any(|i| i.state != RoundItemState::Reported);
        if waiting && !commitment.contact_email.is_empty() {
            let contact = RoundContact {
                name: commitment.contact_name.clone(),
                email: commitment.contact_email.clone(),
                commitment_number: number.clone(),
            };
            part.contacts.push(contact);
        }
        for item in items {
            match item.state {
                RoundItemState::Reported => part.reported += 1,
                RoundItemState::Late => part.late += 1,
                RoundItemState::ToDo => part.to_do += 1,
            }
            part.items.push(item);
        }
    }
    let mut institutions: Vec<RoundInstitution> = parts.into_values().collect();
    institutions.sort_by_key(|i| (i.late == 0, i.to_do == 0, i.institution.name.to_lowercase()));
    let read_only = crate::access::read_only_in(conn, &plan, RecordKind::Round, None)?;
    Ok(RoundProgress { round, institutions, own_only, read_only })
}
