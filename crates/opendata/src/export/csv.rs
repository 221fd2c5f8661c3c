//! Commitments and milestones as two CSV files, and back.

use std::collections::{BTreeMap, BTreeSet};

use plan_ouvert_domain::Locale;
use plan_ouvert_sync::protocol::{fields_of_kind, RecordKind, Value};
use uuid::Uuid;

use super::fields::{entry_code, entry_value, field_type, parse_id, FieldCheck, FieldType, ASSESSMENT_ENTRIES};
use super::tree::{PlanTree, Rec};
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
];

/// Which of the two files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvFile {
    Commitments,
    Milestones,
}

impl CsvFile {
    pub fn name(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (CsvFile::Commitments, Locale::Fr) => "Le fichier des engagements (commitments.csv)",
            (CsvFile::Commitments, Locale::En) => "The commitments file (commitments.csv)",
            (CsvFile::Milestones, Locale::Fr) => "Le fichier des jalons (milestones.csv)",
            (CsvFile::Milestones, Locale::En) => "The milestones file (milestones.csv)",
        }
    }
}

/// The list separator of list columns.
const SEPARATOR: char = ';';

use plan_ouvert_sync::protocol::snake_case as column_of;

/// A canonical value as one cell: `""` for null, lists joined with `;`, objects as JSON.
fn encode(value: &Value) -> String {
    match value {
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
        | FieldType::OneOf(_) => {
            if cell.is_empty() && ty.empty().is_none() {
                return Err(Problem::Missing);
            }
            Value::String(cell.to_string())
        }
        FieldType::OptionalDate | FieldType::OptionalRef(_) | FieldType::OptionalText => {
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
        FieldType::Position => Value::from(cell.parse::<u64>().map_err(|_| wrong())?),
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
        FieldType::TextMap => {
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

/// The plan's commitments, one row each (columns: [`COMMITMENT_COLUMNS`]; see the
/// [module documentation](super)).
pub fn commitments_csv(dataset: &Dataset, plan: Uuid) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    let mut out = String::new();
    push_row(&mut out, COMMITMENT_COLUMNS);
    for area in &tree.areas {
        for c in &area.commitments {
            let rec = &c.rec;
            let row: Vec<String> = COMMITMENT_COLUMNS
                .iter()
                .map(|column| match *column {
                    "id" => rec.id.to_string(),
                    "plan_title" => tree.plan.text("title").to_string(),
                    "area_title" => area.rec.text("title").to_string(),
                    "lead_institution_name" => tree.institution_name(rec.id_of("leadInstitutionId")).to_string(),
                    "supporting_institution_names" => rec
                        .ids_of("supportingInstitutionIds")
                        .into_iter()
                        .map(|id| tree.institution_name(Some(id)).to_string())
                        .collect::<Vec<_>>()
                        .join(&SEPARATOR.to_string()),
                    column => match ASSESSMENT_ENTRIES.iter().find(|e| e.column == column) {
                        Some(entry) => match rec.fields.get("assessment") {
                            Some(assessment) if !assessment.is_null() => {
                                entry_code(assessment, entry.key).unwrap_or_default()
                            }
                            _ => String::new(),
                        },
                        None => encode(field_value(rec, column)),
                    },
                })
                .collect();
            push_row(&mut out, &row);
        }
    }
    Ok(out)
}

fn field_value<'a>(rec: &'a Rec, column: &str) -> &'a Value {
    rec.fields.iter().find(|(field, _)| column_of(field) == column).map(|(_, v)| v).unwrap_or(&Value::Null)
}

/// The milestones of the plan's commitments, one row each (columns: [`MILESTONE_COLUMNS`]; see
/// the [module documentation](super)).
pub fn milestones_csv(dataset: &Dataset, plan: Uuid) -> Result<String, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    let mut out = String::new();
    push_row(&mut out, MILESTONE_COLUMNS);
    for c in tree.commitments() {
        for m in &c.milestones {
            let row: Vec<String> = MILESTONE_COLUMNS
                .iter()
                .map(|column| match *column {
                    "id" => m.id.to_string(),
                    "plan_id" => tree.plan.id.to_string(),
                    "commitment_title" => c.rec.text("title").to_string(),
                    "lead_institution_name" => tree.institution_name(m.id_of("leadInstitutionId")).to_string(),
                    column => encode(field_value(m, column)),
                })
                .collect();
            push_row(&mut out, &row);
        }
    }
    Ok(out)
}

/// A row of a file read: its line and its cells by column.
struct Row {
    line: u64,
    cells: BTreeMap<&'static str, String>,
}

impl Row {
    fn cell(&self, column: &str) -> &str {
        self.cells.get(column).map(String::as_str).unwrap_or("")
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
        rows.push(Row { line, cells });
    }
    Ok(rows)
}

/// Reads one record's fields from a row: every field of its kind from its column (the
/// assessment from its entries' columns).
fn read_row(kind: RecordKind, row: &Row, file: CsvFile) -> Result<Rec, ExportError> {
    let invalid =
        |column: &str, problem| ExportError::InvalidCsv { file, line: row.line, column: column.to_string(), problem };
    let id = decode(FieldType::Ref(RecordKind::Plan), row.cell("id")).map_err(|p| invalid("id", p))?;
    let id = id.as_str().and_then(parse_id).unwrap_or_default();
    let mut fields = Fields::new();
    for field in fields_of_kind(kind) {
        let column = column_of(field);
        let ty = field_type(kind, field).ok_or_else(|| invalid(&column, Problem::Unsupported))?;
        let value = if ty == FieldType::Assessment {
            read_assessment(row, file)?
        } else {
            decode(ty, row.cell(&column)).map_err(|p| invalid(&column, p))?
        };
        fields.insert(field.to_string(), value);
    }
    Ok(Rec { id, fields })
}

fn read_assessment(row: &Row, file: CsvFile) -> Result<Value, ExportError> {
    let invalid =
        |column: &str, problem| ExportError::InvalidCsv { file, line: row.line, column: column.to_string(), problem };
    let filled = ASSESSMENT_ENTRIES.iter().filter(|e| !row.cell(e.column).is_empty()).count();
    if filled == 0 {
        return Ok(Value::Null);
    }
    if let Some(empty) = ASSESSMENT_ENTRIES.iter().find(|e| row.cell(e.column).is_empty()) {
        return Err(invalid(empty.column, Problem::IncompleteAssessment));
    }
    let mut map = serde_json::Map::new();
    for entry in ASSESSMENT_ENTRIES {
        let code = row.cell(entry.column);
        let value = entry_value(entry, code).ok_or_else(|| invalid(entry.column, Problem::NotOneOf(entry.codes())))?;
        map.insert(entry.key.to_string(), value);
    }
    FieldType::Assessment.check(&Value::Object(map)).map_err(|p| invalid("assessment", p))
}

/// Reads the two files written by [`commitments_csv`] and [`milestones_csv`] back into records.
///
/// The files carry commitments and milestones; the plan, its areas and the institutions come
/// from `frame` (the plan JSON read with [`read_plan_json`](super::read_plan_json), or the
/// records of the store). The plan is the one the rows name (when there is no row at all, the
/// frame's only plan). Every commitment must be of that plan and of one of its areas in the
/// frame, every milestone of a commitment in the file, every institution named in the frame.
/// Gives back the records [`plan_dataset`](super::plan_dataset) would give for that plan once the
/// commitments and milestones are those of the files (the frame's own commitments and milestones
/// are not used). The readability columns (`plan_title`, `area_title`, `*_name`,
/// `commitment_title`, `plan_id` of milestones) are not read.
pub fn read_csv(commitments: &str, milestones: &str, frame: &Dataset) -> Result<Dataset, ExportError> {
    let commitment_rows = read_table(commitments, CsvFile::Commitments, COMMITMENT_COLUMNS)?;
    let milestone_rows = read_table(milestones, CsvFile::Milestones, MILESTONE_COLUMNS)?;

    let mut read_commitments = Vec::new();
    for row in &commitment_rows {
        read_commitments.push((row, read_row(RecordKind::Commitment, row, CsvFile::Commitments)?));
    }
    let mut read_milestones = Vec::new();
    for row in &milestone_rows {
        read_milestones.push((row, read_row(RecordKind::Milestone, row, CsvFile::Milestones)?));
    }

    let plan = match read_commitments.first() {
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
    for (row, rec) in read_commitments {
        let invalid = |column: &str, problem| ExportError::InvalidCsv {
            file: CsvFile::Commitments,
            line: row.line,
            column: column.to_string(),
            problem,
        };
        if rec.id_of("planId") != Some(plan) {
            return Err(invalid("plan_id", Problem::OtherPlan { expected: plan }));
        }
        let area = rec.id_of("areaId").unwrap_or_default();
        if !areas.contains(&area) {
            return Err(invalid("area_id", Problem::UnknownReference { id: area }));
        }
        if let Some(lead) = rec.id_of("leadInstitutionId").filter(|id| !institutions.contains(id)) {
            return Err(invalid("lead_institution_id", Problem::UnknownReference { id: lead }));
        }
        if let Some(id) = rec.ids_of("supportingInstitutionIds").into_iter().find(|id| !institutions.contains(id)) {
            return Err(invalid("supporting_institution_ids", Problem::UnknownReference { id }));
        }
        if !commitment_ids.insert(rec.id) {
            return Err(invalid("id", Problem::Duplicate { id: rec.id }));
        }
        out.insert(RecordKind::Commitment, rec.id, rec.fields);
    }
    let mut milestone_ids = BTreeSet::new();
    for (row, rec) in read_milestones {
        let invalid = |column: &str, problem| ExportError::InvalidCsv {
            file: CsvFile::Milestones,
            line: row.line,
            column: column.to_string(),
            problem,
        };
        let commitment = rec.id_of("commitmentId").unwrap_or_default();
        if !commitment_ids.contains(&commitment) {
            return Err(invalid("commitment_id", Problem::UnknownReference { id: commitment }));
        }
        if let Some(lead) = rec.id_of("leadInstitutionId").filter(|id| !institutions.contains(id)) {
            return Err(invalid("lead_institution_id", Problem::UnknownReference { id: lead }));
        }
        if !milestone_ids.insert(rec.id) {
            return Err(invalid("id", Problem::Duplicate { id: rec.id }));
        }
        out.insert(RecordKind::Milestone, rec.id, rec.fields);
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
