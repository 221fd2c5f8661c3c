//! The contacts to remind of a reporting round, as a CSV file a coordinator opens in a
//! spreadsheet or pastes into a mail: one row per commitment contact of an institution that has
//! items not reported, with what is late and what is to do.

use plan_ouvert_domain::{ErrorCode, Failure, Locale, RoundId};
use plan_ouvert_opendata::export::csv_text;

use crate::laptop::{internal, Laptop};
use crate::shell::FileRequest;

fn header(locale: Locale) -> [&'static str; 6] {
    match locale {
        Locale::Fr => ["Institution", "Engagement", "Contact", "Adresse électronique", "En retard", "À faire"],
        Locale::En => ["Institution", "Commitment", "Contact", "E-mail address", "Late", "To do"],
    }
}

/// Asks where to save the list and writes it; `None` when the person cancels.
pub(crate) fn export(app: &Laptop, round: RoundId) -> Result<Option<String>, Failure> {
    let locale = app.locale();
    let progress = app.run(|store| store.round_progress(round))?;
    let rows: Vec<Vec<String>> = progress
        .institutions
        .iter()
        .flat_map(|part| {
            part.contacts.iter().map(move |contact| {
                vec![
                    part.institution.name.clone(),
                    contact.commitment_number.clone(),
                    contact.name.clone(),
                    contact.email.clone(),
                    part.late.to_string(),
                    part.to_do.to_string(),
                ]
            })
        })
        .collect();
    let day = chrono::Local::now().date_naive().format("%Y-%m-%d");
    let name = match locale {
        Locale::Fr => format!("Relances — {} — {day}.csv", progress.round.title),
        Locale::En => format!("Reminders — {} — {day}.csv", progress.round.title),
    };
    let name: String = name.chars().map(|c| if matches!(c, '/' | '\\' | ':') { '-' } else { c }).collect();
    let Some(path) = app.shell().pick_file(FileRequest::SaveCsv, Some(&name), locale).map_err(|e| internal(&e))? else {
        return Ok(None);
    };
    std::fs::write(&path, csv_text(&header(locale), &rows)).map_err(|e| {
        Failure::new(
            ErrorCode::Storage,
            match locale {
                Locale::Fr => format!("Le fichier {} n'a pas pu être écrit : {e}.", path.display()),
                Locale::En => format!("The file {} could not be written: {e}.", path.display()),
            },
        )
    })?;
    Ok(Some(path.display().to_string()))
}
