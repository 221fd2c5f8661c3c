//! The plan as one JSON document, and back.

use std::collections::{BTreeMap, BTreeSet};

use plan_ouvert_domain::ContributionKind;
use plan_ouvert_sync::protocol::{fields_of_kind, RecordKind, Value};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::ser::PrettyFormatter;
use serde_json::Map;
use uuid::Uuid;

use super::fields::{field_type, FieldCheck, FieldType};
use super::tree::{
    check_contribution, check_report, check_round, check_workshop, timeline, CommitmentNode, PlanTree, Rec,
    WorkshopNode,
};
use super::{ExportError, Problem, SCHEMA_ID, SCHEMA_ID_V2};
use crate::dataset::{Dataset, Fields};

/// The document as built: members in the order they are written (a `serde_json::Value` would
/// sort them).
enum Node<'a> {
    Object(Vec<(&'a str, Node<'a>)>),
    Array(Vec<Node<'a>>),
    Leaf(&'a Value),
    Text(String),
}

impl Node<'_> {
    fn to_value(&self) -> Value {
        match self {
            Node::Object(members) => {
                Value::Object(members.iter().map(|(k, v)| (k.to_string(), v.to_value())).collect())
            }
            Node::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            Node::Leaf(value) => (*value).clone(),
            Node::Text(text) => Value::String(text.clone()),
        }
    }
}

impl Serialize for Node<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
            Node::Array(items) => serializer.collect_seq(items),
            Node::Leaf(value) => value.serialize(serializer),
            Node::Text(text) => serializer.serialize_str(text),
        }
    }
}

/// A record: its id, then its fields in the order of its kind (the template's order), then the
/// records it contains.
fn record<'a>(kind: RecordKind, rec: &'a Rec, children: Vec<(&'static str, Node<'a>)>) -> Node<'a> {
    nested(kind, rec, None, children)
}

/// A record as [`record`] writes it, but for `implied`, the field naming the record it sits in,
/// which its place says (a round's `planId`).
fn nested<'a>(
    kind: RecordKind,
    rec: &'a Rec,
    implied: Option<&str>,
    children: Vec<(&'static str, Node<'a>)>,
) -> Node<'a> {
    let mut members = vec![("id", Node::Text(rec.id.to_string()))];
    for field in fields_of_kind(kind).iter().filter(|f| Some(**f) != implied) {
        if let Some(value) = rec.fields.get(*field) {
            members.push((*field, Node::Leaf(value)));
        }
    }
    members.extend(children);
    Node::Object(members)
}

/// The plan with its reporting rounds, by due date, and its workshops, by day: each sits in the
/// plan, without its `planId`, which is that plan's id.
fn plan(tree: &PlanTree) -> Node<'_> {
    let rounds = tree.rounds.iter().map(|r| nested(RecordKind::Round, r, Some("planId"), Vec::new())).collect();
    let workshops = tree.workshops.iter().map(workshop).collect();
    record(RecordKind::Plan, &tree.plan, vec![("rounds", Node::Array(rounds)), ("workshops", Node::Array(workshops))])
}

/// A workshop with its participants and contributions, each without its `workshopId`, which is
/// the workshop it sits in. A participant is its id and kind of organisation: who they are is
/// never part of an export.
fn workshop(node: &WorkshopNode) -> Node<'_> {
    nested(
        RecordKind::Workshop,
        &node.rec,
        Some("planId"),
        vec![
            ("participants", in_workshop(RecordKind::Participant, &node.participants)),
            ("contributions", in_workshop(RecordKind::Contribution, &node.contributions)),
        ],
    )
}

/// Records of a workshop as the list it holds them in, each without its `workshopId`.
fn in_workshop(kind: RecordKind, records: &[Rec]) -> Node<'_> {
    Node::Array(records.iter().map(|r| nested(kind, r, Some("workshopId"), Vec::new())).collect())
}

/// One timeline of a commitment as the `reports` member of the record it is about.
///
/// Each timeline sits in the record it is about: a milestone's reports in the milestone, the
/// commitment's own (its results, whether it opened government) in the commitment. An open-data
/// reader then finds where a milestone stands in the milestone itself, in the order of its
/// entries, without sorting a commitment's list by `milestoneId`; the document keeps the shape
/// of the app's follow-up screen, and the nesting is checked on reading like the rest.
///
/// A report's evidence files are named, not embedded: its `files` gives each one's SHA-256,
/// name, size and media type, never its bytes, which the central server serves under that
/// SHA-256 to the readers it authenticates.
fn reports<'a>(node: &'a CommitmentNode, milestone: Option<Uuid>) -> (&'static str, Node<'a>) {
    ("reports", Node::Array(node.timeline(milestone).map(|r| record(RecordKind::Report, r, Vec::new())).collect()))
}

fn document(tree: &PlanTree) -> Node<'_> {
    let areas = tree
        .areas
        .iter()
        .map(|area| {
            let commitments = area
                .commitments
                .iter()
                .map(|c| {
                    let milestones = c
                        .milestones
                        .iter()
                        .map(|m| record(RecordKind::Milestone, m, vec![reports(c, Some(m.id))]))
                        .collect();
                    record(
                        RecordKind::Commitment,
                        &c.rec,
                        vec![("milestones", Node::Array(milestones)), reports(c, None)],
                    )
                })
                .collect();
            record(RecordKind::Area, &area.rec, vec![("commitments", Node::Array(commitments))])
        })
        .collect();
    let institutions = tree.institutions.iter().map(|i| record(RecordKind::Institution, i, Vec::new())).collect();
    Node::Object(vec![
        ("schema", Node::Text(SCHEMA_ID.to_string())),
        ("plan", plan(tree)),
        ("areas", Node::Array(areas)),
        ("institutions", Node::Array(institutions)),
    ])
}

/// The whole plan as one JSON document (see the [module documentation](super) for its shape,
/// and `schema/plan.schema.json` for its schema).
pub fn plan_json(dataset: &Dataset, plan: Uuid) -> Result<Value, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    Ok(document_value(&tree))
}

/// The same document as [`plan_json`], as the text of the published file: indented, members in
/// a reading order (`schema`, `plan`, `areas`, `institutions`; in each record its `id`, then its
/// fields in the template's order, then its nested records: the plan's `rounds` then its
/// `workshops`, a workshop's `participants` then its `contributions`, a commitment's
/// `milestones`, then its `reports`), ending with a line break.
pub fn plan_json_text(dataset: &Dataset, plan: Uuid) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    Ok(document_text(&tree))
}

/// The text of the document of `tree` (see [`plan_json_text`]).
pub(crate) fn document_text(tree: &PlanTree) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, PrettyFormatter::with_indent(b"  "));
    // Writing strings, numbers and booleans into memory cannot fail.
    let _ = document(tree).serialize(&mut serializer);
    let mut text = String::from_utf8(out).unwrap_or_default();
    text.push('\n');
    text
}

/// The document of `tree` as a value (see [`plan_json`]).
pub(crate) fn document_value(tree: &PlanTree) -> Value {
    document(tree).to_value()
}

fn invalid(path: &str, problem: Problem) -> ExportError {
    ExportError::InvalidJson { path: path.to_string(), problem }
}

fn object<'a>(value: &'a Value, path: &str) -> Result<&'a Map<String, Value>, ExportError> {
    value.as_object().ok_or_else(|| invalid(path, Problem::ExpectedObject))
}

fn member<'a>(map: &'a Map<String, Value>, path: &str, name: &str) -> Result<&'a Value, ExportError> {
    map.get(name).ok_or_else(|| invalid(&format!("{path}.{name}"), Problem::Missing))
}

fn array<'a>(map: &'a Map<String, Value>, path: &str, name: &str) -> Result<&'a Vec<Value>, ExportError> {
    member(map, path, name)?.as_array().ok_or_else(|| invalid(&format!("{path}.{name}"), Problem::ExpectedArray))
}

/// Reads one record: its id and every field of its kind, nothing else but `children`.
fn read_record<'a>(
    value: &'a Value,
    kind: RecordKind,
    path: &str,
    children: &[&str],
) -> Result<(Rec, &'a Map<String, Value>), ExportError> {
    read_nested(value, kind, path, children, None)
}

/// Reads one record as [`read_record`] does, but for `implied`: the field naming the record it
/// sits in, which the document does not write (a member of that name is one too many), and its
/// value, the id of that record.
fn read_nested<'a>(
    value: &'a Value,
    kind: RecordKind,
    path: &str,
    children: &[&str],
    implied: Option<(&str, Uuid)>,
) -> Result<(Rec, &'a Map<String, Value>), ExportError> {
    let map = object(value, path)?;
    let fields = fields_of_kind(kind);
    let written = |name: &str| fields.contains(&name) && implied.is_none_or(|(field, _)| field != name);
    if let Some(extra) = map.keys().find(|k| *k != "id" && !written(k) && !children.contains(&k.as_str())) {
        return Err(invalid(&format!("{path}.{extra}"), Problem::Unexpected));
    }
    let id = FieldType::Ref(RecordKind::Plan)
        .check(member(map, path, "id")?)
        .map_err(|p| invalid(&format!("{path}.id"), p))?;
    let id = id.as_str().and_then(|s| Uuid::parse_str(s).ok()).unwrap_or_default();
    let mut out = Fields::new();
    for field in fields {
        let at = format!("{path}.{field}");
        let ty = field_type(kind, field).ok_or_else(|| invalid(&at, Problem::Unsupported))?;
        let parent;
        let value = match implied {
            Some((name, id)) if name == *field => {
                parent = Value::String(id.to_string());
                &parent
            }
            _ => member(map, path, field)?,
        };
        out.insert(field.to_string(), ty.check(value).map_err(|p| invalid(&at, p))?);
    }
    Ok((Rec { id, fields: out }, map))
}

struct Reader {
    dataset: Dataset,
    seen: BTreeSet<(RecordKind, Uuid)>,
    /// Every institution named, with where.
    references: Vec<(String, Uuid)>,
    /// Every report read, with where, to check once all are read what each corrects.
    reports: Vec<(String, Rec)>,
    /// Every contribution read, with where, to check once all are read its author and the
    /// proposals a vote names.
    contributions: Vec<(String, Rec)>,
}

impl Reader {
    fn add(&mut self, kind: RecordKind, rec: Rec, path: &str) -> Result<(), ExportError> {
        if !self.seen.insert((kind, rec.id)) {
            return Err(invalid(&format!("{path}.id"), Problem::Duplicate { id: rec.id }));
        }
        self.dataset.insert(kind, rec.id, rec.fields);
        Ok(())
    }

    fn parent(rec: &Rec, field: &str, expected: Uuid, path: &str) -> Result<(), ExportError> {
        if rec.id_of(field) == Some(expected) {
            Ok(())
        } else {
            Err(invalid(&format!("{path}.{field}"), Problem::WrongParent { expected }))
        }
    }

    fn lead(&mut self, rec: &Rec, path: &str) {
        if let Some(id) = rec.id_of("leadInstitutionId") {
            self.references.push((format!("{path}.leadInstitutionId"), id));
        }
    }

    /// Reads the `reports` of a commitment (`milestone` `None`: its own) or of one of its
    /// milestones: each names the record it is in.
    fn reports(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        commitment: Uuid,
        milestone: Option<Uuid>,
    ) -> Result<(), ExportError> {
        for (r, value) in array(map, path, "reports")?.iter().enumerate() {
            let path = format!("{path}.reports[{r}]");
            let (report, _) = read_record(value, RecordKind::Report, &path, &[])?;
            Reader::parent(&report, "commitmentId", commitment, &path)?;
            match (milestone, report.id_of("milestoneId")) {
                (Some(milestone), _) => Reader::parent(&report, "milestoneId", milestone, &path)?,
                (None, Some(milestone)) => {
                    return Err(invalid(&format!("{path}.milestoneId"), Problem::InMilestone { milestone }))
                }
                (None, None) => {}
            }
            if let Some(id) = report.id_of("institutionId") {
                self.references.push((format!("{path}.institutionId"), id));
            }
            self.reports.push((path.clone(), report.clone()));
            self.add(RecordKind::Report, report, &path)?;
        }
        Ok(())
    }

    /// Reads the plan's reporting rounds, each a round of the plan it sits in, not due before it
    /// opens.
    fn rounds(&mut self, plan: &Map<String, Value>, plan_id: Uuid) -> Result<(), ExportError> {
        for (r, value) in array(plan, "$.plan", "rounds")?.iter().enumerate() {
            let path = format!("$.plan.rounds[{r}]");
            let (round, _) = read_nested(value, RecordKind::Round, &path, &[], Some(("planId", plan_id)))?;
            check_round(&round).map_err(|(field, problem)| invalid(&format!("{path}.{field}"), problem))?;
            self.add(RecordKind::Round, round, &path)?;
        }
        Ok(())
    }

    /// Reads the plan's workshops, each of the plan it sits in, with its participants and
    /// contributions, each of the workshop it sits in.
    fn workshops(&mut self, plan: &Map<String, Value>, plan_id: Uuid) -> Result<(), ExportError> {
        for (w, value) in array(plan, "$.plan", "workshops")?.iter().enumerate() {
            let path = format!("$.plan.workshops[{w}]");
            let children = ["participants", "contributions"];
            let (workshop, map) =
                read_nested(value, RecordKind::Workshop, &path, &children, Some(("planId", plan_id)))?;
            check_workshop(&workshop).map_err(|(field, problem)| invalid(&format!("{path}.{field}"), problem))?;
            if let Some(id) = workshop.id_of("institutionId") {
                self.references.push((format!("{path}.institutionId"), id));
            }
            let workshop_id = workshop.id;
            self.add(RecordKind::Workshop, workshop, &path)?;
            for (kind, member) in
                [(RecordKind::Participant, "participants"), (RecordKind::Contribution, "contributions")]
            {
                for (i, value) in array(map, &path, member)?.iter().enumerate() {
                    let path = format!("{path}.{member}[{i}]");
                    let (rec, _) = read_nested(value, kind, &path, &[], Some(("workshopId", workshop_id)))?;
                    if kind == RecordKind::Contribution {
                        self.contributions.push((path.clone(), rec.clone()));
                    }
                    self.add(kind, rec, &path)?;
                }
            }
        }
        Ok(())
    }

    /// Checks each contribution's author and the proposals a vote names, once every workshop is
    /// read.
    fn check_contributions(&self) -> Result<(), ExportError> {
        let data = &self.dataset;
        let workshop_of_participant =
            |p| data.get(RecordKind::Participant, p).and_then(|f| f.get("workshopId")?.as_str()?.parse().ok());
        let contribution_of = |c| {
            let fields = data.get(RecordKind::Contribution, c)?;
            let workshop = fields.get("workshopId")?.as_str()?.parse().ok()?;
            Some((workshop, fields.get("kind").and_then(Value::as_str) == Some(ContributionKind::Proposal.code())))
        };
        for (path, contribution) in &self.contributions {
            check_contribution(contribution, workshop_of_participant, contribution_of)
                .map_err(|(field, problem)| invalid(&format!("{path}.{field}"), problem))?;
        }
        Ok(())
    }

    /// Checks what each report corrects, once every report is read (the entry a correction
    /// names may come later in the document).
    fn corrections(&self) -> Result<(), ExportError> {
        let timelines: BTreeMap<Uuid, _> = self.reports.iter().map(|(_, r)| (r.id, timeline(r))).collect();
        for (path, report) in &self.reports {
            // The nesting already placed each report's milestone in its commitment.
            check_report(report, |_| report.id_of("commitmentId"), |r| timelines.get(&r).copied())
                .map_err(|(field, problem)| invalid(&format!("{path}.{field}"), problem))?;
        }
        Ok(())
    }
}

/// Reads a document written by [`plan_json`] back into records, checking its shape (see the
/// [module documentation](super)). Gives back what [`plan_dataset`](super::plan_dataset) gave
/// for the exported plan.
///
/// **Documents of the version before stay readable.** A document naming
/// `urn:plan-ouvert:plan:v2` ([`SCHEMA_ID_V2`]) was written before workshops were published: it
/// is read as a plan with no workshop, and a `workshops` member in it is refused, as that version
/// had none. Workshops changed the identifier, where rounds had not: a plan holding `workshops`
/// is invalid against the v2 schema already published (its plan admits no other member), so a
/// document carrying them cannot name it; and a new identifier let the new schema require both
/// lists, which every v3 export writes, so that an empty list and a missing one are no longer two
/// ways of saying the same.
///
/// **A v2 document whose plan has no `rounds` is read as a plan with no reporting round.** Rounds
/// came into the format after the first v2 documents were published, and those stay readable:
/// everything they hold reads back as it did, and they had no rounds to hold. The identifier
/// stayed `urn:plan-ouvert:plan:v2` then because the change only added: the v2 schema did not
/// require `rounds`, so a missing `rounds` and an empty one both mean a plan with no round.
pub fn read_plan_json(value: &Value) -> Result<Dataset, ExportError> {
    let top = object(value, "$")?;
    if let Some(extra) = top.keys().find(|k| !["schema", "plan", "areas", "institutions"].contains(&k.as_str())) {
        return Err(invalid(&format!("$.{extra}"), Problem::Unexpected));
    }
    let current = match member(top, "$", "schema")? {
        Value::String(s) if s == SCHEMA_ID => true,
        Value::String(s) if s == SCHEMA_ID_V2 => false,
        other => {
            let found = other.as_str().map(str::to_string).unwrap_or_else(|| other.to_string());
            return Err(invalid("$.schema", Problem::WrongSchema { found }));
        }
    };
    let mut reader = Reader {
        dataset: Dataset::default(),
        seen: BTreeSet::new(),
        references: Vec::new(),
        reports: Vec::new(),
        contributions: Vec::new(),
    };

    let children: &[&str] = if current { &["rounds", "workshops"] } else { &["rounds"] };
    let (plan, plan_map) = read_record(member(top, "$", "plan")?, RecordKind::Plan, "$.plan", children)?;
    let plan_id = plan.id;
    reader.add(RecordKind::Plan, plan, "$.plan")?;
    if current || plan_map.contains_key("rounds") {
        reader.rounds(plan_map, plan_id)?;
    }
    if current {
        reader.workshops(plan_map, plan_id)?;
    }

    let mut institutions = BTreeSet::new();
    for (i, value) in array(top, "$", "institutions")?.iter().enumerate() {
        let path = format!("$.institutions[{i}]");
        let (rec, _) = read_record(value, RecordKind::Institution, &path, &[])?;
        institutions.insert(rec.id);
        reader.add(RecordKind::Institution, rec, &path)?;
    }

    for (a, value) in array(top, "$", "areas")?.iter().enumerate() {
        let area_path = format!("$.areas[{a}]");
        let (area, area_map) = read_record(value, RecordKind::Area, &area_path, &["commitments"])?;
        Reader::parent(&area, "planId", plan_id, &area_path)?;
        let area_id = area.id;
        reader.add(RecordKind::Area, area, &area_path)?;
        for (c, value) in array(area_map, &area_path, "commitments")?.iter().enumerate() {
            let path = format!("{area_path}.commitments[{c}]");
            let (commitment, map) = read_record(value, RecordKind::Commitment, &path, &["milestones", "reports"])?;
            Reader::parent(&commitment, "planId", plan_id, &path)?;
            Reader::parent(&commitment, "areaId", area_id, &path)?;
            reader.lead(&commitment, &path);
            for (s, id) in commitment.ids_of("supportingInstitutionIds").into_iter().enumerate() {
                reader.references.push((format!("{path}.supportingInstitutionIds[{s}]"), id));
            }
            let commitment_id = commitment.id;
            reader.add(RecordKind::Commitment, commitment, &path)?;
            for (m, value) in array(map, &path, "milestones")?.iter().enumerate() {
                let path = format!("{path}.milestones[{m}]");
                let (milestone, milestone_map) = read_record(value, RecordKind::Milestone, &path, &["reports"])?;
                Reader::parent(&milestone, "commitmentId", commitment_id, &path)?;
                reader.lead(&milestone, &path);
                let milestone_id = milestone.id;
                reader.add(RecordKind::Milestone, milestone, &path)?;
                reader.reports(milestone_map, &path, commitment_id, Some(milestone_id))?;
            }
            reader.reports(map, &path, commitment_id, None)?;
        }
    }

    if let Some((path, id)) = reader.references.iter().find(|(_, id)| !institutions.contains(id)) {
        return Err(invalid(path, Problem::UnknownReference { id: *id }));
    }
    reader.corrections()?;
    reader.check_contributions()?;
    Ok(reader.dataset)
}
