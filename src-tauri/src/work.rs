//! Long work, one way. Every command's heavy part runs on tokio's blocking pool, never on
//! the window's thread: `run` for work that can fail with the core's errors, `compute` for
//! a value. Work a person can cancel (an import, an export) takes its flag from `Jobs`:
//! reset when the work starts, set by the dialog's Cancel, checked by the core.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{CommandError, CommandResult};

/// Computes a value on a blocking worker; a crashed worker is an internal error.
pub async fn compute<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> CommandResult<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(CommandError::internal)
}

/// Runs work that can fail on a blocking worker.
pub async fn run<T, E>(work: impl FnOnce() -> Result<T, E> + Send + 'static) -> CommandResult<T>
where
    T: Send + 'static,
    E: Into<CommandError> + Send + 'static,
{
    compute(work).await?.map_err(Into::into)
}

/// Long work a person can cancel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    Import,
    Export,
    /// A journey's refresh from the warehouse.
    Warehouse,
}

/// The cancel flag of each kind of cancellable work.
#[derive(Debug, Default)]
pub struct Jobs {
    import: Arc<AtomicBool>,
    export: Arc<AtomicBool>,
    warehouse: Arc<AtomicBool>,
}

impl Jobs {
    fn flag(&self, job: Job) -> &Arc<AtomicBool> {
        match job {
            Job::Import => &self.import,
            Job::Export => &self.export,
            Job::Warehouse => &self.warehouse,
        }
    }

    /// Asks the running work of this kind to stop; it rolls back and says "cancelled".
    pub fn cancel(&self, job: Job) {
        self.flag(job).store(true, Ordering::Relaxed);
    }

    /// Runs cancellable work whose own result the caller reads (errors of its own kind).
    pub async fn run_with<T: Send + 'static>(
        &self,
        job: Job,
        work: impl FnOnce(&AtomicBool) -> T + Send + 'static,
    ) -> CommandResult<T> {
        let flag = Arc::clone(self.flag(job));
        flag.store(false, Ordering::Relaxed);
        compute(move || work(&flag)).await
    }

    /// Runs cancellable work on a blocking worker, with a fresh flag it checks.
    pub async fn run<T: Send + 'static>(
        &self,
        job: Job,
        work: impl FnOnce(&AtomicBool) -> milepost::Result<T> + Send + 'static,
    ) -> CommandResult<T> {
        let flag = Arc::clone(self.flag(job));
        flag.store(false, Ordering::Relaxed);
        run(move || work(&flag)).await
    }
}
