//! The app's one workspace database, opened on first use so that a refused file (say, one
//! from a newer Milepost) becomes a message on screen instead of a crash at start-up.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use milepost::engine::{Assessment, Dataset, Scores};
use milepost::matrix::screen::PointCustomer;
use milepost::store::Store;

use crate::error::CommandResult;

#[derive(Debug)]
pub struct AppState {
    pub db_path: PathBuf,
    store: Arc<Mutex<Option<Store>>>,
    /// The cancel flags of imports and exports (the dialogs' Cancel).
    pub jobs: crate::work::Jobs,
    /// `--save-to DIR`: exported files go there under their suggested names, with no save
    /// dialog (scripted runs and the end-to-end tests, which cannot drive a native dialog).
    pub save_to: Option<PathBuf>,
    /// The customer data in the engine's columns, loaded on first use and dropped after
    /// an import so the next funnel sees the new data.
    dataset: Arc<Mutex<Option<Arc<Dataset>>>>,
    /// The stakeholders' scores for a dataset (keyed by it: their customer indexes are
    /// its), kept in step with every re-score so a dragged point does not reload 60,000
    /// stakeholders.
    scores: Arc<Mutex<Option<CachedScores>>>,
    /// A warehouse connected to the workspace: its password and each journey's results.
    pub warehouse: Mutex<Warehouse>,
    /// The last assessment, by journey, revision and cut-off: switching between a
    /// journey's matrices, or re-scoring, does not assess every customer again.
    assessed: Arc<Mutex<Option<CachedAssessment>>>,
    /// What the canvas's live numbers keep for the data set they were computed on (keyed
    /// by it): while a criterion is edited, only its milestone is assessed again.
    live_cache: Mutex<Option<(std::sync::Weak<Dataset>, Arc<milepost::engine::LiveCache>)>>,
    /// Room voting, while the facilitator shares a round with the phones in the room.
    pub room: Mutex<Option<crate::room::Room>>,
    /// A journey file the app was started to open, until the UI takes it.
    pub opened_file: Mutex<Option<PathBuf>>,
}

/// While the app runs: the warehouse's password, asked for and never written anywhere,
/// and by stored journey id the last results of its SQL run there and the last failure.
#[derive(Debug, Default)]
pub struct Warehouse {
    pub password: Option<String>,
    pub results: std::collections::HashMap<i64, Refreshed>,
    pub failed: std::collections::HashMap<i64, String>,
}

/// A journey's results from the warehouse: the customers and their measures (no events),
/// and when they were fetched (Unix seconds).
#[derive(Debug, Clone)]
pub struct Refreshed {
    pub at: i64,
    pub data: Arc<Dataset>,
}

/// Scores, by the data set (its address) whose customer indexes they use.
type CachedScores = (usize, Arc<Scores>);

/// What an assessment depends on: the journey as saved, the data set, the cut-off.
type AssessmentKey = (i64, i64, usize, i64);
type CachedAssessment = (AssessmentKey, Assessed);

/// An assessment, and what the matrix view says of each customer from it.
pub type Assessed = (Arc<Assessment>, Arc<Vec<Option<PointCustomer>>>);

impl AppState {
    pub fn new(db_path: PathBuf) -> Self {
        Self {
            db_path,
            store: Arc::default(),
            jobs: crate::work::Jobs::default(),
            save_to: None,
            dataset: Arc::default(),
            scores: Arc::default(),
            warehouse: Mutex::default(),
            assessed: Arc::default(),
            live_cache: Mutex::default(),
            room: Mutex::default(),
            opened_file: Mutex::default(),
        }
    }

    pub fn opening(self, file: Option<PathBuf>) -> Self {
        *self.opened_file.lock().unwrap_or_else(|p| p.into_inner()) = file;
        self
    }

    pub fn saving_to(mut self, dir: Option<PathBuf>) -> Self {
        self.save_to = dir;
        self
    }

    /// Runs `work` with the open store on a blocking worker thread, never on the UI thread.
    pub async fn with_store<T, F>(&self, work: F) -> CommandResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> milepost::Result<T> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        let path = self.db_path.clone();
        crate::work::compute(move || {
            let mut guard = store
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if guard.is_none() {
                *guard = Some(Store::open(&path)?);
            }
            let store = guard.as_mut().expect("opened above");
            Ok(work(store)?)
        })
        .await?
    }

    /// Runs `work` on the workspace file with the store closed (restoring over a damaged
    /// workspace, salvaging it), then forgets everything loaded from it: the next command
    /// opens the file anew.
    pub async fn with_store_closed<T, F>(&self, work: F) -> CommandResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&std::path::Path) -> milepost::Result<T> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        let path = self.db_path.clone();
        let done = crate::work::compute(move || {
            let mut guard = store
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            *guard = None;
            work(&path)
        })
        .await?;
        self.data_changed();
        Ok(done?)
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

    /// The customer data stored journey `journey` is assessed over: the warehouse's last
    /// results for it when a warehouse is connected (an empty data set before the first
    /// refresh), else the workspace's own.
    pub async fn dataset_for(&self, journey: i64) -> CommandResult<Arc<Dataset>> {
        if self.with_store(|s| s.warehouse()).await?.is_some() {
            let w = self.warehouse.lock().unwrap_or_else(|p| p.into_inner());
            return Ok(w
                .results
                .get(&journey)
                .map_or_else(|| Arc::new(Dataset::default()), |r| r.data.clone()));
        }
        self.dataset().await
    }

    /// What the live numbers keep for `data` (a new cache for another data set).
    pub fn live_cache(&self, data: &Arc<Dataset>) -> Arc<milepost::engine::LiveCache> {
        // By the data set itself, not its address: a data set loaded after this one was
        // dropped may be given the same.
        let mut cached = self.live_cache.lock().unwrap_or_else(|p| p.into_inner());
        match &*cached {
            Some((of, times)) if of.upgrade().is_some_and(|d| Arc::ptr_eq(&d, data)) => {
                times.clone()
            }
            _ => {
                let times = Arc::new(milepost::engine::LiveCache::default());
                *cached = Some((Arc::downgrade(data), times.clone()));
                times
            }
        }
    }

    /// Forgets the loaded dataset: the workspace's customer data changed.
    pub fn data_changed(&self) {
        *self.dataset.lock().unwrap_or_else(|p| p.into_inner()) = None;
        *self.scores.lock().unwrap_or_else(|p| p.into_inner()) = None;
        *self.assessed.lock().unwrap_or_else(|p| p.into_inner()) = None;
        *self.live_cache.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// The assessment of stored journey `id` at `revision` over `data` as of `cutoff`, with
    /// each customer's stage and health, computed on a worker thread the first time and
    /// kept until something changes.
    pub async fn assessment(
        &self,
        id: i64,
        revision: i64,
        journey: Arc<milepost::journey::Journey>,
        data: Arc<Dataset>,
        cutoff: i64,
    ) -> CommandResult<Assessed> {
        let key = (id, revision, Arc::as_ptr(&data) as usize, cutoff);
        if let Some((k, a)) = self
            .assessed
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            && k == key
        {
            return Ok(a);
        }
        let a = crate::work::compute(move || {
            let a = milepost::engine::assess(&journey, &data, cutoff);
            let known = milepost::matrix::screen::point_customers(&journey, &data, &a);
            (Arc::new(a), Arc::new(known))
        })
        .await?;
        *self.assessed.lock().unwrap_or_else(|p| p.into_inner()) = Some((key, a.clone()));
        Ok(a)
    }

    /// The stakeholders' scores (loading them the first time), with the numeric attributes
    /// `journey`'s matrices read.
    pub async fn scores(
        &self,
        data: Arc<Dataset>,
        journey: &milepost::journey::Journey,
    ) -> CommandResult<Arc<Scores>> {
        let key = Arc::as_ptr(&data) as usize;
        let cached = self
            .scores
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .filter(|(k, _)| *k == key)
            .map(|(_, s)| s);
        let complete = |s: &Scores| {
            journey.matrices.iter().all(|m| {
                [&m.x.field, &m.y.field].iter().all(|f| match f {
                    milepost::journey::AxisField::Customer(
                        milepost::journey::CustomerField::Attribute(a),
                    ) => s.attributes.contains_key(a),
                    _ => true,
                })
            })
        };
        if let Some(s) = cached.filter(|s| complete(s)) {
            return Ok(s);
        }
        let j = journey.clone();
        let loaded = Arc::new(
            self.with_store(move |s| s.load_scores(&data, Some(&j)))
                .await?,
        );
        *self.scores.lock().unwrap_or_else(|p| p.into_inner()) = Some((key, loaded.clone()));
        Ok(loaded)
    }

    /// Applies a re-score to the cached scores, as the store recorded it.
    pub fn rescored(
        &self,
        data: &Arc<Dataset>,
        customer: usize,
        change: &milepost::store::Rescore,
        before: Option<f64>,
    ) {
        let mut guard = self.scores.lock().unwrap_or_else(|p| p.into_inner());
        let key = Arc::as_ptr(data) as usize;
        if let Some((k, s)) = guard.as_mut() {
            if *k != key {
                // Scores of another data set's customers: read them anew when next asked.
                *guard = None;
                return;
            }
            Arc::make_mut(s).set(
                customer,
                &change.stakeholder,
                change.field,
                change.value,
                before,
            );
        }
    }
}
