//! Exchange files from the app: a workshop (or every change not yet sent) written where the
//! person chooses, to carry to another computer on a USB stick, and such a file imported. What a
//! file holds and how it is taken in are the store's (`Store::write_exchange`,
//! `Store::import_exchange`); here the person is asked for the file through the shell, and the
//! sync status is told at once of the changes now waiting to be relayed to the server.

use plan_ouvert_domain::{ExchangeImported, ExchangeSaved, ExchangeScope, Failure, Locale};
use plan_ouvert_opendata::export;

use crate::app::App;
use crate::laptop::internal;
use crate::open_data::{read_failure, save_where_asked};
use crate::shell::{FileRequest, EXCHANGE_EXTENSION};

/// The name proposed for an exchange file: « Échange », what it carries and a day — a workshop's
/// title and day, or « Modifications non envoyées » and today.
fn file_name(what: &str, day: chrono::NaiveDate, locale: Locale) -> String {
    let word = locale.pick("Échange", "Exchange");
    format!("{}.{EXCHANGE_EXTENSION}", export::file_stem(&format!("{word} — {what}"), day))
}

/// Writes an exchange file of `scope` where the person chooses (with who the participants are
/// when `personal_data`): `None` when they cancel. The file is made before the dialog opens, so
/// a workshop that cannot be written is said at once.
pub(crate) fn write(app: &App, scope: ExchangeScope, personal_data: bool) -> Result<Option<ExchangeSaved>, Failure> {
    let locale = app.locale();
    let (bytes, written, name) = app.run(|store| {
        let (bytes, written) = store.write_exchange(scope, personal_data)?;
        let name = match scope {
            ExchangeScope::Workshop { workshop_id } => {
                let workshop = store.workshop(workshop_id)?.workshop;
                file_name(&workshop.title, workshop.held_on, locale)
            }
            ExchangeScope::Jury { session_id } => {
                let session = store.jury_session(session_id)?.session;
                let title = format!("{} {}", locale.pick("Jury", "Jury"), session.title);
                file_name(&title, session.held_on, locale)
            }
            ExchangeScope::Unsent => file_name(
                locale.pick("Modifications non envoyées", "Changes not sent"),
                chrono::Local::now().date_naive(),
                locale,
            ),
        };
        Ok((bytes, written, name))
    })?;
    let rendered = export::Rendered::Binary(bytes);
    let Some(path) = save_where_asked(app, FileRequest::SaveExchange, &name, rendered)? else {
        return Ok(None);
    };
    tracing::info!(
        file = %path.display(),
        records = written.records,
        changes = written.changes,
        personal_data = written.personal_data,
        "wrote an exchange file"
    );
    Ok(Some(ExchangeSaved { path: path.display().to_string(), written }))
}

/// Imports an exchange file the person picks: `None` when they cancel. The changes it brings
/// wait to be relayed on the next sync, which is woken; the status says how many at once.
pub(crate) fn import(app: &App) -> Result<Option<ExchangeImported>, Failure> {
    let locale = app.locale();
    let Some(path) = app.shell().pick_file(FileRequest::OpenExchange, None, locale).map_err(|e| internal(&e))? else {
        return Ok(None);
    };
    let bytes = std::fs::read(&path).map_err(|e| read_failure(&e, &path, locale))?;
    let imported = app.run(|store| store.import_exchange(&bytes, locale))?;
    tracing::info!(
        file = %path.display(),
        already = imported.already,
        records = imported.records_added,
        changes = imported.changes_applied,
        relay = imported.changes_to_relay,
        "imported an exchange file"
    );
    app.sync().publish(app);
    Ok(Some(imported))
}
