//! Finding exact repeats of events (same customer, event, time and value) while an import
//! streams, in bounded memory.
//!
//! Three ways, cheapest first. While each customer's events come in time order, a repeat
//! can only be among that customer's events at its latest time (`Ordered`). Otherwise a
//! hash set of every event stored answers at once (`Full`), up to [`IN_MEMORY`] events.
//! Past that, a 1 GB export would need a gigabyte of set: the events are set aside on disk
//! instead, partitioned by a hash of customer and time, and once the file is read each
//! partition is checked on its own and its new events written (`Spilled`). Events of one
//! customer at one time share a partition and keep their file order, the only order the
//! engine reads (it breaks ties); the first of equal events is kept either way, and the
//! report names the same rows.

use std::collections::{BinaryHeap, HashMap, HashSet};
use std::fs::File;
use std::hash::BuildHasher;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::Transaction;

use crate::{Error, Result};

/// A fast hash for the import's lookups (customer ids, event names, and the set of stored
/// events); SipHash's protection against crafted keys is not needed for a local file.
#[derive(Default, Clone, Copy)]
pub(super) struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        tail[..rest.len()].copy_from_slice(rest);
        self.write_u64(u64::from_le_bytes(tail) ^ rest.len() as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        // A full avalanche (MurmurHash3's fmix64): hashbrown takes the bucket from the low
        // bits and a tag from the high ones, and both must spread well.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

type FxBuild = std::hash::BuildHasherDefault<Fx>;
pub(super) type FxMap<K, V> = HashMap<K, V, FxBuild>;
pub(super) type FxSet<K> = HashSet<K, FxBuild>;

/// An event as compared: customer key, event name id, time, the value's bits.
pub(super) type Event = (u32, u32, i64, u64);

/// Events compared in a hash set in memory before they are set aside on disk: the set
/// then holds 2^21 buckets of 25 bytes, about 50 MB.
pub(super) const IN_MEMORY: usize = 1_800_000;

/// [`IN_MEMORY`], or `MILEPOST_IN_MEMORY_EVENTS` (for tests: set aside at once).
pub(super) fn in_memory() -> usize {
    #[cfg(test)]
    if let Some(n) = TEST_IN_MEMORY.get() {
        return n;
    }
    std::env::var("MILEPOST_IN_MEMORY_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(IN_MEMORY)
}

#[cfg(test)]
thread_local! {
    /// A test's own limit: each test runs on its own thread.
    pub(super) static TEST_IN_MEMORY: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Partitions on disk. A partition is read back whole: 256 of them keep that under
/// ~100 MB up to some 200 million events.
const PARTS: usize = 256;

/// What an event is, as far as can be said when it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verdict {
    New,
    Repeat,
    /// Written now, checked once the whole file is read.
    Later,
}

pub(super) enum Dedup {
    /// The latest time and the events at it, per customer.
    Ordered(FxMap<u32, (i64, Vec<(u32, u64)>)>),
    Full(FxSet<Event>),
    Spilled(Spill),
}

impl Dedup {
    /// For an import into the workspace at `path`: the order assumption when no event
    /// is stored yet, every stored event otherwise.
    pub(super) fn start(tx: &Transaction<'_>, path: &Path, limit: usize) -> Result<Dedup> {
        let empty: bool = tx
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM event)", [], |r| r.get(0))
            .map_err(|e| super::db(tx, e))?;
        // Order is assumed only where events may be kept in memory at all.
        if empty && limit > 0 {
            Ok(Dedup::Ordered(FxMap::default()))
        } else {
            Dedup::stored(tx, path, limit)
        }
    }

    /// Every stored event, this transaction's too: in memory when they are few enough.
    pub(super) fn stored(tx: &Transaction<'_>, path: &Path, limit: usize) -> Result<Dedup> {
        let count: i64 = tx
            .query_row("SELECT count(*) FROM event", [], |r| r.get(0))
            .map_err(|e| super::db(tx, e))?;
        let mut stmt = tx
            .prepare("SELECT customer, name, at, value FROM event")
            .map_err(|e| super::db(tx, e))?;
        let events = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get::<_, f64>(3)?.to_bits(),
                ))
            })
            .map_err(|e| super::db(tx, e))?;
        if count as usize <= limit {
            let set = events
                .collect::<rusqlite::Result<FxSet<Event>>>()
                .map_err(|e| super::db(tx, e))?;
            return Ok(Dedup::Full(set));
        }
        let mut spill = Spill::new(path)?;
        for event in events {
            spill.keep(event.map_err(|e| super::db(tx, e))?)?;
        }
        Ok(Dedup::Spilled(spill))
    }

    /// Before a row of up to `upcoming` events: sets the events aside on disk when the
    /// set would grow past `limit`.
    pub(super) fn make_room(&mut self, path: &Path, upcoming: usize, limit: usize) -> Result<()> {
        if let Dedup::Full(set) = self
            && set.len() + upcoming > limit
        {
            let mut spill = Spill::new(path)?;
            for event in std::mem::take(set) {
                spill.keep(event)?;
            }
            *self = Dedup::Spilled(spill);
        }
        Ok(())
    }

    /// The event read at `row`; None when the order assumption broke: go on with
    /// [`Dedup::stored`].
    pub(super) fn insert(&mut self, event: Event, row: u64) -> Result<Option<Verdict>> {
        let (customer, name, at, value) = event;
        let new = match self {
            Dedup::Spilled(spill) => {
                spill.record(event, row)?;
                return Ok(Some(Verdict::Later));
            }
            Dedup::Full(set) => set.insert(event),
            Dedup::Ordered(latest) => {
                let (t, seen) = latest.entry(customer).or_insert((at, Vec::new()));
                if at > *t {
                    *t = at;
                    seen.clear();
                } else if at < *t {
                    return Ok(None);
                }
                let new = !seen.contains(&(name, value));
                if new {
                    seen.push((name, value));
                }
                new
            }
        };
        Ok(Some(if new { Verdict::New } else { Verdict::Repeat }))
    }
}

/// Events set aside on disk, in files that vanish with the process (even when it is
/// killed): the stored ones, then those read since, in file order.
pub(super) struct Spill {
    path: PathBuf,
    parts: Vec<BufWriter<File>>,
}

/// A record: the event, then its row in the file or that it is stored.
const RECORD: usize = 32;
const STORED: u64 = 1 << 63;

/// What the check of the events set aside found.
#[derive(Debug, Default)]
pub(super) struct Repeats {
    pub count: u64,
    /// Rows left out: every event they held was a repeat.
    pub rows: u64,
    /// The first few repeats in file order: row and event.
    pub first: Vec<(u64, Event)>,
    pub cancelled: bool,
}

impl Spill {
    /// The files go beside the workspace `path`: the disk the workspace is on.
    fn new(path: &Path) -> Result<Spill> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        };
        let parts = (0..PARTS)
            .map(|_| tempfile::tempfile_in(&dir).map(|f| BufWriter::with_capacity(16 << 10, f)))
            .collect::<std::io::Result<_>>()
            .map_err(|e| spill_error(path, e))?;
        Ok(Spill {
            path: path.to_owned(),
            parts,
        })
    }

    fn put(&mut self, event: Event, tag: u64) -> Result<()> {
        let (customer, name, at, value) = event;
        // All events of a row share customer and time: a row is never split.
        let part = (FxBuild::default().hash_one((customer, at)) >> 56) as usize % PARTS;
        let mut rec = [0u8; RECORD];
        rec[0..4].copy_from_slice(&customer.to_le_bytes());
        rec[4..8].copy_from_slice(&name.to_le_bytes());
        rec[8..16].copy_from_slice(&at.to_le_bytes());
        rec[16..24].copy_from_slice(&value.to_le_bytes());
        rec[24..32].copy_from_slice(&tag.to_le_bytes());
        self.parts[part]
            .write_all(&rec)
            .map_err(|e| spill_error(&self.path, e))
    }

    fn keep(&mut self, event: Event) -> Result<()> {
        self.put(event, STORED)
    }

    /// An event read at `row`. A row's events are all set aside or none: room is made
    /// between rows, and the order breaks at a row's first event (they share customer and
    /// time).
    fn record(&mut self, event: Event, row: u64) -> Result<()> {
        self.put(event, row)
    }

    /// Checks each partition, calling `write` with every new event and `progress` with
    /// the bytes checked of all.
    pub(super) fn finish(
        self,
        keep_first: usize,
        cancel: &AtomicBool,
        progress: &mut dyn FnMut(u64, u64),
        write: &mut dyn FnMut(Event) -> Result<()>,
    ) -> Result<Repeats> {
        let mut out = Repeats::default();
        let mut files = Vec::with_capacity(self.parts.len());
        for part in self.parts {
            let mut file = part
                .into_inner()
                .map_err(|e| spill_error(&self.path, e.into_error()))?;
            let len = file
                .stream_position()
                .map_err(|e| spill_error(&self.path, e))?;
            files.push((file, len));
        }
        let total = files.iter().map(|(_, len)| len).sum();
        let mut done = 0;
        progress(done, total);
        // The smallest rows seen, largest on top.
        let mut first: BinaryHeap<(u64, Event)> = BinaryHeap::new();
        let mut bytes = Vec::new();
        for (mut file, len) in files {
            if cancel.load(Ordering::Relaxed) {
                out.cancelled = true;
                return Ok(out);
            }
            bytes.clear();
            file.seek(SeekFrom::Start(0))
                .and_then(|_| file.read_to_end(&mut bytes))
                .map_err(|e| spill_error(&self.path, e))?;
            let mut seen: FxSet<Event> = FxSet::default();
            // Per row of the file: its events, and the repeats among them.
            let mut rows: FxMap<u64, (u32, u32)> = FxMap::default();
            for rec in bytes.chunks_exact(RECORD) {
                let word =
                    |i: usize| u64::from_le_bytes(rec[i..i + 8].try_into().unwrap_or_default());
                let event = (
                    word(0) as u32,
                    (word(0) >> 32) as u32,
                    word(8) as i64,
                    word(16),
                );
                let tag = word(24);
                let new = seen.insert(event);
                if tag & STORED != 0 {
                    continue;
                }
                let row = tag;
                let entry = rows.entry(row).or_insert((0, 0));
                entry.0 += 1;
                if new {
                    write(event)?;
                    continue;
                }
                entry.1 += 1;
                out.count += 1;
                if first.len() < keep_first {
                    first.push((row, event));
                } else if first.peek().is_some_and(|&(r, _)| row < r) {
                    first.pop();
                    first.push((row, event));
                }
            }
            out.rows += rows
                .values()
                .filter(|&&(events, repeats)| repeats == events)
                .count() as u64;
            done += len;
            progress(done, total);
        }
        out.first = first.into_sorted_vec();
        Ok(out)
    }
}

/// The events are set aside in the workspace's folder: a write failing there is said of
/// it, in the words every other write uses (a full disk, a read-only folder).
fn spill_error(path: &Path, e: std::io::Error) -> Error {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    crate::fs::write_error(dir, e)
}
