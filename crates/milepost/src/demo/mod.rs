//! A realistic demo data set: customers in segments with owners and start dates over two
//! years, usage events that move them through the built-in templates' milestones (billing
//! cycles, photos uploaded, leads captured…), churn that is likelier for those who stall,
//! and stakeholders with matrix scores. The same seed always gives the same files.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

mod profile;
mod usage;

pub use profile::{Profile, profiles};

use crate::format::{date as format_date, timestamp as format_timestamp};
use crate::{Error, Result};

/// The day the demo data ends (its as-of date).
pub const AS_OF: (i32, u32, u32) = (2025, 12, 31);

/// Small, fast, reproducible random numbers (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [lo, hi].
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next_u64() as usize % items.len()]
    }
}

const DAY: i64 = 86_400;
const ADJECTIVES: &[&str] = &[
    "Blue",
    "Northern",
    "Bright",
    "Silver",
    "Rapid",
    "Green",
    "Summit",
    "Harbor",
    "Golden",
    "Urban",
    "Pioneer",
    "Clear",
    "Atlas",
    "Crescent",
    "Evergreen",
    "Granite",
];
const NOUNS: &[&str] = &[
    "Motors",
    "Logistics",
    "Foods",
    "Health",
    "Analytics",
    "Retail",
    "Energy",
    "Labs",
    "Dental",
    "Outdoors",
    "Finance",
    "Media",
    "Builders",
    "Travel",
    "Auto Group",
    "Systems",
];
const SUFFIXES: &[&str] = &["Inc", "Ltd", "GmbH", "BV", "Co", "LLC", "SA", "AB"];
const INDUSTRIES: &[&str] = &[
    "Automotive",
    "Retail",
    "Healthcare",
    "Manufacturing",
    "Software",
    "Logistics",
    "Financial services",
    "Hospitality",
];
const OWNERS: &[&str] = &[
    "Ana Ruiz",
    "Ben Okafor",
    "Chloé Martin",
    "Dev Patel",
    "Emma Lind",
    "Felix Braun",
    "Grace Kim",
    "Hugo Silva",
];
const FIRST: &[&str] = &[
    "Alex", "Sam", "Jordan", "Maria", "Li", "Noah", "Olivia", "Priya", "Tom", "Sofia", "Omar",
    "Lena", "Marco", "Aiko", "Kofi", "Ingrid",
];
const LAST: &[&str] = &[
    "Smith",
    "Garcia",
    "Chen",
    "Müller",
    "Rossi",
    "Nowak",
    "Johansson",
    "Dubois",
    "Haddad",
    "Tanaka",
    "Mensah",
    "O'Brien",
];
const TITLES: &[(&str, bool)] = &[
    ("CFO", true),
    ("Finance manager", false),
    ("Head of operations", true),
    ("Controller", false),
    ("Marketing director", true),
    ("Dealer principal", true),
    ("IT lead", false),
    ("Office manager", false),
];

/// What `write_files` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoFiles {
    pub customers: PathBuf,
    pub events: PathBuf,
    pub stakeholders: PathBuf,
    pub customer_rows: u64,
    pub event_rows: u64,
    pub stakeholder_rows: u64,
}

struct Out {
    w: BufWriter<File>,
    path: PathBuf,
    rows: u64,
}

impl Out {
    fn create(path: PathBuf, header: &str) -> Result<Self> {
        let file = File::create(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let mut out = Out {
            w: BufWriter::with_capacity(1 << 20, file),
            path,
            rows: 0,
        };
        out.line(format_args!("{header}"))?;
        out.rows = 0;
        Ok(out)
    }

    fn line(&mut self, args: std::fmt::Arguments<'_>) -> Result<()> {
        self.rows += 1;
        self.w
            .write_fmt(args)
            .and_then(|()| self.w.write_all(b"\n"))
            .map_err(|source| Error::Io {
                path: self.path.clone(),
                source,
            })
    }

    fn finish(mut self) -> Result<(PathBuf, u64)> {
        self.w.flush().map_err(|source| Error::Io {
            path: self.path.clone(),
            source,
        })?;
        Ok((self.path, self.rows))
    }
}

/// Writes `customers.csv`, `events.csv` and `stakeholders.csv` into `dir`.
pub fn write_files(dir: &Path, customers: usize, seed: u64) -> Result<DemoFiles> {
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        path: dir.to_owned(),
        source,
    })?;
    let mut rng = Rng::new(seed);
    let as_of =
        crate::data::values::day_start(AS_OF.0, AS_OF.1, AS_OF.2).expect("a real day") + DAY - 1;
    let mut cust = Out::create(
        dir.join("customers.csv"),
        "customer_id,name,segment,industry,plan,arr,start_date,churn_date,owner,region",
    )?;
    let mut events = Out::create(dir.join("events.csv"), "customer_id,timestamp,event,value")?;
    let mut people = Out::create(
        dir.join("stakeholders.csv"),
        "customer_id,name,title,decision_maker,purpose,intent,desire,skills,revenue_impact,modularity,effort,complexity",
    )?;
    for i in 0..customers {
        let id = format!("C{:06}", i + 1);
        let roll = rng.unit();
        let (segment, plan, arr_base) = if roll < 0.6 {
            ("SMB", "Starter", 6_000)
        } else if roll < 0.9 {
            ("Mid-market", "Growth", 30_000)
        } else {
            ("Enterprise", "Enterprise", 120_000)
        };
        let arr = arr_base + rng.range(0, arr_base);
        let start = as_of - rng.range(7, 730) * DAY;
        let start = start - start.rem_euclid(DAY);
        // How fast the customer moves and whether (and where) it stops for good; those
        // that stop mostly churn a while later, so churn gathers early in the funnel.
        let engagement = rng.unit();
        let pace = 1.3 - 0.6 * engagement + rng.unit() * 0.2;
        let stop = rng.chance(0.45 - 0.2 * engagement).then(|| rng.unit());
        let churn = match stop {
            Some(f) if rng.chance(0.9 - 0.4 * f) => {
                Some(start + ((f * 420.0 * pace) as i64 + rng.range(30, 150)) * DAY)
            }
            None if rng.chance(0.03) => Some(start + rng.range(60, 700) * DAY),
            _ => None,
        }
        .filter(|&c| c <= as_of);
        let journey = usage::Journey {
            start,
            pace,
            stop,
            end: churn.map_or(as_of, |c| c - 1),
        };
        let mut ev: usage::Events = Vec::new();
        usage::billing(&journey, &mut rng, &mut ev);
        usage::dealer(&journey, &mut rng, &mut ev);
        usage::inbound(&journey, &mut rng, &mut ev);
        // Capability events draw from their own stream, so adding them left every other
        // demo number as it was.
        let mut own = Rng::new(seed ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        usage::capabilities(&journey, &mut own, &mut ev);
        ev.sort_by_key(|e| e.0);
        let name = format!(
            "{} {} {}",
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS),
            rng.pick(SUFFIXES)
        );
        cust.line(format_args!(
            "{id},{name},{segment},{},{plan},{arr},{},{},{},{}",
            rng.pick(INDUSTRIES),
            format_date(start),
            churn.map(format_date).unwrap_or_default(),
            rng.pick(OWNERS),
            rng.pick(&["EMEA", "Americas", "APAC"]),
        ))?;
        for (at, event, value) in ev {
            events.line(format_args!(
                "{id},{},{event},{}",
                format_timestamp(at),
                crate::journey::number::display(value)
            ))?;
        }
        let mut used = Vec::new();
        for _ in 0..rng.range(1, 4) {
            let person = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
            if used.contains(&person) {
                continue;
            }
            let (title, dm) = *rng.pick(TITLES);
            let mut score = || rng.range(1, 10);
            people.line(format_args!(
                "{id},{person},{title},{},{},{},{},{},{},{},{},{}",
                if dm { "yes" } else { "no" },
                score(),
                score(),
                score(),
                score(),
                score(),
                score(),
                score(),
                score()
            ))?;
            used.push(person);
        }
    }
    let (customers, customer_rows) = cust.finish()?;
    let (events, event_rows) = events.finish()?;
    let (stakeholders, stakeholder_rows) = people.finish()?;
    Ok(DemoFiles {
        customers,
        events,
        stakeholders,
        customer_rows,
        event_rows,
        stakeholder_rows,
    })
}

/// How far loading the demo is: what it is doing, in words, and the share of the whole
/// done (0 to 1), sent as it goes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct DemoProgress {
    pub step: String,
    pub done: f64,
}

/// Fills the workspace with a demo data set (replacing stored events): what `milepost
/// demo` and the app's "Load demo data" do.
pub fn load(store: &mut crate::store::Store, customers: usize, seed: u64) -> Result<()> {
    load_with(store, customers, seed, &mut |_| {})
}

/// `load`, telling `progress` what it is doing. The files are written, then imported
/// through the same import as anyone's (the events take most of the time).
pub fn load_with(
    store: &mut crate::store::Store,
    customers: usize,
    seed: u64,
    progress: &mut dyn FnMut(DemoProgress),
) -> Result<()> {
    use crate::data::Table;
    // One backup of what the demo replaces, not one before each of its three tables.
    store.backup_before(crate::store::backup::Reason::BeforeImport)?;
    let dir = tempfile::tempdir().map_err(|source| Error::Io {
        path: std::env::temp_dir(),
        source,
    })?;
    progress(DemoProgress {
        step: format!(
            "Making up {} with two years of usage",
            crate::format::counted(customers as u64, "customer")
        ),
        done: 0.0,
    });
    let files = write_files(dir.path(), customers, seed)?;
    let never = std::sync::atomic::AtomicBool::new(false);
    // The share of the whole each part takes (writing, then each table's import).
    let (written, parts) = (0.2, [0.03, 0.72, 0.05]);
    let mut before = written;
    for ((table, path, rows), part) in [
        (Table::Customers, files.customers, files.customer_rows),
        (Table::Events, files.events, files.event_rows),
        (
            Table::Stakeholders,
            files.stakeholders,
            files.stakeholder_rows,
        ),
    ]
    .into_iter()
    .zip(parts)
    {
        let noun = match table {
            Table::Customers => "customer",
            Table::Events => "event",
            Table::Stakeholders => "stakeholder",
        };
        let step = format!("Importing {}", crate::format::counted(rows, noun));
        progress(DemoProgress {
            step: step.clone(),
            done: before,
        });
        let mut opts = crate::data::ImportOptions::new(table, path);
        opts.replace = true;
        store.import_after_backup(
            &opts,
            &mut |p| {
                let share = if p.total > 0 {
                    p.done as f64 / p.total as f64
                } else {
                    0.0
                };
                progress(DemoProgress {
                    step: step.clone(),
                    done: before + part * share.clamp(0.0, 1.0),
                });
            },
            &never,
        )?;
        before += part;
    }
    progress(DemoProgress {
        step: "Demo data loaded".to_owned(),
        done: 1.0,
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loading_says_what_it_does_and_only_moves_forward() {
        let mut store = crate::store::Store::open_in_memory().unwrap();
        let mut heard = Vec::new();
        load_with(&mut store, 60, 3, &mut |p| heard.push(p)).unwrap();
        let steps: Vec<&str> = heard.iter().map(|p| p.step.as_str()).collect();
        let mut distinct = steps.clone();
        distinct.dedup();
        assert_eq!(
            distinct[0],
            "Making up 60 customers with two years of usage"
        );
        assert_eq!(distinct[1], "Importing 60 customers");
        assert!(distinct[2].starts_with("Importing ") && distinct[2].ends_with(" events"));
        assert!(distinct[3].ends_with(" stakeholders"), "{distinct:?}");
        assert_eq!(distinct[4], "Demo data loaded");
        assert!(
            heard.windows(2).all(|w| w[0].done <= w[1].done),
            "progress went back"
        );
        assert_eq!(heard.last().unwrap().done, 1.0);
    }

    #[test]
    fn the_same_seed_writes_the_same_files() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let fa = write_files(a.path(), 50, 7).unwrap();
        let fb = write_files(b.path(), 50, 7).unwrap();
        assert_eq!(fa.customer_rows, 50);
        assert!(fa.event_rows > 500, "{} events", fa.event_rows);
        for (x, y) in [(fa.customers, fb.customers), (fa.events, fb.events)] {
            assert_eq!(std::fs::read(x).unwrap(), std::fs::read(y).unwrap());
        }
    }
}
