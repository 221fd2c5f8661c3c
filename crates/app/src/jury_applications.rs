//! A jury session's applications from the call's file (see
//! `plan_ouvert_opendata::jury_applications`): the person picks the CSV file, it is read whole and
//! shown — how many applications, or every problem with its row and column —, then, once they
//! confirm, imported all or nothing (`Store::import_jury_applications`, which leaves a row whose
//! reference the session has already).
//!
//! What was read waits between the two steps for the session it was read for: a file read for
//! one session is never imported into another.

use plan_ouvert_domain::{
    ErrorCode, Failure, JuryApplicationInput, JuryApplicationsImported, JuryApplicationsPreview, JuryFileProblem,
    JurySessionId, Locale,
};
use plan_ouvert_opendata::jury_applications::{read_jury_applications, ApplicationsProblem};

use crate::laptop::{internal, Laptop};
use crate::open_data::read_failure;
use crate::shell::FileRequest;

/// A file read without problems, waiting for the person's confirmation.
#[derive(Debug)]
pub(crate) struct PendingApplications {
    session: JurySessionId,
    rows: Vec<JuryApplicationInput>,
}

fn problem(problem: &ApplicationsProblem, locale: Locale) -> JuryFileProblem {
    JuryFileProblem {
        row: problem.row.and_then(|row| u32::try_from(row).ok()),
        column: problem.column.clone(),
        message: locale.pick(&problem.message_fr, &problem.message_en).clone(),
    }
}

/// Reads the file of applications the person picks for `session` (`None` when they cancel) and
/// says what it holds, or every problem; writes nothing.
pub(crate) fn read(app: &Laptop, session: JurySessionId) -> Result<Option<JuryApplicationsPreview>, Failure> {
    let locale = app.locale();
    // A session that is not here is said before any dialog.
    app.run(|store| store.jury_session(session))?;
    let Some(path) = app.shell().pick_file(FileRequest::JuryApplications, None, locale).map_err(|e| internal(&e))?
    else {
        return Ok(None);
    };
    let bytes = std::fs::read(&path).map_err(|e| read_failure(&e, &path, locale))?;
    let file_name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let (preview, pending) = match read_jury_applications(&bytes) {
        Ok(file) => {
            let rows: Vec<JuryApplicationInput> = file
                .applications
                .iter()
                .map(|row| {
                    let a = &row.application;
                    JuryApplicationInput {
                        title: a.title.as_str().to_string(),
                        applicant: a.applicant.as_str().to_string(),
                        summary: a.summary.as_str().to_string(),
                        contact_email: a.contact_email.as_str().to_string(),
                        reference: a.reference.as_str().to_string(),
                    }
                })
                .collect();
            let applications = u32::try_from(rows.len()).unwrap_or(u32::MAX);
            (
                JuryApplicationsPreview { file_name, applications, problems: vec![] },
                Some(PendingApplications { session, rows }),
            )
        }
        Err(refusal) => {
            let problems = refusal.problems.iter().map(|p| problem(p, locale)).collect();
            (JuryApplicationsPreview { file_name, applications: 0, problems }, None)
        }
    };
    tracing::info!(
        applications = preview.applications,
        problems = preview.problems.len(),
        "read a file of jury applications"
    );
    app.with_pending(|slot: &mut Option<PendingApplications>| *slot = pending);
    Ok(Some(preview))
}

/// Imports the file read for `session`, all or nothing.
pub(crate) fn import(app: &Laptop, session: JurySessionId) -> Result<JuryApplicationsImported, Failure> {
    let pending = app.with_pending(|slot: &mut Option<PendingApplications>| match slot {
        Some(pending) if pending.session == session => slot.take(),
        _ => None,
    });
    let Some(pending) = pending else {
        return Err(Failure::new(
            ErrorCode::NotFound,
            app.locale().pick(
                "Aucun fichier de candidatures lu n'attend d'être importé dans cette session : choisissez d'abord le fichier.",
                "No file of applications read is waiting to be imported into this session: choose the file first.",
            ),
        ));
    };
    let imported = app.run(|store| store.import_jury_applications(session, &pending.rows))?;
    tracing::info!(added = imported.added, already_there = imported.already_there, "imported jury applications");
    Ok(imported)
}
