//! The progress workbook: how ministries already report, kept. The coordination sends each
//! institution an `.xlsx` table with one row per milestone of the commitments it carries (and one
//! row per commitment, for its own account), the institution fills in its reports, and the
//! coordination imports the workbook back: each filled row becomes a progress report.
//!
//! # The workbook ([`progress_workbook`])
//!
//! Three sheets, in the language of the person who exports it:
//!
//! - **Suivi** / **Progress**: a header row (frozen, filterable), then for each commitment the
//!   institution carries, in the plan's order, a row for the commitment's own account and a row
//!   per milestone ([`Column`] lists the columns). The first columns say what a row is about and
//!   where it stands: the number the app gives it ([`plan_ouvert_domain::numbering`]), the
//!   commitment's and the milestone's titles, the lead institution, the due date (a commitment's
//!   end date), the current status (the latest entry of its timeline) and its date. They are
//!   locked (the sheet is protected, without a password: a guard against slips, not a lock). The
//!   columns to fill are unlocked: the report's date (a real date, never after today: the
//!   spreadsheet checks it too), the new status (a drop-down list of the completion scale's
//!   labels), what was done, difficulties, next steps, and the evidence links, one per line of the
//!   cell as `title — https://…`. Two hidden, locked columns hold the commitment's and the
//!   milestone's identifiers, which match the row back.
//! - **Mode d'emploi** / **Instructions**: what to fill and how, in a few lines.
//! - `plan-ouvert`, hidden: what the workbook was made from — its format ([`FORMAT`]), the plan's
//!   and the institution's identifiers (none: every institution), its language, the name of the
//!   progress sheet, the day it was made.
//!
//! Headers are the app's labels ([`plan_ouvert_domain::Labels`]). A commitment without a lead
//! institution has no row: nobody can report in its name.
//!
//! # Reading it back ([`read_progress_workbook`])
//!
//! The workbook is read whole and every problem is listed with its sheet, row and column
//! letter: not a workbook (not a zip, a truncated file), a sheet missing, a header renamed (the
//! columns are checked in the workbook's own language, and none is read when one is wrong), a
//! status that is not a label of the list (French or English), an identifier that is not one, a
//! row filled where there was none. What a cell holds is only *read* here: a date cell becomes
//! `YYYY-MM-DD` (a date typed as text is taken day first, `31/12/2026`, as the app takes it), the
//! links cell becomes (title, address) pairs; whether the values are acceptable — a date not
//! after today, an address that is one, no step back from "complete" without a word — is decided
//! by the one parser of reports ([`plan_ouvert_domain::ReportInput::parse`]), which the store
//! runs on every row (`plan_ouvert_store::report_batch`). Rows whose cells to fill are all empty
//! are skipped.

mod read;
mod write;

use plan_ouvert_domain::{Labels, Locale, WorkbookProblem};

pub use read::{read_progress_workbook, FilledRow, FilledWorkbook};
pub use write::{progress_workbook, progress_workbook_name};

/// What the hidden sheet says the workbook is: the format and its version. A workbook of another
/// format (or version) is refused.
pub const FORMAT: &str = "plan-ouvert:progress-workbook:1";

/// The hidden sheet's name.
pub const META_SHEET: &str = "plan-ouvert";

/// The progress sheet's name in `locale`.
pub fn progress_sheet_name(locale: Locale) -> &'static str {
    locale.pick("Suivi", "Progress")
}

/// The instructions sheet's name in `locale`.
pub fn instructions_sheet_name(locale: Locale) -> &'static str {
    locale.pick("Mode d'emploi", "Instructions")
}

/// A column of the progress sheet, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Number,
    Commitment,
    Milestone,
    Institution,
    DueDate,
    CurrentStatus,
    CurrentDate,
    ReportedOn,
    Status,
    Done,
    Difficulties,
    NextSteps,
    Links,
    CommitmentId,
    MilestoneId,
}

impl Column {
    /// Every column, in the sheet's order.
    pub const ALL: [Column; 15] = [
        Column::Number,
        Column::Commitment,
        Column::Milestone,
        Column::Institution,
        Column::DueDate,
        Column::CurrentStatus,
        Column::CurrentDate,
        Column::ReportedOn,
        Column::Status,
        Column::Done,
        Column::Difficulties,
        Column::NextSteps,
        Column::Links,
        Column::CommitmentId,
        Column::MilestoneId,
    ];

    /// Its index from 0 (A is 0).
    pub fn index(self) -> u16 {
        self as u16
    }

    /// Its letter, as a spreadsheet shows it (`A`…).
    pub fn letter(self) -> String {
        letter(self.index())
    }

    /// Its header, in `locale`: the app's labels where it has one.
    pub fn header(self, locale: Locale) -> String {
        let l = Labels::of(locale);
        match self {
            Column::Number => locale.pick("N°", "No."),
            Column::Commitment => l.commitment.title,
            Column::Milestone => locale.pick("Jalon", "Milestone"),
            Column::Institution => l.commitment.lead_institution_id,
            Column::DueDate => l.milestone.due_date,
            Column::CurrentStatus => locale.pick("État d'avancement actuel", "Current status"),
            Column::CurrentDate => locale.pick("Date de l'état actuel", "Date of the current status"),
            Column::ReportedOn => l.progress.reported_on,
            Column::Status => locale.pick("Nouvel état d'avancement", "New status"),
            Column::Done => l.progress.done,
            Column::Difficulties => l.progress.difficulties,
            Column::NextSteps => l.progress.next_steps,
            Column::Links => l.progress.links,
            Column::CommitmentId => locale.pick("Identifiant de l'engagement", "Commitment id"),
            Column::MilestoneId => locale.pick("Identifiant du jalon", "Milestone id"),
        }
        .to_string()
    }

    /// Whether the institution fills it in.
    pub fn is_filled(self) -> bool {
        matches!(
            self,
            Column::ReportedOn
                | Column::Status
                | Column::Done
                | Column::Difficulties
                | Column::NextSteps
                | Column::Links
        )
    }

    /// Whether it is hidden (the identifiers).
    pub fn is_hidden(self) -> bool {
        matches!(self, Column::CommitmentId | Column::MilestoneId)
    }

    /// The column a field is read from: a report's field (`reportedOn`, `status`, `done`,
    /// `difficulties`, `nextSteps`, `links`), what a row is about (`commitmentId`, `milestoneId`)
    /// or who carries it (`institution`).
    pub fn of_field(field: &str) -> Option<Column> {
        Some(match field {
            "reportedOn" => Column::ReportedOn,
            "status" => Column::Status,
            "done" => Column::Done,
            "difficulties" => Column::Difficulties,
            "nextSteps" => Column::NextSteps,
            "links" => Column::Links,
            "commitmentId" => Column::CommitmentId,
            "milestoneId" => Column::MilestoneId,
            "institution" => Column::Institution,
            _ => return None,
        })
    }
}

/// A column's letters from its index (0: `A`, 25: `Z`, 26: `AA`).
pub fn letter(index: u16) -> String {
    let mut n = u32::from(index) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A problem at a place of the progress sheet `sheet`, in a workbook written in `language`
/// (the column's header as the workbook shows it).
pub fn problem_at(
    sheet: &str,
    row: Option<u32>,
    column: Option<Column>,
    language: Locale,
    message: String,
) -> WorkbookProblem {
    WorkbookProblem {
        sheet: sheet.to_string(),
        row,
        column: column.map(Column::letter),
        column_title: column.map(|c| c.header(language)),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_a_spreadsheet_does() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter(701), "ZZ");
        assert_eq!(letter(702), "AAA");
        assert_eq!(Column::Status.letter(), "I");
        for (i, column) in Column::ALL.iter().enumerate() {
            assert_eq!(usize::from(column.index()), i);
        }
    }

    #[test]
    fn every_field_a_problem_names_has_its_column() {
        for field in ["reportedOn", "status", "done", "difficulties", "nextSteps", "links"] {
            assert!(Column::of_field(field).is_some_and(Column::is_filled), "{field}");
        }
        assert_eq!(Column::of_field("results"), None);
    }
}
