//! A plan's records gathered from a [`Dataset`], checked, in canonical form and in order: what
//! every export is written from.

use std::collections::{BTreeMap, BTreeSet};

use plan_ouvert_sync::protocol::{fields_of_kind, RecordKind, Value};
use uuid::Uuid;

use super::fields::{field_type, parse_id, FieldCheck};
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
}

#[derive(Debug, Clone)]
pub(crate) struct AreaNode {
    pub rec: Rec,
    pub commitments: Vec<CommitmentNode>,
}

/// A plan, its areas by position, each area's commitments by position, each commitment's
/// milestones by position, and the institutions they name (by name).
#[derive(Debug, Clone)]
pub(crate) struct PlanTree {
    pub plan: Rec,
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

        let mut tree = PlanTree { plan: plan_rec, areas: Vec::new(), institutions: Vec::new() };
        for area in areas {
            let mut list = commitments.remove(&area.id).unwrap_or_default();
            by_position(&mut list);
            let commitments = list
                .into_iter()
                .map(|rec| {
                    let mut milestones = milestones.remove(&rec.id).unwrap_or_default();
                    by_position(&mut milestones);
                    CommitmentNode { rec, milestones }
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
        }
        refs
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
        for area in &self.areas {
            dataset.insert(RecordKind::Area, area.rec.id, area.rec.fields.clone());
            for c in &area.commitments {
                dataset.insert(RecordKind::Commitment, c.rec.id, c.rec.fields.clone());
                for m in &c.milestones {
                    dataset.insert(RecordKind::Milestone, m.id, m.fields.clone());
                }
            }
        }
        for i in &self.institutions {
            dataset.insert(RecordKind::Institution, i.id, i.fields.clone());
        }
        dataset
    }
}
