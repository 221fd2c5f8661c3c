//! Copying the write-ahead log into the database on another thread, while the next page of a
//! long pull is being written.
//!
//! SQLite copies its log into the database (a checkpoint) at the end of the transaction that
//! makes it long enough, on the writer's time: a page of a first sync writes megabytes, so each
//! page would also wait for its own copy. During a long pull, the store's connection leaves that
//! to a [`Checkpointer`] of its own: a second connection to the same file, on its own thread,
//! nudged after each page. A checkpoint never blocks the writer, and what was committed is safe
//! in the log before it is copied.

use std::path::Path;
use std::sync::mpsc;
use std::thread::JoinHandle;

/// A second connection that copies the log into the database when nudged, until dropped.
#[derive(Debug)]
pub(crate) struct Checkpointer {
    nudge: Option<mpsc::SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// `None` for a database that has no file (in memory).
    pub(crate) fn start(path: &Path) -> Option<Self> {
        let conn = rusqlite::Connection::open(path).ok()?;
        let (nudge, nudged) = mpsc::sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("store-checkpoint".into())
            .spawn(move || {
                while nudged.recv().is_ok() {
                    // PASSIVE: copies what no reader still needs, never waits for the writer. A
                    // checkpoint that cannot finish is done by the next one.
                    if let Err(error) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
                        tracing::debug!(%error, "checkpoint left for later");
                    }
                }
            })
            .ok()?;
        Some(Self { nudge: Some(nudge), thread: Some(thread) })
    }

    /// Asks for a checkpoint (one already asked for and not started yet covers it).
    pub(crate) fn nudge(&self) {
        if let Some(nudge) = &self.nudge {
            let _ = nudge.try_send(());
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.nudge.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
