//! A plan as a workbook a ministry opens with a double click: one sheet of commitments, one of
//! milestones, in the order and with the numbers of the printable plan, headers in the person's
//! language, dates as real dates, long texts whole (a text longer than a cell holds continues on
//! a third sheet), the first row frozen and filterable.

use plan_ouvert_domain::Locale;
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
    /// The commitment's number (the OGP's, or its area's rank and its own).
    Number,
    /// The area's title.
    Area,
    Text(&'static str),
    Date(&'static str),
    /// An institution named by id.
    Institution(&'static str),
    Institutions(&'static str),
    Id,
}

/// A column: French and English headers, width in characters, what it shows.
type Column = (&'static str, &'static str, f64, Cell);

const COMMITMENTS: &[Column] = &[
    ("N°", "No.", 7.0, Cell::Number),
    ("Axe", "Area", 24.0, Cell::Area),
    ("Engagement", "Commitment", 40.0, Cell::Text("title")),
    ("Institution porteuse", "Lead institution", 28.0, Cell::Institution("leadInstitutionId")),
    ("Institutions partenaires", "Supporting institutions", 28.0, Cell::Institutions("supportingInstitutionIds")),
    ("Autres acteurs", "Other actors", 28.0, Cell::Text("otherSupporters")),
    ("Début", "Start", 12.0, Cell::Date("startDate")),
    ("Fin", "End", 12.0, Cell::Date("endDate")),
    ("Brève description", "Brief description", 50.0, Cell::Text("briefDescription")),
    ("Problème", "Problem", 50.0, Cell::Text("problem")),
    ("Causes", "Causes", 50.0, Cell::Text("causes")),
    ("Fait jusqu'à présent", "Done so far", 50.0, Cell::Text("doneSoFar")),
    ("Solution", "Solution", 50.0, Cell::Text("solution")),
    ("Résultats attendus", "Expected results", 50.0, Cell::Text("expectedResults")),
    ("Transparence", "Transparency", 50.0, Cell::Text("transparency")),
    ("Redevabilité", "Accountability", 50.0, Cell::Text("accountability")),
    ("Participation", "Participation", 50.0, Cell::Text("participation")),
    ("Contact", "Contact", 24.0, Cell::Text("contactName")),
    ("Courriel", "E-mail", 28.0, Cell::Text("contactEmail")),
    ("Téléphone", "Phone", 16.0, Cell::Text("contactPhone")),
    ("Identifiant", "Id", 38.0, Cell::Id),
];

const MILESTONES: &[Column] = &[
    ("N° de l'engagement", "Commitment no.", 10.0, Cell::Number),
    ("Engagement", "Commitment", 40.0, Cell::Area),
    ("N° du jalon", "Milestone no.", 9.0, Cell::Text("position")),
    ("Jalon", "Milestone", 40.0, Cell::Text("title")),
    ("Résultats attendus", "Expected outputs", 50.0, Cell::Text("expectedOutputs")),
    ("Début", "Start", 12.0, Cell::Date("startDate")),
    ("Échéance", "Due date", 12.0, Cell::Date("dueDate")),
    ("Institution porteuse", "Lead institution", 28.0, Cell::Institution("leadInstitutionId")),
    ("Identifiant", "Id", 38.0, Cell::Id),
];

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
    locale: Locale,
    header: Format,
    text: Format,
    date: Format,
    /// Texts longer than a cell: (sheet, row, column header, continuation).
    overflow: Vec<(String, String, &'static str, String)>,
}

impl Book {
    fn header_row(&self, sheet: &mut Worksheet, columns: &[Column]) -> Result<(), XlsxError> {
        for (col, (fr, en, width, _)) in columns.iter().enumerate() {
            sheet.write_string_with_format(0, col as ColNum, self.locale.pick(*fr, *en), &self.header)?;
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
        match column.3 {
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
                let header = self.locale.pick(column.0, column.1);
                for part in &parts[1..] {
                    let sheet_name = sheet.name();
                    self.overflow.push((sheet_name, place.to_string(), header, part.to_string()));
                }
            }
        }
        Ok(())
    }
}

fn shown(tree: &PlanTree, rec: &Rec, cell: Cell, number: &str, context: &str, locale: Locale) -> String {
    let name = |id: Uuid| match tree.institution(id) {
        Some(i) if !i.text("acronym").is_empty() && i.text("acronym") != i.text("name") => {
            format!("{} ({})", i.text("name"), i.text("acronym"))
        }
        Some(i) => i.text("name").to_string(),
        None => String::new(),
    };
    match cell {
        Cell::Number => number.to_string(),
        Cell::Area => context.to_string(),
        Cell::Text("position") => (rec.position() + 1).to_string(),
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
        locale,
        header: Format::new().set_bold().set_text_wrap().set_background_color(0xE3E3FD),
        text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        date: Format::new().set_num_format(locale.pick("dd/mm/yyyy", "yyyy-mm-dd")).set_align(FormatAlign::Top),
        overflow: Vec::new(),
    };
    let (commitments_name, milestones_name) =
        (locale.pick("Engagements", "Commitments"), locale.pick("Jalons", "Milestones"));

    let sheet = workbook.add_worksheet();
    sheet.set_name(commitments_name)?;
    book.header_row(sheet, COMMITMENTS)?;
    let mut row: RowNum = 0;
    let mut numbered = Vec::new();
    for (a, area) in tree.areas.iter().enumerate() {
        for (c, node) in area.commitments.iter().enumerate() {
            row += 1;
            let number = match node.rec.text("number") {
                "" => format!("{}.{}", a + 1, c + 1),
                n => n.to_string(),
            };
            for (col, column) in COMMITMENTS.iter().enumerate() {
                let value = shown(tree, &node.rec, column.3, &number, area.rec.text("title"), locale);
                let place = format!("{} {number}", locale.pick("Engagement", "Commitment"));
                book.cell(sheet, row, column, col as ColNum, value, &place)?;
            }
            numbered.push((number, node));
        }
    }
    sheet.autofilter(0, 0, row.max(1), (COMMITMENTS.len() - 1) as ColNum)?;

    let sheet = workbook.add_worksheet();
    sheet.set_name(milestones_name)?;
    book.header_row(sheet, MILESTONES)?;
    let mut row: RowNum = 0;
    for (number, node) in &numbered {
        for milestone in &node.milestones {
            row += 1;
            for (col, column) in MILESTONES.iter().enumerate() {
                let value = shown(tree, milestone, column.3, number, node.rec.text("title"), locale);
                let place = format!("{} {number}.{}", locale.pick("Jalon", "Milestone"), milestone.position() + 1);
                book.cell(sheet, row, column, col as ColNum, value, &place)?;
            }
        }
    }
    sheet.autofilter(0, 0, row.max(1), (MILESTONES.len() - 1) as ColNum)?;

    if !book.overflow.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(locale.pick("Suite des textes longs", "Long texts continued"))?;
        let columns: [Column; 4] = [
            ("Feuille", "Sheet", 14.0, Cell::Id),
            ("Ligne", "Row", 24.0, Cell::Id),
            ("Colonne", "Column", 24.0, Cell::Id),
            ("Suite du texte", "Text continued", 100.0, Cell::Id),
        ];
        book.header_row(sheet, &columns)?;
        for (index, (sheet_name, place, header, part)) in book.overflow.iter().enumerate() {
            let row = (index + 1) as RowNum;
            for (col, text) in [sheet_name.as_str(), place, header, part].into_iter().enumerate() {
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
