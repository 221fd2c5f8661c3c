//! What the app holds while it runs: the local store behind a lock.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use plan_ouvert_domain::{ErrorCode, Failure, Locale};
use plan_ouvert_store::{Error, Store};

/// The open store. One connection, used by one command at a time: SQLite serialises writes
/// anyway, and each command is a few milliseconds.
#[derive(Debug)]
pub struct AppState {
    store: Mutex<Store>,
    /// Woken after every command, so sync can send new changes and refresh the status.
    changed: Arc<tokio::sync::Notify>,
}

impl AppState {
    /// Opens (or creates) the database in `dir`.
    pub fn open(dir: &Path) -> Result<Self, Error> {
        Ok(Self::new(Store::open_in(dir)?))
    }

    pub fn new(store: Store) -> Self {
        Self { store: Mutex::new(store), changed: Arc::new(tokio::sync::Notify::new()) }
    }

    /// The store's lock, for sync (which never holds it while waiting for the network).
    pub fn store(&self) -> &Mutex<Store> {
        &self.store
    }

    /// Notified after each command.
    pub fn changes(&self) -> Arc<tokio::sync::Notify> {
        self.changed.clone()
    }

    fn lock(&self) -> MutexGuard<'_, Store> {
        // A panic in an earlier command cannot leave a half-written record (every change is one
        // SQLite transaction), so the store stays usable after one.
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs one store operation and, on failure, words the error in the interface's language.
    pub fn run<T>(&self, operation: impl FnOnce(&mut Store) -> Result<T, Error>) -> Result<T, Failure> {
        let mut store = self.lock();
        let result = operation(&mut store);
        self.changed.notify_one();
        result.map_err(|error| {
            let locale = store.locale().unwrap_or(Locale::Fr);
            let failure = error.to_failure(locale);
            if failure.code == ErrorCode::Storage {
                // Internals go to the log, never to the screen.
                eprintln!("plan-ouvert: storage error: {error}");
            }
            failure
        })
    }
}
