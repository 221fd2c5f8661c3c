//! The interface language. French is the source language; English is the translation.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Language in which messages are written for the person using the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// Français (default).
    #[default]
    Fr,
    /// English.
    En,
}

impl Locale {
    /// Reads a stored or requested language code; anything unknown falls back to French.
    pub fn from_code(code: &str) -> Self {
        match code {
            "en" => Locale::En,
            _ => Locale::Fr,
        }
    }

    /// The code stored in settings (`fr`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Locale::Fr => "fr",
            Locale::En => "en",
        }
    }

    /// Picks the French or the English text.
    pub fn pick<T>(self, fr: T, en: T) -> T {
        match self {
            Locale::Fr => fr,
            Locale::En => en,
        }
    }

    /// Formats a calendar date the way readers of this language expect (17/12/2021, 2021-12-17).
    pub fn date(self, date: chrono::NaiveDate) -> String {
        match self {
            Locale::Fr => date.format("%d/%m/%Y").to_string(),
            Locale::En => date.format("%Y-%m-%d").to_string(),
        }
    }
}
