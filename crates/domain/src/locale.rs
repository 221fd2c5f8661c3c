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

    /// A count and its noun, by the language's rule: in French 0 and 1 take the singular ("0
    /// jalon", "1 engagement", "2 engagements"), in English only 1 does.
    pub fn count(self, n: u64, (fr_one, fr_many): (&str, &str), (en_one, en_many): (&str, &str)) -> String {
        let noun = match self {
            Locale::Fr if n <= 1 => fr_one,
            Locale::Fr => fr_many,
            Locale::En if n == 1 => en_one,
            Locale::En => en_many,
        };
        format!("{n} {noun}")
    }

    /// A file's size as the interface shows it next to an evidence file
    /// (`ui/src/ui/i18n/fr.ts`, `progress.size`): whole kilobytes under a megabyte (at least 1),
    /// else megabytes with one decimal — `471 Ko`, `2,5 Mo` in French; `471 KB`, `2.5 MB` in English.
    pub fn file_size(self, bytes: u64) -> String {
        const MB: u64 = 1024 * 1024;
        if bytes < MB {
            let kb = ((bytes as f64) / 1024.0).round().max(1.0);
            return format!("{kb} {}", self.pick("Ko", "KB"));
        }
        let tenths = ((bytes as f64) / MB as f64 * 10.0).round() as u64;
        let number = match (tenths % 10, self) {
            (0, _) => format!("{}", tenths / 10),
            (d, Locale::Fr) => format!("{},{d}", tenths / 10),
            (d, Locale::En) => format!("{}.{d}", tenths / 10),
        };
        format!("{number} {}", self.pick("Mo", "MB"))
    }

    /// Formats a calendar date the way the interface shows it in this language: `17/12/2021` in
    /// French, `17 Dec 2021` in English (day first, the month in letters, so that no reader takes
    /// the day for the month). `ui/src/ui/i18n/format.ts` writes dates the same way, so a date
    /// reads the same on the screen and in a message.
    pub fn date(self, date: chrono::NaiveDate) -> String {
        match self {
            Locale::Fr => date.format("%d/%m/%Y").to_string(),
            Locale::En => date.format("%-d %b %Y").to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_languages_rule() {
        let commitments = (("engagement", "engagements"), ("commitment", "commitments"));
        let said = |locale: Locale, n| locale.count(n, commitments.0, commitments.1);
        assert_eq!(
            [said(Locale::Fr, 0), said(Locale::Fr, 1), said(Locale::Fr, 2)],
            ["0 engagement", "1 engagement", "2 engagements"]
        );
        assert_eq!(
            [said(Locale::En, 0), said(Locale::En, 1), said(Locale::En, 2)],
            ["0 commitments", "1 commitment", "2 commitments"]
        );
    }

    #[test]
    fn file_sizes_read_as_on_the_screen() {
        assert_eq!(Locale::Fr.file_size(1), "1 Ko");
        assert_eq!(Locale::Fr.file_size(482_113), "471 Ko");
        assert_eq!(Locale::En.file_size(482_113), "471 KB");
        assert_eq!(Locale::Fr.file_size(25 * 1024 * 1024), "25 Mo");
        assert_eq!(Locale::Fr.file_size(2_621_440), "2,5 Mo");
        assert_eq!(Locale::En.file_size(2_621_440), "2.5 MB");
    }

    #[test]
    fn dates_read_day_first_in_both_languages() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        assert_eq!(Locale::Fr.date(day), "31/12/2026");
        assert_eq!(Locale::En.date(day), "31 Dec 2026");
        assert_eq!(Locale::En.date(chrono::NaiveDate::from_ymd_opt(2022, 1, 5).unwrap()), "5 Jan 2022");
    }
}
