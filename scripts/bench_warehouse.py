"""`make bench-warehouse`: the journey's assessment where the data lives, side by side in
one run — Milepost's in-memory engine on 10M events imported from a messy export, DuckDB
running `milepost sql` over Parquet files of the same 10M events and of 100M (the same
customers ten times over), and PostgreSQL 15 (a private cluster) running it for
`milepost funnel --engine postgres` on the same 10M. For each: wall time, peak memory, and
the size of what comes back to the app (the per-customer results it reads). Checks that
every engine's funnel agrees. Prints figures; asserts nothing about speed.

Usage: bench_warehouse.py MILEPOST_CLI [CUSTOMERS, default 27000 (about 10M events)]
The generated files are kept in $MILEPOST_BENCH_CACHE (default ~/.cache/milepost/bench).
"""
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb

TWO_HOURS = timezone(timedelta(hours=2))
# The export's timestamps come in four formats; every one reads as the same UTC second.
FORMATS = (
    lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ"),
    lambda t: t.astimezone(TWO_HOURS).isoformat(),
    lambda t: t.strftime("%Y-%m-%d %H:%M:%S"),
    lambda t: str(int(t.timestamp())),
)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def measured(cmd, **kw):
    """(seconds, peak MB, stdout) by /usr/bin/time, which sees only this command."""
    with tempfile.NamedTemporaryFile("r") as f:
        t = time.perf_counter()
        out = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", f.name, *cmd], check=True,
                             capture_output=True, text=True, **kw)
        secs = time.perf_counter() - t
        kb = int(f.read().split()[-1])
    return secs, kb / 1024, out.stdout


def make_files(cli, cache, customers):
    """The demo's customers, its events as a messy export (no order, four date formats,
    quoted fields) and the same events as clean typed CSV with `seq` the export's order."""
    demo = cache / f"demo-{customers}"
    if not (demo / "events.csv").exists():
        run([cli, "demo", "--customers", str(customers), "--seed", "1", "--out", str(demo)])
    messy, clean = demo / "events-messy.csv", demo / "events-clean.csv"
    if not clean.exists():
        print(f"writing the messy export of {demo / 'events.csv'} (once; kept in {demo})",
              flush=True)
        with open(demo / "events.csv", newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))[1:]
        rng = random.Random(1)
        rng.shuffle(rows)
        with open(str(messy) + ".partial", "w", newline="", encoding="utf-8") as m, \
                open(str(clean) + ".partial", "w", newline="", encoding="utf-8") as c:
            m.write("customer_id,timestamp,event,value\n")
            cw = csv.writer(c)
            cw.writerow(["customer_id", "ts", "event", "value", "seq"])
            for seq, (cid, ts, event, value) in enumerate(rows):
                t = datetime.fromisoformat(ts.replace("Z", "+00:00"))
                name = f'"{event}"' if rng.random() < 0.3 else event
                stamp = rng.choice(FORMATS)(t)
                shown = f'"{value}"' if value and rng.random() < 0.1 else value
                m.write(f"{cid},{stamp},{name},{shown}\n")
                cw.writerow([cid, t.strftime("%Y-%m-%d %H:%M:%S"), event, value, seq])
        os.replace(str(messy) + ".partial", messy)
        os.replace(str(clean) + ".partial", clean)
    return demo, messy, clean


def parquet(demo, clean, copies):
    """customers and events as Parquet, the customers `copies` times over (ids suffixed)."""
    out = demo / f"parquet-x{copies}"
    if (out / "events.parquet").exists():
        return out
    out.mkdir(exist_ok=True)
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute(f"""CREATE VIEW c AS SELECT customer_id, CAST(start_date AS DATE) AS start_date,
        CAST(churn_date AS DATE) AS churn_date, segment, plan, owner, CAST(arr AS DOUBLE) AS arr
        FROM read_csv('{demo / "customers.csv"}', header = true, all_varchar = true)""")
    con.execute(f"""CREATE VIEW e AS SELECT * FROM read_csv('{clean}', header = true,
        columns = {{'customer_id': 'VARCHAR', 'ts': 'TIMESTAMP', 'event': 'VARCHAR',
                   'value': 'DOUBLE', 'seq': 'BIGINT'}})""")
    suffix = "CASE WHEN k = 0 THEN '' ELSE '#' || k END"
    con.execute(f"""COPY (SELECT customer_id || {suffix} AS customer_id, start_date, churn_date,
        segment, plan, owner, arr FROM c, range({copies}) r(k))
        TO '{out / "customers.parquet"}' (FORMAT parquet)""")
    n = con.execute("SELECT count(*) FROM e").fetchone()[0]
    con.execute(f"""COPY (SELECT customer_id || {suffix} AS customer_id, ts, event, value,
        seq + k * {n} AS seq FROM e, range({copies}) r(k))
        TO '{out / "events.parquet"}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)""")
    return out


DUCK = """
import csv, sys, duckdb
folder, sql_dir = sys.argv[1], sys.argv[2]
con = duckdb.connect()
con.execute("SET TimeZone = 'UTC'")
con.execute(f"CREATE VIEW customers AS SELECT * FROM '{folder}/customers.parquet'")
con.execute(f"CREATE VIEW events AS SELECT * FROM '{folder}/events.parquet'")
for name in sys.argv[3:]:
    rows = con.execute(open(f"{sql_dir}/{name}.sql").read()).fetchall()
    with open(f"{sql_dir}/{name}.csv", "w", newline="") as f:
        csv.writer(f).writerows(rows)
"""


class Postgres:
    """A private PostgreSQL cluster in a temporary folder (as nobody when run as root)."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="milepost-pg-"))
        self.as_nobody = os.getuid() == 0
        if self.as_nobody:
            shutil.chown(self.dir, 65534, 65534)
        data = self.dir / "data"
        self.pg(["initdb", "-D", str(data), "-A", "trust", "-U", "mp", "--no-sync", "-E", "UTF8"])
        with open(data / "postgresql.conf", "a") as f:
            f.write(f"\nlisten_addresses = ''\nunix_socket_directories = '{self.dir}'\n"
                    "port = 5439\nfsync = off\ntimezone = 'UTC'\nshared_buffers = '1GB'\n"
                    "work_mem = '256MB'\nmax_parallel_workers_per_gather = 2\n")
        self.pg(["pg_ctl", "-D", str(data), "-l", str(self.dir / "log"), "-w", "start"])
        self.url = f"postgresql://mp@localhost/postgres?host={self.dir}&port=5439"

    def pg(self, cmd):
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
        run((prefix if self.as_nobody else []) + cmd)

    def psql(self, script):
        return run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-U", "mp", "-d", "postgres",
                    "-h", str(self.dir), "-p", "5439", "-c", script])

    def server_mb(self):
        """The cluster's processes' resident memory now, in MB."""
        out = run(["ps", "-u", "65534" if self.as_nobody else str(os.getuid()), "-o", "rss=,comm="])
        return sum(int(line.split()[0]) for line in out.splitlines()
                   if "postgres" in line) / 1024

    def stop(self):
        self.pg(["pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)


def reached(funnel_json):
    return [m["reached"] for m in json.loads(funnel_json)["milestones"]]


def megabytes(paths):
    return sum(p.stat().st_size for p in paths) / 1e6


def main():
    cli = os.path.realpath(sys.argv[1])
    customers = int(sys.argv[2]) if len(sys.argv) > 2 else 27000
    cache = Path(os.environ.get("MILEPOST_BENCH_CACHE", Path.home() / ".cache/milepost/bench"))
    cache.mkdir(parents=True, exist_ok=True)
    demo, messy, clean = make_files(cli, cache, customers)
    events = sum(1 for _ in open(clean)) - 1
    rows = []
    results = {}
    work = Path(tempfile.mkdtemp(prefix="milepost-bench-"))
    try:
        # 1. In memory: the messy export imported once, then the assessment from the workspace.
        db = str(work / "w.sqlite3")
        run([cli, "--db", db, "data", "import", "customers", str(demo / "customers.csv")])
        secs, mb, _ = measured([cli, "--db", db, "data", "import", "events", str(messy)])
        print(f"the messy export ({events:,} events, no order, four date formats, quoted "
              f"fields) imported in {secs:.1f} s, peak {mb:.0f} MB")
        run([cli, "--db", db, "journey", "new", "--template", "billing-saas"])
        secs, mb, out = measured([cli, "--db", db, "funnel", "1", "--json"])
        results["memory"] = reached(out)
        c_secs, c_mb, _ = measured([cli, "--db", db, "customers", "1", "--json"])
        rows.append(("milepost, in memory (from the workspace)", events, secs, mb, c_secs, c_mb,
                     "— (the events are local)"))
        journey = work / "billing.milepost.json"
        run([cli, "--db", db, "journey", "export", "1", "-o", str(journey)])

        # 2. DuckDB over Parquet, 10M and 100M.
        for copies in (1, 10):
            folder = parquet(demo, clean, copies)
            sql = work / f"duck-x{copies}"
            sql.mkdir()
            outputs = {"funnel": "funnel", "customers": "customers"}
            for name, output in outputs.items():
                (sql / f"{name}.sql").write_text(
                    run([cli, "sql", str(journey), "--dialect", "duckdb", "--output", output]))
            py = os.environ.get("MILEPOST_PYTHON", sys.executable)
            secs, mb, _ = measured([py, "-c", DUCK, str(folder), str(sql), "funnel"])
            with open(sql / "funnel.csv") as f:
                results[f"duckdb x{copies}"] = [int(r[2]) for r in csv.reader(f)]
            c_secs, c_mb, _ = measured([py, "-c", DUCK, str(folder), str(sql), "customers"])
            back = megabytes([sql / "customers.csv"])
            rows.append((f"DuckDB {duckdb.__version__}, Parquet "
                         f"({megabytes(folder.glob('*.parquet')):.0f} MB)", events * copies,
                         secs, mb, c_secs, c_mb, f"{back:.1f} MB per-customer rows"))

        # 3. PostgreSQL 15, the 10M loaded by COPY, run by `--engine postgres`.
        pg = Postgres()
        try:
            t = time.perf_counter()
            pg.psql(
                "CREATE TABLE customers (customer_id text, name text, segment text, "
                "industry text, plan text, arr double precision, start_date date, "
                "churn_date date, owner text, region text)")
            pg.psql(f"\\copy customers FROM '{demo / 'customers.csv'}' WITH (FORMAT csv, HEADER true)")
            pg.psql("CREATE TABLE events (customer_id text, ts timestamp, event text, "
                    "value double precision, seq bigint)")
            pg.psql(f"\\copy events FROM '{clean}' WITH (FORMAT csv, HEADER true)")
            pg.psql("VACUUM ANALYZE")
            print(f"PostgreSQL: {events:,} events loaded by COPY in "
                  f"{time.perf_counter() - t:.1f} s")
            remote = ["--engine", "postgres", "--url", pg.url]
            secs, mb, out = measured([cli, "funnel", str(journey), "--json", *remote])
            server = pg.server_mb()
            results["postgres"] = reached(out)
            c_secs, c_mb, _ = measured([cli, "customers", str(journey), "--json", *remote])
            rows.append((f"PostgreSQL 15 (--engine postgres; server {server:.0f} MB after)",
                         events, secs, mb, c_secs, c_mb,
                         "the CLI's memory: population, reached times, measures"))
        finally:
            pg.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(f"{'engine':58} {'events':>12} {'funnel':>9} {'peak':>8} {'customers':>10} {'peak':>8}  what comes back")
    base = rows[0][2]
    for name, n, secs, mb, c_secs, c_mb, back in rows:
        print(f"{name:58} {n:>12,} {secs:>8.1f}s {mb:>6.0f}MB {c_secs:>9.1f}s {c_mb:>6.0f}MB  {back}")
    print()
    for name, n, secs, *_ in rows[1:]:
        print(f"{name}: {secs / base:.2f}x the in-memory engine's time on {n:,} events")
    first = results["memory"]
    agree = all(v == first for k, v in results.items() if k != "duckdb x10")
    tenfold = results["duckdb x10"] == [10 * r for r in first]
    print(f"funnel reached per milestone: in memory {first}; "
          f"{'DuckDB and PostgreSQL agree' if agree else f'MISMATCH: {results}'}; "
          f"100M {'is exactly ten times it' if tenfold else 'MISMATCH: ' + str(results['duckdb x10'])}")
    sys.exit(0 if agree and tenfold else 1)


if __name__ == "__main__":
    main()
