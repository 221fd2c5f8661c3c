//! One laptop's data and what shows it: the store behind its lock, the shell, the data folder,
//! and the signal that something changed. The sync loop and the open-data operations work on it;
//! the [`App`](crate::App) puts it together with the sync loop.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use plan_ouvert_domain::{ErrorCode, Failure, Locale};
use plan_ouvert_store::{Error, Store};

use crate::shell::{Event, Shell};

#[derive(Debug)]
pub struct Laptop {
    /// One connection, used by one command at a time: SQLite serialises writes anyway, and each
    /// command is a few milliseconds. Shared with a workshop room opened here, which serves its
    /// exchanges from the same store.
    store: Arc<Mutex<Store>>,
    /// Woken after every command, so sync can send new changes and refresh the status.
    changed: tokio::sync::Notify,
    shell: Arc<dyn Shell>,
    data_dir: PathBuf,
    /// What an operation in two steps keeps between them — a file read and shown, waiting for
    /// the person's choice or confirmation (an OGP database file, a filled progress workbook) —
    /// one slot per kind, so that the laptop need not know the operations that use it.
    pending: Mutex<HashMap<TypeId, Box<dyn Any + Send>>>,
}

impl Laptop {
    pub(crate) fn new(store: Store, shell: Arc<dyn Shell>, data_dir: &Path) -> Self {
        Self {
            store: Arc::new(Mutex::new(store)),
            changed: tokio::sync::Notify::new(),
            shell,
            data_dir: data_dir.to_path_buf(),
            pending: Mutex::new(HashMap::new()),
        }
    }

    /// Runs `work` on the slot of what an operation of type `T` keeps between its two steps
    /// (none until the first step fills it).
    pub(crate) fn with_pending<T: Any + Send, R>(&self, work: impl FnOnce(&mut Option<T>) -> R) -> R {
        let mut slots = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let slot = slots.entry(TypeId::of::<T>()).or_insert_with(|| Box::new(None::<T>));
        match slot.downcast_mut::<Option<T>>() {
            Some(slot) => work(slot),
            // Each slot is made for its own type just above: this cannot happen.
            None => work(&mut None),
        }
    }

    /// The store's lock, for sync (which never holds it while waiting for the network).
    pub fn store(&self) -> &Mutex<Store> {
        &self.store
    }

    /// The same lock, for a workshop room's exchanges, which outlive any one command.
    pub(crate) fn shared_store(&self) -> Arc<Mutex<Store>> {
        Arc::clone(&self.store)
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Store> {
        // A panic in an earlier command cannot leave a half-written record (every change is one
        // SQLite transaction), so the store stays usable after one.
        self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The interface's language, as saved.
    pub fn locale(&self) -> Locale {
        self.lock().locale().unwrap_or_default()
    }

    pub(crate) fn shell(&self) -> &dyn Shell {
        self.shell.as_ref()
    }

    pub(crate) fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub(crate) fn changes(&self) -> &tokio::sync::Notify {
        &self.changed
    }

    pub(crate) fn emit(&self, event: Event) {
        self.shell.emit(event);
    }

    /// Runs one store operation and, on failure, words the error in the interface's language.
    pub fn run<T>(&self, operation: impl FnOnce(&mut Store) -> Result<T, Error>) -> Result<T, Failure> {
        let mut store = self.lock();
        let result = operation(&mut store);
        self.changed.notify_one();
        result.map_err(|error| failure(&store, &error))
    }
}

/// A store error for the person; internals go to the log, never to the screen.
pub(crate) fn failure(store: &Store, error: &Error) -> Failure {
    let locale = store.locale().unwrap_or(Locale::Fr);
    let failure = error.to_failure(locale);
    if failure.code == ErrorCode::Storage {
        tracing::error!(%error, "storage error");
    }
    failure
}

/// A bug or a broken environment: logged, and shown as an internal failure.
pub(crate) fn internal(error: &dyn std::fmt::Display) -> Failure {
    tracing::error!(%error, "internal error");
    Failure::new(ErrorCode::Internal, error.to_string())
}
