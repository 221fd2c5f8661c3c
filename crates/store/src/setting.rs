//! Settings of this laptop's app (the interface language for now).

use plan_ouvert_domain::Locale;
use rusqlite::{params, OptionalExtension};

use crate::{Result, Store};

impl Store {
    /// The interface language; French until someone chooses otherwise.
    pub fn locale(&self) -> Result<Locale> {
        let code: Option<String> = self
            .conn
            .query_row("SELECT value FROM setting WHERE key = 'locale'", [], |r| r.get(0))
            .optional()?;
        Ok(code.map(|c| Locale::from_code(&c)).unwrap_or_default())
    }

    pub fn set_locale(&mut self, locale: Locale) -> Result<()> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES ('locale', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![locale.code()],
        )?;
        Ok(())
    }
}
