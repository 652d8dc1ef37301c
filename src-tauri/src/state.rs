//! The app's one workspace database, opened on first use so that a refused file (say, one
//! from a newer Milepost) becomes a message on screen instead of a crash at start-up.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use milepost::engine::Dataset;
use milepost::store::Store;

use crate::error::{CommandError, CommandResult};

#[derive(Debug)]
pub struct AppState {
    pub db_path: PathBuf,
    store: Arc<Mutex<Option<Store>>>,
    /// Set by Cancel; the running import checks it and rolls back.
    pub import_cancel: Arc<AtomicBool>,
    /// The customer data in the engine's columns, loaded on first use and dropped after
    /// an import so the next funnel sees the new data.
    dataset: Arc<Mutex<Option<Arc<Dataset>>>>,
}

impl AppState {
    pub fn new(db_path: PathBuf) -> Self {
        Self {
            db_path,
            store: Arc::default(),
            import_cancel: Arc::default(),
            dataset: Arc::default(),
        }
    }

    /// Runs `work` with the open store on a blocking worker thread, never on the UI thread.
    pub async fn with_store<T, F>(&self, work: F) -> CommandResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> milepost::Result<T> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        let path = self.db_path.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = store
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if guard.is_none() {
                *guard = Some(Store::open(&path)?);
            }
            let store = guard.as_mut().expect("opened above");
            Ok(work(store)?)
        })
        .await
        .map_err(CommandError::internal)?
    }

    /// The loaded dataset (loading it the first time), for computing funnels.
    pub async fn dataset(&self) -> CommandResult<Arc<Dataset>> {
        if let Some(d) = self
            .dataset
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
        {
            return Ok(d);
        }
        let loaded = Arc::new(self.with_store(|s| s.load_dataset()).await?);
        *self.dataset.lock().unwrap_or_else(|p| p.into_inner()) = Some(loaded.clone());
        Ok(loaded)
    }

    /// Forgets the loaded dataset: the workspace's customer data changed.
    pub fn data_changed(&self) {
        *self.dataset.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}
