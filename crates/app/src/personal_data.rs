//! Workshop participants' identities are kept until their workshop's keeping day, then erased
//! (`Store::erase_expired_identities_on`): on start and after each sync, so that a laptop left
//! closed for months erases them as soon as it opens, and an identity received late is not kept
//! past its day. A participant may also ask for what the laptop holds about them
//! (`Store::participant_data`, given back as a JSON file saved where the person chooses) and
//! have it erased (`Store::erase_participant`, a command of its own).

use chrono::NaiveDate;
use plan_ouvert_domain::{Failure, ParticipantId};
use plan_ouvert_opendata::export;

use crate::laptop::{internal, Laptop};
use crate::open_data::save_where_asked;
use crate::shell::FileRequest;

/// Writes what this laptop holds about a participant (who they are, their workshop, their
/// contributions) as JSON where the person chooses, proposing « Données de <name> — <the
/// workshop's title>.json »; `None` when they cancel. Resolves to where it wrote.
pub(crate) fn export_participant_data(app: &Laptop, participant: ParticipantId) -> Result<Option<String>, Failure> {
    let locale = app.locale();
    let data = app.run(|store| store.participant_data(participant))?;
    let json = serde_json::to_string_pretty(&data).map_err(|e| internal(&e))?;
    let name = format!(
        "{} — {}.json",
        export::name_part(&format!("{} {}", locale.pick("Données de", "Data of"), data.identity.name), "participant"),
        export::name_part(&data.workshop_title, "atelier"),
    );
    let Some(path) = save_where_asked(app, FileRequest::SaveParticipantData, &name, export::Rendered::Document(json))?
    else {
        return Ok(None);
    };
    // Not where: the file's name says who the participant is, and the log never does.
    tracing::info!("gave a participant's data back");
    Ok(Some(path.display().to_string()))
}

impl Laptop {
    /// Erases the identities kept past their workshop's keeping day, on the laptop's date.
    pub fn erase_expired_identities(&self) {
        self.erase_expired_identities_on(chrono::Local::now().date_naive());
    }

    /// [`Laptop::erase_expired_identities`] on `today` (tests).
    pub fn erase_expired_identities_on(&self, today: NaiveDate) {
        match self.lock().erase_expired_identities_on(today) {
            Ok(0) => {}
            Ok(erased) => {
                tracing::info!(erased, "participants' identities erased: their workshops keep them no longer")
            }
            Err(error) => tracing::error!(%error, "the identities kept too long could not be erased"),
        }
    }
}
