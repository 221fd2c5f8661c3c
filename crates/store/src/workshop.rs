//! Co-construction workshops: preparing one, taking participants and their contributions in the
//! room, tracing each contribution to what it fed, and a participant's data — given back on
//! request, erased on request or once the workshop's keeping day is past. The rules of what is
//! typed are the domain's (`plan_ouvert_domain::workshop`); who may see what is the sync rule
//! (`plan_ouvert_sync::access`): a participant's identity stays on the laptops of the institution
//! that ran the workshop.
//!
//! Each change is one transaction writing the rows and their outgoing mutations together, like
//! every other record.

use std::collections::HashMap;

use chrono::NaiveDate;
use plan_ouvert_domain::labels::WorkshopLabels;
use plan_ouvert_domain::numbering;
use plan_ouvert_domain::{
    count_by_kind, CommitmentId, Contribution, ContributionId, ContributionInput, ContributionKind, ContributionView,
    DeletionId, Identity, InstitutionRef, Locale, MilestoneId, ParticipantData, ParticipantId, ParticipantInput,
    ParticipantView, PlanId, PlanTarget, Problem, TraceInput, TraceTarget, TracedContribution, Workshop,
    WorkshopDetail, WorkshopId, WorkshopInput, WorkshopSummary,
};
use plan_ouvert_sync::protocol::{RecordKey, RecordKind};
use rusqlite::{params, Connection, OptionalExtension};

use crate::read::{
    contribution_from_row, identity_from_row, participant_from_row, read_area, read_areas, read_contribution,
    read_identity, read_institution, read_institutions, read_plan, read_plan_commitments, read_workshop,
    workshop_from_row, CONTRIBUTION_COLUMNS, IDENTITY_COLUMNS, PARTICIPANT_COLUMNS, WORKSHOP_COLUMNS,
};
use crate::row::{date_text, instant_text};
use crate::sync::Tracked;
use crate::{now, Entity, Error, Result, Store};

fn ids_json<T: serde::Serialize>(ids: &[T]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// The commitment `id` as a trace target, if it is in `plan`.
fn commitment_target(conn: &Connection, plan: PlanId, id: CommitmentId) -> Result<Option<TraceTarget>> {
    Ok(conn
        .query_row(
            "SELECT title FROM commitment WHERE id = ?1 AND plan_id = ?2",
            params![id.to_string(), plan.to_string()],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .map(|title| TraceTarget { commitment_id: id, milestone_id: None, title }))
}

/// The milestone `id` as a trace target, if it is in `plan`.
fn milestone_target(conn: &Connection, plan: PlanId, id: MilestoneId) -> Result<Option<TraceTarget>> {
    Ok(conn
        .query_row(
            "SELECT m.commitment_id, m.title FROM milestone m JOIN commitment c ON c.id = m.commitment_id
             WHERE m.id = ?1 AND c.plan_id = ?2",
            params![id.to_string(), plan.to_string()],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?
        .and_then(|(commitment, title)| {
            CommitmentId::parse(&commitment).map(|commitment_id| TraceTarget {
                commitment_id,
                milestone_id: Some(id),
                title,
            })
        }))
}

/// Refuses ids of commitments that are not in the workshop's plan.
fn check_commitments(conn: &Connection, plan: PlanId, ids: &[CommitmentId], field: &'static str) -> Result<()> {
    for id in ids {
        if commitment_target(conn, plan, *id)?.is_none() {
            return Err(Problem::UnknownReference.on(field).into());
        }
    }
    Ok(())
}

fn check_milestones(conn: &Connection, plan: PlanId, ids: &[MilestoneId], field: &'static str) -> Result<()> {
    for id in ids {
        if milestone_target(conn, plan, *id)?.is_none() {
            return Err(Problem::UnknownReference.on(field).into());
        }
    }
    Ok(())
}

fn write_workshop_fields(conn: &Connection, id: WorkshopId, input: &WorkshopInput, plan: PlanId) -> Result<()> {
    let valid = input.parse()?;
    if let Some(area) = valid.area_id {
        if read_area(conn, area).map(|a| a.plan_id != plan).unwrap_or(true) {
            return Err(Problem::UnknownReference.on("areaId").into());
        }
    }
    check_commitments(conn, plan, &valid.commitment_ids, "commitmentIds")?;
    conn.execute(
        "UPDATE workshop SET title = ?2, held_on = ?3, place = ?4, area_id = ?5, commitment_ids = ?6, facilitator = ?7,
                consent_text = ?8, keep_until = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            id.to_string(),
            valid.title.as_str(),
            date_text(Some(valid.held_on)),
            valid.place.as_str(),
            valid.area_id.map(|a| a.to_string()),
            ids_json(&valid.commitment_ids),
            valid.facilitator.as_str(),
            valid.consent_text.as_str(),
            date_text(Some(valid.keep_until)),
            instant_text(now())
        ],
    )?;
    Ok(())
}

/// Whether the person signed in on this laptop may hold who the participants of a workshop run by
/// `institution` are (before anyone signs in, everything here is the person's own).
impl Store {
    /// The workshops of a plan, the latest first.
    pub fn workshops(&self, plan: PlanId) -> Result<Vec<WorkshopSummary>> {
        read_plan(&self.conn, plan)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {WORKSHOP_COLUMNS},
                    (SELECT count(*) FROM participant p WHERE p.workshop_id = w.id) AS participants,
                    (SELECT count(*) FROM contribution c WHERE c.workshop_id = w.id) AS contributions,
                    (SELECT count(*) FROM contribution c WHERE c.workshop_id = w.id AND c.outcome IS NOT NULL) AS decided
             FROM workshop w WHERE plan_id = ?1 ORDER BY held_on DESC, title"
        ))?;
        let rows = stmt
            .query_map([plan.to_string()], |row| {
                Ok((workshop_from_row(row)?, row.get("participants")?, row.get("contributions")?, row.get("decided")?))
            })?
            .collect::<rusqlite::Result<Vec<(Workshop, u32, u32, u32)>>>()?;
        rows.into_iter()
            .map(|(workshop, participants, contributions, decided)| {
                Ok(WorkshopSummary {
                    institution: read_institution(&self.conn, workshop.institution_id)?.into(),
                    workshop,
                    participants,
                    contributions,
                    decided,
                })
            })
            .collect()
    }

    /// Everything the workshop screen shows.
    pub fn workshop(&self, id: WorkshopId) -> Result<WorkshopDetail> {
        let conn = &self.conn;
        let workshop = read_workshop(conn, id)?;
        let plan = read_plan(conn, workshop.plan_id)?;
        let institution = read_institution(conn, workshop.institution_id)?;
        let read_only = crate::access::read_only_in(conn, &plan, RecordKind::Workshop, Some(&institution))?;
        let identities_here = crate::access::personal_data_here(conn, &institution)?;
        let area_title = match workshop.area_id {
            Some(area) => read_area(conn, area).ok().map(|a| a.title),
            None => None,
        };
        let mut discussed = Vec::new();
        for commitment in &workshop.commitment_ids {
            discussed.extend(commitment_target(conn, plan.id, *commitment)?);
        }
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {PARTICIPANT_COLUMNS} FROM participant WHERE workshop_id = ?1 ORDER BY created_at, id"
        ))?;
        let participants =
            stmt.query_map([id.to_string()], participant_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {IDENTITY_COLUMNS} FROM identity WHERE participant_id IN
               (SELECT id FROM participant WHERE workshop_id = ?1)"
        ))?;
        let identities: HashMap<ParticipantId, Identity> = stmt
            .query_map([id.to_string()], identity_from_row)?
            .map(|identity| identity.map(|i| (i.participant_id, i)))
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {CONTRIBUTION_COLUMNS} FROM contribution WHERE workshop_id = ?1 ORDER BY created_at, id"
        ))?;
        let contributions =
            stmt.query_map([id.to_string()], contribution_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        let mut votes: HashMap<ContributionId, (u32, u32)> = HashMap::new();
        for vote in contributions.iter().filter(|c| c.kind == ContributionKind::Vote) {
            for (rank, proposal) in vote.proposal_ids.iter().enumerate() {
                let entry = votes.entry(*proposal).or_default();
                entry.0 += 1;
                entry.1 += u32::from(rank == 0);
            }
        }
        let kind_of: HashMap<ParticipantId, _> = participants.iter().map(|p| (p.id, p.organisation_kind)).collect();
        let mut views = Vec::with_capacity(contributions.len());
        for contribution in contributions {
            let about = match (contribution.about_milestone_id, contribution.about_commitment_id) {
                (Some(milestone), _) => milestone_target(conn, plan.id, milestone)?,
                (None, Some(commitment)) => commitment_target(conn, plan.id, commitment)?,
                (None, None) => None,
            };
            let mut fed = Vec::new();
            for commitment in &contribution.commitment_ids {
                fed.extend(commitment_target(conn, plan.id, *commitment)?);
            }
            for milestone in &contribution.milestone_ids {
                fed.extend(milestone_target(conn, plan.id, *milestone)?);
            }
            let (count, first) = votes.get(&contribution.id).copied().unwrap_or_default();
            let author = contribution.participant_id.and_then(|p| identities.get(&p)).map(|i| i.name.clone());
            let author_kind = contribution.participant_id.and_then(|p| kind_of.get(&p).copied());
            views.push(ContributionView {
                contribution,
                author,
                author_kind,
                about,
                fed,
                votes: count,
                first_choices: first,
            });
        }
        let rank = |kind: ContributionKind| ContributionKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        // Stable: within a kind, the order they were made; proposals by votes.
        views.sort_by(|a, b| {
            rank(a.contribution.kind)
                .cmp(&rank(b.contribution.kind))
                .then_with(|| b.votes.cmp(&a.votes))
                .then_with(|| b.first_choices.cmp(&a.first_choices))
        });
        let mut contributed: HashMap<ParticipantId, u32> = HashMap::new();
        for view in &views {
            if let Some(p) = view.contribution.participant_id {
                *contributed.entry(p).or_default() += 1;
            }
        }
        let by_kind = count_by_kind(&participants);
        let participants = participants
            .into_iter()
            .map(|participant| ParticipantView {
                identity: identities.get(&participant.id).cloned(),
                contributions: contributed.get(&participant.id).copied().unwrap_or(0),
                participant,
            })
            .collect();
        Ok(WorkshopDetail {
            plan_title: plan.title,
            institution: institution.into(),
            area_title,
            discussed,
            participants,
            by_kind,
            contributions: views,
            identities_here,
            read_only,
            workshop,
        })
    }

    /// Every commitment of a plan followed by its milestones, numbered and in the order the plan
    /// is shown: what the workshop screens offer to choose from (what a workshop discusses, what a
    /// comment is about, what a contribution fed), however many there are.
    pub fn plan_targets(&self, plan: PlanId) -> Result<Vec<PlanTarget>> {
        let conn = &self.conn;
        read_plan(conn, plan)?;
        let area_rank: HashMap<_, _> =
            read_areas(conn, plan)?.into_iter().enumerate().map(|(i, a)| (a.id, i)).collect();
        let mut commitments = read_plan_commitments(conn, plan)?;
        // By area, then by rank in it (the read gives them by rank, areas mixed).
        commitments.sort_by_key(|c| area_rank.get(&c.area_id).copied().unwrap_or(usize::MAX));
        let mut milestones: HashMap<CommitmentId, Vec<(MilestoneId, String)>> = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT m.id, m.commitment_id, m.title FROM milestone m JOIN commitment c ON c.id = m.commitment_id
             WHERE c.plan_id = ?1 ORDER BY m.position, m.created_at",
        )?;
        let rows = stmt.query_map([plan.to_string()], |row| {
            Ok((
                MilestoneId(crate::row::uuid(row, "id")?),
                CommitmentId(crate::row::uuid(row, "commitment_id")?),
                row.get::<_, String>("title")?,
            ))
        })?;
        for row in rows {
            let (milestone, commitment, title) = row?;
            milestones.entry(commitment).or_default().push((milestone, title));
        }
        let mut ranks: HashMap<plan_ouvert_domain::AreaId, usize> = HashMap::new();
        let mut targets = Vec::new();
        for commitment in commitments {
            let area = area_rank.get(&commitment.area_id).copied().unwrap_or(0);
            let rank = ranks.entry(commitment.area_id).or_insert(0);
            let number = numbering::commitment_number(area, *rank);
            *rank += 1;
            targets.push(PlanTarget {
                area_id: commitment.area_id,
                commitment_id: commitment.id,
                milestone_id: None,
                number: number.clone(),
                title: commitment.title,
            });
            let own = milestones.remove(&commitment.id).unwrap_or_default();
            for (index, (milestone, title)) in own.into_iter().enumerate() {
                targets.push(PlanTarget {
                    area_id: commitment.area_id,
                    commitment_id: commitment.id,
                    milestone_id: Some(milestone),
                    number: numbering::milestone_number(&number, index),
                    title,
                });
            }
        }
        Ok(targets)
    }

    /// The institution a workshop prepared on this laptop is run by: the signed-in person's, as
    /// this laptop holds it (the same one, or named alike), or none while nobody is signed in —
    /// the person then chooses.
    pub fn own_institution(&self) -> Result<Option<InstitutionRef>> {
        let Some(person) = crate::setting::signed_in(&self.conn)? else { return Ok(None) };
        let institutions = read_institutions(&self.conn)?;
        let own = institutions
            .iter()
            .find(|i| i.id.0 == person.institution_id)
            .or_else(|| institutions.iter().find(|i| crate::access::is_own(&person, i)));
        Ok(own.map(|i| InstitutionRef { id: i.id, name: i.name.clone(), acronym: i.acronym.clone() }))
    }

    /// Prepares a workshop of `plan`, run by `institution`.
    pub fn create_workshop(
        &mut self,
        plan: PlanId,
        institution: plan_ouvert_domain::InstitutionId,
        input: &WorkshopInput,
    ) -> Result<Workshop> {
        input.parse()?;
        let tx = self.conn.savepoint()?;
        let plan_record = read_plan(&tx, plan)?;
        if plan_record.library {
            return Err(Error::InLibrary);
        }
        if read_institution(&tx, institution).is_err() {
            return Err(Problem::UnknownReference.on("institutionId").into());
        }
        let id = WorkshopId::new();
        let at = instant_text(now());
        // Inserted with its required values, then every field written by the one writer.
        tx.execute(
            "INSERT INTO workshop (id, plan_id, institution_id, title, held_on, facilitator, keep_until, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'x', '2000-01-01', 'x', '2000-01-01', ?4, ?4)",
            params![id.to_string(), plan.to_string(), institution.to_string(), at],
        )?;
        write_workshop_fields(&tx, id, input, plan)?;
        Tracked::new_record(RecordKind::Workshop, id.0).record(&tx)?;
        let workshop = read_workshop(&tx, id)?;
        tx.commit()?;
        Ok(workshop)
    }

    /// Changes a workshop's preparation (not the institution that runs it).
    pub fn update_workshop(&mut self, id: WorkshopId, input: &WorkshopInput) -> Result<Workshop> {
        input.parse()?;
        let tx = self.conn.savepoint()?;
        let workshop = read_workshop(&tx, id)?;
        let tracked = Tracked::before(&tx, RecordKind::Workshop, id.0)?;
        write_workshop_fields(&tx, id, input, workshop.plan_id)?;
        tracked.record(&tx)?;
        let workshop = read_workshop(&tx, id)?;
        tx.commit()?;
        Ok(workshop)
    }

    /// Deletes a workshop with its participants and contributions.
    pub fn delete_workshop(&mut self, id: WorkshopId) -> Result<()> {
        let tx = self.conn.savepoint()?;
        read_workshop(&tx, id)?;
        let traced: u32 = tx.query_row(
            "SELECT count(*) FROM contribution WHERE workshop_id = ?1
               AND (json_array_length(commitment_ids) > 0 OR json_array_length(milestone_ids) > 0)",
            [id.to_string()],
            |r| r.get(0),
        )?;
        if traced > 0 {
            return Err(Error::InUse { entity: Entity::Workshop, count: traced });
        }
        let tracked = Tracked::before(&tx, RecordKind::Workshop, id.0)?;
        tx.execute("DELETE FROM workshop WHERE id = ?1", [id.to_string()])?;
        tracked.record(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Takes one participant in the room: the anonymous participant (the kind they come from)
    /// and who they are, with the workshop's information text as they accepted it on `today`.
    pub fn add_participant_on(
        &mut self,
        workshop: WorkshopId,
        input: &ParticipantInput,
        today: NaiveDate,
        locale: Locale,
    ) -> Result<ParticipantView> {
        let valid = input.parse()?;
        let tx = self.conn.savepoint()?;
        let workshop = read_workshop(&tx, workshop)?;
        let institution = read_institution(&tx, workshop.institution_id)?;
        if !crate::access::personal_data_here(&tx, &institution)? {
            // The server would refuse the identity, and it would stay here among the refusals.
            return Err(Error::PersonalDataElsewhere { institution: institution.name });
        }
        let id = ParticipantId::new();
        let at = instant_text(now());
        tx.execute(
            "INSERT INTO participant (id, workshop_id, organisation_kind, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![id.to_string(), workshop.id.to_string(), valid.organisation_kind.code(), at],
        )?;
        Tracked::new_record(RecordKind::Participant, id.0).record(&tx)?;
        let (email, purpose) = match &valid.contact_email {
            Some(email) => (email.as_str(), WorkshopLabels::of(locale).default_contact_purpose),
            None => ("", ""),
        };
        tx.execute(
            "INSERT INTO identity (id, participant_id, name, consent_wording, consented_on, contact_email,
                                   contact_purpose, created_at, updated_at)
             VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                id.to_string(),
                valid.name.as_str(),
                workshop.consent_text,
                date_text(Some(today)),
                email,
                purpose,
                at
            ],
        )?;
        Tracked::new_record(RecordKind::Identity, id.0).record(&tx)?;
        let participant = crate::read::read_participant(&tx, id)?;
        let identity = read_identity(&tx, id)?;
        tx.commit()?;
        Ok(ParticipantView { participant, identity: Some(identity), contributions: 0 })
    }

    /// [`Store::add_participant_on`] today.
    pub fn add_participant(
        &mut self,
        workshop: WorkshopId,
        input: &ParticipantInput,
        locale: Locale,
    ) -> Result<ParticipantView> {
        self.add_participant_on(workshop, input, chrono::Local::now().date_naive(), locale)
    }

    /// Records a contribution of `participant` (none: the facilitator's) in the workshop: a
    /// comment about a commitment or milestone of the plan, a vote for proposals of the same
    /// workshop.
    pub fn add_contribution(
        &mut self,
        workshop: WorkshopId,
        participant: Option<ParticipantId>,
        input: &ContributionInput,
    ) -> Result<Contribution> {
        let valid = input.parse()?;
        let tx = self.conn.savepoint()?;
        let workshop = read_workshop(&tx, workshop)?;
        if let Some(participant) = participant {
            let here: Option<String> = tx
                .query_row("SELECT workshop_id FROM participant WHERE id = ?1", [participant.to_string()], |r| r.get(0))
                .optional()?;
            if here.as_deref() != Some(workshop.id.to_string().as_str()) {
                return Err(Error::NotFound(Entity::Participant));
            }
        }
        check_commitments(&tx, workshop.plan_id, valid.about_commitment_id.as_slice(), "aboutCommitmentId")?;
        check_milestones(&tx, workshop.plan_id, valid.about_milestone_id.as_slice(), "aboutMilestoneId")?;
        for proposal in &valid.proposal_ids {
            let proposal: Option<(String, String)> = tx
                .query_row("SELECT workshop_id, kind FROM contribution WHERE id = ?1", [proposal.to_string()], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            if proposal != Some((workshop.id.to_string(), ContributionKind::Proposal.code().to_string())) {
                return Err(Problem::UnknownReference.on("proposalIds").into());
            }
        }
        let id = ContributionId::new();
        let at = instant_text(now());
        tx.execute(
            "INSERT INTO contribution (id, workshop_id, participant_id, kind, text, about_commitment_id,
                                       about_milestone_id, proposal_ids, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![
                id.to_string(),
                workshop.id.to_string(),
                participant.map(|p| p.to_string()),
                valid.kind.code(),
                valid.text.as_str(),
                valid.about_commitment_id.map(|c| c.to_string()),
                valid.about_milestone_id.map(|m| m.to_string()),
                ids_json(&valid.proposal_ids),
                at
            ],
        )?;
        Tracked::new_record(RecordKind::Contribution, id.0).record(&tx)?;
        let contribution = read_contribution(&tx, id)?;
        tx.commit()?;
        Ok(contribution)
    }

    /// Says what became of a contribution and what it fed (commitments and milestones of the
    /// workshop's plan).
    pub fn trace_contribution(&mut self, id: ContributionId, input: &TraceInput) -> Result<Contribution> {
        let valid = input.parse()?;
        let tx = self.conn.savepoint()?;
        let contribution = read_contribution(&tx, id)?;
        let workshop = read_workshop(&tx, contribution.workshop_id)?;
        check_commitments(&tx, workshop.plan_id, &valid.commitment_ids, "commitmentIds")?;
        check_milestones(&tx, workshop.plan_id, &valid.milestone_ids, "milestoneIds")?;
        let tracked = Tracked::before(&tx, RecordKind::Contribution, id.0)?;
        tx.execute(
            "UPDATE contribution SET outcome = ?2, outcome_reason = ?3, commitment_ids = ?4, milestone_ids = ?5,
                    updated_at = ?6
             WHERE id = ?1",
            params![
                id.to_string(),
                valid.outcome.map(|o| o.code()),
                valid.outcome_reason.as_str(),
                ids_json(&valid.commitment_ids),
                ids_json(&valid.milestone_ids),
                instant_text(now())
            ],
        )?;
        tracked.record(&tx)?;
        let contribution = read_contribution(&tx, id)?;
        tx.commit()?;
        Ok(contribution)
    }

    /// Removes a contribution typed by mistake; undone with [`Store::restore_deletion`]. A
    /// proposal others voted for stays (the votes would lose what they name).
    pub fn delete_contribution(&mut self, id: ContributionId) -> Result<DeletionId> {
        let tx = self.conn.savepoint()?;
        read_contribution(&tx, id)?;
        let voted: u32 = tx.query_row(
            "SELECT count(*) FROM contribution c, json_each(c.proposal_ids) j WHERE j.value = ?1",
            [id.to_string()],
            |r| r.get(0),
        )?;
        if voted > 0 {
            return Err(Error::InUse { entity: Entity::Contribution, count: voted });
        }
        let deletion = crate::deletion::snapshot(&tx, RecordKey { kind: RecordKind::Contribution, id: id.0 })?;
        let tracked = Tracked::before(&tx, RecordKind::Contribution, id.0)?;
        tx.execute("DELETE FROM contribution WHERE id = ?1", [id.to_string()])?;
        tracked.record(&tx)?;
        tx.commit()?;
        Ok(deletion)
    }

    /// The workshop contributions a commitment came from: those that fed it or one of its
    /// milestones, by workshop date.
    pub fn contributions_to_commitment(&self, commitment: CommitmentId) -> Result<Vec<TracedContribution>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {cols}, w.title AS workshop_title, w.held_on AS workshop_held_on,
                    (SELECT m.title FROM json_each(c.milestone_ids) j JOIN milestone m ON m.id = j.value
                     WHERE m.commitment_id = ?1 LIMIT 1) AS milestone_title,
                    EXISTS (SELECT 1 FROM json_each(c.commitment_ids) j WHERE j.value = ?1) AS fed_whole
             FROM contribution c JOIN workshop w ON w.id = c.workshop_id
             WHERE EXISTS (SELECT 1 FROM json_each(c.commitment_ids) j WHERE j.value = ?1)
                OR EXISTS (SELECT 1 FROM json_each(c.milestone_ids) j JOIN milestone m ON m.id = j.value
                           WHERE m.commitment_id = ?1)
             ORDER BY w.held_on, c.created_at, c.id",
            cols = CONTRIBUTION_COLUMNS.split(", ").map(|c| format!("c.{c}")).collect::<Vec<_>>().join(", ")
        ))?;
        let list = stmt
            .query_map([commitment.to_string()], |row| {
                let fed_whole: bool = row.get("fed_whole")?;
                Ok(TracedContribution {
                    contribution: contribution_from_row(row)?,
                    workshop_id: WorkshopId(crate::row::uuid(row, "workshop_id")?),
                    workshop_title: row.get("workshop_title")?,
                    held_on: crate::row::date(row, "workshop_held_on")?,
                    milestone_title: if fed_whole { None } else { row.get("milestone_title")? },
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(list)
    }

    /// Everything this laptop holds about a participant (their identity, their workshop, their
    /// contributions), to give back to them.
    pub fn participant_data(&self, id: ParticipantId) -> Result<ParticipantData> {
        let conn = &self.conn;
        let identity = read_identity(conn, id)?;
        let participant = crate::read::read_participant(conn, id)?;
        let workshop = read_workshop(conn, participant.workshop_id)?;
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {CONTRIBUTION_COLUMNS} FROM contribution WHERE participant_id = ?1 ORDER BY created_at, id"
        ))?;
        let contributions =
            stmt.query_map([id.to_string()], contribution_from_row)?.collect::<rusqlite::Result<_>>()?;
        Ok(ParticipantData {
            participant,
            identity,
            workshop_title: workshop.title,
            held_on: workshop.held_on,
            place: workshop.place,
            institution: read_institution(conn, workshop.institution_id)?.into(),
            keep_until: workshop.keep_until,
            contributions,
        })
    }

    /// Erases who a participant is, at their request: their identity goes from this laptop
    /// (with every trace sync kept of it) and, once sent, from the server and every laptop of
    /// the institution; the participant stays, anonymous, with their contributions.
    pub fn erase_participant(&mut self, id: ParticipantId) -> Result<()> {
        let tx = self.conn.savepoint()?;
        read_identity(&tx, id)?;
        erase_identity(&tx, id)?;
        tx.commit()?;
        Ok(())
    }

    /// Erases the identities of the workshops whose keeping day is before `today`; resolves to how
    /// many. The app runs it on start and after each sync.
    pub fn erase_expired_identities_on(&mut self, today: NaiveDate) -> Result<u32> {
        let tx = self.conn.savepoint()?;
        let expired: Vec<String> = tx
            .prepare(
                "SELECT i.id FROM identity i JOIN participant p ON p.id = i.participant_id
                 JOIN workshop w ON w.id = p.workshop_id WHERE w.keep_until < ?1",
            )?
            .query_map([date_text(Some(today))], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in &expired {
            let id = ParticipantId::parse(id).ok_or_else(|| Error::Corrupt(format!("identity id {id}")))?;
            erase_identity(&tx, id)?;
        }
        tx.commit()?;
        Ok(expired.len() as u32)
    }
}

/// Deletes identity `id` here and queues its erasure for the server (a reader, who may not, only
/// forgets it: the institution's other people erase it there), then forgets every trace of it.
fn erase_identity(conn: &Connection, id: ParticipantId) -> Result<()> {
    let reader = crate::setting::signed_in(conn)?.is_some_and(|p| p.role == plan_ouvert_sync::access::Role::Reader);
    if !reader {
        let tracked = Tracked::before(conn, RecordKind::Identity, id.0)?;
        conn.execute("DELETE FROM identity WHERE id = ?1", [id.to_string()])?;
        tracked.record(conn)?;
    }
    crate::erasure::forget_identity(conn, id.0)
}
