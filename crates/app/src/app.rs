//! The running app without its window: the store, the sync loop and the shell that shows it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use plan_ouvert_domain::{ErrorCode, Failure, Locale};
use plan_ouvert_store::{Error, Store};

use crate::shell::{Event, Shell};
use crate::sync_loop::SyncLoop;

/// One laptop's app: cheap to clone (every clone is the same app).
#[derive(Debug, Clone)]
pub struct App {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    /// One connection, used by one command at a time: SQLite serialises writes anyway, and each
    /// command is a few milliseconds.
    store: Mutex<Store>,
    /// Woken after every command, so sync can send new changes and refresh the status.
    changed: tokio::sync::Notify,
    sync: SyncLoop,
    shell: Arc<dyn Shell>,
    data_dir: PathBuf,
}

impl App {
    /// Opens (or creates) the store in `data_dir` and reads the saved sync connection.
    pub fn open(data_dir: &Path, shell: Arc<dyn Shell>) -> Result<Self, Error> {
        let mut store = Store::open_in(data_dir)?;
        let sync = SyncLoop::open(data_dir, &mut store);
        Ok(Self {
            inner: Arc::new(Inner {
                store: Mutex::new(store),
                changed: tokio::sync::Notify::new(),
                sync,
                shell,
                data_dir: data_dir.to_path_buf(),
            }),
        })
    }

    /// The store's lock, for sync (which never holds it while waiting for the network).
    pub fn store(&self) -> &Mutex<Store> {
        &self.inner.store
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Store> {
        // A panic in an earlier command cannot leave a half-written record (every change is one
        // SQLite transaction), so the store stays usable after one.
        self.inner.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The interface's language, as saved.
    pub fn locale(&self) -> Locale {
        self.lock().locale().unwrap_or_default()
    }

    pub(crate) fn sync(&self) -> &SyncLoop {
        &self.inner.sync
    }

    pub(crate) fn shell(&self) -> &dyn Shell {
        self.inner.shell.as_ref()
    }

    pub(crate) fn data_dir(&self) -> &Path {
        &self.inner.data_dir
    }

    pub(crate) fn changes(&self) -> &tokio::sync::Notify {
        &self.inner.changed
    }

    pub(crate) fn emit(&self, event: Event) {
        self.inner.shell.emit(event);
    }

    /// Runs one store operation and, on failure, words the error in the interface's language.
    pub fn run<T>(&self, operation: impl FnOnce(&mut Store) -> Result<T, Error>) -> Result<T, Failure> {
        let mut store = self.lock();
        let result = operation(&mut store);
        self.inner.changed.notify_one();
        result.map_err(|error| failure(&store, &error))
    }

    /// Runs `work` on a thread where it may block (files, dialogs), off the async runtime.
    pub(crate) async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce(App) -> Result<T, Failure> + Send + 'static,
    ) -> Result<T, Failure> {
        let app = self.clone();
        tokio::task::spawn_blocking(move || work(app)).await.map_err(|e| internal(&e))?
    }

    /// Syncs in the background for as long as the app runs.
    pub async fn run_sync(self) {
        SyncLoop::run(self).await;
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
