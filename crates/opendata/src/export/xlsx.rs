//! A plan as a workbook a ministry opens with a double click: one sheet of commitments, one of
//! milestones, in the order and with the numbers of the app and the printable plan
//! ([`numbering`]), headers with the app's labels ([`Labels`]) in the person's language, dates as real dates, long texts whole (a text longer than a cell holds continues on
//! a third sheet), the first row frozen and filterable.
//!
//! The columns are chosen one by one for a person reading the plan as adopted, not listed from
//! the fields: weights (which only tune the roll-up of progress) and progress reports are left
//! out for now; the JSON and CSV exports carry them.

use plan_ouvert_domain::{numbering, Labels, Locale};
use rust_xlsxwriter::{ColNum, ExcelDateTime, Format, FormatAlign, RowNum, Workbook, Worksheet, XlsxError};
use uuid::Uuid;

use super::fields::parse_date;
use super::tree::{PlanTree, Rec};
use super::ExportError;
use crate::Dataset;

/// The most UTF-16 units a cell holds (Excel's limit).
const CELL_LIMIT: usize = 32_767;

/// What a column shows of a record.
#[derive(Clone, Copy)]
enum Cell {
    /// The record's number in the plan ([`numbering`]): a commitment's, or a milestone's.
    Number,
    /// The number of a milestone's commitment.
    CommitmentNumber,
    /// The title of a commitment's area, or of a milestone's commitment.
    Parent,
    Text(&'static str),
    Date(&'static str),
    /// An institution named by id.
    Institution(&'static str),
    Institutions(&'static str),
    Id,
}

/// A column: its header, its width in characters, what it shows.
type Column = (String, f64, Cell);

/// The commitments sheet's columns, with the app's labels ([`Labels`]).
fn commitment_columns(l: &Labels, locale: Locale) -> Vec<Column> {
    let c = &l.commitment;
    let contact = |label: &str| format!("{}{}{label}", l.sections.contacts, locale.pick(" : ", ": "));
    vec![
        (locale.pick("N°", "No.").into(), 7.0, Cell::Number),
        (c.area_id.into(), 24.0, Cell::Parent),
        (c.title.into(), 40.0, Cell::Text("title")),
        (c.lead_institution_id.into(), 28.0, Cell::Institution("leadInstitutionId")),
        (c.supporting_institution_ids.into(), 28.0, Cell::Institutions("supportingInstitutionIds")),
        (c.other_supporters.into(), 28.0, Cell::Text("otherSupporters")),
        (c.start_date.into(), 12.0, Cell::Date("startDate")),
        (c.end_date.into(), 12.0, Cell::Date("endDate")),
        (c.brief_description.into(), 50.0, Cell::Text("briefDescription")),
        (c.problem.into(), 50.0, Cell::Text("problem")),
        (c.causes.into(), 50.0, Cell::Text("causes")),
        (c.done_so_far.into(), 50.0, Cell::Text("doneSoFar")),
        (c.solution.into(), 50.0, Cell::Text("solution")),
        (c.expected_results.into(), 50.0, Cell::Text("expectedResults")),
        (c.transparency.into(), 50.0, Cell::Text("transparency")),
        (c.accountability.into(), 50.0, Cell::Text("accountability")),
        (c.participation.into(), 50.0, Cell::Text("participation")),
        (contact(c.contact_name), 24.0, Cell::Text("contactName")),
        (contact(c.contact_email), 28.0, Cell::Text("contactEmail")),
        (contact(c.contact_phone), 16.0, Cell::Text("contactPhone")),
        (l.origin.number.into(), 12.0, Cell::Text("number")),
        (locale.pick("Identifiant", "Id").into(), 38.0, Cell::Id),
    ]
}

/// The milestones sheet's columns.
fn milestone_columns(l: &Labels, locale: Locale) -> Vec<Column> {
    let m = &l.milestone;
    vec![
        (locale.pick("N° de l'engagement", "Commitment no.").into(), 10.0, Cell::CommitmentNumber),
        (l.commitment.title.into(), 40.0, Cell::Parent),
        (locale.pick("N° du jalon", "Milestone no.").into(), 10.0, Cell::Number),
        (m.title.into(), 40.0, Cell::Text("title")),
        (m.expected_outputs.into(), 50.0, Cell::Text("expectedOutputs")),
        (m.start_date.into(), 12.0, Cell::Date("startDate")),
        (m.due_date.into(), 12.0, Cell::Date("dueDate")),
        (m.lead_institution_id.into(), 28.0, Cell::Institution("leadInstitutionId")),
        (locale.pick("Identifiant", "Id").into(), 38.0, Cell::Id),
    ]
}

/// A text cut where a cell ends: its first part, then the rest in pieces that each fit a cell.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut units) = (0, 0);
    for (index, c) in text.char_indices() {
        if units + c.len_utf16() > CELL_LIMIT {
            out.push(&text[start..index]);
            start = index;
            units = 0;
        }
        units += c.len_utf16();
    }
    out.push(&text[start..]);
    out
}

/// The workbook's sheets and their formats.
struct Book {
    header: Format,
    text: Format,
    date: Format,
    /// Texts longer than a cell: (sheet, row, column header, continuation).
    overflow: Vec<(String, String, String, String)>,
}

impl Book {
    fn header_row(&self, sheet: &mut Worksheet, columns: &[Column]) -> Result<(), XlsxError> {
        for (col, (header, width, _)) in columns.iter().enumerate() {
            sheet.write_string_with_format(0, col as ColNum, header, &self.header)?;
            sheet.set_column_width(col as ColNum, *width)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(())
    }

    /// Writes one cell; a text longer than a cell keeps its first part here and the rest for the
    /// continuation sheet.
    #[allow(clippy::too_many_arguments)]
    fn cell(
        &mut self,
        sheet: &mut Worksheet,
        row: RowNum,
        column: &Column,
        col: ColNum,
        shown: String,
        place: &str,
    ) -> Result<(), XlsxError> {
        match column.2 {
            Cell::Date(_) => match parse_date(&shown) {
                Some(date) => {
                    use chrono::Datelike as _;
                    let day = ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)?;
                    sheet.write_datetime_with_format(row, col, &day, &self.date)?;
                }
                None => {
                    sheet.write_string_with_format(row, col, shown, &self.text)?;
                }
            },
            _ => {
                let parts = pieces(&shown);
                sheet.write_string_with_format(row, col, parts[0], &self.text)?;
                for part in &parts[1..] {
                    let sheet_name = sheet.name();
                    self.overflow.push((sheet_name, place.to_string(), column.0.clone(), part.to_string()));
                }
            }
        }
        Ok(())
    }
}

/// What `cell` shows of `rec`, numbered `number`, under `parent` (numbered `parent_number`).
fn shown(tree: &PlanTree, rec: &Rec, cell: Cell, number: &str, parent: (&str, &str), locale: Locale) -> String {
    let name = |id: Uuid| match tree.institution(id) {
        Some(i) if !i.text("acronym").is_empty() && i.text("acronym") != i.text("name") => {
            format!("{} ({})", i.text("name"), i.text("acronym"))
        }
        Some(i) => i.text("name").to_string(),
        None => String::new(),
    };
    match cell {
        Cell::Number => number.to_string(),
        Cell::CommitmentNumber => parent.0.to_string(),
        Cell::Parent => parent.1.to_string(),
        Cell::Text(field) | Cell::Date(field) => rec.text(field).to_string(),
        Cell::Institution(field) => rec.id_of(field).map(name).unwrap_or_default(),
        Cell::Institutions(field) => {
            rec.ids_of(field).into_iter().map(name).collect::<Vec<_>>().join(locale.pick(" ; ", "; "))
        }
        Cell::Id => rec.id.to_string(),
    }
}

/// The plan's commitments and milestones as an `.xlsx` workbook.
pub fn plan_xlsx(dataset: &Dataset, plan: Uuid, locale: Locale) -> Result<Vec<u8>, ExportError> {
    let tree = PlanTree::build(dataset, plan)?;
    write(&tree, locale).map_err(|e| ExportError::Workbook(e.to_string()))
}

fn write(tree: &PlanTree, locale: Locale) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let mut book = Book {
        header: Format::new().set_bold().set_text_wrap().set_background_color(0xE3E3FD),
        text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        date: Format::new().set_num_format(locale.pick("dd/mm/yyyy", "d mmm yyyy")).set_align(FormatAlign::Top),
        overflow: Vec::new(),
    };
    let (commitments_name, milestones_name) =
        (locale.pick("Engagements", "Commitments"), locale.pick("Jalons", "Milestones"));

    let labels = Labels::of(locale);
    let columns = commitment_columns(&labels, locale);
    let sheet = workbook.add_worksheet();
    sheet.set_name(commitments_name)?;
    book.header_row(sheet, &columns)?;
    let mut row: RowNum = 0;
    let mut numbered = Vec::new();
    for (a, area) in tree.areas.iter().enumerate() {
        for (c, node) in area.commitments.iter().enumerate() {
            row += 1;
            let number = numbering::commitment_number(a, c);
            let place = format!("{} {number}", locale.pick("Engagement", "Commitment"));
            for (col, column) in columns.iter().enumerate() {
                let value = shown(tree, &node.rec, column.2, &number, ("", area.rec.text("title")), locale);
                book.cell(sheet, row, column, col as ColNum, value, &place)?;
            }
            numbered.push((number, node));
        }
    }
    sheet.autofilter(0, 0, row.max(1), (columns.len() - 1) as ColNum)?;

    let columns = milestone_columns(&labels, locale);
    let sheet = workbook.add_worksheet();
    sheet.set_name(milestones_name)?;
    book.header_row(sheet, &columns)?;
    let mut row: RowNum = 0;
    for (number, node) in &numbered {
        for (rank, milestone) in node.milestones.iter().enumerate() {
            row += 1;
            let milestone_number = numbering::milestone_number(number, rank);
            let place = format!("{} {milestone_number}", locale.pick("Jalon", "Milestone"));
            for (col, column) in columns.iter().enumerate() {
                let parent = (number.as_str(), node.rec.text("title"));
                let value = shown(tree, milestone, column.2, &milestone_number, parent, locale);
                book.cell(sheet, row, column, col as ColNum, value, &place)?;
            }
        }
    }
    sheet.autofilter(0, 0, row.max(1), (columns.len() - 1) as ColNum)?;

    if !book.overflow.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(locale.pick("Suite des textes longs", "Long texts continued"))?;
        let columns: Vec<Column> = [
            (locale.pick("Feuille", "Sheet"), 14.0),
            (locale.pick("Ligne", "Row"), 24.0),
            (locale.pick("Colonne", "Column"), 24.0),
            (locale.pick("Suite du texte", "Text continued"), 100.0),
        ]
        .into_iter()
        .map(|(header, width)| (header.to_string(), width, Cell::Id))
        .collect();
        book.header_row(sheet, &columns)?;
        for (index, (sheet_name, place, header, part)) in book.overflow.iter().enumerate() {
            let row = (index + 1) as RowNum;
            for (col, text) in [sheet_name, place, header, part].into_iter().enumerate() {
                sheet.write_string_with_format(row, col as ColNum, text, &book.text)?;
            }
        }
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_longer_than_a_cell_is_cut_where_a_cell_ends_and_nothing_is_lost() {
        let text = format!("{}{}", "é".repeat(CELL_LIMIT), "😀".repeat(10));
        let parts = pieces(&text);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts.concat(), text);
        assert!(parts.iter().all(|p| p.encode_utf16().count() <= CELL_LIMIT));
        assert_eq!(pieces("court"), ["court"]);
    }
}
