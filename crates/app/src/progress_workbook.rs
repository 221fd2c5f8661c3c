//! The progress workbook from the app (see `plan_ouvert_opendata::progress_workbook`): made for
//! one institution of a plan (or all) and saved where the person says; sent back filled, read
//! (the person picks the file), previewed with every problem, then imported all or nothing.
//!
//! The workbook says what it is about (its plan, its institution); every filled row goes
//! through the store's batch of reports (`plan_ouvert_store::report_batch`), the same checks
//! and signature as a report typed on the commitment screen. The preview and the import run the
//! same code: the import checks everything again in its transaction, so what changed since the
//! preview (a sync, a report typed meanwhile) is taken into account, and nothing half-done is
//! ever written.

use chrono::NaiveDate;
use plan_ouvert_domain::{
    ErrorCode, Failure, InstitutionId, Locale, PlanId, ProgressWorkbookPreview, ProgressWorkbookSummary,
    WorkbookProblem,
};
use plan_ouvert_opendata::export::Rendered;
use plan_ouvert_opendata::progress_workbook::{self, problem_at, Column, FilledWorkbook};
use plan_ouvert_opendata::Dataset;
use plan_ouvert_store::report_batch::{BatchOutcome, ReportBatch, ReportRow};

use crate::laptop::{internal, Laptop};
use crate::open_data::save_where_asked;
use crate::shell::FileRequest;

/// A workbook read and shown, without problems, waiting for the person's confirmation.
#[derive(Debug)]
pub(crate) struct PendingWorkbook {
    read: FilledWorkbook,
}

/// The laptop's day: a report is never dated after it.
fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Makes the progress workbook of `plan_id` for `institution` (none: every institution) and
/// writes it where the person chooses (`None` when they cancel). Resolves to where it wrote.
pub(crate) fn export(
    app: &Laptop,
    plan_id: PlanId,
    institution: Option<InstitutionId>,
) -> Result<Option<String>, Failure> {
    let locale = app.locale();
    let dataset = Dataset { records: app.run(|store| store.plan_records(plan_id))? };
    let day = today();
    let institution = institution.map(|i| i.0);
    // Refused before asking where to write: a workbook that cannot be made is said at once.
    let refused = |e: plan_ouvert_opendata::export::ExportError| Failure::new(ErrorCode::NotFound, e.message(locale));
    let bytes = progress_workbook::progress_workbook(&dataset, plan_id.0, institution, locale, day).map_err(refused)?;
    let name = progress_workbook::progress_workbook_name(&dataset, institution, day, locale).map_err(refused)?;
    let rendered = Rendered::Binary(bytes);
    let Some(path) = save_where_asked(app, FileRequest::SaveProgressWorkbook, &name, rendered)? else {
        return Ok(None);
    };
    tracing::info!(file = %path.display(), "exported a progress workbook");
    Ok(Some(path.display().to_string()))
}

/// Runs the workbook's filled rows through the store's batch of reports (writing them only when
/// `write`, and only when nothing at all is wrong): what it did or would do, and every problem
/// of the workbook, by row then column.
fn run(app: &Laptop, read: &FilledWorkbook, write: bool) -> Result<(BatchOutcome, Vec<WorkbookProblem>), Failure> {
    let mut problems = read.problems.clone();
    let Some(plan) = read.plan else { return Ok((BatchOutcome::default(), problems)) };
    let rows: Vec<ReportRow> = read.rows.iter().map(|r| ReportRow { row: r.row, input: r.input.clone() }).collect();
    let batch = ReportBatch { plan: PlanId(plan), institution: read.institution.map(InstitutionId), rows: &rows };
    let write = write && problems.is_empty();
    let outcome = app.run(|store| {
        if write {
            store.write_report_batch(&batch, today())
        } else {
            store.preview_report_batch(&batch, today())
        }
    })?;
    for problem in &outcome.problems {
        // A cell that could not be read already has its problem; the parser's word on the value
        // left in its place would only repeat it.
        let repeated = problem
            .row
            .zip(problem.field)
            .is_some_and(|(row, field)| read.rows.iter().any(|r| r.row == row && r.unreadable.contains(&field)));
        if !repeated {
            let column = problem.field.and_then(Column::of_field);
            problems.push(problem_at(&read.sheet, problem.row, column, read.language, problem.message.clone()));
        }
    }
    problems.sort_by_key(|p| (p.row.unwrap_or(0), p.column.as_ref().map(|c| (c.len(), c.clone()))));
    Ok((outcome, problems))
}

/// Reads a filled progress workbook the person picks (`None` when they cancel) and says what
/// importing it would write, or every problem; writes nothing.
pub(crate) fn read(app: &Laptop) -> Result<Option<ProgressWorkbookPreview>, Failure> {
    let locale = app.locale();
    let Some(path) = app.shell().pick_file(FileRequest::ProgressWorkbook, None, locale).map_err(|e| internal(&e))?
    else {
        return Ok(None);
    };
    let bytes = std::fs::read(&path).map_err(|error| {
        let message = match locale {
            Locale::Fr => format!("Le fichier {} n'a pas pu être lu : {error}.", path.display()),
            Locale::En => format!("The file {} could not be read: {error}.", path.display()),
        };
        Failure::new(ErrorCode::Storage, message)
    })?;
    let read = progress_workbook::read_progress_workbook(&bytes, locale);
    let (outcome, problems) = run(app, &read, false)?;
    let file_name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let preview = ProgressWorkbookPreview {
        file_name,
        plan_id: outcome.plan_title.as_ref().and(read.plan).map(PlanId),
        plan_title: outcome.plan_title.unwrap_or_default(),
        institution_name: outcome.institution_name,
        reports: outcome.written,
        unchanged: outcome.unchanged,
        empty: read.empty,
        signed_by: outcome.signed_by,
        on_behalf: outcome.on_behalf,
        problems,
    };
    tracing::info!(
        file = %path.display(),
        reports = preview.reports,
        problems = preview.problems.len(),
        "read a progress workbook"
    );
    let pending = preview.problems.is_empty().then_some(PendingWorkbook { read });
    app.with_pending(|slot: &mut Option<PendingWorkbook>| *slot = pending);
    Ok(Some(preview))
}

/// Imports the workbook read: every filled row a report, in one transaction, or nothing.
pub(crate) fn import(app: &Laptop) -> Result<ProgressWorkbookSummary, Failure> {
    let locale = app.locale();
    let Some(pending) = app.with_pending(|slot: &mut Option<PendingWorkbook>| slot.take()) else {
        return Err(Failure::new(
            ErrorCode::NotFound,
            locale.pick(
                "Aucun classeur de suivi lu n'attend d'être importé : choisissez d'abord le fichier.",
                "No progress workbook read is waiting to be imported: choose the file first.",
            ),
        ));
    };
    let (outcome, problems) = run(app, &pending.read, true)?;
    if !problems.is_empty() {
        let problems = locale.count(problems.len() as u64, ("problème", "problèmes"), ("problem", "problems"));
        return Err(Failure::new(
            ErrorCode::Validation,
            match locale {
                Locale::Fr => format!("Le classeur n'a pas été importé, rien n'a été enregistré : {problems} depuis sa lecture (des données ont changé entre-temps). Lisez-le de nouveau pour les voir."),
                Locale::En => format!("The workbook was not imported and nothing was saved: {problems} since it was read (data changed meanwhile). Read it again to see them."),
            },
        ));
    }
    tracing::info!(written = outcome.written, unchanged = outcome.unchanged, "imported a progress workbook");
    Ok(ProgressWorkbookSummary { written: outcome.written, unchanged: outcome.unchanged, empty: pending.read.empty })
}
