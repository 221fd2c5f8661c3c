//! Settings of this laptop, kept in the `setting` table by key: reading and writing a key
//! ([`get_setting`], [`put_setting`]), the name of every key, and the typed settings of the app:
//! the interface language and the sync connection. Sync's own bookkeeping (cursor, client id,
//! last sequence number) is stored here too, under keys `sync.rs` reads and writes.

use chrono::{DateTime, SecondsFormat, Utc};
use plan_ouvert_domain::{Locale, TokenStorage};
use plan_ouvert_sync::protocol::Person;
use rusqlite::{params, Connection, OptionalExtension};

use crate::{Error, Result, Store};

impl Store {
    /// The interface language; French until someone chooses otherwise.
    pub fn locale(&self) -> Result<Locale> {
        let code: Option<String> =
            self.conn.query_row("SELECT value FROM setting WHERE key = 'locale'", [], |r| r.get(0)).optional()?;
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

/// The connection to the central plan API this laptop keeps between runs. The token itself is
/// not here: it is in the keyring or a private file, as `token_storage` says.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedConnection {
    /// The server's address, normalised.
    pub server_url: String,
    /// Who the token belongs to, as the server said.
    pub person: Person,
    pub token_storage: TokenStorage,
}

// The settings' keys, each named here only.
const SERVER_URL: &str = "sync.serverUrl";
const ACCOUNT: &str = "sync.account";
const TOKEN_STORAGE: &str = "sync.tokenStorage";
const LAST_SUCCESS: &str = "sync.lastSuccess";
// Sync's bookkeeping: where the last pull stopped, this laptop's sync identity, the number of
// the last change queued.
pub(crate) const CURSOR: &str = "sync.cursor";
/// The person whose copy of the server's data this laptop holds.
pub(crate) const REPLICA_OF: &str = "sync.replicaOf";
pub(crate) const CLIENT_ID: &str = "sync.clientId";
pub(crate) const LAST_SEQ: &str = "sync.lastSeq";
/// Set once the server has bound this laptop's identity to its person (a first push, empty if
/// need be): another laptop may then relay this one's changes carried in an exchange file.
pub(crate) const CLAIMED: &str = "sync.claimed";
/// Where this laptop stands with the server's history (`plan_ouvert_sync::replica::Joined`).
pub(crate) const JOINED: &str = "sync.joined";

/// Whether the "À faire" list's news become desktop notifications: `on` (or absent) or `off`.
pub(crate) const NOTIFICATIONS: &str = "notifications.enabled";

/// The country of this laptop's own plans: its plans of the OGP database are shared, other
/// countries' are kept as a reference library. France unless set otherwise.
const OWN_COUNTRY: &str = "plan.ownCountry";

pub(crate) fn own_country(conn: &Connection) -> Result<String> {
    Ok(get_setting(conn, OWN_COUNTRY)?.unwrap_or_else(|| plan_ouvert_domain::DEFAULT_COUNTRY.to_string()))
}

impl Store {
    /// See [`own_country`].
    pub fn own_country(&self) -> Result<String> {
        own_country(&self.conn)
    }
}

/// The person signed in on this laptop, if any.
pub(crate) fn signed_in(conn: &Connection) -> Result<Option<Person>> {
    Ok(get_setting(conn, ACCOUNT)?.and_then(|account| serde_json::from_str(&account).ok()))
}

/// The value kept under `key`, if any.
pub(crate) fn get_setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

/// Keeps `value` under `key`, or forgets the key (`None`).
pub(crate) fn put_setting(conn: &Connection, key: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(value) => conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?,
        None => conn.execute("DELETE FROM setting WHERE key = ?1", [key])?,
    };
    Ok(())
}

fn storage_code(storage: TokenStorage) -> &'static str {
    match storage {
        TokenStorage::Keyring => "keyring",
        TokenStorage::File => "file",
    }
}

fn storage_from(code: &str) -> Option<TokenStorage> {
    match code {
        "keyring" => Some(TokenStorage::Keyring),
        "file" => Some(TokenStorage::File),
        _ => None,
    }
}

impl Store {
    /// The server last connected to, even after the person signed out.
    pub fn sync_server_url(&self) -> Result<Option<String>> {
        get_setting(&self.conn, SERVER_URL)
    }

    /// The whole saved connection, or `None` when the person never connected or signed out (or a
    /// part of it cannot be read: the person then connects again).
    pub fn saved_connection(&self) -> Result<Option<SavedConnection>> {
        let (Some(server_url), Some(account), Some(storage)) = (
            get_setting(&self.conn, SERVER_URL)?,
            get_setting(&self.conn, ACCOUNT)?,
            get_setting(&self.conn, TOKEN_STORAGE)?,
        ) else {
            return Ok(None);
        };
        let (Ok(person), Some(token_storage)) = (serde_json::from_str::<Person>(&account), storage_from(&storage))
        else {
            return Ok(None);
        };
        Ok(Some(SavedConnection { server_url, person, token_storage }))
    }

    /// Keeps a checked connection, in one transaction. Another server than the last one starts
    /// from the beginning: what this laptop knew of the previous one does not apply.
    pub fn save_connection(&mut self, connection: &SavedConnection) -> Result<()> {
        let tx = self.conn.savepoint()?;
        if get_setting(&tx, SERVER_URL)?.as_deref() != Some(connection.server_url.as_str()) {
            put_setting(&tx, CURSOR, None)?;
        }
        let account = serde_json::to_string(&connection.person).map_err(|e| Error::Corrupt(e.to_string()))?;
        put_setting(&tx, SERVER_URL, Some(&connection.server_url))?;
        put_setting(&tx, ACCOUNT, Some(&account))?;
        put_setting(&tx, TOKEN_STORAGE, Some(storage_code(connection.token_storage)))?;
        tx.commit()?;
        Ok(())
    }

    /// Forgets who is signed in; the server's address, local data and unsent changes stay.
    pub fn forget_account(&mut self) -> Result<()> {
        let tx = self.conn.savepoint()?;
        put_setting(&tx, ACCOUNT, None)?;
        put_setting(&tx, TOKEN_STORAGE, None)?;
        tx.commit()?;
        Ok(())
    }

    /// When the last exchange with the server succeeded.
    pub fn last_sync_success(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(get_setting(&self.conn, LAST_SUCCESS)?
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc)))
    }

    pub fn record_sync_success(&mut self, at: DateTime<Utc>) -> Result<()> {
        put_setting(&self.conn, LAST_SUCCESS, Some(&at.to_rfc3339_opts(SecondsFormat::Millis, true)))
    }
}
