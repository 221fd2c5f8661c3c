//! A plan written to disk in the format a person chose: the one place that knows which files
//! each format makes. The desktop app and the server's command line both call it.

use std::path::{Path, PathBuf};

use plan_ouvert_domain::{ExportFormat, Locale};
use uuid::Uuid;

use super::{commitments_csv, milestones_csv, plan_html, plan_json_text, ExportError};
use crate::Dataset;

/// The CSV export's two files, in the folder chosen.
pub const CSV_FILES: [&str; 2] = ["commitments.csv", "milestones.csv"];

/// What an export produces: one document (JSON, HTML) or the named files of a folder (CSV).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rendered {
    Document(String),
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
                Locale::Fr => format!("Le fichier {} n'a pas pu être écrit : {source}.", path.display()),
                Locale::En => format!("The file {} could not be written: {source}.", path.display()),
            },
        }
    }
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
        ExportFormat::Csv => Rendered::Folder(vec![
            (CSV_FILES[0], commitments_csv(dataset, plan)?),
            (CSV_FILES[1], milestones_csv(dataset, plan)?),
        ]),
    })
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
