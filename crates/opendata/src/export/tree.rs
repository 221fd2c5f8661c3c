//! A plan's records gathered from a [`Dataset`], checked, in canonical form and in order: what
//! every export is written from.

use std::collections::{BTreeMap, BTreeSet};

use plan_ouvert_domain::ContributionKind;
use plan_ouvert_sync::protocol::{fields_of_kind, RecordKind, Value};
use uuid::Uuid;

use super::fields::{field_type, parse_date, parse_id, FieldCheck};
use super::{ExportError, Problem};
use crate::dataset::{Dataset, Fields};

/// One record: its id and its fields, every field of its kind, checked.
#[derive(Debug, Clone)]
pub(crate) struct Rec {
    pub id: Uuid,
    pub fields: Fields,
}

impl Rec {
    pub fn text(&self, field: &str) -> &str {
        self.fields.get(field).and_then(Value::as_str).unwrap_or("")
    }

    pub fn id_of(&self, field: &str) -> Option<Uuid> {
        self.fields.get(field).and_then(Value::as_str).and_then(parse_id)
    }

    pub fn ids_of(&self, field: &str) -> Vec<Uuid> {
        self.fields
            .get(field)
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(Value::as_str).filter_map(parse_id).collect())
            .unwrap_or_default()
    }

    pub fn position(&self) -> u64 {
        self.fields.get("position").and_then(Value::as_u64).unwrap_or(0)
    }

    pub fn flag(&self, field: &str) -> bool {
        self.fields.get(field).and_then(Value::as_bool).unwrap_or(false)
    }
}

#[derive(Debug, Clone)]
pub(crate) struct CommitmentNode {
    pub rec: Rec,
    pub milestones: Vec<Rec>,
    /// The progress reports on the commitment and on its milestones, timeline by timeline: the
    /// commitment's own first, then each milestone's in the milestones' order; each timeline
    /// oldest first (`reportedOn`, then id), the order in which a reader follows a log.
    pub reports: Vec<Rec>,
}

impl CommitmentNode {
    /// The entries of one timeline, oldest first: the commitment's own (`None`) or a milestone's.
    pub fn timeline(&self, milestone: Option<Uuid>) -> impl Iterator<Item = &Rec> {
        self.reports.iter().filter(move |r| r.id_of("milestoneId") == milestone)
    }

    /// Every report with the milestone it is on (`None` for the commitment's own), in the order
    /// of [`CommitmentNode::reports`].
    pub fn reports_with_milestones(&self) -> impl Iterator<Item = (Option<&Rec>, &Rec)> {
        self.reports
            .iter()
            .map(|r| (r.id_of("milestoneId").and_then(|m| self.milestones.iter().find(|x| x.id == m)), r))
    }
}

/// The timeline a report is an entry of: its commitment, and its milestone (`None` for the
/// commitment's own).
pub(crate) type Timeline = (Option<Uuid>, Option<Uuid>);

/// The timeline of a report.
pub(crate) fn timeline(report: &Rec) -> Timeline {
    (report.id_of("commitmentId"), report.id_of("milestoneId"))
}

/// Checks a report against the records around it, as the app does when it writes one: its
/// milestone, if any, is one of its commitment's (`commitment_of` gives a milestone's
/// commitment, `None` for a milestone unknown), and the report it corrects is an entry of the
/// same timeline (`timeline_of` gives a report's, `None` for a report unknown). The JSON and
/// CSV readers and the export itself all check this way, each saying where on its own terms.
/// Returns the field at fault and why.
pub(crate) fn check_report(
    report: &Rec,
    commitment_of: impl Fn(Uuid) -> Option<Uuid>,
    timeline_of: impl Fn(Uuid) -> Option<Timeline>,
) -> Result<(), (&'static str, Problem)> {
    let commitment = report.id_of("commitmentId").unwrap_or_default();
    if let Some(milestone) = report.id_of("milestoneId") {
        match commitment_of(milestone) {
            None => return Err(("milestoneId", Problem::UnknownReference { id: milestone })),
            Some(other) if other != commitment => {
                return Err(("milestoneId", Problem::OtherCommitment { expected: commitment }))
            }
            Some(_) => {}
        }
    }
    if let Some(corrected) = report.id_of("corrects") {
        match timeline_of(corrected) {
            None => return Err(("corrects", Problem::UnknownReference { id: corrected })),
            Some(other) if other != timeline(report) => return Err(("corrects", Problem::OtherTimeline)),
            Some(_) => {}
        }
    }
    Ok(())
}

/// Checks a reporting round's dates as the app and the server do (the date pair of
/// `plan_ouvert_sync::rules`): it is due on the day it opens or later. The JSON and CSV readers
/// and the export itself all check this way, each saying where on its own terms. Returns the
/// field at fault and why.
pub(crate) fn check_round(round: &Rec) -> Result<(), (&'static str, Problem)> {
    let date = |field: &str| round.fields.get(field).and_then(Value::as_str).and_then(parse_date);
    match (date("opensOn"), date("dueOn")) {
        (Some(opens_on), Some(due_on)) if due_on < opens_on => Err(("dueOn", Problem::DueBeforeOpening { opens_on })),
        _ => Ok(()),
    }
}

/// Checks a workshop's dates as the app and the server do (the date pair of
/// `plan_ouvert_sync::rules`): its participants' data is kept until the day it was held or later.
/// Returns the field at fault and why.
pub(crate) fn check_workshop(workshop: &Rec) -> Result<(), (&'static str, Problem)> {
    let date = |field: &str| workshop.fields.get(field).and_then(Value::as_str).and_then(parse_date);
    match (date("heldOn"), date("keepUntil")) {
        (Some(held_on), Some(keep_until)) if keep_until < held_on => {
            Err(("keepUntil", Problem::KeptBeforeHeld { held_on }))
        }
        _ => Ok(()),
    }
}

/// Checks a contribution against the records around it, as the app does when it writes one: its
/// author, if any, is a participant of its workshop (`workshop_of_participant` gives a
/// participant's workshop, `None` for a participant unknown), and each proposal a vote names is a
/// proposal of its workshop (`contribution_of` gives a contribution's workshop and whether it is a
/// proposal, `None` for one unknown). What a contribution is about and what it fed are not
/// checked: a workshop's record keeps naming a commitment or milestone deleted since. The JSON and
/// CSV readers and the export itself all check this way, each saying where on its own terms.
/// Returns the field at fault and why.
pub(crate) fn check_contribution(
    contribution: &Rec,
    workshop_of_participant: impl Fn(Uuid) -> Option<Uuid>,
    contribution_of: impl Fn(Uuid) -> Option<(Uuid, bool)>,
) -> Result<(), (&'static str, Problem)> {
    let workshop = contribution.id_of("workshopId").unwrap_or_default();
    if let Some(participant) = contribution.id_of("participantId") {
        match workshop_of_participant(participant) {
            None => return Err(("participantId", Problem::UnknownReference { id: participant })),
            Some(other) if other != workshop => {
                return Err(("participantId", Problem::OtherWorkshop { expected: workshop }))
            }
            Some(_) => {}
        }
    }
    for proposal in contribution.ids_of("proposalIds") {
        match contribution_of(proposal) {
            None => return Err(("proposalIds", Problem::UnknownReference { id: proposal })),
            Some((other, _)) if other != workshop => {
                return Err(("proposalIds", Problem::OtherWorkshop { expected: workshop }))
            }
            Some((_, false)) => return Err(("proposalIds", Problem::NotAProposal { id: proposal })),
            Some((_, true)) => {}
        }
    }
    Ok(())
}

/// A co-construction workshop of the plan, its participants — anonymous: the kind of
/// organisation each comes from — and its contributions, each list in the order its records were
/// made (by id: the app's ids, UUID v7, grow with time). A participant's identity is personal data
/// (`plan_ouvert_sync::access::is_personal_data`) and is never part of it: no export reads one.
#[derive(Debug, Clone)]
pub(crate) struct WorkshopNode {
    pub rec: Rec,
    pub participants: Vec<Rec>,
    pub contributions: Vec<Rec>,
}

#[derive(Debug, Clone)]
pub(crate) struct AreaNode {
    pub rec: Rec,
    pub commitments: Vec<CommitmentNode>,
}

/// A plan, its reporting rounds by due date, its workshops by day, its areas by position, each
/// area's commitments by position, each commitment's milestones by position and progress reports,
/// and the institutions they name (by name).
#[derive(Debug, Clone)]
pub(crate) struct PlanTree {
    pub plan: Rec,
    /// The reporting rounds the coordination opened on the plan, by due date (`dueOn`), then id.
    pub rounds: Vec<Rec>,
    /// The plan's co-construction workshops, by the day they were held (`heldOn`), then id.
    pub workshops: Vec<WorkshopNode>,
    pub areas: Vec<AreaNode>,
    pub institutions: Vec<Rec>,
}

/// Checks a record of the dataset and puts it in canonical form: every field of its kind, in
/// the form the schemas describe; a field the record lacks gets its type's default when there
/// is one. Fields not of its kind are left out.
pub(crate) fn normalize(kind: RecordKind, id: Uuid, fields: &Fields) -> Result<Rec, ExportError> {
    let mut out = Fields::new();
    for field in fields_of_kind(kind) {
        let invalid = |problem| ExportError::InvalidRecord { kind, id, field: field.to_string(), problem };
        let ty = field_type(kind, field).ok_or_else(|| invalid(Problem::Unsupported))?;
        let value = match fields.get(*field) {
            Some(value) => ty.check(value).map_err(invalid)?,
            None => ty.default_value().ok_or_else(|| invalid(Problem::Missing))?,
        };
        out.insert(field.to_string(), value);
    }
    Ok(Rec { id, fields: out })
}

/// Checks the plan's reports ([`check_report`]) against the whole dataset: a milestone or a
/// corrected report absent from the data is a missing record, one elsewhere is invalid data.
fn check_reports<'a>(dataset: &Dataset, reports: impl Iterator<Item = &'a Rec> + Clone) -> Result<(), ExportError> {
    let timelines: BTreeMap<Uuid, Timeline> = reports.clone().map(|r| (r.id, timeline(r))).collect();
    let commitment_of =
        |m| dataset.get(RecordKind::Milestone, m).map(|f| raw_id(f, "commitmentId").unwrap_or_default());
    // A report of the data that is not among the plan's is of no timeline of the plan.
    let timeline_of =
        |r| timelines.get(&r).copied().or_else(|| dataset.get(RecordKind::Report, r).map(|_| (None, None)));
    for report in reports {
        check_report(report, commitment_of, timeline_of).map_err(|(field, problem)| match problem {
            Problem::UnknownReference { id } => ExportError::MissingRecord {
                kind: if field == "corrects" { RecordKind::Report } else { RecordKind::Milestone },
                id,
                from: RecordKind::Report,
                from_id: report.id,
                field,
            },
            problem => {
                ExportError::InvalidRecord { kind: RecordKind::Report, id: report.id, field: field.into(), problem }
            }
        })?;
    }
    Ok(())
}

/// Checks the contributions of the plan's workshops ([`check_contribution`]) against the whole
/// dataset: a participant or a proposal absent from the data is a missing record, one elsewhere is
/// invalid data.
fn check_contributions<'a>(dataset: &Dataset, contributions: impl Iterator<Item = &'a Rec>) -> Result<(), ExportError> {
    let workshop_of_participant =
        |p| dataset.get(RecordKind::Participant, p).map(|f| raw_id(f, "workshopId").unwrap_or_default());
    let contribution_of = |c| {
        dataset.get(RecordKind::Contribution, c).map(|f| {
            let proposal = f.get("kind").and_then(Value::as_str) == Some(ContributionKind::Proposal.code());
            (raw_id(f, "workshopId").unwrap_or_default(), proposal)
        })
    };
    for contribution in contributions {
        check_contribution(contribution, workshop_of_participant, contribution_of).map_err(|(field, problem)| {
            match problem {
                Problem::UnknownReference { id } => ExportError::MissingRecord {
                    kind: if field == "participantId" { RecordKind::Participant } else { RecordKind::Contribution },
                    id,
                    from: RecordKind::Contribution,
                    from_id: contribution.id,
                    field,
                },
                problem => ExportError::InvalidRecord {
                    kind: RecordKind::Contribution,
                    id: contribution.id,
                    field: field.into(),
                    problem,
                },
            }
        })?;
    }
    Ok(())
}

/// An id field of a record not checked yet (to pick the records of one plan).
fn raw_id(fields: &Fields, field: &str) -> Option<Uuid> {
    fields.get(field).and_then(Value::as_str).and_then(parse_id)
}

fn by_position(records: &mut [Rec]) {
    records.sort_by_key(|r| (r.position(), r.id));
}

impl PlanTree {
    pub fn build(dataset: &Dataset, plan: Uuid) -> Result<Self, ExportError> {
        let plan_fields = dataset.get(RecordKind::Plan, plan).ok_or(ExportError::UnknownPlan { plan })?;
        let plan_rec = normalize(RecordKind::Plan, plan, plan_fields)?;

        let mut areas = Vec::new();
        for (id, fields) in dataset.of_kind(RecordKind::Area) {
            if raw_id(fields, "planId") == Some(plan) {
                areas.push(normalize(RecordKind::Area, id, fields)?);
            }
        }
        by_position(&mut areas);
        let area_ids: BTreeSet<Uuid> = areas.iter().map(|a| a.id).collect();

        let mut commitments: BTreeMap<Uuid, Vec<Rec>> = BTreeMap::new();
        let mut commitment_ids = BTreeSet::new();
        for (id, fields) in dataset.of_kind(RecordKind::Commitment) {
            if raw_id(fields, "planId") != Some(plan) {
                continue;
            }
            let rec = normalize(RecordKind::Commitment, id, fields)?;
            let area = rec.id_of("areaId").unwrap_or_default();
            if !area_ids.contains(&area) {
                return Err(ExportError::MissingRecord {
                    kind: RecordKind::Area,
                    id: area,
                    from: RecordKind::Commitment,
                    from_id: id,
                    field: "areaId",
                });
            }
            commitment_ids.insert(id);
            commitments.entry(area).or_default().push(rec);
        }

        let mut milestones: BTreeMap<Uuid, Vec<Rec>> = BTreeMap::new();
        for (id, fields) in dataset.of_kind(RecordKind::Milestone) {
            if let Some(commitment) = raw_id(fields, "commitmentId").filter(|c| commitment_ids.contains(c)) {
                milestones.entry(commitment).or_default().push(normalize(RecordKind::Milestone, id, fields)?);
            }
        }

        let mut reports: BTreeMap<Uuid, Vec<Rec>> = BTreeMap::new();
        for (id, fields) in dataset.of_kind(RecordKind::Report) {
            if let Some(commitment) = raw_id(fields, "commitmentId").filter(|c| commitment_ids.contains(c)) {
                reports.entry(commitment).or_default().push(normalize(RecordKind::Report, id, fields)?);
            }
        }
        check_reports(dataset, reports.values().flatten())?;

        let mut rounds = Vec::new();
        for (id, fields) in dataset.of_kind(RecordKind::Round) {
            if raw_id(fields, "planId") != Some(plan) {
                continue;
            }
            let round = normalize(RecordKind::Round, id, fields)?;
            check_round(&round).map_err(|(field, problem)| ExportError::InvalidRecord {
                kind: RecordKind::Round,
                id,
                field: field.into(),
                problem,
            })?;
            rounds.push(round);
        }
        rounds.sort_by_cached_key(|r| (r.text("dueOn").to_string(), r.id));

        let workshops = Self::workshops(dataset, plan)?;

        let mut tree = PlanTree { plan: plan_rec, rounds, workshops, areas: Vec::new(), institutions: Vec::new() };
        for area in areas {
            let mut list = commitments.remove(&area.id).unwrap_or_default();
            by_position(&mut list);
            let commitments = list
                .into_iter()
                .map(|rec| {
                    let mut milestones = milestones.remove(&rec.id).unwrap_or_default();
                    by_position(&mut milestones);
                    let mut reports = reports.remove(&rec.id).unwrap_or_default();
                    reports.sort_by_cached_key(|r| {
                        let rank = r.id_of("milestoneId").map(|m| milestones.iter().position(|x| x.id == m));
                        (rank, r.text("reportedOn").to_string(), r.id)
                    });
                    CommitmentNode { rec, milestones, reports }
                })
                .collect();
            tree.areas.push(AreaNode { rec: area, commitments });
        }

        let mut institutions = Vec::new();
        let mut seen = BTreeSet::new();
        for (from, from_id, field, id) in tree.institution_references() {
            if !seen.insert(id) {
                continue;
            }
            let fields = dataset.get(RecordKind::Institution, id).ok_or(ExportError::MissingRecord {
                kind: RecordKind::Institution,
                id,
                from,
                from_id,
                field,
            })?;
            institutions.push(normalize(RecordKind::Institution, id, fields)?);
        }
        institutions.sort_by_key(|i| (i.text("name").to_lowercase(), i.id));
        tree.institutions = institutions;
        Ok(tree)
    }

    /// The plan's workshops by day, each with its participants and contributions, checked. Never
    /// their participants' identities.
    fn workshops(dataset: &Dataset, plan: Uuid) -> Result<Vec<WorkshopNode>, ExportError> {
        let mut workshops = Vec::new();
        for (id, fields) in dataset.of_kind(RecordKind::Workshop) {
            if raw_id(fields, "planId") != Some(plan) {
                continue;
            }
            let workshop = normalize(RecordKind::Workshop, id, fields)?;
            check_workshop(&workshop).map_err(|(field, problem)| ExportError::InvalidRecord {
                kind: RecordKind::Workshop,
                id,
                field: field.into(),
                problem,
            })?;
            workshops.push(workshop);
        }
        workshops.sort_by_cached_key(|w| (w.text("heldOn").to_string(), w.id));
        let held: BTreeSet<Uuid> = workshops.iter().map(|w| w.id).collect();
        let of_workshop = |kind| -> Result<BTreeMap<Uuid, Vec<Rec>>, ExportError> {
            let mut by_workshop: BTreeMap<Uuid, Vec<Rec>> = BTreeMap::new();
            for (id, fields) in dataset.of_kind(kind) {
                if let Some(workshop) = raw_id(fields, "workshopId").filter(|w| held.contains(w)) {
                    by_workshop.entry(workshop).or_default().push(normalize(kind, id, fields)?);
                }
            }
            for list in by_workshop.values_mut() {
                list.sort_by_key(|r| r.id);
            }
            Ok(by_workshop)
        };
        let mut participants = of_workshop(RecordKind::Participant)?;
        let mut contributions = of_workshop(RecordKind::Contribution)?;
        check_contributions(dataset, contributions.values().flatten())?;
        Ok(workshops
            .into_iter()
            .map(|rec| WorkshopNode {
                participants: participants.remove(&rec.id).unwrap_or_default(),
                contributions: contributions.remove(&rec.id).unwrap_or_default(),
                rec,
            })
            .collect())
    }

    /// Every reference to an institution: (kind of the referring record, its id, field, the
    /// institution's id).
    pub fn institution_references(&self) -> Vec<(RecordKind, Uuid, &'static str, Uuid)> {
        let mut refs = Vec::new();
        for w in &self.workshops {
            if let Some(institution) = w.rec.id_of("institutionId") {
                refs.push((RecordKind::Workshop, w.rec.id, "institutionId", institution));
            }
        }
        for c in self.commitments() {
            if let Some(lead) = c.rec.id_of("leadInstitutionId") {
                refs.push((RecordKind::Commitment, c.rec.id, "leadInstitutionId", lead));
            }
            for id in c.rec.ids_of("supportingInstitutionIds") {
                refs.push((RecordKind::Commitment, c.rec.id, "supportingInstitutionIds", id));
            }
            for m in &c.milestones {
                if let Some(lead) = m.id_of("leadInstitutionId") {
                    refs.push((RecordKind::Milestone, m.id, "leadInstitutionId", lead));
                }
            }
            for r in &c.reports {
                if let Some(institution) = r.id_of("institutionId") {
                    refs.push((RecordKind::Report, r.id, "institutionId", institution));
                }
            }
        }
        refs
    }

    /// The institutions the plan itself names (as lead or supporting institutions of its
    /// commitments and milestones), by name: those the printed plan lists. An institution
    /// named only by a progress report (one that signed for a commitment it no longer carries) or
    /// by a workshop (one that ran it) is in [`PlanTree::institutions`] for the data exports, not
    /// in the plan as adopted.
    pub fn plan_institutions(&self) -> Vec<&Rec> {
        let named: BTreeSet<Uuid> = self
            .institution_references()
            .into_iter()
            .filter(|(from, ..)| matches!(from, RecordKind::Commitment | RecordKind::Milestone))
            .map(|(.., id)| id)
            .collect();
        self.institutions.iter().filter(|i| named.contains(&i.id)).collect()
    }

    pub fn commitments(&self) -> impl Iterator<Item = &CommitmentNode> {
        self.areas.iter().flat_map(|a| a.commitments.iter())
    }

    pub fn workshop(&self, id: Uuid) -> Option<&WorkshopNode> {
        self.workshops.iter().find(|w| w.rec.id == id)
    }

    pub fn institution(&self, id: Uuid) -> Option<&Rec> {
        self.institutions.iter().find(|i| i.id == id)
    }

    /// The name of an institution named by the plan ("" when there is none).
    pub fn institution_name(&self, id: Option<Uuid>) -> &str {
        id.and_then(|id| self.institution(id)).map(|i| i.text("name")).unwrap_or("")
    }

    /// The records as a dataset.
    pub fn to_dataset(&self) -> Dataset {
        let mut dataset = Dataset::default();
        dataset.insert(RecordKind::Plan, self.plan.id, self.plan.fields.clone());
        for round in &self.rounds {
            dataset.insert(RecordKind::Round, round.id, round.fields.clone());
        }
        for w in &self.workshops {
            dataset.insert(RecordKind::Workshop, w.rec.id, w.rec.fields.clone());
            for p in &w.participants {
                dataset.insert(RecordKind::Participant, p.id, p.fields.clone());
            }
            for c in &w.contributions {
                dataset.insert(RecordKind::Contribution, c.id, c.fields.clone());
            }
        }
        for area in &self.areas {
            dataset.insert(RecordKind::Area, area.rec.id, area.rec.fields.clone());
            for c in &area.commitments {
                dataset.insert(RecordKind::Commitment, c.rec.id, c.rec.fields.clone());
                for m in &c.milestones {
                    dataset.insert(RecordKind::Milestone, m.id, m.fields.clone());
                }
                for r in &c.reports {
                    dataset.insert(RecordKind::Report, r.id, r.fields.clone());
                }
            }
        }
        for i in &self.institutions {
            dataset.insert(RecordKind::Institution, i.id, i.fields.clone());
        }
        dataset
    }
}
