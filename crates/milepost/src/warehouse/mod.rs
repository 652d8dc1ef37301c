//! The journey assessed where the data lives: the SQL of `crate::sql` run on PostgreSQL —
//! and what speaks its wire protocol, Citus among them — and only the small per-customer
//! results read back (who is in the population, when each reached each milestone, each
//! metric's value, baseline and capability adopted). From those the engine's own code
//! computes the funnel, health, the matrices and value against peers, so its numbers are
//! the in-memory engine's to the byte.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::engine::{Assessment, Customer, Dataset};
use crate::journey::Journey;
use crate::sql::{self, Dialect, Options, Output, Source, SqlError};

/// The population and its assessment, as the warehouse computed them.
#[derive(Debug)]
pub struct Assessed {
    /// The population's customers (no events: the warehouse keeps them).
    pub data: Dataset,
    pub a: Assessment,
}

#[derive(Debug, thiserror::Error)]
pub enum WarehouseError {
    #[error(transparent)]
    Sql(#[from] SqlError),
    #[error(
        "the PostgreSQL URL cannot be read: {0} (expected postgresql://USER@HOST:PORT/DATABASE, or ?host=/socket/folder for a local socket)"
    )]
    Url(String),
    #[error("{at} asks for TLS (sslmode=require), and this connection could not make it: {reason}")]
    Tls { at: String, reason: String },
    #[error("could not connect to PostgreSQL at {at}: {reason}")]
    Connect { at: String, reason: String },
    #[error("PostgreSQL at {at} could not run the journey's query: {reason}{hint}")]
    Query {
        at: String,
        reason: String,
        hint: String,
    },
    #[error("the refresh was cancelled; the results before it are kept")]
    Cancelled,
    #[error("PostgreSQL at {at} returned {what} Milepost cannot read: {reason}")]
    Result {
        at: String,
        what: &'static str,
        reason: String,
    },
}

/// Where a connection goes, for messages: user, hosts and database — never the password.
fn describe(config: &postgres::Config) -> String {
    let ports = config.get_ports();
    let hosts = config
        .get_hosts()
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let host = match h {
                postgres::config::Host::Tcp(name) => name.clone(),
                #[cfg(unix)]
                postgres::config::Host::Unix(path) => path.display().to_string(),
            };
            let port = ports.get(i).or(ports.first()).copied().unwrap_or(5432);
            format!("{host}:{port}")
        })
        .collect::<Vec<_>>()
        .join(",");
    format!(
        "{}@{hosts}/{}",
        config.get_user().unwrap_or("?"),
        config.get_dbname().unwrap_or("?")
    )
}

/// libpq's reading of a URL whose query names the host (`postgresql://u@localhost/db?host=
/// /run/pg`): the query's host replaces the one before the path, where the Rust client
/// would try both.
fn libpq_url(url: &str) -> String {
    // The Rust client knows disable, prefer and require; require here checks the
    // certificate, which is what verify-ca and verify-full ask for.
    let url = url
        .replace("sslmode=verify-full", "sslmode=require")
        .replace("sslmode=verify-ca", "sslmode=require");
    let url = url.as_str();
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((_, query)) = rest.split_once('?') else {
        return url.to_owned();
    };
    if !query.split('&').any(|kv| kv.starts_with("host=")) {
        return url.to_owned();
    }
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let user = authority.rsplit_once('@').map_or("", |(u, _)| u);
    let user = if user.is_empty() {
        String::new()
    } else {
        format!("{user}@")
    };
    format!("{scheme}://{user}{tail}")
}

/// What a database error says, with the hint that usually fixes it.
fn query_error(at: &str, e: &postgres::Error) -> WarehouseError {
    let (reason, code) = match e.as_db_error() {
        Some(db) => (db.message().to_owned(), Some(db.code().clone())),
        None => (e.to_string(), None),
    };
    use postgres::error::SqlState;
    let hint = match code {
        Some(c) if c == SqlState::UNDEFINED_TABLE => {
            "; --customers-table and --events-table name your tables (schema.table)"
        }
        Some(c) if c == SqlState::UNDEFINED_COLUMN => {
            "; --column NAME=YOURS names a column yours calls otherwise (docs/SEMANTICS.md, \"The SQL contract\")"
        }
        Some(c) if c == SqlState::UNDEFINED_FUNCTION || c == SqlState::DATATYPE_MISMATCH => {
            "; check the columns' types against the contract: ts a timestamp, start_date and churn_date dates, value and arr numbers"
        }
        _ => "",
    };
    WarehouseError::Query {
        at: at.to_owned(),
        reason,
        hint: hint.to_owned(),
    }
}

/// Connects to the URL (libpq's forms: `postgresql://user:pass@host:port/db?sslmode=…`,
/// `host=/socket/folder` for a Unix socket).
fn connect(
    url: &str,
    password: Option<&str>,
) -> Result<
    (
        postgres::Client,
        String,
        Option<tokio_postgres_rustls::MakeRustlsConnect>,
    ),
    WarehouseError,
> {
    let mut config: postgres::Config = libpq_url(url)
        .parse()
        .map_err(|e: postgres::Error| WarehouseError::Url(e.to_string()))?;
    // libpq's convention: a password not in the URL comes from $PGPASSWORD, so it need
    // not be on a command line for others to see; the app gives the one it asked for.
    if let Some(password) = password {
        config.password(password);
    } else if config.get_password().is_none()
        && let Some(password) = std::env::var_os("PGPASSWORD")
    {
        config.password(password.as_encoded_bytes());
    }
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(15));
    }
    config.application_name("milepost");
    let at = describe(&config);
    // `require` (and libpq's verify-ca and verify-full, read as it) encrypts and checks
    // the server's certificate against the machine's trusted roots and $PGSSLROOTCERT: a
    // password never goes to a server that cannot prove who it is.
    let tls = match config.get_ssl_mode() {
        postgres::config::SslMode::Require => Some(tls(&at)?),
        _ => None,
    };
    let connected = match &tls {
        Some(tls) => config.connect(tls.clone()),
        None => config.connect(postgres::NoTls),
    };
    let client = connected.map_err(|e| {
        let reason = e
            .as_db_error()
            .map_or_else(|| source_text(&e), |d| d.message().to_owned());
        if config.get_ssl_mode() == postgres::config::SslMode::Require
            && (reason.contains("certificate") || reason.contains("TLS") || reason.contains("tls"))
        {
            WarehouseError::Tls {
                at: at.clone(),
                reason,
            }
        } else {
            WarehouseError::Connect {
                at: at.clone(),
                reason,
            }
        }
    })?;
    Ok((client, at, tls))
}

/// TLS with rustls: the machine's trusted certificates, and a CA file of one's own in
/// $PGSSLROOTCERT (libpq's name for it), as a company's internal servers need.
fn tls(at: &str) -> Result<tokio_postgres_rustls::MakeRustlsConnect, WarehouseError> {
    let fail = |reason: String| WarehouseError::Tls {
        at: at.to_owned(),
        reason,
    };
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls_native_certs::load_native_certs().certs {
        // A certificate the machine keeps but rustls cannot read is no root of ours.
        let _ = roots.add(cert);
    }
    if let Some(file) = std::env::var_os("PGSSLROOTCERT") {
        use rustls::pki_types::pem::PemObject;
        let path = std::path::PathBuf::from(file);
        let certs = rustls::pki_types::CertificateDer::pem_file_iter(&path).map_err(|e| {
            fail(format!(
                "{} (PGSSLROOTCERT) cannot be read: {e}",
                path.display()
            ))
        })?;
        for cert in certs {
            let cert = cert.map_err(|e| {
                fail(format!(
                    "{} (PGSSLROOTCERT) holds a certificate that cannot be read: {e}",
                    path.display()
                ))
            })?;
            roots
                .add(cert)
                .map_err(|e| fail(format!("{} (PGSSLROOTCERT): {e}", path.display())))?;
        }
    }
    // ring: it builds in seconds, where aws-lc-rs (which adds post-quantum key exchange)
    // needs cmake and minutes on a small machine; the key exchange stays X25519/ECDHE.
    #[allow(deprecated)]
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| fail(e.to_string()))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// The deepest cause's words (an I/O error's "No such file or directory", say).
fn source_text(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text = format!("{text}: {c}");
        cause = c.source();
    }
    text
}

/// How a run is watched from elsewhere (the app): the password asked for (never written
/// anywhere), a flag that cancels the query running, and what it is doing now, in words.
#[derive(Default, Clone, Copy)]
pub struct Watch<'a> {
    pub password: Option<&'a str>,
    pub cancel: Option<&'a AtomicBool>,
    pub progress: Option<&'a (dyn Fn(&str) + Sync)>,
}

impl std::fmt::Debug for Watch<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch")
            .field("password", &self.password.map(|_| "…"))
            .field("cancel", &self.cancel)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

impl Watch<'_> {
    fn say(&self, what: &str) {
        if let Some(p) = self.progress {
            p(what);
        }
    }

    fn cancelled(&self) -> bool {
        self.cancel.is_some_and(|c| c.load(Ordering::Relaxed))
    }
}

/// Where a warehouse is and what its two tables are called: what the app keeps in the
/// workspace to refresh from. The URL never holds the password (`split_password`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Connection {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub customers_table: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub events_table: Option<String>,
    /// A column's name in the warehouse by the contract's name (`events.event` →
    /// `event_name`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[ts(optional, as = "Option<BTreeMap<String, String>>")]
    pub columns: BTreeMap<String, String>,
}

impl Connection {
    pub fn source(&self) -> Source {
        Source {
            customers_table: self.customers_table.clone(),
            events_table: self.events_table.clone(),
            columns: self.columns.clone(),
        }
    }

    /// Where it connects, for the screen: user, host and database, never the password.
    pub fn describe(&self) -> Result<String, WarehouseError> {
        let config: postgres::Config = libpq_url(&self.url)
            .parse()
            .map_err(|e: postgres::Error| WarehouseError::Url(e.to_string()))?;
        Ok(describe(&config))
    }
}

/// The warehouse as the Data screen shows it, for one journey.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct WarehouseStatus {
    /// Where it connects (no password), and how it reads the tables; none when the
    /// workspace uses its imported files.
    pub connection: Option<Connection>,
    /// user@host:port/database, for the screen.
    pub at: Option<String>,
    /// Whether the password is held for this run of the app (else it is asked for).
    pub password_held: bool,
    /// The journey's last results: when they were taken, as of which day, how many
    /// customers, and whether the journey was edited since (they no longer match it).
    pub refreshed: Option<RefreshInfo>,
    /// Why the journey's last refresh failed (the results before it, if any, are kept).
    pub failed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct RefreshInfo {
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub at: String,
    /// The day the results are as of, `YYYY-MM-DD`.
    pub as_of: String,
    #[ts(type = "number")]
    pub customers: u64,
    pub stale: bool,
}

/// The URL without its password, and the password (percent-decoded) when it held one —
/// in the user part (`user:secret@host`) or as `password=` in the query.
pub fn split_password(url: &str) -> (String, Option<String>) {
    let decode = |text: &str| {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if bytes[i] == b'%'
                && i + 2 < bytes.len()
                && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
            {
                out.push((h * 16 + l) as u8);
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    };
    let mut password = None;
    let mut url = url.trim().to_owned();
    if let Some((scheme, rest)) = url.clone().split_once("://") {
        let end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        if let Some((user, host)) = authority.rsplit_once('@')
            && let Some((name, secret)) = user.split_once(':')
        {
            password = Some(decode(secret));
            url = format!("{scheme}://{name}@{host}{tail}");
        }
    }
    if let Some((base, query)) = url.clone().split_once('?') {
        let mut kept = Vec::new();
        for kv in query.split('&') {
            match kv.strip_prefix("password=") {
                Some(secret) => password = Some(decode(secret)),
                None => kept.push(kv),
            }
        }
        url = if kept.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
    }
    (url, password)
}

/// Connects and checks that the two tables are there with the contract's columns:
/// how many customers the customers table holds.
pub fn check_postgres(
    url: &str,
    source: &Source,
    password: Option<&str>,
) -> Result<u64, WarehouseError> {
    let [customers, events, count] = sql::check_queries(Dialect::Postgres, source)?;
    let (mut client, at, _) = connect(url, password)?;
    for q in [&customers, &events] {
        client
            .query(q.as_str(), &[])
            .map_err(|e| query_error(&at, &e))?;
    }
    let row = client
        .query_one(count.as_str(), &[])
        .map_err(|e| query_error(&at, &e))?;
    let n: i64 = row.try_get(0).map_err(|e| WarehouseError::Result {
        at: at.clone(),
        what: "a count",
        reason: source_text(&e),
    })?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// Runs the journey's assessment on PostgreSQL as of a day (its 00:00 UTC; none: the day
/// of the latest event) and reads back the population, its reached times and its
/// measures (metrics, baselines, capabilities adopted), in one read-only transaction.
pub fn assess_postgres(
    url: &str,
    journey: &Journey,
    source: &Source,
    as_of: Option<i64>,
) -> Result<Assessed, WarehouseError> {
    assess_postgres_watched(url, journey, source, as_of, Watch::default())
}

/// As `assess_postgres`, watched: the password given, progress told, and the query
/// cancelled on the server when the flag is set (`WarehouseError::Cancelled`).
pub fn assess_postgres_watched(
    url: &str,
    journey: &Journey,
    source: &Source,
    as_of: Option<i64>,
    watch: Watch<'_>,
) -> Result<Assessed, WarehouseError> {
    let query = |output| {
        sql::compile(
            journey,
            &Options {
                dialect: Dialect::Postgres,
                as_of,
                source: source.clone(),
                output,
            },
        )
    };
    let population_sql = query(Output::Population)?;
    let reached_sql = query(Output::ReachedSeconds)?;
    let measures_sql = query(Output::Measures)?;
    watch.say("Connecting");
    let (mut client, at, tls) = connect(url, watch.password)?;
    if watch.cancelled() {
        return Err(WarehouseError::Cancelled);
    }
    // A watcher that asks the server to cancel the running query when the flag is set.
    let token = client.cancel_token();
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        if let Some(cancel) = watch.cancel {
            let (done, token, tls) = (&done, &token, &tls);
            scope.spawn(move || {
                while !done.load(Ordering::Relaxed) {
                    if cancel.load(Ordering::Relaxed) {
                        let _ = match tls {
                            Some(tls) => token.cancel_query(tls.clone()),
                            None => token.cancel_query(postgres::NoTls),
                        };
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
            });
        }
        let result = run_queries(
            &mut client,
            &at,
            journey,
            &[population_sql, reached_sql, measures_sql],
            as_of,
            watch,
        );
        done.store(true, Ordering::Relaxed);
        result
    })
    .map_err(|e| {
        if watch.cancelled() {
            WarehouseError::Cancelled
        } else {
            e
        }
    })
}

/// The three queries in one read-only transaction, read into the population and measures.
fn run_queries(
    client: &mut postgres::Client,
    at: &str,
    journey: &Journey,
    queries: &[String; 3],
    as_of: Option<i64>,
    watch: Watch<'_>,
) -> Result<Assessed, WarehouseError> {
    let [population_sql, reached_sql, measures_sql] = queries;
    let at = at.to_owned();
    let mut tx = client
        .build_transaction()
        .read_only(true)
        .start()
        .map_err(|e| query_error(&at, &e))?;

    watch.say("Finding the customers started by the day");
    let rows = tx
        .query(population_sql.as_str(), &[])
        .map_err(|e| query_error(&at, &e))?;
    let bad = |what: &'static str, e: postgres::Error| WarehouseError::Result {
        at: at.clone(),
        what,
        reason: source_text(&e),
    };
    let mut customers = Vec::with_capacity(rows.len());
    let mut index: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    let mut cutoff = None;
    for row in &rows {
        let id: String = row.try_get(0).map_err(|e| bad("a customer", e))?;
        let customer = Customer {
            id: id.clone(),
            name: None,
            start: row.try_get(1).map_err(|e| bad("a start date", e))?,
            churn: row.try_get(2).map_err(|e| bad("a churn date", e))?,
            segment: row.try_get(3).map_err(|e| bad("a segment", e))?,
            plan: row.try_get(4).map_err(|e| bad("a plan", e))?,
            owner: row.try_get(5).map_err(|e| bad("an owner", e))?,
            arr: row.try_get(6).map_err(|e| bad("an ARR", e))?,
        };
        cutoff = Some(
            row.try_get::<_, i64>(7)
                .map_err(|e| bad("the as-of day", e))?,
        );
        index.insert(id, customers.len());
        customers.push(customer);
    }
    let cutoff = match (cutoff, as_of) {
        (Some(c), _) => c,
        (None, Some(day)) => crate::engine::cutoff_of_day(day),
        // No customer started and no as-of day: nothing to show, as of nothing.
        (None, None) => -1,
    };

    let n = customers.len();
    let mut measures = crate::engine::Measures {
        cutoff,
        journey: sql::journey_key(journey),
        ..Default::default()
    };
    for m in crate::engine::assess::milestone_refs(journey) {
        measures.reached.insert(m.id, vec![None; n]);
    }
    watch.say("Working out when each customer reached each milestone");
    for row in tx
        .query(reached_sql.as_str(), &[])
        .map_err(|e| query_error(&at, &e))?
    {
        let id: String = row.try_get(0).map_err(|e| bad("a customer", e))?;
        let m: String = row.try_get(1).map_err(|e| bad("a milestone", e))?;
        let t: i64 = row.try_get(2).map_err(|e| bad("a time", e))?;
        if let (Some(&c), Some(times)) = (index.get(&id), measures.reached.get_mut(&m)) {
            times[c] = Some(t);
        }
    }

    // Per customer: every metric, each value metric's baseline, each capability adopted.
    let value_metrics: Vec<&str> = journey
        .value_metrics()
        .into_iter()
        .map(|m| m.id.as_str())
        .collect();
    for m in &journey.metrics {
        measures.metrics.insert(m.id.clone(), vec![None; n]);
    }
    for id in &value_metrics {
        measures.baselines.insert((*id).to_owned(), vec![None; n]);
    }
    for c in &journey.capabilities {
        measures.adopted.insert(c.id.clone(), vec![false; n]);
    }
    watch.say("Measuring every metric, baseline and capability");
    for row in tx
        .query(measures_sql.as_str(), &[])
        .map_err(|e| query_error(&at, &e))?
    {
        let id: String = row.try_get(0).map_err(|e| bad("a customer", e))?;
        let Some(&c) = index.get(&id) else { continue };
        let mut i = 1;
        for m in &journey.metrics {
            let v: Option<f64> = row.try_get(i).map_err(|e| bad("a metric's value", e))?;
            measures.metrics.get_mut(&m.id).expect("inserted above")[c] = v;
            i += 1;
        }
        for id in &value_metrics {
            let v: Option<f64> = row.try_get(i).map_err(|e| bad("a baseline", e))?;
            measures.baselines.get_mut(*id).expect("inserted above")[c] = v;
            i += 1;
        }
        for cap in &journey.capabilities {
            let v: bool = row.try_get(i).map_err(|e| bad("a capability adopted", e))?;
            measures.adopted.get_mut(&cap.id).expect("inserted above")[c] = v;
            i += 1;
        }
    }
    tx.commit().map_err(|e| query_error(&at, &e))?;
    let a = measures.assessment(journey, n, cutoff);
    let mut data = Dataset::new(customers, &[]);
    data.measures = Some(std::sync::Arc::new(measures));
    Ok(Assessed { data, a })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_in_the_url_is_taken_out_of_it() {
        assert_eq!(
            split_password("postgresql://mp:s%40cret@db.example.com:5432/cs?sslmode=require"),
            (
                "postgresql://mp@db.example.com:5432/cs?sslmode=require".to_owned(),
                Some("s@cret".to_owned())
            )
        );
        assert_eq!(
            split_password("postgresql://mp@/cs?host=/run/pg&password=x%26y&port=5433"),
            (
                "postgresql://mp@/cs?host=/run/pg&port=5433".to_owned(),
                Some("x&y".to_owned())
            )
        );
        assert_eq!(
            split_password(" postgresql://mp@localhost/cs "),
            ("postgresql://mp@localhost/cs".to_owned(), None)
        );
    }

    #[test]
    fn a_host_in_the_query_replaces_the_one_before_the_path_as_libpq_reads_it() {
        assert_eq!(
            libpq_url("postgresql://mp:pw@localhost/db?host=/run/pg&port=5433"),
            "postgresql://mp:pw@/db?host=/run/pg&port=5433"
        );
        assert_eq!(
            libpq_url("postgresql://localhost:5432/db?sslmode=require"),
            "postgresql://localhost:5432/db?sslmode=require"
        );
        assert_eq!(
            libpq_url("postgresql://h/db?sslmode=verify-full"),
            "postgresql://h/db?sslmode=require"
        );
        let config: postgres::Config =
            libpq_url("postgresql://mp@localhost/db?host=/run/pg&port=5433")
                .parse()
                .unwrap();
        assert_eq!(describe(&config), "mp@/run/pg:5433/db");
    }
}
