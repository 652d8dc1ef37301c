//! The SQL engines the tests run Milepost's queries on: DuckDB through Python's `duckdb`
//! (the venv `make test` sets up), and a private PostgreSQL cluster started for the test
//! and stopped when it ends — no system service, no TCP, a socket in its own folder.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Python with `duckdb`: `$MILEPOST_PYTHON`, else the venv `make test` makes.
pub fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("MILEPOST_PYTHON") {
        return PathBuf::from(p);
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    let venv = home.join(".cache/milepost/venv/bin/python");
    assert!(
        venv.exists(),
        "no Python with duckdb: run `make test-deps` (it makes {}) or set MILEPOST_PYTHON",
        venv.display()
    );
    venv
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A PostgreSQL server program: on the PATH, else where Debian's package keeps it.
fn pg_program(name: &str) -> PathBuf {
    let on_path = std::env::var_os("PATH")
        .map(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(name))
                .find(|p| p.exists())
        })
        .unwrap_or_default();
    on_path.unwrap_or_else(|| {
        let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .map(|d| {
                d.flatten()
                    .map(|e| e.path().join("bin").join(name))
                    .collect()
            })
            .unwrap_or_default();
        versions.sort();
        versions
            .pop()
            .filter(|p| p.exists())
            .unwrap_or_else(|| panic!("no {name}: install postgresql-15 (make test-deps does)"))
    })
}

/// Runs a PostgreSQL program, as `nobody` when the test runs as root (PostgreSQL refuses
/// to run as root).
fn pg_command(name: &str) -> Command {
    let program = pg_program(name);
    if is_root() {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        c.arg(program);
        c
    } else {
        Command::new(program)
    }
}

/// A PostgreSQL cluster of the test's own.
pub struct Postgres {
    dir: tempfile::TempDir,
    pub port: u16,
}

impl Postgres {
    pub fn start() -> Postgres {
        Self::start_with(None)
    }

    /// A cluster that takes only TLS connections, on 127.0.0.1 at `tcp_port`, with a
    /// certificate for `localhost` signed by a CA of the test's own (`ca.pem` in the
    /// returned folder).
    pub fn start_tls() -> (Postgres, PathBuf) {
        let pg = Self::start_with(Some(()));
        let ca = pg.dir.path().join("ca.pem");
        (pg, ca)
    }

    fn start_with(tls: Option<()>) -> Postgres {
        let dir = tempfile::tempdir().unwrap();
        if is_root() {
            let ok = Command::new("chown")
                .arg("65534:65534")
                .arg(dir.path())
                .status()
                .unwrap();
            assert!(ok.success());
        }
        let data = dir.path().join("data");
        let out = pg_command("initdb")
            .args(["-D"])
            .arg(&data)
            .args(["-A", "trust", "-U", "mp", "--no-sync", "-E", "UTF8"])
            .output()
            .expect("initdb (PostgreSQL's binaries on the PATH)");
        assert!(
            out.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let port = if tls.is_some() {
            // A free TCP port: TLS is for TCP connections only.
            std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port()
        } else {
            5433
        };
        let mut conf = format!(
            "\nlisten_addresses = '{}'\nunix_socket_directories = '{}'\nport = {port}\nfsync = off\ntimezone = 'UTC'\n",
            if tls.is_some() { "127.0.0.1" } else { "" },
            dir.path().display()
        );
        if tls.is_some() {
            make_certificates(dir.path(), &data);
            conf.push_str("ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n");
            // TLS or nothing over TCP.
            std::fs::write(
                data.join("pg_hba.conf"),
                "local all all trust\nhostssl all all 127.0.0.1/32 trust\nhostnossl all all 0.0.0.0/0 reject\n",
            )
            .unwrap();
        }
        let path = data.join("postgresql.conf");
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(&conf);
        std::fs::write(&path, text).unwrap();
        let out = pg_command("pg_ctl")
            .args(["-D"])
            .arg(&data)
            .args(["-l"])
            .arg(dir.path().join("log"))
            .args(["-w", "start"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "pg_ctl start: {}{}",
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(dir.path().join("log")).unwrap_or_default()
        );
        Postgres { dir, port }
    }

    /// The folder of its socket.
    pub fn socket_dir(&self) -> &Path {
        self.dir.path()
    }

    /// libpq's URL for it.
    pub fn url(&self) -> String {
        format!(
            "postgresql://mp@localhost/postgres?host={}&port={}",
            self.dir.path().display(),
            self.port
        )
    }

    /// `psql` running a script file; panics with its messages if it fails.
    pub fn psql_file(&self, script: &Path) -> String {
        let out = Command::new("psql")
            .args([
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-U",
                "mp",
                "-d",
                "postgres",
                "-h",
            ])
            .arg(self.dir.path())
            .args(["-p", &self.port.to_string(), "-f"])
            .arg(script)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "psql -f {}: {}",
            script.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

/// A CA (`ca.pem` in `dir`) and a server certificate for localhost signed by it, in the
/// cluster's data folder, the key readable by the server alone.
fn make_certificates(dir: &Path, data: &Path) {
    let openssl = |args: &[&str]| {
        let out = Command::new("openssl")
            .current_dir(dir)
            .args(args)
            .output()
            .expect("openssl");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=Milepost test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
    ]);
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ]);
    std::fs::write(
        dir.join("san.ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\n",
    )
    .unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "san.ext",
        "-out",
        "server.crt",
    ]);
    for name in ["server.crt", "server.key"] {
        std::fs::copy(dir.join(name), data.join(name)).unwrap();
    }
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        data.join("server.key"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    if is_root() {
        for name in ["server.crt", "server.key"] {
            let ok = Command::new("chown")
                .arg("65534:65534")
                .arg(data.join(name))
                .status()
                .unwrap();
            assert!(ok.success());
        }
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = pg_command("pg_ctl")
            .args(["-D"])
            .arg(self.dir.path().join("data"))
            .args(["-m", "immediate", "-w", "stop"])
            .output();
    }
}
