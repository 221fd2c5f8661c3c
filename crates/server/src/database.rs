//! The server's SQLite database: WAL, foreign keys, the numbered SQL files of
//! `migrations/server/` applied in order.

use std::path::Path;

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

const MIGRATIONS: &[&str] = &[
    include_str!("../../../migrations/server/0001_initial.sql"),
    include_str!("../../../migrations/server/0002_history_and_ownership.sql"),
    include_str!("../../../migrations/server/0003_evidence_files.sql"),
    // The laptops' own migration: evidence files are stored alike on both sides
    // (`plan_ouvert_sync::files::SqliteFiles`).
    include_str!("../../../migrations/0012_evidence_chunks.sql"),
];

/// Opens (or creates) the database and brings it to the latest schema.
pub fn open(path: &Path) -> anyhow::Result<Connection> {
    let mut conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // An erased participant's identity is overwritten on disk, not only unlinked (`Ledger::erase`).
    conn.pragma_update(None, "secure_delete", true)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect()).to_latest(&mut conn)?;
    // Where the database stood when opened: if it turns out to have been put back from a backup
    // without `restored`, its new history starts there (see `SqliteLedger::history_lost`).
    conn.execute(
        "INSERT OR IGNORE INTO sync_timeline (id, timeline, parent, from_version, opened_at) VALUES (1, ?1, NULL, 0, 0)",
        [uuid::Uuid::now_v7().to_string()],
    )?;
    conn.execute("UPDATE sync_timeline SET opened_at = (SELECT version FROM sync_head WHERE id = 1) WHERE id = 1", [])?;
    Ok(conn)
}
