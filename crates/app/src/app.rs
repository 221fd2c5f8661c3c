//! The running app without its window: one laptop and its sync loop.

use std::ops::Deref;
use std::path::Path;
use std::sync::Arc;

use plan_ouvert_domain::Failure;
use plan_ouvert_store::{Error, Store};

use crate::laptop::{internal, Laptop};
use crate::room::{Rooms, Venue};
use crate::shell::Shell;
use crate::sync_loop::SyncLoop;

/// One laptop's app: cheap to clone (every clone is the same app). It derefs to its
/// [`Laptop`] (store, shell, data folder).
#[derive(Debug, Clone)]
pub struct App {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    laptop: Laptop,
    sync: SyncLoop,
    rooms: Rooms,
}

impl Venue for App {
    fn laptop(&self) -> &Laptop {
        &self.inner.laptop
    }

    fn rooms(&self) -> &Rooms {
        &self.inner.rooms
    }

    fn data_received(&self) {
        self.inner.sync.data_received(&self.inner.laptop);
    }
}

impl Deref for App {
    type Target = Laptop;

    fn deref(&self) -> &Laptop {
        &self.inner.laptop
    }
}

impl App {
    /// Opens (or creates) the store in `data_dir` and reads the saved sync connection.
    pub fn open(data_dir: &Path, shell: Arc<dyn Shell>) -> Result<Self, Error> {
        let mut store = Store::open_in(data_dir)?;
        let sync = SyncLoop::open(data_dir, &mut store);
        Ok(Self {
            inner: Arc::new(Inner { laptop: Laptop::new(store, shell, data_dir), sync, rooms: Default::default() }),
        })
    }

    pub(crate) fn sync(&self) -> &SyncLoop {
        &self.inner.sync
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
        let app = self.clone();
        self.inner.sync.run(&app).await;
    }
}
