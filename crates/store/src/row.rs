//! Reading domain values out of SQLite rows (identifiers and dates are stored as text).

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};
use rusqlite::Row;
use uuid::Uuid;

fn conversion(column: &str, err: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, format!("{column}: {err}").into())
}

/// A UUID stored as text.
pub(crate) struct TextUuid(pub Uuid);

impl FromSql for TextUuid {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        Uuid::parse_str(text).map(TextUuid).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

pub(crate) fn uuid(row: &Row<'_>, column: &str) -> rusqlite::Result<Uuid> {
    Ok(row.get::<_, TextUuid>(column)?.0)
}

pub(crate) fn optional_uuid(row: &Row<'_>, column: &str) -> rusqlite::Result<Option<Uuid>> {
    Ok(row.get::<_, Option<TextUuid>>(column)?.map(|u| u.0))
}

pub(crate) fn date(row: &Row<'_>, column: &str) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(column)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| conversion(column, e))
}

pub(crate) fn optional_date(row: &Row<'_>, column: &str) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get::<_, Option<String>>(column)? {
        None => Ok(None),
        Some(text) => NaiveDate::parse_from_str(&text, "%Y-%m-%d").map(Some).map_err(|e| conversion(column, e)),
    }
}

pub(crate) fn instant(row: &Row<'_>, column: &str) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = row.get(column)?;
    DateTime::parse_from_rfc3339(&text).map(|t| t.with_timezone(&Utc)).map_err(|e| conversion(column, e))
}

/// How dates are written.
pub(crate) fn date_text(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}

/// How instants are written.
pub(crate) fn instant_text(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
