//! Open data: importing the OGP commitment database, exporting a plan. The file dialogs are
//! opened from here, so the window itself has no access to the file system.

use std::path::PathBuf;

use plan_ouvert_domain::{
    ErrorCode, ExportFormat, Failure, ImportCounts, ImportProgress, ImportStage, ImportSummary, ImportWarningView, Locale,
    PlanId,
};
use plan_ouvert_opendata::{export, ogp, Dataset};
use plan_ouvert_store::import::Counts;
use plan_ouvert_sync::protocol::RecordKind;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::state::AppState;

/// The event carrying an [`ImportProgress`].
pub const PROGRESS_EVENT: &str = "import-progress";

fn counts(c: Counts) -> ImportCounts {
    ImportCounts { created: c.created, updated: c.updated, unchanged: c.unchanged }
}

fn file_failure(error: std::io::Error, path: &std::path::Path, locale: Locale) -> Failure {
    let message = match locale {
        Locale::Fr => format!("Le fichier {} n'a pas pu être lu ou écrit : {error}.", path.display()),
        Locale::En => format!("The file {} could not be read or written: {error}.", path.display()),
    };
    Failure::new(ErrorCode::Storage, message)
}

fn internal(error: impl std::fmt::Display) -> Failure {
    Failure::new(ErrorCode::Internal, error.to_string())
}

fn locale_of(state: &AppState) -> Locale {
    state.store().lock().map(|s| s.locale().unwrap_or_default()).unwrap_or_default()
}

/// Imports a file of the OGP commitment database (`path`, or the one the person picks; `None`
/// when they cancel), all or nothing, telling the window how far it got.
#[tauri::command]
pub async fn import_ogp_csv<R: Runtime>(app: AppHandle<R>, path: Option<String>) -> Result<Option<ImportSummary>, Failure> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let locale = locale_of(&state);
        let path = match path {
            Some(path) => PathBuf::from(path),
            None => {
                let picked = app
                    .dialog()
                    .file()
                    .set_title(locale.pick("Importer la base des engagements OGP", "Import the OGP commitment database"))
                    .add_filter("CSV", &["csv"])
                    .blocking_pick_file();
                match picked.map(|p| p.into_path()) {
                    Some(Ok(path)) => path,
                    Some(Err(error)) => return Err(internal(error)),
                    None => return Ok(None),
                }
            }
        };
        let progress = |stage: ImportStage, done: usize, total: usize| {
            let _ = app.emit(PROGRESS_EVENT, ImportProgress { stage, done: done as u32, total: total as u32 });
        };
        progress(ImportStage::Reading, 0, 0);
        let bytes = std::fs::read(&path).map_err(|e| file_failure(e, &path, locale))?;
        let import = ogp::read_ogp_csv_with_progress(&bytes, &mut |done, total| progress(ImportStage::Reading, done, total))
            .map_err(|refusal| Failure::new(ErrorCode::Validation, refusal.message(locale)))?;
        let report = state.run(|store| {
            store.import_records(&import.dataset.records, &mut |done, total| progress(ImportStage::Writing, done, total))
        })?;
        Ok(Some(ImportSummary {
            rows: import.rows as u32,
            plans: counts(report.of(RecordKind::Plan)),
            areas: counts(report.of(RecordKind::Area)),
            institutions: counts(report.of(RecordKind::Institution)),
            commitments: counts(report.of(RecordKind::Commitment)),
            warnings: import
                .warnings
                .iter()
                .map(|w| ImportWarningView {
                    row: w.row as u32,
                    identifier: w.identifier.clone(),
                    column: w.column.clone(),
                    message: locale.pick(&w.message_fr, &w.message_en).clone(),
                })
                .collect(),
        }))
    })
    .await
    .map_err(internal)?
}

/// Writes a plan as open data to `path` (or where the person chooses; `None` when they cancel):
/// a JSON file, a folder receiving `commitments.csv` and `milestones.csv`, or an HTML file.
#[tauri::command]
pub async fn export_plan<R: Runtime>(
    app: AppHandle<R>,
    plan_id: PlanId,
    format: ExportFormat,
    path: Option<String>,
) -> Result<Option<String>, Failure> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let locale = locale_of(&state);
        let records = state.run(|store| store.plan_records(plan_id))?;
        let dataset = Dataset { records };
        let path = match path {
            Some(path) => PathBuf::from(path),
            None => {
                let dialog = app.dialog().file();
                let picked = match format {
                    ExportFormat::Csv => dialog
                        .set_title(locale.pick("Dossier où écrire les fichiers CSV", "Folder for the CSV files"))
                        .blocking_pick_folder(),
                    ExportFormat::Json => dialog
                        .set_title(locale.pick("Exporter le plan (JSON)", "Export the plan (JSON)"))
                        .add_filter("JSON", &["json"])
                        .set_file_name("plan.json")
                        .blocking_save_file(),
                    ExportFormat::Html => dialog
                        .set_title(locale.pick("Exporter le plan (document imprimable)", "Export the plan (printable document)"))
                        .add_filter("HTML", &["html"])
                        .set_file_name("plan.html")
                        .blocking_save_file(),
                };
                match picked.map(|p| p.into_path()) {
                    Some(Ok(path)) => path,
                    Some(Err(error)) => return Err(internal(error)),
                    None => return Ok(None),
                }
            }
        };
        let refused = |e: export::ExportError| Failure::new(ErrorCode::NotFound, e.message(locale));
        let write = |path: &std::path::Path, text: &str| std::fs::write(path, text).map_err(|e| file_failure(e, path, locale));
        match format {
            ExportFormat::Json => {
                write(&path, &export::plan_json_text(&dataset, plan_id.0).map_err(refused)?)?;
            }
            ExportFormat::Html => write(&path, &export::plan_html(&dataset, plan_id.0, locale).map_err(refused)?)?,
            ExportFormat::Csv => {
                std::fs::create_dir_all(&path).map_err(|e| file_failure(e, &path, locale))?;
                write(&path.join("commitments.csv"), &export::commitments_csv(&dataset, plan_id.0).map_err(refused)?)?;
                write(&path.join("milestones.csv"), &export::milestones_csv(&dataset, plan_id.0).map_err(refused)?)?;
            }
        }
        Ok(Some(path.display().to_string()))
    })
    .await
    .map_err(internal)?
}
