//! The local store of Plan ouvert: one SQLite file per laptop.
//!
//! Guarantees:
//! - every change is one transaction: a record is either fully written or not at all, and a
//!   process killed at any moment leaves a consistent database (WAL journal, `synchronous=FULL`);
//! - nothing invalid is stored: values are parsed by the domain before they reach SQL, and the
//!   schema (STRICT tables, CHECK constraints, foreign keys) refuses what slips through;
//! - the schema is the numbered SQL files under `migrations/`, applied in order on open.
//!
//! Where things are, lowest first: each file imports only files of the groups before its own.
//! - `error.rs`, `migrations.rs`, `row.rs`: errors, the schema, values read out of rows;
//! - `read.rs`: reading every kind of record (plan, area, institution, commitment, milestone);
//! - `setting.rs`: the `setting` table, the name of every key, the language and sync connection;
//! - `sync.rs`: the outbox every writer queues its changes in, and the replica the server's
//!   changes are taken in by;
//! - `rank.rs`: ranks 0, 1, 2… of areas, commitments and milestones within their parent;
//! - `plan.rs`, `area.rs`, `institution.rs`, `commitment.rs`, `milestone.rs`: what the app can do
//!   with each kind of record (list, create, edit, move, delete); `report.rs`: progress reports,
//!   written once each, and the timelines and roll-up read from them; `report_batch.rs`: many
//!   reports checked and written together (a filled progress workbook), or none;
//! - `overview.rs`, `dashboard.rs`, `demo.rs`, `import.rs`, `sync_resolution.rs`, `sync_views.rs`:
//!   the plan overview, the plan's dashboard and the "À faire" list, the demonstration plan,
//!   imports and exports, resolving a sync conflict, and conflicts and refusals as the sync
//!   screen shows them; `notification.rs`: which items of the "À faire" list are news for a
//!   desktop notification (each told once).

// Foundations.
mod error;
pub mod migrations;
mod row;

// Reading records.
mod read;

// Settings, by key.
mod setting;
// What the person signed in may change, by the server's rule.
mod access;

// The outbox and the replica.
pub mod sync;
// The full-text index kept once for many rows written together.
mod search_batch;
// The log copied into the database beside a long pull.
mod checkpoint;
mod columns;
mod shadow;

// Ranks within a parent, queued through sync.
mod rank;

// What can be done with each kind of record.
mod area;
mod commitment;
mod institution;
mod milestone;
mod plan;
mod report;
mod round;
// Evidence files of the reports.
pub mod evidence;
pub mod report_batch;

// Built on the kinds of records.
mod dashboard;
mod deletion;
mod demo;
mod erasure;
mod exchange;
pub mod import;
mod jury;
mod notification;
mod overview;
mod sync_account;
mod sync_resolution;
mod sync_views;
mod workshop;

pub use exchange::ExchangeRefusal;
pub use report::CannotReport;
pub use setting::SavedConnection;
pub use sync_views::refusal_message;

use std::path::Path;

use rusqlite::Connection;

pub use error::{Entity, Error, Result};

/// A connection to the local database, migrated to the latest schema.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    /// Started by the first long pull (see `checkpoint.rs`).
    checkpointer: Option<checkpoint::Checkpointer>,
}

/// SQLite's default: the log is copied into the database once it holds this many pages.
const WAL_AUTOCHECKPOINT: i64 = 1000;

/// Name of the database file inside the data folder.
pub const DATABASE_FILE: &str = "plan-ouvert.sqlite3";

impl Store {
    /// Opens (or creates) the database file in `data_dir`, creating the folder if needed.
    pub fn open_in(data_dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(data_dir)?;
        Self::open(&data_dir.join(DATABASE_FILE))
    }

    /// Opens (or creates) the database at `path` and brings it to the latest schema.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open(path)?;
        Self::prepare(conn)
    }

    /// A private database in memory, for tests.
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?)
    }

    fn prepare(mut conn: Connection) -> Result<Self> {
        // WAL: readers never block the writer and a crash never corrupts the file.
        // FULL: a transaction reported committed survives even a power cut.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        // What is deleted is overwritten on disk: an erased participant's identity leaves no
        // bytes behind in the file's free pages.
        conn.pragma_update(None, "secure_delete", true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // A pull writes each kind of record with a few statements over and over: each is
        // compiled once.
        conn.set_prepared_statement_cache_capacity(64);
        migrations::apply(&mut conn)?;
        shadow::install(&conn)?;
        Ok(Self { conn, checkpointer: None })
    }

    /// Rows this store has written (inserted, changed or removed) since it was opened: an
    /// operation that leaves the count as it was changed nothing.
    pub fn rows_written(&self) -> u64 {
        self.conn.total_changes()
    }

    /// The schema version the database is at (number of migrations applied).
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
    }
}

/// The current instant, as stored (UTC, RFC 3339 with milliseconds).
pub(crate) fn now() -> chrono::DateTime<chrono::Utc> {
    let now = chrono::Utc::now();
    // Keep what is stored and what is returned identical: milliseconds only.
    chrono::DateTime::from_timestamp_millis(now.timestamp_millis()).unwrap_or(now)
}
