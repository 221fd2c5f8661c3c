//! The "À faire" list's news as one desktop notification, on start and after each sync: the
//! store decides what is new since the person was last told (`Store::take_due_news_on`, which
//! also keeps quiet while notifications are turned off), the domain words it in the person's
//! language (`due_notice`: « 3 jalons en retard, 2 à échéance dans les 30 jours »), the shell
//! shows it. An item counts as told once handed to the shell: a notification the system could
//! not show is not tried again (the "À faire" list shows everything anyway).

use chrono::NaiveDate;
use plan_ouvert_domain::due_notice;

use crate::laptop::Laptop;

impl Laptop {
    /// Notifies what became late or due soon since the last notification, on the laptop's date.
    pub fn notify_due_news(&self) {
        self.notify_due_news_on(chrono::Local::now().date_naive());
    }

    /// [`Laptop::notify_due_news`] on `today` (tests).
    pub fn notify_due_news_on(&self, today: NaiveDate) {
        let (news, locale) = {
            let mut store = self.lock();
            match store.take_due_news_on(today) {
                Ok(news) => (news, store.locale().unwrap_or_default()),
                Err(error) => {
                    tracing::error!(%error, "the milestones to notify could not be read");
                    return;
                }
            }
        };
        let Some(notice) = due_notice(&news, locale) else { return };
        if let Err(error) = self.shell().notify(&notice.title, &notice.body) {
            tracing::warn!(%error, "a desktop notification could not be shown");
        }
    }
}
