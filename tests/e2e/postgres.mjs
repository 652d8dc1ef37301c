// A private PostgreSQL cluster for the end-to-end tests and screenshots: Debian's binaries,
// a Unix socket in a temporary folder, no system service; run as nobody when the tests
// run as root (PostgreSQL refuses root).
import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const asRoot = process.getuid?.() === 0;

/** PostgreSQL's programs, as nobody when the tests run as root (it refuses root). */
function pg(program, args) {
  const [cmd, all] = asRoot
    ? ["setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "--", program, ...args]]
    : [program, args];
  return execFileSync(cmd, all, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** A private cluster on a Unix socket in a temporary folder; `stop` ends it. */
export function startPostgres() {
  const dir = mkdtempSync(join(tmpdir(), "milepost-e2e-pg-"));
  if (asRoot) chownSync(dir, 65534, 65534);
  const data = join(dir, "data");
  pg("initdb", ["-D", data, "-A", "trust", "-U", "mp", "--no-sync", "-E", "UTF8"]);
  const options = `-c listen_addresses='' -c unix_socket_directories='${dir}' -c port=5433 -c fsync=off -c timezone=UTC`;
  pg("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-o", options, "-w", "start"]);
  const psql = (sql) =>
    execFileSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-U", "mp", "-d", "postgres", "-h", dir, "-p", "5433", "-c", sql], {
      encoding: "utf8",
    });
  return {
    url: `postgresql://mp@localhost/postgres?host=${dir}&port=5433`,
    psql,
    stop: () => {
      try {
        pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // Already stopped.
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The demo's `customers` customers (seed `seed`) in the cluster: the customers table as a
 * view over an export with more columns, the events in `raw_events` with their column
 * named `event_name` and `seq` the file order — as a warehouse rarely has our names. */
export function loadDemo(server, cli, db, dir, customers, seed) {
  const csv = join(dir, "csv");
  cli(db, "demo", "--customers", String(customers), "--seed", String(seed), "--out", csv);
  server.psql(
    "CREATE TABLE accounts (customer_id text, name text, segment text, industry text, plan text, arr double precision, start_date date, churn_date date, owner text, region text)",
  );
  server.psql(`\\copy accounts FROM '${join(csv, "customers.csv")}' WITH (FORMAT csv, HEADER true)`);
  server.psql("CREATE TABLE raw_events (customer_id text, ts timestamptz, event_name text, value double precision, seq bigserial)");
  server.psql(
    `\\copy raw_events (customer_id, ts, event_name, value) FROM '${join(csv, "events.csv")}' WITH (FORMAT csv, HEADER true)`,
  );
  server.psql("CREATE VIEW customers AS SELECT customer_id, start_date, churn_date, segment, plan, owner, arr FROM accounts");
}
