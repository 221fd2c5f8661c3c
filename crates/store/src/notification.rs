//! Desktop notifications of the "À faire" list, decided here: which items are news. An item
//! (a milestone late, or due within 30 days, for the person signed in: [`crate::dashboard`]) is
//! notified once; its stable key ([`DueMilestone::key`]) is kept in `due_notified` when it is,
//! and forgotten once the item leaves the list (reported complete or withdrawn, a due date moved,
//! the milestone deleted, no longer the person's), so an item is told again only when it becomes
//! news again — a milestone due soon that becomes late is, since its key says its kind.
//!
//! Notifications can be turned off (`notifications.enabled`, on by default). While they are,
//! items are still counted as told, so that turning them on again tells what is new from then
//! on, not a backlog the person chose not to hear about (the "À faire" list has it all).

use std::collections::HashSet;

use chrono::NaiveDate;
use plan_ouvert_domain::DueMilestone;
use rusqlite::params;

use crate::row::instant_text;
use crate::setting::{get_setting, put_setting, NOTIFICATIONS};
use crate::{now, Result, Store};

impl Store {
    /// Whether the "À faire" list's news are shown as desktop notifications (on unless turned
    /// off).
    pub fn notifications_enabled(&self) -> Result<bool> {
        Ok(get_setting(&self.conn, NOTIFICATIONS)?.as_deref() != Some("off"))
    }

    pub fn set_notifications_enabled(&mut self, enabled: bool) -> Result<()> {
        put_setting(&self.conn, NOTIFICATIONS, Some(if enabled { "on" } else { "off" }))
    }

    /// [`Store::take_due_news_on`] on the laptop's date.
    pub fn take_due_news(&mut self) -> Result<Vec<DueMilestone>> {
        self.take_due_news_on(chrono::Local::now().date_naive())
    }

    /// The items of the "À faire" list on `today` that were never notified, in the list's order;
    /// from now on they count as notified, and the keys of items no longer on the list are
    /// forgotten — in one transaction. Empty while notifications are turned off (the items
    /// still count as told).
    pub fn take_due_news_on(&mut self, today: NaiveDate) -> Result<Vec<DueMilestone>> {
        let tx = self.conn.savepoint()?;
        let list = crate::dashboard::todo(&tx, today)?;
        let told: HashSet<String> = {
            let mut statement = tx.prepare("SELECT key FROM due_notified")?;
            let keys = statement.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
            keys
        };
        let listed: HashSet<&str> = list.items.iter().map(|item| item.key.as_str()).collect();
        for gone in told.iter().filter(|key| !listed.contains(key.as_str())) {
            tx.execute("DELETE FROM due_notified WHERE key = ?1", [gone])?;
        }
        let at = instant_text(now());
        let mut news = Vec::new();
        for item in list.items {
            if !told.contains(&item.key) {
                tx.execute("INSERT INTO due_notified (key, notified_at) VALUES (?1, ?2)", params![item.key, at])?;
                news.push(item);
            }
        }
        let enabled = get_setting(&tx, NOTIFICATIONS)?.as_deref() != Some("off");
        tx.commit()?;
        Ok(if enabled { news } else { Vec::new() })
    }
}
