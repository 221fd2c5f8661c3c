//! Commitments, milestones, progress reports, reporting rounds, workshops, their participants and
//! their contributions as seven CSV files, and back.

use std::collections::{BTreeMap, BTreeSet};

use plan_ouvert_domain::{ContributionKind, Locale};
use plan_ouvert_sync::protocol::{fields_of_kind, RecordKind, Value};
use uuid::Uuid;

use super::fields::{entry_code, entry_value, field_type, parse_id, FieldCheck, FieldType, ASSESSMENT_ENTRIES};
use super::tree::{check_contribution, check_report, check_round, check_workshop, timeline, PlanTree, Rec, Timeline};
use super::{ExportError, Problem};
use crate::dataset::{Dataset, Fields};

/// The columns of [`commitments_csv`], in order (described in `schema/commitments.tableschema.json`).
pub const COMMITMENT_COLUMNS: &[&str] = &[
    "id",
    "plan_id",
    "plan_title",
    "area_id",
    "area_title",
    "position",
    "title",
    "brief_description",
    "problem",
    "causes",
    "done_so_far",
    "solution",
    "expected_results",
    "transparency",
    "accountability",
    "participation",
    "lead_institution_id",
    "lead_institution_name",
    "supporting_institution_ids",
    "supporting_institution_names",
    "other_supporters",
    "start_date",
    "end_date",
    "access_to_information",
    "civic_participation",
    "public_accountability",
    "technology_innovation",
    "contact_name",
    "contact_title",
    "contact_department",
    "contact_email",
    "contact_phone",
    "ogp_id",
    "number",
    "short_title",
    "full_text",
    "start_date_source",
    "end_date_source",
    "policy_areas",
    "url",
    "assessment_specificity",
    "assessment_verifiable",
    "assessment_relevant_access_to_information",
    "assessment_relevant_civic_participation",
    "assessment_relevant_public_accountability",
    "assessment_relevant_technology",
    "assessment_potential_impact",
    "assessment_potential_for_results",
    "assessment_completion_progress_report",
    "assessment_completion_end_of_term",
    "assessment_opened_government",
    "assessment_opened_government_access_to_information",
    "assessment_opened_government_civic_participation",
    "assessment_opened_government_public_accountability",
    "assessment_early_results",
    "assessment_starred",
    "source_columns",
    "weight",
];

/// The columns of [`milestones_csv`], in order (described in `schema/milestones.tableschema.json`).
pub const MILESTONE_COLUMNS: &[&str] = &[
    "id",
    "plan_id",
    "commitment_id",
    "commitment_title",
    "position",
    "title",
    "expected_outputs",
    "start_date",
    "due_date",
    "lead_institution_id",
    "lead_institution_name",
    "weight",
];

/// The columns of [`reports_csv`], in order (described in `schema/reports.tableschema.json`).
pub const REPORT_COLUMNS: &[&str] = &[
    "id",
    "plan_id",
    "commitment_id",
    "commitment_title",
    "milestone_id",
    "milestone_title",
    "reported_on",
    "status",
    "done",
    "difficulties",
    "next_steps",
    "results",
    "opened_government",
    "links",
    "files",
    "corrects",
    "author_id",
    "author_name",
    "institution_id",
    "institution_name",
    "on_behalf",
];

/// The columns of [`rounds_csv`], in order (described in `schema/rounds.tableschema.json`): the
/// id, then every field of a round in snake_case.
pub const ROUND_COLUMNS: &[&str] = &["id", "plan_id", "kind", "title", "opens_on", "due_on", "instructions"];

/// The columns of [`workshops_csv`], in order (described in `schema/workshops.tableschema.json`):
/// the id, then every field of a workshop in snake_case, with the names of the institution and
/// the area it names beside their ids.
pub const WORKSHOP_COLUMNS: &[&str] = &[
    "id",
    "plan_id",
    "institution_id",
    "institution_name",
    "title",
    "held_on",
    "place",
    "area_id",
    "area_title",
    "commitment_ids",
    "facilitator",
    "consent_text",
    "keep_until",
];

/// The columns of [`participants_csv`], in order (described in
/// `schema/participants.tableschema.json`): a participant is its id, its workshop and the kind of
/// organisation it comes from, nothing more; the plan's id for people reading the file.
pub const PARTICIPANT_COLUMNS: &[&str] = &["id", "plan_id", "workshop_id", "organisation_kind"];

/// The columns of [`contributions_csv`], in order (described in
/// `schema/contributions.tableschema.json`): the id, the plan's id for people reading the file,
/// then every field of a contribution in snake_case, with its author's kind of organisation beside
/// the author's id.
pub const CONTRIBUTION_COLUMNS: &[&str] = &[
    "id",
    "plan_id",
    "workshop_id",
    "participant_id",
    "participant_kind",
    "kind",
    "text",
    "about_commitment_id",
    "about_milestone_id",
    "proposal_ids",
    "outcome",
    "outcome_reason",
    "commitment_ids",
    "milestone_ids",
];

/// Which of the seven files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvFile {
    Commitments,
    Milestones,
    Reports,
    Rounds,
    Workshops,
    Participants,
    Contributions,
}

impl CsvFile {
    pub fn name(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (CsvFile::Commitments, Locale::Fr) => "Le fichier des engagements (commitments.csv)",
            (CsvFile::Commitments, Locale::En) => "The commitments file (commitments.csv)",
            (CsvFile::Milestones, Locale::Fr) => "Le fichier des jalons (milestones.csv)",
            (CsvFile::Milestones, Locale::En) => "The milestones file (milestones.csv)",
            (CsvFile::Reports, Locale::Fr) => "Le fichier des rapports d'avancement (reports.csv)",
            (CsvFile::Reports, Locale::En) => "The progress reports file (reports.csv)",
            (CsvFile::Rounds, Locale::Fr) => "Le fichier des campagnes de suivi (rounds.csv)",
            (CsvFile::Rounds, Locale::En) => "The reporting rounds file (rounds.csv)",
            (CsvFile::Workshops, Locale::Fr) => "Le fichier des ateliers (workshops.csv)",
            (CsvFile::Workshops, Locale::En) => "The workshops file (workshops.csv)",
            (CsvFile::Participants, Locale::Fr) => "Le fichier des participants aux ateliers (participants.csv)",
            (CsvFile::Participants, Locale::En) => "The workshop participants file (participants.csv)",
            (CsvFile::Contributions, Locale::Fr) => "Le fichier des contributions aux ateliers (contributions.csv)",
            (CsvFile::Contributions, Locale::En) => "The workshop contributions file (contributions.csv)",
        }
    }
}

/// The list separator of list columns.
const SEPARATOR: char = ';';

use plan_ouvert_sync::protocol::snake_case as column_of;

/// A canonical value of a field that holds `ty` as one cell: `""` for null, lists of ids or
/// texts joined with `;`, objects and lists of links or of files as their JSON (`{}` and `[]`
/// when empty, so that every cell of those columns is one JSON value that reads back as it was).
fn encode(ty: FieldType, value: &Value) -> String {
    match value {
        _ if matches!(ty, FieldType::TextMap | FieldType::LinkList | FieldType::FileList) => value.to_string(),
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .map(|item| item.as_str().map(str::to_string).unwrap_or_else(|| item.to_string()))
            .collect::<Vec<_>>()
            .join(&SEPARATOR.to_string()),
        Value::Object(_) => value.to_string(),
    }
}

/// One cell back into a field's value (the reverse of [`encode`]), checked.
fn decode(ty: FieldType, cell: &str) -> Result<Value, Problem> {
    let wrong = || Problem::Expected(ty);
    let value = match ty {
        FieldType::Line(_)
        | FieldType::Email
        | FieldType::Phone
        | FieldType::Verbatim
        | FieldType::LongText
        | FieldType::Title
        | FieldType::Name
        | FieldType::Date
        | FieldType::Ref(_)
        | FieldType::PersonId
        | FieldType::OneOf(_) => {
            if cell.is_empty() && ty.empty().is_none() {
                return Err(Problem::Missing);
            }
            Value::String(cell.to_string())
        }
        FieldType::OptionalDate | FieldType::OptionalRef(_) | FieldType::OptionalText | FieldType::OptionalOneOf(_) => {
            if cell.is_empty() {
                Value::Null
            } else {
                Value::String(cell.to_string())
            }
        }
        FieldType::RefList(_) | FieldType::TextList => {
            if cell.is_empty() {
                Value::Array(Vec::new())
            } else {
                Value::Array(cell.split(SEPARATOR).map(|s| Value::String(s.to_string())).collect())
            }
        }
        FieldType::Position | FieldType::Weight | FieldType::Places => {
            Value::from(cell.parse::<u64>().map_err(|_| wrong())?)
        }
        FieldType::OptionalInteger => {
            if cell.is_empty() {
                Value::Null
            } else {
                Value::from(cell.parse::<i64>().map_err(|_| wrong())?)
            }
        }
        FieldType::Boolean => match cell {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => return Err(wrong()),
        },
        FieldType::TextMap | FieldType::LinkList | FieldType::FileList | FieldType::Verdict => {
            if cell.is_empty() {
                return Err(Problem::Missing);
            }
            serde_json::from_str(cell).map_err(|_| wrong())?
        }
        FieldType::Assessment => return Err(Problem::Unsupported),
    };
    ty.check(&value)
}

/// RFC 4180: a cell holding a comma, a quote or a line break is quoted, its quotes doubled.
/// What a spreadsheet program may run as a formula when a cell's text begins with it.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text`, past any apostrophes it begins with, begins like a formula.
fn looks_like_formula(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A cell as written: a text a spreadsheet would run as a formula gets one apostrophe before it
/// (spreadsheets show the rest as text); [`restore`] takes it off, so every text reads back as
/// it was.
fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if looks_like_formula(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A cell as read: the reverse of [`neutralise`].
fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => cell,
    }
}

fn push_cell(out: &mut String, cell: &str) {
    let cell = &*neutralise(cell);
    if cell.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

fn push_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, cell.as_ref());
    }
    out.push_str("\r\n");
}

/// A CSV text of a header and rows, written like the exports (RFC 4180, safe in a spreadsheet):
/// for lists that are not records (the contacts to remind of a reporting round).
pub fn csv_text<S: AsRef<str>>(header: &[&str], rows: &[Vec<S>]) -> String {
    let mut out = String::new();
    push_row(&mut out, header);
    for row in rows {
        push_row(&mut out, row);
    }
    out
}

/// A file: the header `columns`, then one row per record of `kind`. A readability column takes
/// its cell from the pairs given with the record (titles and names of the records it names);
/// any other column is the record's id or field of that name ([`field_cell`]).
fn table<'a>(
    columns: &[&str],
    kind: RecordKind,
    rows: impl IntoIterator<Item = (&'a Rec, Vec<(&'static str, String)>)>,
) -> String {
    let mut out = String::new();
    push_row(&mut out, columns);
    for (rec, readable) in rows {
        let row: Vec<String> = columns
            .iter()
            .map(|column| match readable.iter().find(|(c, _)| c == column) {
                Some((_, cell)) => cell.clone(),
                None => field_cell(kind, rec, column),
            })
            .collect();
        push_row(&mut out, &row);
    }
    out
}

/// The cell of `column` for a record of `kind`: its id, its field of that name in snake_case
/// encoded as its type says ([`encode`]), or the code of one entry of its IRM assessment (empty
/// when it has none).
fn field_cell(kind: RecordKind, rec: &Rec, column: &str) -> String {
    if column == "id" {
        return rec.id.to_string();
    }
    if let Some(entry) = ASSESSMENT_ENTRIES.iter().find(|e| e.column == column) {
        let assessment = rec.fields.get("assessment").filter(|a| !a.is_null());
        return assessment.and_then(|a| entry_code(a, entry.key)).unwrap_or_default();
    }
    let Some(field) = fields_of_kind(kind).iter().find(|f| column_of(f) == column) else { return String::new() };
    match (field_type(kind, field), rec.fields.get(*field)) {
        (Some(ty), Some(value)) => encode(ty, value),
        _ => String::new(),
    }
}

/// The plan's commitments, one row each (columns: [`COMMITMENT_COLUMNS`]; see the
/// [module documentation](super)).
pub fn commitments_csv(dataset: &Dataset, plan: Uuid) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    let rows = tree.areas.iter().flat_map(|area| {
        area.commitments.iter().map(|c| {
            let supporting = c.rec.ids_of("supportingInstitutionIds").into_iter();
            let readable = vec![
                ("plan_title", tree.plan.text("title").to_string()),
                ("area_title", area.rec.text("title").to_string()),
                ("lead_institution_name", tree.institution_name(c.rec.id_of("leadInstitutionId")).to_string()),
                (
                    "supporting_institution_names",
                    supporting
                        .map(|id| tree.institution_name(Some(id)).to_string())
                        .collect::<Vec<_>>()
                        .join(&SEPARATOR.to_string()),
                ),
            ];
            (&c.rec, readable)
        })
    });
    Ok(table(COMMITMENT_COLUMNS, RecordKind::Commitment, rows))
}

/// The milestones of the plan's commitments, one row each (columns: [`MILESTONE_COLUMNS`]; see
/// the [module documentation](super)).
pub fn milestones_csv(dataset: &Dataset, plan: Uuid) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    let rows = tree.commitments().flat_map(|c| {
        c.milestones.iter().map(|m| {
            let readable = vec![
                ("plan_id", tree.plan.id.to_string()),
                ("commitment_title", c.rec.text("title").to_string()),
                ("lead_institution_name", tree.institution_name(m.id_of("leadInstitutionId")).to_string()),
            ];
            (m, readable)
        })
    });
    Ok(table(MILESTONE_COLUMNS, RecordKind::Milestone, rows))
}

/// The progress reports on the plan's commitments and their milestones, one row each, in the
/// order of the commitments, each commitment's own timeline then its milestones' (columns:
/// [`REPORT_COLUMNS`]; see the [module documentation](super)). The timelines are published
/// whole, corrected entries included: a correction names the entry it corrects (`corrects`),
/// and a reader keeps or drops the earlier one as they see fit.
///
/// Evidence files are named, not embedded: a report's `files` cell lists each file it gives as
/// evidence by the SHA-256 of its bytes, with its name, size and media type, and the export
/// carries none of their bytes. The central server serves a file under its SHA-256 to the
/// readers it authenticates; whoever gets a file can check its bytes against that name.
pub fn reports_csv(dataset: &Dataset, plan: Uuid) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    let rows = tree.commitments().flat_map(|c| {
        c.reports_with_milestones().map(|(milestone, r)| {
            let readable = vec![
                ("plan_id", tree.plan.id.to_string()),
                ("commitment_title", c.rec.text("title").to_string()),
                ("milestone_title", milestone.map(|m| m.text("title")).unwrap_or_default().to_string()),
                ("institution_name", tree.institution_name(r.id_of("institutionId")).to_string()),
            ];
            (r, readable)
        })
    });
    Ok(table(REPORT_COLUMNS, RecordKind::Report, rows))
}

/// The reporting rounds the coordination opened on the plan, one row each, by due date then id
/// (columns: [`ROUND_COLUMNS`]; see the [module documentation](super)).
pub fn rounds_csv(dataset: &Dataset, plan: Uuid) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    Ok(table(ROUND_COLUMNS, RecordKind::Round, tree.rounds.iter().map(|r| (r, Vec::new()))))
}

/// The plan's workshops, one row each, by the day they were held then id (columns:
/// [`WORKSHOP_COLUMNS`]; see the [module documentation](super)).
pub fn workshops_csv(dataset: &Dataset, plan: Uuid) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    let area_title = |id: Option<Uuid>| {
        id.and_then(|id| tree.areas.iter().find(|a| a.rec.id == id)).map(|a| a.rec.text("title")).unwrap_or("")
    };
    let rows = tree.workshops.iter().map(|w| {
        let readable = vec![
            ("institution_name", tree.institution_name(w.rec.id_of("institutionId")).to_string()),
            ("area_title", area_title(w.rec.id_of("areaId")).to_string()),
        ];
        (&w.rec, readable)
    });
    Ok(table(WORKSHOP_COLUMNS, RecordKind::Workshop, rows))
}

/// The participants of the plan's workshops, one row each, workshop by workshop in the order of
/// [`workshops_csv`], each workshop's in the order they were taken (columns:
/// [`PARTICIPANT_COLUMNS`]): anonymous, as the records hold them. Who a participant is (an
/// `identity` record) is personal data and is never exported.
pub fn participants_csv(dataset: &Dataset, plan: Uuid) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    let rows = tree
        .workshops
        .iter()
        .flat_map(|w| w.participants.iter().map(|p| (p, vec![("plan_id", tree.plan.id.to_string())])));
    Ok(table(PARTICIPANT_COLUMNS, RecordKind::Participant, rows))
}

/// The contributions made in the plan's workshops, one row each, workshop by workshop in the
/// order of [`workshops_csv`], each workshop's in the order they were made (columns:
/// [`CONTRIBUTION_COLUMNS`]), with what became of each and what it fed.
pub fn contributions_csv(dataset: &Dataset, plan: Uuid) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    let rows = tree.workshops.iter().flat_map(|w| {
        let plan_id = tree.plan.id.to_string();
        w.contributions.iter().map(move |c| {
            let author = c.id_of("participantId").and_then(|p| w.participants.iter().find(|x| x.id == p));
            let kind = author.map(|p| p.text("organisationKind")).unwrap_or("").to_string();
            (c, vec![("plan_id", plan_id.clone()), ("participant_kind", kind)])
        })
    });
    Ok(table(CONTRIBUTION_COLUMNS, RecordKind::Contribution, rows))
}

/// The texts of the files of a CSV export ([`CSV_FILES`](super::CSV_FILES)), to read back with
/// [`read_csv`].
#[derive(Debug, Clone, Copy)]
pub struct CsvTexts<'a> {
    pub commitments: &'a str,
    pub milestones: &'a str,
    pub reports: &'a str,
    pub rounds: &'a str,
    pub workshops: &'a str,
    pub participants: &'a str,
    pub contributions: &'a str,
}

impl<'a> From<&'a [String; 7]> for CsvTexts<'a> {
    /// The files in the order of [`CSV_FILES`](super::CSV_FILES).
    fn from(files: &'a [String; 7]) -> Self {
        CsvTexts {
            commitments: &files[0],
            milestones: &files[1],
            reports: &files[2],
            rounds: &files[3],
            workshops: &files[4],
            participants: &files[5],
            contributions: &files[6],
        }
    }
}

/// A row of a file read: its file, its line and its cells by column.
struct Row {
    file: CsvFile,
    line: u64,
    cells: BTreeMap<&'static str, String>,
}

impl Row {
    fn cell(&self, column: &str) -> &str {
        self.cells.get(column).map(String::as_str).unwrap_or("")
    }

    /// The error for a value of this row in `column`: file, line and column.
    fn invalid(&self, column: &str, problem: Problem) -> ExportError {
        ExportError::InvalidCsv { file: self.file, line: self.line, column: column.to_string(), problem }
    }

    /// Checks that the id this row names in `column`, if any, is one of `known`.
    fn names(&self, column: &str, id: Option<Uuid>, known: &BTreeSet<Uuid>) -> Result<(), ExportError> {
        match id {
            Some(id) if !known.contains(&id) => Err(self.invalid(column, Problem::UnknownReference { id })),
            _ => Ok(()),
        }
    }

    /// Records the row's record id in `ids`, refusing one already there.
    fn unique(&self, id: Uuid, ids: &mut BTreeSet<Uuid>) -> Result<(), ExportError> {
        if ids.insert(id) {
            Ok(())
        } else {
            Err(self.invalid("id", Problem::Duplicate { id }))
        }
    }
}

/// The line (from 1) of a record that starts at `byte`. The reader's own line count is off by
/// one after a CRLF, and its byte position then points at the LF ending the previous record:
/// counting the line feeds up to and including that byte gives the right line either way.
fn line_at(text: &str, byte: u64) -> u64 {
    let bytes = text.as_bytes();
    let end = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len().saturating_sub(1));
    1 + bytes.get(..=end).map(|b| b.iter().filter(|c| **c == b'\n').count() as u64).unwrap_or(0)
}

fn read_table(text: &str, file: CsvFile, columns: &'static [&'static str]) -> Result<Vec<Row>, ExportError> {
    let unreadable = |e: ::csv::Error| ExportError::UnreadableCsv { file, detail: e.to_string() };
    let header_problem =
        |column: &str, problem| ExportError::InvalidCsv { file, line: 1, column: column.into(), problem };
    // A spreadsheet program may have added a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new().has_headers(true).flexible(false).from_reader(text.as_bytes());
    let header = reader.headers().map_err(unreadable)?.clone();
    let mut order: Vec<&'static str> = Vec::new();
    for name in header.iter() {
        let Some(column) = columns.iter().find(|c| **c == name) else {
            return Err(header_problem(name, Problem::UnknownColumn));
        };
        if order.contains(column) {
            return Err(header_problem(name, Problem::DuplicateColumn));
        }
        order.push(column);
    }
    if let Some(missing) = columns.iter().find(|c| !order.contains(c)) {
        return Err(header_problem(missing, Problem::MissingColumn));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(unreadable)?;
        let line = record.position().map(|p| line_at(text, p.byte())).unwrap_or(0);
        let cells = order.iter().zip(record.iter()).map(|(c, v)| (*c, restore(v).to_string())).collect();
        rows.push(Row { file, line, cells });
    }
    Ok(rows)
}

/// Reads one record's fields from a row: every field of its kind from its column (the
/// assessment from its entries' columns).
fn read_row(kind: RecordKind, row: &Row) -> Result<Rec, ExportError> {
    let id = decode(FieldType::Ref(RecordKind::Plan), row.cell("id")).map_err(|p| row.invalid("id", p))?;
    let id = id.as_str().and_then(parse_id).unwrap_or_default();
    let mut fields = Fields::new();
    for field in fields_of_kind(kind) {
        let column = column_of(field);
        let ty = field_type(kind, field).ok_or_else(|| row.invalid(&column, Problem::Unsupported))?;
        let value = if ty == FieldType::Assessment {
            read_assessment(row)?
        } else {
            decode(ty, row.cell(&column)).map_err(|p| row.invalid(&column, p))?
        };
        fields.insert(field.to_string(), value);
    }
    Ok(Rec { id, fields })
}

/// Reads a file into its rows and their records of `kind`, each checked on its own.
fn read_records(
    text: &str,
    file: CsvFile,
    columns: &'static [&'static str],
    kind: RecordKind,
) -> Result<Vec<(Row, Rec)>, ExportError> {
    read_table(text, file, columns)?.into_iter().map(|row| read_row(kind, &row).map(|rec| (row, rec))).collect()
}

fn read_assessment(row: &Row) -> Result<Value, ExportError> {
    let filled = ASSESSMENT_ENTRIES.iter().filter(|e| !row.cell(e.column).is_empty()).count();
    if filled == 0 {
        return Ok(Value::Null);
    }
    if let Some(empty) = ASSESSMENT_ENTRIES.iter().find(|e| row.cell(e.column).is_empty()) {
        return Err(row.invalid(empty.column, Problem::IncompleteAssessment));
    }
    let mut map = serde_json::Map::new();
    for entry in ASSESSMENT_ENTRIES {
        let code = row.cell(entry.column);
        let value =
            entry_value(entry, code).ok_or_else(|| row.invalid(entry.column, Problem::NotOneOf(entry.codes())))?;
        map.insert(entry.key.to_string(), value);
    }
    FieldType::Assessment.check(&Value::Object(map)).map_err(|p| row.invalid("assessment", p))
}

/// Reads the seven files written by [`commitments_csv`], [`milestones_csv`], [`reports_csv`],
/// [`rounds_csv`], [`workshops_csv`], [`participants_csv`] and [`contributions_csv`] back into
/// records.
///
/// The files carry commitments, milestones, progress reports, reporting rounds, workshops, their
/// participants and contributions; the plan, its areas and the institutions come from `frame`
/// (the plan JSON read with [`read_plan_json`](super::read_plan_json), or the records of the
/// store). The plan is the one the rows name (that of the first commitment, or when there is none
/// of the first round, or else of the first workshop; with none, the frame's only plan). Every
/// commitment, round and workshop must be of that plan, every commitment of one of its areas in
/// the frame, every milestone and report of a commitment in the file, a report's milestone one of
/// its commitment's in the file, the report it corrects one of the same timeline in the file,
/// every participant and contribution of a workshop in the file, a contribution's author a
/// participant of its workshop and a vote's proposals proposals of its workshop, every
/// institution named in the frame; a round may not be due before it opens, nor a workshop's
/// participants' data be kept until a day before it was held. Gives back the records
/// [`plan_dataset`](super::plan_dataset) would give for that plan once the records the files
/// carry are those of the files (the frame's own are not used). The readability columns
/// (`plan_title`, `area_title`, `*_name`, `commitment_title`, `milestone_title`,
/// `participant_kind`, `plan_id` of milestones, reports, participants and contributions) are not
/// read.
pub fn read_csv(files: CsvTexts<'_>, frame: &Dataset) -> Result<Dataset, ExportError> {
    let commitments =
        read_records(files.commitments, CsvFile::Commitments, COMMITMENT_COLUMNS, RecordKind::Commitment)?;
    let milestones = read_records(files.milestones, CsvFile::Milestones, MILESTONE_COLUMNS, RecordKind::Milestone)?;
    let reports = read_records(files.reports, CsvFile::Reports, REPORT_COLUMNS, RecordKind::Report)?;
    let rounds = read_records(files.rounds, CsvFile::Rounds, ROUND_COLUMNS, RecordKind::Round)?;
    let workshops = read_records(files.workshops, CsvFile::Workshops, WORKSHOP_COLUMNS, RecordKind::Workshop)?;
    let participants =
        read_records(files.participants, CsvFile::Participants, PARTICIPANT_COLUMNS, RecordKind::Participant)?;
    let contributions =
        read_records(files.contributions, CsvFile::Contributions, CONTRIBUTION_COLUMNS, RecordKind::Contribution)?;

    let plan = match commitments.first().or(rounds.first()).or(workshops.first()) {
        Some((_, first)) => first.id_of("planId").unwrap_or_default(),
        None => {
            let mut plans = frame.of_kind(RecordKind::Plan).map(|(id, _)| id);
            match (plans.next(), plans.next()) {
                (Some(only), None) => only,
                _ => return Err(ExportError::NoPlan),
            }
        }
    };
    let Some(plan_fields) = frame.get(RecordKind::Plan, plan) else {
        return Err(ExportError::UnknownPlan { plan });
    };

    let mut out = Dataset::default();
    out.insert(RecordKind::Plan, plan, plan_fields.clone());
    let mut areas = BTreeSet::new();
    for (id, fields) in frame.of_kind(RecordKind::Area) {
        if fields.get("planId").and_then(Value::as_str).and_then(parse_id) == Some(plan) {
            areas.insert(id);
            out.insert(RecordKind::Area, id, fields.clone());
        }
    }
    let institutions: BTreeSet<Uuid> = frame.of_kind(RecordKind::Institution).map(|(id, _)| id).collect();
    for (id, fields) in frame.of_kind(RecordKind::Institution) {
        out.insert(RecordKind::Institution, id, fields.clone());
    }

    let mut commitment_ids = BTreeSet::new();
    for (row, rec) in &commitments {
        if rec.id_of("planId") != Some(plan) {
            return Err(row.invalid("plan_id", Problem::OtherPlan { expected: plan }));
        }
        row.names("area_id", rec.id_of("areaId"), &areas)?;
        row.names("lead_institution_id", rec.id_of("leadInstitutionId"), &institutions)?;
        for id in rec.ids_of("supportingInstitutionIds") {
            row.names("supporting_institution_ids", Some(id), &institutions)?;
        }
        row.unique(rec.id, &mut commitment_ids)?;
    }
    let mut milestone_ids = BTreeSet::new();
    for (row, rec) in &milestones {
        row.names("commitment_id", rec.id_of("commitmentId"), &commitment_ids)?;
        row.names("lead_institution_id", rec.id_of("leadInstitutionId"), &institutions)?;
        row.unique(rec.id, &mut milestone_ids)?;
    }
    let commitment_of: BTreeMap<Uuid, Uuid> =
        milestones.iter().map(|(_, m)| (m.id, m.id_of("commitmentId").unwrap_or_default())).collect();
    let timelines: BTreeMap<Uuid, Timeline> = reports.iter().map(|(_, r)| (r.id, timeline(r))).collect();
    let mut report_ids = BTreeSet::new();
    for (row, rec) in &reports {
        row.names("commitment_id", rec.id_of("commitmentId"), &commitment_ids)?;
        check_report(rec, |m| commitment_of.get(&m).copied(), |r| timelines.get(&r).copied())
            .map_err(|(field, problem)| row.invalid(&column_of(field), problem))?;
        row.names("institution_id", rec.id_of("institutionId"), &institutions)?;
        row.unique(rec.id, &mut report_ids)?;
    }
    let mut round_ids = BTreeSet::new();
    for (row, rec) in &rounds {
        if rec.id_of("planId") != Some(plan) {
            return Err(row.invalid("plan_id", Problem::OtherPlan { expected: plan }));
        }
        check_round(rec).map_err(|(field, problem)| row.invalid(&column_of(field), problem))?;
        row.unique(rec.id, &mut round_ids)?;
    }
    let mut workshop_ids = BTreeSet::new();
    for (row, rec) in &workshops {
        if rec.id_of("planId") != Some(plan) {
            return Err(row.invalid("plan_id", Problem::OtherPlan { expected: plan }));
        }
        check_workshop(rec).map_err(|(field, problem)| row.invalid(&column_of(field), problem))?;
        row.names("institution_id", rec.id_of("institutionId"), &institutions)?;
        row.unique(rec.id, &mut workshop_ids)?;
    }
    let mut participant_ids = BTreeSet::new();
    for (row, rec) in &participants {
        row.names("workshop_id", rec.id_of("workshopId"), &workshop_ids)?;
        row.unique(rec.id, &mut participant_ids)?;
    }
    let workshop_of_participant: BTreeMap<Uuid, Uuid> =
        participants.iter().map(|(_, p)| (p.id, p.id_of("workshopId").unwrap_or_default())).collect();
    let contribution_of: BTreeMap<Uuid, (Uuid, bool)> = contributions
        .iter()
        .map(|(_, c)| {
            let proposal = c.text("kind") == ContributionKind::Proposal.code();
            (c.id, (c.id_of("workshopId").unwrap_or_default(), proposal))
        })
        .collect();
    let mut contribution_ids = BTreeSet::new();
    for (row, rec) in &contributions {
        row.names("workshop_id", rec.id_of("workshopId"), &workshop_ids)?;
        check_contribution(rec, |p| workshop_of_participant.get(&p).copied(), |c| contribution_of.get(&c).copied())
            .map_err(|(field, problem)| row.invalid(&column_of(field), problem))?;
        row.unique(rec.id, &mut contribution_ids)?;
    }
    for (kind, records) in [
        (RecordKind::Commitment, commitments),
        (RecordKind::Milestone, milestones),
        (RecordKind::Report, reports),
        (RecordKind::Round, rounds),
        (RecordKind::Workshop, workshops),
        (RecordKind::Participant, participants),
        (RecordKind::Contribution, contributions),
    ] {
        for (_, rec) in records {
            out.insert(kind, rec.id, rec.fields);
        }
    }
    super::plan_dataset(&out, plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_a_spreadsheet_would_run_is_written_with_an_apostrophe_and_reads_back_as_it_was() {
        assert_eq!(neutralise("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(neutralise("+33 1 23"), "'+33 1 23");
        assert_eq!(neutralise("- un point de liste"), "'- un point de liste");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("Un texte ordinaire"), "Un texte ordinaire");
        assert_eq!(neutralise("l'accès"), "l'accès");
        for text in ["=1+1", "'=1+1", "''-x", "'cité'", "", "2021-12-17", "\tindenté", "a=b"] {
            assert_eq!(restore(&neutralise(text)), text, "{text:?}");
        }
    }

    #[test]
    fn the_files_are_written_and_read_through_it() {
        let mut out = String::new();
        push_row(&mut out, &["titre", "note"]);
        push_row(&mut out, &["=1+1", "- point, avec virgule"]);
        assert_eq!(out, "titre,note\r\n'=1+1,\"'- point, avec virgule\"\r\n");
        let rows = read_table(&out, CsvFile::Milestones, &["titre", "note"]).unwrap();
        assert_eq!((rows[0].cell("titre"), rows[0].cell("note")), ("=1+1", "- point, avec virgule"));
    }
}
