//! Workshop participants' identities are kept until their workshop's keeping day, then erased
//! (`Store::erase_expired_identities_on`): on start and after each sync, so that a laptop left
//! closed for months erases them as soon as it opens, and an identity received late is not kept
//! past its day.

use chrono::NaiveDate;

use crate::laptop::Laptop;

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
