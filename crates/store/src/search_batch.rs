//! The full-text index brought up to date once for many rows written together.
//!
//! Kept row by row by triggers (migrations `0001`, `0016`), the index writes what it holds to
//! disk at every statement that touches it: taking in a page of a first sync (thousands of
//! records) that way costs about three times writing the rows. Inside [`batched`], the triggers
//! only note which rows changed, and the index is brought up to date for all of them at the end,
//! in the same transaction: whoever reads after the commit finds exactly what the triggers would
//! have written.

use rusqlite::Connection;

use crate::Result;

/// Runs `write` with the index's upkeep deferred to its end. Must run inside a transaction (or a
/// savepoint), so that nothing of the batch is ever seen half-done.
pub(crate) fn batched<T>(conn: &Connection, write: impl FnOnce() -> Result<T>) -> Result<T> {
    let started = conn.execute("INSERT OR IGNORE INTO search_batch (id) VALUES (1)", [])? == 1;
    let written = write();
    if started {
        // Also after a failure: the caller rolls back, but the index must never stay deferred.
        let caught_up = catch_up(conn);
        let written = written?;
        caught_up?;
        return Ok(written);
    }
    written
}

/// Brings the index up to date for the rows noted during the batch, and ends it.
fn catch_up(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM commitment_search WHERE rowid IN (SELECT num FROM search_pending WHERE tbl = 'commitment');
         INSERT INTO commitment_search (rowid, title, body)
             SELECT num, title, body FROM commitment_search_source
             WHERE num IN (SELECT num FROM search_pending WHERE tbl = 'commitment');
         DELETE FROM area_search WHERE rowid IN (SELECT num FROM search_pending WHERE tbl = 'area');
         INSERT INTO area_search (rowid, title, description)
             SELECT num, title, description FROM area_search_source
             WHERE num IN (SELECT num FROM search_pending WHERE tbl = 'area');
         DELETE FROM search_pending;
         DELETE FROM search_batch;",
    )?;
    Ok(())
}
