//! Results kept between recomputes of one data set, by what they depend on (a text key —
//! a milestone's criteria, a metric's definition — and the cut-off): while a workshop
//! edits one criterion, everything the edit cannot change is taken from here.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

#[derive(Debug)]
pub struct Memo<T> {
    kept: Mutex<HashMap<(String, i64), Arc<T>>>,
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo {
            kept: Mutex::default(),
        }
    }
}

impl<T> Memo<T> {
    /// More versions than this are forgotten, all at once (a long workshop's edits).
    const KEPT: usize = 256;

    /// The result for `key` at `cutoff`, computed by `make` the first time.
    pub fn get(&self, key: String, cutoff: i64, make: impl FnOnce() -> T) -> Arc<T> {
        let key = (key, cutoff);
        let lock = || self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(v) = lock().get(&key) {
            return v.clone();
        }
        let v = Arc::new(make());
        let mut kept = lock();
        if kept.len() >= Self::KEPT {
            kept.clear();
        }
        kept.insert(key, v.clone());
        v
    }
}
