//! Open data from the app: importing the OGP commitment database, exporting a plan. The file is
//! asked of the person through the shell, so the window itself has no access to the file system.

use std::path::Path;

use plan_ouvert_domain::{
    ErrorCode, ExportFormat, Failure, ImportCounts, ImportProgress, ImportStage, ImportSummary, ImportWarningView,
    Locale, PlanId,
};
use plan_ouvert_opendata::{export, ogp, Dataset};
use plan_ouvert_store::import::Counts;
use plan_ouvert_sync::protocol::RecordKind;

use crate::laptop::{internal, Laptop};
use crate::shell::{Event, FileRequest};

fn counts(c: Counts) -> ImportCounts {
    ImportCounts { created: c.created, updated: c.updated, unchanged: c.unchanged }
}

fn read_failure(error: &std::io::Error, path: &Path, locale: Locale) -> Failure {
    let message = match locale {
        Locale::Fr => format!("Le fichier {} n'a pas pu être lu : {error}.", path.display()),
        Locale::En => format!("The file {} could not be read: {error}.", path.display()),
    };
    Failure::new(ErrorCode::Storage, message)
}

/// Imports a file of the OGP commitment database that the person picks (`None` when they
/// cancel), all or nothing, telling the interface how far it got.
pub(crate) fn import_ogp_csv(app: &Laptop) -> Result<Option<ImportSummary>, Failure> {
    let locale = app.locale();
    let Some(path) = app.shell().pick_file(FileRequest::OgpCsv, None, locale).map_err(|e| internal(&e))? else {
        return Ok(None);
    };
    let progress = |stage: ImportStage, done: usize, total: usize| {
        let as_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        app.emit(Event::ImportProgress(ImportProgress { stage, done: as_u32(done), total: as_u32(total) }));
    };
    progress(ImportStage::Reading, 0, 0);
    let bytes = std::fs::read(&path).map_err(|e| read_failure(&e, &path, locale))?;
    let import =
        ogp::read_ogp_csv_with_progress(&bytes, &mut |done, total| progress(ImportStage::Reading, done, total))
            .map_err(|refusal| Failure::new(ErrorCode::Validation, refusal.message(locale)))?;
    let report = app.run(|store| {
        store.import_records(&import.dataset.records, &mut |done, total| progress(ImportStage::Writing, done, total))
    })?;
    tracing::info!(file = %path.display(), rows = import.rows, "imported the OGP commitment database");
    Ok(Some(ImportSummary {
        rows: u32::try_from(import.rows).unwrap_or(u32::MAX),
        plans: counts(report.of(RecordKind::Plan)),
        areas: counts(report.of(RecordKind::Area)),
        institutions: counts(report.of(RecordKind::Institution)),
        commitments: counts(report.of(RecordKind::Commitment)),
        warnings: import
            .warnings
            .iter()
            .map(|w| ImportWarningView {
                row: u32::try_from(w.row).unwrap_or(u32::MAX),
                identifier: w.identifier.clone(),
                column: w.column.clone(),
                message: locale.pick(&w.message_fr, &w.message_en).clone(),
            })
            .collect(),
    }))
}

/// Writes a plan as open data where the person chooses (`None` when they cancel): a JSON file,
/// a folder receiving the CSV files, or an HTML file. Resolves to where it wrote.
pub(crate) fn export_plan(app: &Laptop, plan_id: PlanId, format: ExportFormat) -> Result<Option<String>, Failure> {
    let locale = app.locale();
    let records = app.run(|store| store.plan_records(plan_id))?;
    let dataset = Dataset { records };
    // Refused before asking where to write: a plan that cannot be exported is said at once.
    let rendered = export::render_plan(&dataset, plan_id.0, format, locale)
        .map_err(|e| Failure::new(ErrorCode::NotFound, e.message(locale)))?;
    let request = match format {
        ExportFormat::Json => FileRequest::SaveJson,
        ExportFormat::Html => FileRequest::SaveHtml,
        ExportFormat::Xlsx => FileRequest::SaveXlsx,
        ExportFormat::Csv => FileRequest::CsvFolder,
    };
    // The plan's title and the day, as the server's command line names it too.
    let name = export::plan_file_name(&dataset, plan_id.0, format);
    let Some(path) = app.shell().pick_file(request, Some(&name), locale).map_err(|e| internal(&e))? else {
        return Ok(None);
    };
    export::write_rendered(rendered, &path).map_err(|e| Failure::new(ErrorCode::Storage, e.message(locale)))?;
    tracing::info!(file = %path.display(), ?format, "exported a plan");
    Ok(Some(path.display().to_string()))
}
