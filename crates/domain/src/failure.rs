//! The one shape in which the interface (and later the server's clients) receive a refusal.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::invalid::Invalid;
use crate::locale::Locale;

/// What kind of failure it is. A closed list: the interface branches on it, never on messages.
/// A code is added only when some consumer needs to branch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// Some values were refused; see `fields`.
    Validation,
    /// The record asked for does not exist (any more).
    NotFound,
    /// The record cannot be deleted while others use it.
    InUse,
    /// The local database could not be read or written.
    Storage,
    /// A bug: the request did not make sense.
    Internal,
}

impl ErrorCode {
    /// Every code, for the interface's check that a rejection is a failure.
    pub const ALL: [ErrorCode; 5] =
        [ErrorCode::Validation, ErrorCode::NotFound, ErrorCode::InUse, ErrorCode::Storage, ErrorCode::Internal];
}

/// One refused field and why, in the interface's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// A refusal as the interface receives it: `{ code, message, fields }`. Internals (SQL, paths)
/// never appear in `message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{code:?}: {message}")]
pub struct Failure {
    pub code: ErrorCode,
    /// A sentence for the person, in French or English.
    pub message: String,
    /// Field by field, for validation failures; empty otherwise.
    pub fields: Vec<FieldError>,
}

impl Failure {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), fields: Vec::new() }
    }

    /// A validation failure listing every refused field.
    pub fn invalid(problems: &[Invalid], locale: Locale) -> Self {
        let fields: Vec<FieldError> = problems
            .iter()
            .map(|p| FieldError { field: p.field.to_string(), message: p.problem.message(locale) })
            .collect();
        let message = match (fields.as_slice(), locale) {
            ([one], _) => one.message.clone(),
            (_, Locale::Fr) => format!("{} champs sont à corriger.", fields.len()),
            (_, Locale::En) => format!("{} fields need correcting.", fields.len()),
        };
        Self { code: ErrorCode::Validation, message, fields }
    }
}

#[cfg(test)]
mod all_codes {
    use super::ErrorCode;

    #[test]
    fn all_lists_every_code_once() {
        // Adding a code makes this match fail to compile until ALL lists it.
        let position = |code: ErrorCode| match code {
            ErrorCode::Validation => 0,
            ErrorCode::NotFound => 1,
            ErrorCode::InUse => 2,
            ErrorCode::Storage => 3,
            ErrorCode::Internal => 4,
        };
        let positions: Vec<usize> = ErrorCode::ALL.iter().map(|c| position(*c)).collect();
        assert_eq!(positions, vec![0, 1, 2, 3, 4]);
    }
}
