//! Texts typed by people, parsed once into types that guarantee their bounds.
//!
//! Limits are generous (a ministry's problem statement can be long) but finite, so that a pasted
//! file or a runaway script cannot fill the database or freeze the interface.

use crate::invalid::Problem;

fn has_control_characters(text: &str, allow_newlines: bool) -> bool {
    text.chars().any(|c| c.is_control() && !(allow_newlines && (c == '\n' || c == '\t')))
}

fn check_length(text: &str, max: usize) -> Result<(), Problem> {
    let len = text.chars().count();
    if len > max {
        Err(Problem::TooLong { max, len })
    } else {
        Ok(())
    }
}

/// Collapses runs of whitespace (line breaks included) into single spaces and trims the ends.
fn single_line(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A one-line text of at most `max` characters, without control characters; may be empty.
fn parse_line(raw: &str, max: usize) -> Result<String, Problem> {
    let text = single_line(raw);
    check_length(&text, max)?;
    if has_control_characters(&text, false) {
        return Err(Problem::ControlCharacters);
    }
    Ok(text)
}

/// A text folded for comparing as people read it: lower case, French (and common Latin) accents
/// removed (`é` → `e`, `œ` → `oe`), runs of white space as one space, ends trimmed. « Résumé »,
/// « RESUME » and « résumé » fold alike.
pub fn folded(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in single_line(raw).chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            // A combining accent (a decomposed `é`) goes with its letter.
            '\u{300}'..='\u{36f}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The read accessors every text type has.
macro_rules! text_accessors {
    ($($name:ident),*) => {$(
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }
    )*};
}

text_accessors!(Title, ShortText, LongText, Verbatim, Email, Phone);

/// A required one-line title: not empty, at most [`Title::MAX`] characters, no control characters.
/// Line breaks pasted into a title become spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title(String);

impl Title {
    /// Longest title accepted, in characters (titles of the OGP database reach 600).
    pub const MAX: usize = 1_000;

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        if raw.trim().is_empty() {
            return Err(Problem::Required);
        }
        parse_line(raw, Self::MAX).map(Self)
    }
}

/// An optional one-line text (acronym, contact name, country…): at most `max` characters, may be
/// empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortText(String);

impl ShortText {
    /// Default bound for short texts, in characters.
    pub const MAX: usize = 200;

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        Self::parse_max(raw, Self::MAX)
    }

    pub fn parse_max(raw: &str, max: usize) -> Result<Self, Problem> {
        parse_line(raw, max).map(Self)
    }

    /// Like [`ShortText::parse`], but empty is refused.
    pub fn parse_required(raw: &str) -> Result<Self, Problem> {
        let text = Self::parse(raw)?;
        if text.0.is_empty() {
            Err(Problem::Required)
        } else {
            Ok(text)
        }
    }
}

/// A long text kept as typed (paragraphs matter: sync merges them one by one), with Windows line
/// endings normalised and trailing blank space removed. May be empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongText(String);

impl LongText {
    /// Longest text accepted, in characters (about twenty-five pages).
    pub const MAX: usize = 50_000;

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let text = raw.replace("\r\n", "\n").replace('\r', "\n");
        let text = text.trim_end().trim_start_matches('\n').to_string();
        check_length(&text, Self::MAX)?;
        if has_control_characters(&text, true) {
            return Err(Problem::ControlCharacters);
        }
        Ok(Self(text))
    }
}

/// A text kept exactly as its source wrote it (an imported commitment's full text, a date cell
/// as typed): never normalised, at most [`Verbatim::MAX`] characters, without control
/// characters other than line breaks and tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verbatim(String);

impl Verbatim {
    /// Longest text accepted, in characters (the OGP database's longest full text is under 30,000).
    pub const MAX: usize = 100_000;

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        check_length(raw, Self::MAX)?;
        if raw.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
            return Err(Problem::ControlCharacters);
        }
        Ok(Self(raw.to_string()))
    }
}

/// An e-mail address, or nothing. Checked for shape only (`local@domain.tld`), which is what can
/// be checked offline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let text = raw.trim();
        if text.is_empty() {
            return Ok(Self(String::new()));
        }
        check_length(text, Self::MAX)?;
        let valid = match text.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && !text.chars().any(|c| c.is_whitespace() || c.is_control())
                    && !local.starts_with('.')
                    && !local.ends_with('.')
                    && domain.contains('.')
                    && domain.split('.').all(|label| {
                        !label.is_empty()
                            && !label.starts_with('-')
                            && !label.ends_with('-')
                            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
                    })
            }
            None => false,
        };
        if valid {
            Ok(Self(text.to_string()))
        } else {
            Err(Problem::Email)
        }
    }
}

/// A phone number as people write it (`+33 1 42 75 80 00`, `01.42.75.80.00`), or nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    pub const MAX: usize = 30;

    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let text = single_line(raw);
        if text.is_empty() {
            return Ok(Self(text));
        }
        check_length(&text, Self::MAX)?;
        let allowed = text.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')' | '+'));
        let digits = text.chars().filter(char::is_ascii_digit).count();
        let plus_ok = text.rfind('+').is_none_or(|i| i == 0);
        if allowed && plus_ok && (4..=15).contains(&digits) {
            Ok(Self(text))
        } else {
            Err(Problem::Phone)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_trimmed_and_pasted_line_breaks_become_spaces() {
        let title = Title::parse("  Ouvrir les données\n de la commande publique ").unwrap();
        assert_eq!(title.as_str(), "Ouvrir les données de la commande publique");
    }

    #[test]
    fn an_empty_or_blank_title_is_refused() {
        assert_eq!(Title::parse(""), Err(Problem::Required));
        assert_eq!(Title::parse(" \n\t "), Err(Problem::Required));
    }

    #[test]
    fn a_title_longer_than_the_bound_is_refused_with_its_length() {
        let long = "é".repeat(Title::MAX + 1);
        assert_eq!(Title::parse(&long), Err(Problem::TooLong { max: Title::MAX, len: Title::MAX + 1 }));
        assert!(Title::parse(&"é".repeat(Title::MAX)).is_ok());
    }

    #[test]
    fn html_in_a_title_is_kept_as_plain_text() {
        let raw = "<img src=x onerror=alert(1)>";
        assert_eq!(Title::parse(raw).unwrap().as_str(), raw);
    }

    #[test]
    fn control_characters_are_refused() {
        assert_eq!(Title::parse("a\u{0}b"), Err(Problem::ControlCharacters));
        assert_eq!(LongText::parse("a\u{7}b"), Err(Problem::ControlCharacters));
    }

    #[test]
    fn a_long_text_keeps_its_paragraphs_and_normalises_line_endings() {
        let text = LongText::parse("Premier paragraphe.\r\n\r\nSecond paragraphe.  \n\n").unwrap();
        assert_eq!(text.as_str(), "Premier paragraphe.\n\nSecond paragraphe.");
        assert!(LongText::parse("").unwrap().as_str().is_empty());
    }

    #[test]
    fn a_long_text_has_a_bound() {
        assert!(LongText::parse(&"a".repeat(LongText::MAX)).is_ok());
        assert!(matches!(LongText::parse(&"a".repeat(LongText::MAX + 1)), Err(Problem::TooLong { .. })));
    }

    #[test]
    fn e_mail_addresses_are_checked_for_shape() {
        for ok in ["marie.curie@modernisation.gouv.fr", "contact@hatvp.fr", "a+b@x.co", ""] {
            assert!(Email::parse(ok).is_ok(), "{ok} should be accepted");
        }
        for bad in ["marie", "marie@", "@gouv.fr", "marie@gouv", "marie curie@gouv.fr", "a@@b.fr", "a@b..fr", "a@-b.fr"]
        {
            assert_eq!(Email::parse(bad), Err(Problem::Email), "{bad} should be refused");
        }
    }

    #[test]
    fn folding_ignores_case_accents_and_spacing() {
        assert_eq!(folded("  Résumé "), "resume");
        assert_eq!(folded("RÉFÉRENCE"), "reference");
        assert_eq!(folded("Re\u{301}sume\u{301}"), "resume");
        assert_eq!(folded("Œuvre  commune"), "oeuvre commune");
        assert_ne!(folded("Titre"), folded("Titres"));
    }

    #[test]
    fn phone_numbers_are_checked_for_shape() {
        for ok in ["+33 1 42 75 80 00", "01.42.75.80.00", "(01) 42-75-80-00", ""] {
            assert!(Phone::parse(ok).is_ok(), "{ok} should be accepted");
        }
        for bad in ["appelez-moi", "12", "01 42 + 75", "0".repeat(16).as_str()] {
            assert_eq!(Phone::parse(bad), Err(Problem::Phone), "{bad} should be refused");
        }
    }
}
