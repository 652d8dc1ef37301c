//! The events' columnar copy: what the engine loads, instead of a million event rows read
//! one by one.
//!
//! The copy holds the events as the engine does — grouped by customer, sorted by time,
//! file order breaking ties — in parts of about a quarter of a million events, each in
//! columns of the narrowest width its values need (times as offsets from the part's
//! earliest, names as one or two bytes, values through a dictionary), so 1M events take
//! about 6 MB. Part 0, the header, names the data revision the copy was made from and
//! every part's checksum.
//!
//! Every transaction that changes the events bumps the revision (`data_revision`) and
//! writes the copy again before it commits, so a committed copy never disagrees with its
//! rows. A copy is used only when its revision is the data's, its checksums match and its
//! shape holds (counts add up, names and customers exist, times in order); otherwise the
//! data set is built from the rows, which stay the truth, and the copy written again.

use rusqlite::{Connection, OptionalExtension};

use super::Store;
use crate::Result;

const MAGIC: &[u8; 4] = b"MPE2";
/// A part ends after the customer whose events take it past this many.
const PART: usize = 1 << 18;

/// The events grouped by customer (runs in key order), sorted by time within each, file
/// order breaking ties.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Columns {
    /// Each run's customer key and how many events it has.
    pub keys: Vec<i64>,
    pub counts: Vec<u32>,
    pub at: Vec<i64>,
    /// The event's name: an index into the names in id order.
    pub name: Vec<u32>,
    pub value: Vec<f64>,
}

/// What became of the copy when the data set was loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyState {
    /// Read from the copy.
    Current,
    /// There was none (a workspace from before it): made from the rows.
    Missing,
    /// Made from an earlier revision of the events: made again from the rows.
    Stale,
    /// A checksum or its shape was wrong: made again from the rows.
    Damaged,
}

impl Columns {
    /// Builds the columns from the event rows: `customers` are the keys of the customers
    /// (ascending), `names` the event names' ids (ascending). Events of an unknown customer
    /// or name are left out, as the engine never sees them.
    pub(crate) fn from_rows(
        conn: &Connection,
        customers: &[i64],
        names: &[i64],
    ) -> rusqlite::Result<Columns> {
        let index_of = |ids: &[i64], id: i64| ids.binary_search(&id).ok();
        // First pass: the rows in file order, with dense customer indexes.
        let mut cust: Vec<u32> = Vec::new();
        let mut at: Vec<i64> = Vec::new();
        let mut name: Vec<u32> = Vec::new();
        let mut value: Vec<f64> = Vec::new();
        let mut stmt =
            conn.prepare_cached("SELECT customer, at, name, value FROM event ORDER BY rowid")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (Some(c), Some(n)) = (index_of(customers, r.get(0)?), index_of(names, r.get(2)?))
            else {
                continue;
            };
            cust.push(c as u32);
            at.push(r.get(1)?);
            name.push(n as u32);
            value.push(r.get(3)?);
        }
        Ok(Columns::group(customers, &cust, &at, &name, &value))
    }

    /// Groups events given in file order by customer (a counting sort, stable), then sorts
    /// each customer's events by time, stably: ties keep file order.
    fn group(customers: &[i64], cust: &[u32], at: &[i64], name: &[u32], value: &[f64]) -> Columns {
        let mut start = vec![0usize; customers.len() + 1];
        for &c in cust {
            start[c as usize + 1] += 1;
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut next = start.clone();
        let mut order = vec![0u32; cust.len()];
        for (i, &c) in cust.iter().enumerate() {
            order[next[c as usize]] = i as u32;
            next[c as usize] += 1;
        }
        let mut out = Columns {
            at: Vec::with_capacity(cust.len()),
            name: Vec::with_capacity(cust.len()),
            value: Vec::with_capacity(cust.len()),
            ..Columns::default()
        };
        for (c, &key) in customers.iter().enumerate() {
            let run = &mut order[start[c]..start[c + 1]];
            if run.is_empty() {
                continue;
            }
            run.sort_by_key(|&i| at[i as usize]);
            out.keys.push(key);
            out.counts.push(run.len() as u32);
            for &i in run.iter() {
                out.at.push(at[i as usize]);
                out.name.push(name[i as usize]);
                out.value.push(value[i as usize]);
            }
        }
        out
    }

    /// Encodes the copy: the header (part 0) naming `revision` and `names`, then the parts.
    fn encode(&self, revision: i64, names: usize) -> Vec<Vec<u8>> {
        let mut parts = Vec::new();
        let (mut run, mut event) = (0, 0);
        while run < self.keys.len() {
            let (first_run, first_event) = (run, event);
            while run < self.keys.len() && event - first_event < PART {
                event += self.counts[run] as usize;
                run += 1;
            }
            parts.push(self.encode_part(first_run..run, first_event..event, names));
        }
        let mut header = Vec::new();
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&revision.to_le_bytes());
        header.extend_from_slice(&(self.at.len() as u64).to_le_bytes());
        header.extend_from_slice(&(self.keys.len() as u64).to_le_bytes());
        header.extend_from_slice(&(names as u64).to_le_bytes());
        header.extend_from_slice(&(parts.len() as u64).to_le_bytes());
        for p in &parts {
            header.extend_from_slice(&checksum(p).to_le_bytes());
            header.extend_from_slice(&p[4..8]); // its events: read before the part is
        }
        let sum = checksum(&header);
        header.extend_from_slice(&sum.to_le_bytes());
        let mut all = vec![header];
        all.extend(parts);
        all
    }

    fn encode_part(
        &self,
        runs: std::ops::Range<usize>,
        events: std::ops::Range<usize>,
        names: usize,
    ) -> Vec<u8> {
        let at = &self.at[events.clone()];
        let base = at.iter().copied().min().unwrap_or(0);
        let span = at.iter().copied().max().unwrap_or(0).abs_diff(base);
        let at_width: u8 = if span <= u64::from(u32::MAX) { 4 } else { 8 };
        let name_width = width_for(names);
        let value = &self.value[events.clone()];
        let mut dict: Vec<u64> = value.iter().map(|v| v.to_bits()).collect();
        dict.sort_unstable();
        dict.dedup();
        let value_width = match dict.len() {
            0..=256 => 1,
            257..=65_536 => 2,
            _ => 8,
        };
        if value_width == 8 {
            dict.clear();
        }
        let mut b = Vec::with_capacity(32 + events.len() * 8);
        b.extend_from_slice(&(runs.len() as u32).to_le_bytes());
        b.extend_from_slice(&(events.len() as u32).to_le_bytes());
        b.extend_from_slice(&base.to_le_bytes());
        b.extend_from_slice(&[at_width, name_width, value_width, 0]);
        b.extend_from_slice(&(dict.len() as u32).to_le_bytes());
        for &k in &self.keys[runs.clone()] {
            b.extend_from_slice(&k.to_le_bytes());
        }
        for &n in &self.counts[runs] {
            b.extend_from_slice(&n.to_le_bytes());
        }
        for &t in at {
            // Exact for any two times: the width-8 offset wraps and unwraps.
            let d = t.wrapping_sub(base) as u64;
            if at_width == 4 {
                b.extend_from_slice(&(d as u32).to_le_bytes());
            } else {
                b.extend_from_slice(&d.to_le_bytes());
            }
        }
        for &n in &self.name[events] {
            put(&mut b, u64::from(n), name_width);
        }
        for &d in &dict {
            b.extend_from_slice(&d.to_le_bytes());
        }
        for v in value {
            let bits = v.to_bits();
            match value_width {
                8 => b.extend_from_slice(&bits.to_le_bytes()),
                w => put(&mut b, dict.binary_search(&bits).unwrap_or(0) as u64, w),
            }
        }
        b
    }
}

fn width_for(n: usize) -> u8 {
    match n {
        0..=256 => 1,
        257..=65_536 => 2,
        _ => 4,
    }
}

fn put(b: &mut Vec<u8>, v: u64, width: u8) {
    b.extend_from_slice(&v.to_le_bytes()[..usize::from(width)]);
}

/// A word-at-a-time checksum in four lanes: any change to one word changes its lane, and
/// so the sum; fast enough (several GB/s) to check the whole copy at every load.
fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let step = |l: u64, w: u64| (l ^ w).wrapping_mul(K).rotate_left(29);
    let mut lanes = [1u64, 2, 3, 4];
    let mut chunks = bytes.chunks_exact(32);
    for c in &mut chunks {
        for (l, w) in lanes.iter_mut().zip(c.chunks_exact(8)) {
            *l = step(*l, u64::from_le_bytes(w.try_into().unwrap_or_default()));
        }
    }
    for (i, w) in chunks.remainder().chunks(8).enumerate() {
        let mut word = [0u8; 8];
        word[..w.len()].copy_from_slice(w);
        lanes[i] = step(lanes[i], u64::from_le_bytes(word));
    }
    let mut h = bytes.len() as u64;
    for l in lanes {
        h = step(h, l);
    }
    h ^ (h >> 32)
}

/// A reader over one part's bytes that fails (None) rather than reading past its end.
struct Bytes<'a>(&'a [u8]);

impl<'a> Bytes<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn i64(&mut self) -> Option<i64> {
        Some(i64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    /// `n` values of `width` bytes each.
    fn column(&mut self, n: usize, width: u8) -> Option<&'a [u8]> {
        self.take(n.checked_mul(usize::from(width))?)
    }
}

/// Widens a column of 1, 2 or 4-byte little-endian numbers into `out`.
fn widen(column: &[u8], width: u8, out: &mut [u32]) {
    match width {
        1 => out
            .iter_mut()
            .zip(column)
            .for_each(|(o, &b)| *o = u32::from(b)),
        2 => out
            .iter_mut()
            .zip(column.chunks_exact(2))
            .for_each(|(o, b)| *o = u32::from(u16::from_le_bytes([b[0], b[1]]))),
        _ => out
            .iter_mut()
            .zip(column.chunks_exact(4))
            .for_each(|(o, b)| *o = u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
    }
}

/// The header: the revision, the totals and each part's checksum.
struct Header {
    revision: i64,
    events: usize,
    runs: usize,
    names: usize,
    sums: Vec<u64>,
    /// Each part's events, so each can be decoded into its place as soon as it is read.
    lengths: Vec<usize>,
}

fn header(data: &[u8]) -> Option<Header> {
    let (body, sum) = data.split_at(data.len().checked_sub(8)?);
    if checksum(body) != u64::from_le_bytes(sum.try_into().ok()?) {
        return None;
    }
    let mut b = Bytes(body);
    if b.take(4)? != MAGIC {
        return None;
    }
    let revision = b.i64()?;
    let events = usize::try_from(b.u64()?).ok()?;
    let runs = usize::try_from(b.u64()?).ok()?;
    let names = usize::try_from(b.u64()?).ok()?;
    let parts = usize::try_from(b.u64()?).ok()?;
    let mut sums = Vec::new();
    let mut lengths = Vec::new();
    for _ in 0..parts {
        sums.push(b.u64()?);
        lengths.push(b.u32()? as usize);
    }
    let whole = lengths.iter().try_fold(0usize, |n, &l| n.checked_add(l)) == Some(events);
    (b.0.is_empty() && whole).then_some(Header {
        revision,
        events,
        runs,
        names,
        sums,
        lengths,
    })
}

/// One part's runs, and its events decoded into the given slices (exactly its length).
fn decode_part(
    data: &[u8],
    names: usize,
    at: &mut [i64],
    name: &mut [u32],
    value: &mut [f64],
) -> Option<(Vec<i64>, Vec<u32>)> {
    let mut b = Bytes(data);
    let runs = b.u32()? as usize;
    let events = b.u32()? as usize;
    let base = b.i64()?;
    let (at_width, name_width, value_width, _) = (b.u8()?, b.u8()?, b.u8()?, b.u8()?);
    let dict_len = b.u32()? as usize;
    if events != at.len()
        || !matches!(at_width, 4 | 8)
        || name_width != width_for(names)
        || !matches!(value_width, 1 | 2 | 8)
    {
        return None;
    }
    let keys = b.column(runs, 8)?;
    let keys: Vec<i64> = keys
        .chunks_exact(8)
        .map(|k| i64::from_le_bytes(k.try_into().unwrap_or_default()))
        .collect();
    let counts = b.column(runs, 4)?;
    let counts: Vec<u32> = counts
        .chunks_exact(4)
        .map(|k| u32::from_le_bytes(k.try_into().unwrap_or_default()))
        .collect();
    let times = b.column(events, at_width)?;
    let names_col = b.column(events, name_width)?;
    let dict = b.column(dict_len, 8)?;
    let dict: Vec<f64> = dict
        .chunks_exact(8)
        .map(|d| f64::from_bits(u64::from_le_bytes(d.try_into().unwrap_or_default())))
        .collect();
    let values = b.column(events, value_width)?;
    if !b.0.is_empty() || counts.iter().map(|&n| n as usize).sum::<usize>() != events {
        return None;
    }
    if at_width == 4 {
        for (t, d) in at.iter_mut().zip(times.chunks_exact(4)) {
            *t = base.wrapping_add(i64::from(u32::from_le_bytes([d[0], d[1], d[2], d[3]])));
        }
    } else {
        for (t, d) in at.iter_mut().zip(times.chunks_exact(8)) {
            *t = base.wrapping_add(u64::from_le_bytes(d.try_into().ok()?) as i64);
        }
    }
    // Times in order within each customer: the engine relies on it.
    let mut first = 0;
    for &n in &counts {
        let run = &at[first..first + n as usize];
        if n == 0 || run.windows(2).any(|w| w[0] > w[1]) {
            return None;
        }
        first += n as usize;
    }
    widen(names_col, name_width, name);
    if name.iter().any(|&n| n as usize >= names) {
        return None;
    }
    match value_width {
        8 => {
            for (v, d) in value.iter_mut().zip(values.chunks_exact(8)) {
                *v = f64::from_bits(u64::from_le_bytes(d.try_into().ok()?));
            }
        }
        w => {
            // Indexes into the dictionary, each checked, then looked up.
            let mut index = vec![0u32; value.len()];
            widen(values, w, &mut index);
            if index.iter().any(|&i| i as usize >= dict.len()) {
                return None;
            }
            for (v, &i) in value.iter_mut().zip(&index) {
                *v = dict[i as usize];
            }
        }
    }
    Some((keys, counts))
}

/// The copy made from `revision` of the events, when it is there and sound. Each part is
/// decoded into its place on another core while the next one is read.
fn read(
    conn: &Connection,
    revision: i64,
    names: usize,
) -> rusqlite::Result<Result<Columns, CopyState>> {
    let Some(head) = conn
        .query_row("SELECT data FROM event_copy WHERE part = 0", [], |r| {
            blob(r, 0)
        })
        .optional()?
    else {
        return Ok(Err(CopyState::Missing));
    };
    let Some(head) = head.as_deref().and_then(header) else {
        return Ok(Err(CopyState::Damaged));
    };
    if head.revision != revision || head.names != names {
        return Ok(Err(CopyState::Stale));
    }
    let mut stmt =
        conn.prepare_cached("SELECT part, data FROM event_copy WHERE part > 0 ORDER BY part")?;
    let mut rows = stmt.query([])?;
    let mut read = 0;
    let mut whole = true;
    let decoded = decode::<rusqlite::Error>(&head, names, |send| {
        while let Some(r) = rows.next()? {
            let (Ok(n), Some(data)) = (r.get::<_, i64>(0), blob(r, 1)?) else {
                whole = false;
                break;
            };
            if n != read as i64 + 1 || read >= head.lengths.len() {
                whole = false;
                break;
            }
            send(read, data);
            read += 1;
        }
        Ok(())
    })?;
    Ok(decoded
        .filter(|_| whole && read == head.lengths.len())
        .ok_or(CopyState::Damaged))
}

/// A column's bytes when it holds a blob (anything else is a damaged copy).
fn blob(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Option<Vec<u8>>> {
    Ok(match r.get_ref(i)? {
        rusqlite::types::ValueRef::Blob(b) => Some(b.to_vec()),
        _ => None,
    })
}

/// One part's place in the columns.
type Place<'a> = (&'a mut [i64], &'a mut [u32], &'a mut [f64]);
type Runs = Option<(Vec<i64>, Vec<u32>)>;

/// Decodes the parts `feed` hands over (its index and bytes, in any order) on every core,
/// each into its own stretch of the columns; None when any part is not sound.
fn decode<E>(
    head: &Header,
    names: usize,
    feed: impl FnOnce(&mut dyn FnMut(usize, Vec<u8>)) -> Result<(), E>,
) -> Result<Option<Columns>, E> {
    use std::sync::{Mutex, mpsc};
    let mut at = vec![0i64; head.events];
    let mut name = vec![0u32; head.events];
    let mut value = vec![0f64; head.events];
    let mut places: Vec<Mutex<Option<Place<'_>>>> = Vec::with_capacity(head.lengths.len());
    {
        let (mut a, mut n, mut v) = (at.as_mut_slice(), name.as_mut_slice(), value.as_mut_slice());
        for &len in &head.lengths {
            let (a1, a2) = a.split_at_mut(len);
            let (n1, n2) = n.split_at_mut(len);
            let (v1, v2) = v.split_at_mut(len);
            places.push(Mutex::new(Some((a1, n1, v1))));
            (a, n, v) = (a2, n2, v2);
        }
    }
    let runs: Vec<Mutex<Runs>> = head.lengths.iter().map(|_| Mutex::new(None)).collect();
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(head.lengths.len())
        .max(1);
    let (send, receive) = mpsc::channel::<(usize, Vec<u8>)>();
    let receive = Mutex::new(receive);
    let fed = std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let job = receive
                        .lock()
                        .map_err(|_| ())
                        .and_then(|r| r.recv().map_err(|_| ()));
                    let Ok((i, bytes)) = job else { break };
                    let place = places.get(i).and_then(|p| p.lock().ok()?.take());
                    let Some((a, n, v)) = place else { continue };
                    let found = (checksum(&bytes) == head.sums[i])
                        .then(|| decode_part(&bytes, names, a, n, v))
                        .flatten();
                    if let Ok(mut r) = runs[i].lock() {
                        *r = found;
                    }
                }
            });
        }
        let fed = feed(&mut |i, bytes| {
            let _ = send.send((i, bytes));
        });
        drop(send);
        fed
    });
    fed?;
    let mut keys = Vec::with_capacity(head.runs);
    let mut counts = Vec::with_capacity(head.runs);
    for r in runs {
        let Some((k, c)) = r.into_inner().ok().flatten() else {
            return Ok(None);
        };
        keys.extend(k);
        counts.extend(c);
    }
    // Customers in key order, each in one run.
    if keys.len() != head.runs || keys.windows(2).any(|w| w[0] >= w[1]) {
        return Ok(None);
    }
    Ok(Some(Columns {
        keys,
        counts,
        at,
        name,
        value,
    }))
}

/// The data's revision now.
fn revision(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT revision FROM data_revision", [], |r| r.get(0))
}

/// In a transaction that has changed the events: a new revision, and the copy of the
/// events as they now are, written before the transaction commits.
pub(super) fn rewrite(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("UPDATE data_revision SET revision = revision + 1", [])?;
    let (customers, names) = keys(conn)?;
    let columns = Columns::from_rows(conn, &customers, &names)?;
    write(conn, &columns, revision(conn)?, names.len())
}

fn write(
    conn: &Connection,
    columns: &Columns,
    revision: i64,
    names: usize,
) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM event_copy", [])?;
    let mut insert = conn.prepare_cached("INSERT INTO event_copy (part, data) VALUES (?, ?)")?;
    for (i, data) in columns.encode(revision, names).iter().enumerate() {
        insert.execute(rusqlite::params![i as i64, data])?;
    }
    Ok(())
}

/// The customers' keys and the event names' ids, each ascending.
fn keys(conn: &Connection) -> rusqlite::Result<(Vec<i64>, Vec<i64>)> {
    let ids = |sql: &str| -> rusqlite::Result<Vec<i64>> {
        conn.prepare_cached(sql)?
            .query_map([], |r| r.get(0))?
            .collect()
    };
    Ok((
        ids("SELECT key FROM customer ORDER BY key")?,
        ids("SELECT id FROM event_name ORDER BY id")?,
    ))
}

impl Store {
    /// The events as the engine loads them, with what became of the copy: read from it
    /// when it is current and sound, else made from the rows (and the copy written again,
    /// when this workspace may be written). `customers` and `names` as `Columns::from_rows`,
    /// read in `snapshot`, which ends before the copy is written.
    pub(crate) fn event_columns(
        &self,
        customers: &[i64],
        names: &[i64],
        snapshot: rusqlite::Transaction<'_>,
    ) -> Result<(Columns, CopyState)> {
        let fail = self.fail();
        let revision = revision(&self.conn).map_err(&fail)?;
        let state = match read(&self.conn, revision, names.len()).map_err(&fail)? {
            Ok(columns)
                if columns
                    .keys
                    .iter()
                    .all(|k| customers.binary_search(k).is_ok()) =>
            {
                return Ok((columns, CopyState::Current));
            }
            // A customer the copy has is gone: the copy is of other data.
            Ok(_) => CopyState::Stale,
            Err(state) => state,
        };
        let columns = Columns::from_rows(&self.conn, customers, names).map_err(&fail)?;
        drop(snapshot);
        if self.writable().is_ok() {
            // Written when nobody changed the events meanwhile; a copy that cannot be
            // written (a full disk, a busy writer) is made again next time.
            let _ = self.write_copy(&columns, revision, names.len());
        }
        Ok((columns, state))
    }

    /// The copy as it is stored, compared with its rows without writing anything: Current
    /// only when it is of the data's revision, sound, and holds exactly what the rows give
    /// (for checks after a crash; loading never needs the rows when the copy is current).
    pub fn verify_event_copy(&self) -> Result<CopyState> {
        let fail = self.fail();
        let _snapshot = self.conn.unchecked_transaction().map_err(&fail)?;
        let (customers, names) = keys(&self.conn).map_err(&fail)?;
        let revision = revision(&self.conn).map_err(&fail)?;
        Ok(
            match read(&self.conn, revision, names.len()).map_err(&fail)? {
                Ok(copy) => {
                    let rows = Columns::from_rows(&self.conn, &customers, &names).map_err(&fail)?;
                    if copy == rows {
                        CopyState::Current
                    } else {
                        CopyState::Stale
                    }
                }
                // No events were ever imported: there is nothing to disagree with.
                Err(CopyState::Missing) if revision == 0 => CopyState::Current,
                Err(state) => state,
            },
        )
    }

    fn write_copy(&self, columns: &Columns, revision: i64, names: usize) -> rusqlite::Result<()> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let written = (|| {
            if self::revision(&self.conn)? == revision {
                write(&self.conn, columns, revision, names)?;
            }
            Ok(())
        })();
        self.conn.execute_batch(if written.is_ok() {
            "COMMIT"
        } else {
            "ROLLBACK"
        })?;
        written
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::atomic::AtomicBool;

    use super::*;
    use crate::data::{ImportOptions, Table};

    /// The events' columns made from the rows alone, as the engine reads them.
    pub(crate) fn from_rows(store: &Store) -> (Vec<i64>, Vec<u32>, Vec<f64>) {
        let (customers, names) = keys(&store.conn).unwrap();
        let c = Columns::from_rows(&store.conn, &customers, &names).unwrap();
        (c.at, c.name, c.value)
    }

    fn state(store: &Store) -> CopyState {
        store.load_dataset_with_copy().unwrap().1
    }

    /// The whole data set as the engine sees it, to compare two loads.
    fn engine_view(store: &Store) -> String {
        let d = store.load_dataset().unwrap();
        format!(
            "{:?}",
            (&d.customers, &d.names, &d.offsets, &d.at, &d.name, &d.value)
        )
    }

    /// A workspace with four customers (one with no events) and 3,000 events in no order,
    /// ties at one time included, so the copy has several runs and a tie to keep.
    fn workspace() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("w.sqlite3")).unwrap();
        let customers = dir.path().join("customers.csv");
        std::fs::write(&customers, "customer_id,name\nC1,A\nC2,B\nC3,C\nC4,D\n").unwrap();
        let events = dir.path().join("events.csv");
        let mut text = String::from("customer_id,timestamp,event,value\n");
        for i in 0..3_000u64 {
            let at = 1_750_000_000 - (i * 7_919 % 2_000) * 3_600;
            text.push_str(&format!("C{},{at},e{},{}\n", i % 3 + 1, i % 5, i % 11));
        }
        std::fs::write(&events, text).unwrap();
        for (table, path) in [(Table::Customers, customers), (Table::Events, events)] {
            let opts = ImportOptions::new(table, &path);
            store
                .import(&opts, &mut |_| {}, &AtomicBool::new(false))
                .unwrap();
        }
        (dir, store)
    }

    #[test]
    fn a_missing_stale_or_damaged_copy_is_made_again_from_the_rows_with_the_same_data() {
        let (_dir, store) = workspace();
        assert_eq!(state(&store), CopyState::Current, "the import wrote it");
        let truth = engine_view(&store);
        let breakages: [(&str, CopyState); 5] = [
            ("DELETE FROM event_copy", CopyState::Missing),
            (
                "UPDATE data_revision SET revision = revision + 1",
                CopyState::Stale,
            ),
            (
                "UPDATE event_copy SET data = substr(data, 1, 100) WHERE part = 1",
                CopyState::Damaged,
            ),
            // One byte of a time changed, the blob's length kept.
            (
                "UPDATE event_copy SET data = substr(data, 1, 60) || x'ff' || substr(data, 62) WHERE part = 1",
                CopyState::Damaged,
            ),
            (
                "UPDATE event_copy SET data = x'00' WHERE part = 0",
                CopyState::Damaged,
            ),
        ];
        for (sql, expected) in breakages {
            store.conn.execute_batch(sql).unwrap();
            assert_eq!(state(&store), expected, "{sql}");
            assert_eq!(engine_view(&store), truth, "after {sql}");
            assert_eq!(
                state(&store),
                CopyState::Current,
                "written again after {sql}"
            );
        }
        // Rows changed behind the copy's back with a new revision: the rows win.
        store
            .conn
            .execute_batch(
                "DELETE FROM event WHERE rowid % 2 = 0; \
                 UPDATE data_revision SET revision = revision + 1",
            )
            .unwrap();
        assert_eq!(state(&store), CopyState::Stale);
        assert_eq!(
            {
                let d = store.load_dataset().unwrap();
                (d.at, d.name, d.value)
            },
            from_rows(&store)
        );
    }

    #[test]
    fn a_refused_or_cancelled_import_leaves_the_copy_current_and_unchanged() {
        let (dir, mut store) = workspace();
        let truth = engine_view(&store);
        let bad = dir.path().join("bad.csv");
        std::fs::write(
            &bad,
            "customer_id,timestamp,event,value\nC1,2025-01-01,e1,1\nC1,not a date,e1,1\n",
        )
        .unwrap();
        let out = store
            .import(
                &ImportOptions::new(Table::Events, &bad),
                &mut |_| {},
                &AtomicBool::new(false),
            )
            .unwrap();
        assert!(!out.committed);
        let cancelled = store.import(
            &ImportOptions::new(Table::Events, &bad),
            &mut |_| {},
            &AtomicBool::new(true),
        );
        assert!(cancelled.is_err() || !cancelled.unwrap().committed);
        assert_eq!(state(&store), CopyState::Current);
        assert_eq!(engine_view(&store), truth);
    }

    #[test]
    fn a_read_only_workspace_with_a_stale_copy_is_read_from_its_rows_and_left_as_it_is() {
        let (dir, store) = workspace();
        let truth = engine_view(&store);
        store.conn.execute_batch("DELETE FROM event_copy").unwrap();
        drop(store);
        let path = dir.path().join("w.sqlite3");
        let mut perms = std::fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&path, perms).unwrap();
        let before = std::fs::read(&path).unwrap();
        let store = Store::open(&path).unwrap();
        if store.read_only().is_none() {
            return; // root may write a read-only file: nothing to show here
        }
        assert_eq!(state(&store), CopyState::Missing);
        assert_eq!(engine_view(&store), truth);
        drop(store);
        assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte written");
    }

    fn sample(events: usize, customers: i64, names: u32, seed: u64) -> Columns {
        let mut s = seed;
        let mut next = move || {
            s = s
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            s >> 33
        };
        let keys: Vec<i64> = (1..=customers).map(|k| k * 3).collect();
        let mut cust = Vec::new();
        let mut at = Vec::new();
        let mut name = Vec::new();
        let mut value = Vec::new();
        for _ in 0..events {
            cust.push((next() % customers as u64) as u32);
            at.push(1_600_000_000 + (next() % 40_000_000) as i64);
            name.push((next() % u64::from(names)) as u32);
            value.push(match next() % 4 {
                0 => 1.0,
                1 => (next() % 100) as f64,
                2 => (next() % 100_000) as f64 / 7.0,
                _ => 2.5,
            });
        }
        Columns::group(&keys, &cust, &at, &name, &value)
    }

    /// Decodes `parts` (after the header) as a read of the workspace would.
    fn decode_all(head: &Header, parts: &[Vec<u8>], names: usize) -> Option<Columns> {
        if parts.len() != head.lengths.len() {
            return None;
        }
        decode::<()>(head, names, |send| {
            // Out of order: each part has its own place whatever comes first.
            for (i, p) in parts.iter().enumerate().rev() {
                send(i, p.clone());
            }
            Ok(())
        })
        .unwrap()
    }

    fn round_trip(c: &Columns, names: usize) -> Option<Columns> {
        let parts = c.encode(7, names);
        let head = header(&parts[0])?;
        assert_eq!(head.revision, 7);
        decode_all(&head, &parts[1..], names)
    }

    #[test]
    fn the_copy_reads_back_exactly_what_was_written() {
        for (events, customers, names) in [
            (0, 5, 3),
            (10, 3, 2),
            (700_000, 4_000, 40),
            (300_000, 20, 70_000),
        ] {
            let c = sample(events, customers, names, events as u64 + 1);
            assert_eq!(
                round_trip(&c, names as usize).as_ref(),
                Some(&c),
                "{events} events"
            );
        }
    }

    #[test]
    fn wide_times_and_many_distinct_values_keep_their_exact_bits() {
        let mut c = sample(300_000, 50, 5, 3);
        c.at[0] = -5_000_000_000; // a span wider than u32
        c.at.sort_unstable();
        let n = c.value.len();
        for (i, v) in c.value.iter_mut().enumerate() {
            *v = (i as f64).sqrt() * if i % 2 == 0 { -1.0 } else { 1e300 };
        }
        c.value[n - 1] = f64::NAN;
        c.keys = vec![1];
        c.counts = vec![n as u32];
        let back = round_trip(&c, 5).unwrap();
        assert_eq!(back.at, c.at);
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&back.value), bits(&c.value));
    }

    #[test]
    fn any_changed_byte_is_found() {
        let c = sample(20_000, 30, 9, 5);
        let parts = c.encode(1, 9);
        for p in 0..parts.len() {
            for i in (0..parts[p].len()).step_by(97) {
                let mut broken = parts.clone();
                broken[p][i] ^= 0x10;
                let found = header(&broken[0]).and_then(|h| decode_all(&h, &broken[1..], 9));
                assert!(found.is_none(), "byte {i} of part {p} changed, not noticed");
            }
        }
        let mut short = parts.clone();
        short.pop();
        assert!(decode_all(&header(&short[0]).unwrap(), &short[1..], 9).is_none());
    }

    #[test]
    fn grouping_keeps_file_order_between_events_at_the_same_time() {
        let keys = [10, 20];
        let c = Columns::group(
            &keys,
            &[1, 0, 1, 1],
            &[5, 9, 5, 1],
            &[0, 1, 2, 3],
            &[1.0, 2.0, 3.0, 4.0],
        );
        assert_eq!(c.keys, vec![10, 20]);
        assert_eq!(c.counts, vec![1, 3]);
        assert_eq!(c.at, vec![9, 1, 5, 5]);
        assert_eq!(c.name, vec![1, 3, 0, 2]);
    }
}
