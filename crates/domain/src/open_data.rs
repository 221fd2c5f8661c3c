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
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// Rows read from the file.
    pub rows: u32,
    pub plans: ImportCounts,
    pub areas: ImportCounts,
    pub institutions: ImportCounts,
    pub commitments: ImportCounts,
    pub warnings: Vec<ImportWarningView>,
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
