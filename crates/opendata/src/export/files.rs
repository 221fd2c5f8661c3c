//! A plan, or one of its workshops, written to disk in the format a person chose: the one place
//! that knows which files each format makes. The desktop app and the server's command line both
//! call it.

use std::path::{Path, PathBuf};

use plan_ouvert_domain::{ExportFormat, Locale, SelfAssessmentTerm};
use plan_ouvert_sync::protocol::RecordKind;
use uuid::Uuid;

use super::{
    commitments_csv, contributions_csv, milestones_csv, participants_csv, plan_html, plan_json_text, plan_xlsx,
    reports_csv, rounds_csv, self_assessment_html, workshop_dataset, workshop_json_text, workshop_report_html,
    workshops_csv, ExportError,
};
use crate::Dataset;

/// The CSV export's seven files, in the folder chosen: the ones [`read_csv`](super::read_csv)
/// reads back ([`CsvTexts`](super::CsvTexts) takes them in this order).
pub const CSV_FILES: [&str; 7] = [
    "commitments.csv",
    "milestones.csv",
    "reports.csv",
    "rounds.csv",
    "workshops.csv",
    "participants.csv",
    "contributions.csv",
];

/// What an export produces: one document (JSON, HTML), one binary file (a workbook) or the named
/// files of a folder (CSV).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rendered {
    Document(String),
    Binary(Vec<u8>),
    Folder(Vec<(&'static str, String)>),
}

/// Why a plan could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error("{path}: {source}")]
    File { path: PathBuf, source: std::io::Error },
}

impl WriteError {
    /// The reason, for the person, in French or English (the path and the system's reason).
    pub fn message(&self, locale: Locale) -> String {
        match self {
            WriteError::Export(error) => error.message(locale),
            WriteError::File { path, source } => match locale {
                Locale::Fr => {
                    format!("Le fichier {} n'a pas pu être écrit : {}.", path.display(), reason(source, locale))
                }
                Locale::En => format!("The file {} could not be written: {}.", path.display(), reason(source, locale)),
            },
        }
    }
}

/// Why the system refused to write, in the person's language for the common cases.
fn reason(error: &std::io::Error, locale: Locale) -> String {
    use std::io::ErrorKind;
    let said = match error.kind() {
        ErrorKind::NotFound | ErrorKind::NotADirectory => {
            locale.pick("le dossier qui doit le recevoir n'existe pas", "the folder meant to hold it does not exist")
        }
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            locale.pick("vous n'avez pas le droit d'écrire à cet endroit", "you may not write there")
        }
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => locale.pick("le disque est plein", "the disk is full"),
        ErrorKind::IsADirectory => locale.pick("c'est un dossier", "it is a folder"),
        _ => return error.to_string(),
    };
    said.to_string()
}

/// The extension of a format's file (`""` for CSV, which makes a folder).
pub fn extension(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Json => "json",
        ExportFormat::Html => "html",
        ExportFormat::Xlsx => "xlsx",
        ExportFormat::Csv => "",
    }
}

/// The name proposed for an exported plan, by the app and by the server's command line: its
/// title and the day, as a file name every system accepts (`France — Plan d'action 2025-2027 —
/// 2026-11-30.html`; the CSV export's folder has no extension). Characters no system accepts in
/// a name are spaces, the title is cut at 120 characters, and a title with nothing left is
/// `plan`.
pub fn file_name(title: &str, day: chrono::NaiveDate, format: ExportFormat) -> String {
    let name = file_stem(title, day);
    match extension(format) {
        "" => name,
        extension => format!("{name}.{extension}"),
    }
}

/// [`file_name`] without its extension: `title` made a name every system accepts, and the day.
/// Other files an app writes (a chart's image) are named the same way.
pub fn file_stem(title: &str, day: chrono::NaiveDate) -> String {
    format!("{} — {}", name_part(title, "plan"), day.format("%Y-%m-%d"))
}

/// `text` made a part of a file name every system accepts: characters no system accepts in a
/// name are spaces, spaces are single, no dot starts or ends it, at most 120 characters;
/// `fallback` when nothing is left. Files named without a day (a participant's data) use it.
pub fn name_part(text: &str, fallback: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let stem: String = cleaned.trim_matches('.').chars().take(120).collect();
    if stem.is_empty() {
        fallback.to_string()
    } else {
        stem
    }
}

/// [`file_name`] for the plan `plan` of `dataset`, today.
pub fn plan_file_name(dataset: &Dataset, plan: Uuid, format: ExportFormat) -> String {
    file_name(plan_title(dataset, plan), chrono::Local::now().date_naive(), format)
}

/// The title of the plan `plan` of `dataset` (`plan` when it has none).
fn plan_title(dataset: &Dataset, plan: Uuid) -> &str {
    dataset.get(RecordKind::Plan, plan).and_then(|p| p.get("title")).and_then(|t| t.as_str()).unwrap_or("plan")
}

/// The name proposed for a self-assessment report of the plan `plan`, by the app and by the
/// server's command line: the report, the plan's title and the day it describes
/// (`Autoévaluation mi-parcours — France — Plan d'action 2021-2023 — 2023-06-30.html`).
pub fn self_assessment_file_name(
    dataset: &Dataset,
    plan: Uuid,
    term: SelfAssessmentTerm,
    as_of: chrono::NaiveDate,
    locale: Locale,
) -> String {
    let title = format!("{} — {}", term.file_title(locale), plan_title(dataset, plan));
    file_name(&title, as_of, ExportFormat::Html)
}

/// Writes the self-assessment report of `plan` ([`self_assessment_html`]) to `path`. Nothing is
/// written when it cannot be made. Returns the file written.
pub fn write_self_assessment(
    dataset: &Dataset,
    plan: Uuid,
    term: SelfAssessmentTerm,
    as_of: chrono::NaiveDate,
    locale: Locale,
    path: &Path,
) -> Result<Vec<PathBuf>, WriteError> {
    write_rendered(Rendered::Document(self_assessment_html(dataset, plan, term, as_of, locale)?), path)
}

/// The plan `plan` of `dataset` in `format`; `locale` is the printable document's language.
pub fn render_plan(
    dataset: &Dataset,
    plan: Uuid,
    format: ExportFormat,
    locale: Locale,
) -> Result<Rendered, ExportError> {
    Ok(match format {
        ExportFormat::Json => Rendered::Document(plan_json_text(dataset, plan)?),
        ExportFormat::Html => Rendered::Document(plan_html(dataset, plan, locale)?),
        ExportFormat::Xlsx => Rendered::Binary(plan_xlsx(dataset, plan, locale)?),
        ExportFormat::Csv => Rendered::Folder(csv_folder(dataset, plan)?),
    })
}

/// The seven files of the CSV export of `plan`, named.
fn csv_folder(dataset: &Dataset, plan: Uuid) -> Result<Vec<(&'static str, String)>, ExportError> {
    Ok(vec![
        (CSV_FILES[0], commitments_csv(dataset, plan)?),
        (CSV_FILES[1], milestones_csv(dataset, plan)?),
        (CSV_FILES[2], reports_csv(dataset, plan)?),
        (CSV_FILES[3], rounds_csv(dataset, plan)?),
        (CSV_FILES[4], workshops_csv(dataset, plan)?),
        (CSV_FILES[5], participants_csv(dataset, plan)?),
        (CSV_FILES[6], contributions_csv(dataset, plan)?),
    ])
}

/// The workshop `workshop` of `dataset` in `format`: its report as a printable document in
/// `locale` (HTML), or its open data — the plan's formats filtered to the workshop
/// ([`workshop_dataset`]): one plan document (JSON), the seven files (CSV). A workshop has no
/// workbook ([`ExportError::NoWorkshopWorkbook`]).
pub fn render_workshop(
    dataset: &Dataset,
    workshop: Uuid,
    format: ExportFormat,
    locale: Locale,
) -> Result<Rendered, ExportError> {
    Ok(match format {
        ExportFormat::Html => Rendered::Document(workshop_report_html(dataset, workshop, locale)?),
        ExportFormat::Json => Rendered::Document(workshop_json_text(dataset, workshop)?),
        ExportFormat::Csv => {
            let data = workshop_dataset(dataset, workshop)?;
            let plan = data.of_kind(RecordKind::Plan).map(|(id, _)| id).next().unwrap_or_default();
            Rendered::Folder(csv_folder(&data, plan)?)
        }
        ExportFormat::Xlsx => return Err(ExportError::NoWorkshopWorkbook),
    })
}

/// Writes the workshop `workshop` to `path` in `format` ([`render_workshop`]; CSV: a folder
/// receiving [`CSV_FILES`]). Nothing is written when it cannot be made. Returns the files written.
pub fn write_workshop(
    dataset: &Dataset,
    workshop: Uuid,
    format: ExportFormat,
    locale: Locale,
    path: &Path,
) -> Result<Vec<PathBuf>, WriteError> {
    write_rendered(render_workshop(dataset, workshop, format, locale)?, path)
}

/// The name proposed for a workshop's report or data, by the app: « Atelier », the workshop's
/// title and the day it is made, as [`file_name`] writes it (`Atelier — Transparence de la vie
/// publique — 2027-04-02.html`): what became of the contributions changes after the workshop, so
/// the day says which state the file holds.
pub fn workshop_file_name(dataset: &Dataset, workshop: Uuid, format: ExportFormat, locale: Locale) -> String {
    let title =
        dataset.get(RecordKind::Workshop, workshop).and_then(|w| w.get("title")).and_then(|t| t.as_str()).unwrap_or("");
    let word = plan_ouvert_domain::labels::WorkshopLabels::of(locale).workshop;
    file_name(&format!("{word} — {title}"), chrono::Local::now().date_naive(), format)
}

/// Writes the plan to `path`: the file itself for JSON and HTML, a folder (made if missing)
/// receiving [`CSV_FILES`] for CSV. Nothing is written when the plan cannot be exported.
/// Returns the files written.
pub fn write_plan(
    dataset: &Dataset,
    plan: Uuid,
    format: ExportFormat,
    locale: Locale,
    path: &Path,
) -> Result<Vec<PathBuf>, WriteError> {
    write_rendered(render_plan(dataset, plan, format, locale)?, path)
}

/// Writes what [`render_plan`] made to `path` (see [`write_plan`]).
pub fn write_rendered(rendered: Rendered, path: &Path) -> Result<Vec<PathBuf>, WriteError> {
    let file_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| WriteError::File { path, source }
    };
    match rendered {
        Rendered::Document(text) => {
            std::fs::write(path, text).map_err(file_error(path))?;
            Ok(vec![path.to_path_buf()])
        }
        Rendered::Binary(bytes) => {
            std::fs::write(path, bytes).map_err(file_error(path))?;
            Ok(vec![path.to_path_buf()])
        }
        Rendered::Folder(files) => {
            std::fs::create_dir_all(path).map_err(file_error(path))?;
            let mut written = Vec::new();
            for (name, text) in files {
                let file = path.join(name);
                std::fs::write(&file, text).map_err(file_error(&file))?;
                written.push(file);
            }
            Ok(written)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_is_proposed_under_the_plans_title_and_the_day() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(
            file_name("France — Plan d'action national 2025-2027", day, ExportFormat::Html),
            "France — Plan d'action national 2025-2027 — 2026-11-30.html"
        );
        assert_eq!(
            file_name("Plan 2025/2027 : « ouvert » ?", day, ExportFormat::Xlsx),
            "Plan 2025 2027 « ouvert » — 2026-11-30.xlsx"
        );
        assert_eq!(file_name("..", day, ExportFormat::Csv), "plan — 2026-11-30");
        assert_eq!(file_name("a\tb\nc", day, ExportFormat::Json), "a b c — 2026-11-30.json");
        let mut dataset = Dataset::default();
        let plan = Uuid::nil();
        let title = serde_json::json!("France — Plan d'action national 2021-2023");
        dataset.insert(plan_ouvert_sync::protocol::RecordKind::Plan, plan, [("title".to_string(), title)].into());
        assert_eq!(
            self_assessment_file_name(&dataset, plan, SelfAssessmentTerm::MidTerm, day, Locale::Fr),
            "Autoévaluation mi-parcours — France — Plan d'action national 2021-2023 — 2026-11-30.html"
        );
        assert_eq!(
            self_assessment_file_name(&dataset, plan, SelfAssessmentTerm::EndOfTerm, day, Locale::En),
            "End-of-term self-assessment — France — Plan d'action national 2021-2023 — 2026-11-30.html"
        );
        assert_eq!(
            file_name(&"é".repeat(300), day, ExportFormat::Json).chars().count(),
            120 + " — 2026-11-30.json".chars().count()
        );
    }

    #[test]
    fn a_file_that_cannot_be_written_is_explained_in_the_persons_language() {
        let dataset = Dataset { records: Default::default() };
        let missing = std::env::temp_dir().join("plan-ouvert-no-such-folder").join("plan.html");
        let error = write_rendered(Rendered::Document("x".into()), &missing).unwrap_err();
        assert!(error
            .message(Locale::Fr)
            .ends_with("n'a pas pu être écrit : le dossier qui doit le recevoir n'existe pas."));
        assert!(error
            .message(Locale::En)
            .ends_with("could not be written: the folder meant to hold it does not exist."));
        // A plan that is not in the data writes nothing.
        let refused = write_plan(&dataset, Uuid::nil(), ExportFormat::Json, Locale::Fr, &missing).unwrap_err();
        assert!(matches!(refused, WriteError::Export(ExportError::UnknownPlan { .. })));
    }
}
