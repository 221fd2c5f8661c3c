//! What the import and export screens show.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How many records of one kind an import created, changed or found as they were.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportCounts {
    pub created: u32,
    pub updated: u32,
    pub unchanged: u32,
}

/// What an import's warning is about, to group them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ImportWarningKind {
    /// A date not read (ambiguous, imprecise, implausible, out of order).
    Date,
    /// Text of the institution columns that is not an institution's name.
    Institution,
    /// A value of the IRM's assessment not understood.
    Assessment,
    /// Another value the app cannot store as it is.
    Value,
}

/// Something an import kept but wants a person to look at (an ambiguous date…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportWarningView {
    /// The row in the file as a spreadsheet numbers it (the header is row 1).
    pub row: u32,
    /// The commitment's identifier (e.g. `FR0001`).
    pub identifier: String,
    pub column: String,
    /// In the interface's language.
    pub message: String,
    pub kind: ImportWarningKind,
    /// The plan of the row (its id in the app) and its country.
    pub plan_id: crate::PlanId,
    pub country: String,
    /// The commitment made from the row, once imported (to open it).
    pub commitment_id: Option<crate::CommitmentId>,
}

/// One plan of a file of the OGP commitment database, as the import offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPlanChoice {
    pub id: crate::PlanId,
    /// Its `Action Plan ID` in the database.
    pub ogp_plan_id: String,
    pub country: String,
    pub title: String,
    pub commitments: u32,
    /// A plan of this laptop's own country: chosen by default, and shared with the server.
    /// Another country's plan is kept on this laptop as a read-only reference.
    pub own_country: bool,
    /// Imported before (importing it again updates it).
    pub already_here: bool,
    /// How its dates were read, in the interface's language.
    pub date_rule: String,
    /// Whether its ambiguous dates were read by a convention deduced from its other dates.
    pub dates_deduced: bool,
}

/// A past import, to undo it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(transparent)]
pub struct ImportId(#[ts(type = "number")] pub i64);

/// What a file holds, before anything is written: the person chooses what to import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub file_name: String,
    /// Commitment rows read.
    pub rows: u32,
    /// This laptop's own country.
    pub own_country: String,
    /// Own country's plans first, then by country and number.
    pub plans: Vec<ImportPlanChoice>,
    /// The warnings of every plan of the file.
    pub warnings: Vec<ImportWarningView>,
}

/// What an import did, or, before it is confirmed, would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// Rows read from the file.
    pub rows: u32,
    pub plans: ImportCounts,
    pub areas: ImportCounts,
    pub institutions: ImportCounts,
    pub commitments: ImportCounts,
    /// Changes queued for the server (the own country's plans).
    pub queued: u32,
    /// Records kept on this laptop only (other countries' plans, as a reference library).
    pub kept_here: u32,
    /// The import, to undo it (`null` before it is confirmed).
    pub import_id: Option<ImportId>,
    /// The warnings of the plans chosen.
    pub warnings: Vec<ImportWarningView>,
}

/// A past import that can be undone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportRecord {
    pub id: ImportId,
    /// When, as RFC 3339.
    pub at: String,
    pub file_name: String,
    /// The titles of the plans it wrote.
    pub plans: Vec<String>,
    /// How many of them are kept as a reference library.
    pub library_plans: u32,
    pub records: u32,
}

/// What undoing an import did, or would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UndoImportSummary {
    /// Records it had created, deleted.
    pub deleted: u32,
    /// Records it had changed, restored.
    pub restored: u32,
    /// Institutions it had created that other records name since: kept.
    pub kept: u32,
    /// Changes queued for the server.
    pub queued: u32,
}

/// Which step an import is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ImportStage {
    /// Reading and checking the file.
    Reading,
    /// Writing the records.
    Writing,
}

/// Sent as `import-progress` events while an import runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub stage: ImportStage,
    pub done: u32,
    /// 0 while unknown.
    pub total: u32,
}

/// The open-data formats of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// The whole plan in one JSON document (JSON Schema in the repository).
    Json,
    /// Commitments and milestones, two CSV files with their Table Schemas.
    Csv,
    /// A printable, self-contained HTML document.
    Html,
    /// A workbook for spreadsheets (`.xlsx`): commitments and milestones, one sheet each.
    Xlsx,
}

/// One thing wrong in a progress workbook sent back filled, and where: the sheet, the row and the
/// column as a spreadsheet shows them (the header is row 1, columns are letters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkbookProblem {
    pub sheet: String,
    /// None: the workbook as a whole (not a workbook, a sheet missing…).
    pub row: Option<u32>,
    /// The column's letter (`I`), when the problem is in one cell.
    pub column: Option<String>,
    /// That column's header, as the workbook has it.
    pub column_title: Option<String>,
    /// In the interface's language.
    pub message: String,
}

/// What importing a filled progress workbook would write, said before anything is written. The
/// workbook is imported whole or not at all: with any problem, nothing is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgressWorkbookPreview {
    pub file_name: String,
    /// The plan the workbook was made from, when it is on this laptop.
    pub plan_id: Option<crate::PlanId>,
    pub plan_title: String,
    /// The institution it was made for; none: every institution of the plan.
    pub institution_name: Option<String>,
    /// Progress reports the import will write: one per filled row.
    pub reports: u32,
    /// Filled rows whose report is already an entry of its timeline (the workbook was imported
    /// before): skipped.
    pub unchanged: u32,
    /// Rows left empty: skipped.
    pub empty: u32,
    /// Who will sign the reports (the person this laptop connected with), if any is written.
    pub signed_by: Option<String>,
    /// Whether some are signed on the carrying institution's behalf (the coordination's import).
    pub on_behalf: bool,
    /// Every problem, by row then column; the workbook can be imported only when there is none.
    pub problems: Vec<WorkbookProblem>,
}

/// What importing a progress workbook wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgressWorkbookSummary {
    /// Progress reports written, each a new entry of its timeline.
    pub written: u32,
    /// Filled rows already imported before: nothing written for them.
    pub unchanged: u32,
    /// Rows left empty.
    pub empty: u32,
}
