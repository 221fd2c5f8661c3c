//! A plan's records gathered from a [`Dataset`], checked, in canonical form and in order: what
//! every export is written from.

use std::collections::{BTreeMap, BTreeSet};

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

#[derive(Debug, Clone)]
pub(crate) struct AreaNode {
    pub rec: Rec,
    pub commitments: Vec<CommitmentNode>,
}

/// A plan, its reporting rounds by due date, its areas by position, each area's commitments by
/// position, each commitment's milestones by position and progress reports, and the institutions
/// they name (by name).
#[derive(Debug, Clone)]
pub(crate) struct PlanTree {
    pub plan: Rec,
    /// The reporting rounds the coordination opened on the plan, by due date (`dueOn`), then id.
    pub rounds: Vec<Rec>,
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

        let mut tree = PlanTree { plan: plan_rec, rounds, areas: Vec::new(), institutions: Vec::new() };
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

    /// Every reference to an institution: (kind of the referring record, its id, field, the
    /// institution's id).
    pub fn institution_references(&self) -> Vec<(RecordKind, Uuid, &'static str, Uuid)> {
        let mut refs = Vec::new();
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
    /// named only by a progress report (one that signed for a commitment it no longer carries)
    /// is in [`PlanTree::institutions`] for the data exports, not in the plan as adopted.
    pub fn plan_institutions(&self) -> Vec<&Rec> {
        let named: BTreeSet<Uuid> = self
            .institution_references()
            .into_iter()
            .filter(|(from, ..)| *from != RecordKind::Report)
            .map(|(.., id)| id)
            .collect();
        self.institutions.iter().filter(|i| named.contains(&i.id)).collect()
    }

    pub fn commitments(&self) -> impl Iterator<Item = &CommitmentNode> {
        self.areas.iter().flat_map(|a| a.commitments.iter())
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
