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
    /// Woken after every command that wrote something, so sync can send new changes and refresh
    /// the status (a read — a search as one types — does not wake it).
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
        let written = store.rows_written();
        let result = operation(&mut store);
        if store.rows_written() != written {
            self.changed.notify_one();
        }
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use plan_ouvert_domain::OverviewFilter;

    use super::*;
    use crate::shell::FileRequest;

    #[derive(Debug)]
    struct Quiet;

    impl Shell for Quiet {
        fn emit(&self, _: Event) {}
        fn pick_file(&self, _: FileRequest, _: Option<&str>, _: Locale) -> Result<Option<PathBuf>, String> {
            Ok(None)
        }
        fn open_file(&self, _: &Path) -> Result<(), String> {
            Ok(())
        }
        fn notify(&self, _: &str, _: &str) -> Result<(), String> {
            Ok(())
        }
    }

    /// Whether the sync loop was woken since it last looked.
    async fn woken(laptop: &Laptop) -> bool {
        tokio::time::timeout(Duration::from_millis(20), laptop.changes().notified()).await.is_ok()
    }

    #[tokio::test]
    async fn only_an_operation_that_writes_wakes_the_sync_loop() {
        let dir = tempfile::tempdir().unwrap();
        let laptop = Laptop::new(Store::open_in(dir.path()).unwrap(), Arc::new(Quiet), dir.path());
        let plan = laptop.run(|s| s.load_demo_plan()).unwrap();
        assert!(woken(&laptop).await, "the demonstration plan written: sync has something to send");
        laptop.run(|s| s.plan_search(plan.id, "transparence")).unwrap();
        laptop.run(|s| s.plan_overview(plan.id, &OverviewFilter::default())).unwrap();
        assert!(!woken(&laptop).await, "a search and a read change nothing");
        assert!(laptop.run(|s| s.plan_search(plan_ouvert_domain::PlanId(uuid::Uuid::nil()), "x")).is_err());
        assert!(!woken(&laptop).await, "nor does a refusal");
        let area = laptop.run(|s| s.plan_overview(plan.id, &OverviewFilter::default())).unwrap().areas[0].area.id;
        laptop.run(|s| s.create_commitment(area, "Ouvrir les données du climat")).unwrap();
        assert!(woken(&laptop).await, "a commitment written");
    }
}
