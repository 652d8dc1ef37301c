"""`make bench-engine`: the funnel of the built-in Billing SaaS journey over a demo data set,
computed by Milepost's engine (`milepost bench`) and by DuckDB running the same funnel in
SQL on the same files, in one run; prints both, the ratio, and checks that they agree.
Then the same for the purpose × intent matrix at customer level and the priority ranking
(purpose, intent, effort weighted 1 each) with its sensitivity: seven rankings. Then value
against peers: every value metric's baseline, current value and improvement per customer,
peer groups rolled up below k, the peers' p75 and the leakage, in SQL beside `milepost`.

First, cold: a messy events export (scripts/messy_events.py: no order, five date formats,
quoted fields, thousands separators, empty values, exact repeats) of a demo's events is
imported, then `milepost funnel` is run as a new process each time (open the workspace,
load the events from their columnar copy, assess, print) beside DuckDB loading the same
CSV files into a new in-memory database (parsing the same formats, dropping the same
repeats) and running the same funnel. The first `funnel` after the import is shown apart:
it also runs SQLite's check of the whole file, which later opens of the unchanged file skip.

Usage: bench_engine.py MILEPOST_CLI [cold:CUSTOMERS] CUSTOMERS[:EVENTS] [CUSTOMERS[:EVENTS]…]
  CUSTOMERS:EVENTS keeps about EVENTS of the demo's events, drawn at random (seeded), for a
  data set as sparse as a real export of that size (20000:1000000 is the value screen's
  target: 20,000 customers and 1M events).
"""
import random
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

DAY = 86400

# The Billing SaaS template's seven milestones, criterion by criterion, as SQL. Own time of
# `count(e) >= k` is the time of the k-th event; `last(e) <= v` holds at the first time
# whose latest event (file order breaking ties) is <= v; `distinct_days(e) >= n within w d`
# holds at an event time t when events in (t - w days, t] fall on n distinct days.
FUNNEL_SQL = """
WITH e AS (SELECT * FROM ev WHERE ts <= $cutoff),
nth AS (
  SELECT customer_id, event, ts,
         row_number() OVER (PARTITION BY customer_id, event ORDER BY ts, seq) AS n
  FROM e WHERE event IN ('account_configured', 'billing_cycle_completed',
                         'module_purchased', 'referral_given')
),
o1 AS (SELECT customer_id, ts FROM nth WHERE event = 'account_configured' AND n = 1),
o2 AS (SELECT customer_id, ts FROM nth WHERE event = 'billing_cycle_completed' AND n = 1),
o3 AS (SELECT customer_id, ts FROM nth WHERE event = 'billing_cycle_completed' AND n = 3),
logins AS (SELECT customer_id, ts FROM e WHERE event = 'user_login'),
o4 AS (
  SELECT t.customer_id, min(t.ts) AS ts FROM (
    SELECT l.customer_id, l.ts
    FROM (SELECT DISTINCT customer_id, ts FROM logins) l
    JOIN logins w ON w.customer_id = l.customer_id AND w.ts <= l.ts AND w.ts > l.ts - 30 * 86400
    GROUP BY l.customer_id, l.ts
    HAVING count(DISTINCT w.ts // 86400) >= 10
  ) t GROUP BY t.customer_id
),
ar AS (
  SELECT customer_id, ts, value,
         row_number() OVER (PARTITION BY customer_id, ts ORDER BY seq DESC) AS r
  FROM e WHERE event = 'ar_days'
),
o5 AS (SELECT customer_id, min(ts) AS ts FROM ar WHERE r = 1 AND value <= 45 GROUP BY customer_id),
o6 AS (SELECT customer_id, ts FROM nth WHERE event = 'module_purchased' AND n = 1),
o7 AS (SELECT customer_id, ts FROM nth WHERE event = 'referral_given' AND n = 1),
own AS (
  SELECT c.customer_id, c.start, c.churn,
         o1.ts AS a1, o2.ts AS a2, o3.ts AS a3, o4.ts AS a4, o5.ts AS a5, o6.ts AS a6, o7.ts AS a7
  FROM cust c
  LEFT JOIN o1 USING (customer_id) LEFT JOIN o2 USING (customer_id)
  LEFT JOIN o3 USING (customer_id) LEFT JOIN o4 USING (customer_id)
  LEFT JOIN o5 USING (customer_id) LEFT JOIN o6 USING (customer_id)
  LEFT JOIN o7 USING (customer_id)
),
r AS (
  SELECT *,
    a1 AS r1,
    CASE WHEN r1 IS NOT NULL AND a2 IS NOT NULL THEN greatest(r1, a2) END AS r2,
    CASE WHEN r2 IS NOT NULL AND a3 IS NOT NULL THEN greatest(r2, a3) END AS r3,
    CASE WHEN r3 IS NOT NULL AND a4 IS NOT NULL THEN greatest(r3, a4) END AS r4,
    CASE WHEN r4 IS NOT NULL AND a5 IS NOT NULL THEN greatest(r4, a5) END AS r5,
    CASE WHEN r5 IS NOT NULL AND a6 IS NOT NULL THEN greatest(r5, a6) END AS r6,
    CASE WHEN r6 IS NOT NULL AND a7 IS NOT NULL THEN greatest(r6, a7) END AS r7
  FROM own
),
f AS (
  SELECT *, (r1 IS NOT NULL)::INT + (r2 IS NOT NULL)::INT + (r3 IS NOT NULL)::INT
          + (r4 IS NOT NULL)::INT + (r5 IS NOT NULL)::INT + (r6 IS NOT NULL)::INT
          + (r7 IS NOT NULL)::INT AS furthest,
         churn IS NOT NULL AND churn <= $cutoff AS churned
  FROM r
)
SELECT k, count(t) AS reached,
       quantile_cont((t - start) / 86400.0, 0.5) AS median_days,
       quantile_cont((t - start) / 86400.0, 0.75) AS p75_days,
       (SELECT count(*) FROM f WHERE furthest = k AND churned) AS churned
FROM (SELECT 1 AS k, r1 AS t, start FROM f UNION ALL SELECT 2, r2, start FROM f
      UNION ALL SELECT 3, r3, start FROM f UNION ALL SELECT 4, r4, start FROM f
      UNION ALL SELECT 5, r5, start FROM f UNION ALL SELECT 6, r6, start FROM f
      UNION ALL SELECT 7, r7, start FROM f)
GROUP BY k ORDER BY k
"""

# Customer means of the scores (decision makers count twice), the purpose × intent
# quadrant counts, and the ranking under the base weights and each weight moved ±10 %:
# what `milepost bench` times as "one matrix and the ranking".
MATRIX_SQL = """
WITH s AS (
  SELECT customer_id, CASE WHEN decision_maker = 'yes' THEN 2.0 ELSE 1.0 END AS w,
         purpose, intent, effort FROM st
),
m AS (
  SELECT customer_id,
         sum(purpose * w) / sum(w) FILTER (WHERE purpose IS NOT NULL) AS purpose,
         sum(intent * w) / sum(w) FILTER (WHERE intent IS NOT NULL) AS intent,
         sum(effort * w) / sum(w) FILTER (WHERE effort IS NOT NULL) AS effort
  FROM s GROUP BY customer_id
),
quadrants AS (
  SELECT count(*) FILTER (WHERE intent >= 5 AND purpose >= 5) AS top_right,
         count(*) FILTER (WHERE intent < 5 AND purpose >= 5) AS top_left,
         count(*) FILTER (WHERE intent >= 5 AND purpose < 5) AS bottom_right,
         count(*) FILTER (WHERE intent < 5 AND purpose < 5) AS bottom_left
  FROM m WHERE intent IS NOT NULL AND purpose IS NOT NULL
),
n AS (
  SELECT m.customer_id, coalesce(c.arr, 0) AS arr,
         least(greatest((purpose - 1) / 9, 0), 1) AS p,
         least(greatest((intent - 1) / 9, 0), 1) AS i,
         1 - least(greatest((effort - 1) / 9, 0), 1) AS e
  FROM m JOIN cust c USING (customer_id)
  WHERE purpose IS NOT NULL AND intent IS NOT NULL AND effort IS NOT NULL
),
v(variant, wp, wi, we) AS (VALUES (0, 1.0, 1.0, 1.0), (1, 0.9, 1.0, 1.0), (2, 1.1, 1.0, 1.0),
  (3, 1.0, 0.9, 1.0), (4, 1.0, 1.1, 1.0), (5, 1.0, 1.0, 0.9), (6, 1.0, 1.0, 1.1)),
r AS (
  SELECT variant, customer_id,
         row_number() OVER (PARTITION BY variant
                            ORDER BY (wp * p + wi * i + we * e) / (wp + wi + we) DESC,
                                     arr DESC, customer_id) AS rnk
  FROM n, v
),
moved AS (
  SELECT r.customer_id, max(abs(r.rnk - b.rnk)) AS d
  FROM r JOIN r b ON b.customer_id = r.customer_id AND b.variant = 0
  WHERE r.variant > 0 GROUP BY r.customer_id
)
SELECT (SELECT [top_right, top_left, bottom_right, bottom_left] FROM quadrants),
       (SELECT list(customer_id ORDER BY rnk) FROM r WHERE variant = 0 AND rnk <= 10),
       (SELECT list(changes ORDER BY variant) FROM (
          SELECT x.variant, count(*) FILTER (WHERE x.customer_id <> b.customer_id) AS changes
          FROM r x JOIN r b ON b.variant = 0 AND b.rnk = x.rnk
          WHERE x.variant > 0 AND x.rnk <= 10 GROUP BY x.variant)),
       (SELECT list(customer_id ORDER BY d DESC, customer_id) FROM (
          SELECT * FROM moved WHERE d > 0 ORDER BY d DESC, customer_id LIMIT 5))
"""


def bench_matrices(cli, db, d, con, runs, out):
    """The matrix and the ranking, ours beside DuckDB's; True when they agree."""
    con.execute(f"""
        CREATE TABLE st AS SELECT * FROM read_csv('{d / "stakeholders.csv"}', header = true,
            types = {{'decision_maker': 'VARCHAR'}})""")
    con.execute(f"""
        ALTER TABLE cust ADD COLUMN arr DOUBLE;
        UPDATE cust SET arr = src.arr FROM read_csv('{d / "customers.csv"}', header = true,
            types = {{'arr': 'DOUBLE', 'customer_id': 'VARCHAR'}}) src
        WHERE src.customer_id = cust.customer_id""")
    ours_ms = float(re.search(r"one matrix and the ranking as the screen asks \(\d+ rows\) median ([\d.]+) ms", out).group(1))
    print(next(line for line in out.splitlines() if line.startswith("matrices:")))
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        quadrants, top, changes, most = con.execute(MATRIX_SQL).fetchone()
        times.append((time.perf_counter() - t) * 1000)
    duck_ms = statistics.median(times)
    print(f"duckdb: the same matrix counts and seven rankings in SQL, median {duck_ms:.1f} ms")
    print(f"=> matrix + ranking with sensitivity: milepost {ours_ms:.1f} ms, duckdb {duck_ms:.1f} ms, "
          f"milepost is {duck_ms / ours_ms:.1f}x faster")
    view = json.loads(run([cli, "--db", db, "matrix", "1", "purpose-intent", "--level", "customer", "--json"]))
    counts = list(view["counts"].values())
    # The template lists its quadrants top right, top left, bottom right, bottom left.
    ranking = json.loads(run([cli, "--db", db, "priority", "1", "--weights",
                              "purpose=1,intent=1,effort=1", "--top", "10", "--json"]))
    ours_top = [c["customer_id"] for c in ranking["customers"]]
    # Ours counts each weight's worse direction of the two; DuckDB lists both.
    ours_changes = [s["top_changes"] for s in ranking["sensitivity"]["shifts"]]
    duck_changes = [max(changes[k], changes[k + 1]) for k in range(0, len(changes), 2)]
    ok = True
    for what, a, b in [("quadrant counts", counts, quadrants), ("top ten", ours_top, top),
                       ("top-ten changes per weight", ours_changes, duck_changes),
                       ("most moved", ranking["sensitivity"]["most_moved"], most)]:
        if a != b:
            print(f"MISMATCH in {what}: milepost {a}, duckdb {b}")
            ok = False
    if ok:
        print(f"matrix counts, top ten, sensitivity and most moved agree: {counts}")
    return ok


# A peer key as SQL over the `pop` row (`value::peers::key_value`).
PEER_SQL = {
    "segment": "segment",
    "plan": "plan",
    "tenure": """CASE WHEN ($cutoff - start) / (30.44 * 86400) < 6 THEN '0–6 months'
                      WHEN ($cutoff - start) / (30.44 * 86400) < 12 THEN '6–12 months'
                      ELSE '12+ months' END""",
    "arr_band": """CASE WHEN arr IS NULL THEN NULL WHEN arr < 10000 THEN 'under 10k'
                        WHEN arr < 50000 THEN '10k–50k' WHEN arr < 250000 THEN '50k–250k'
                        ELSE '250k+' END""",
}
AGG_SQL = {
    "count": "count(*)",
    "distinct_days": "count(DISTINCT ts // 86400)",
    "last": "arg_max(value, ts * 100000000 + seq)",
    "sum": "sum(value)",
    "min": "min(value)",
    "max": "max(value)",
}


def value_sql(journey):
    """Each value metric's (compared customers, total leakage in its units) in one query:
    the baseline over the first N days, the current value (in its window), the improvement
    in the metric's direction, groups by the peer keys dropping the last below k, the
    reference percentile by linear interpolation (numpy's rule, DuckDB's quantile_cont)."""
    peers = journey.get("peers") or {"keys": ["segment", "plan"], "k": 5, "reference": "p75"}
    keys, k = peers["keys"], max(3, peers["k"])
    ref = {"p50": 0.5, "p75": 0.75, "p90": 0.9}[peers.get("reference", "p75")]
    key_cols = ", ".join(f"{PEER_SQL[key]} AS k{i}" for i, key in enumerate(keys))
    parts = [f"pop AS (SELECT customer_id, {key_cols + ',' if keys else ''} start FROM cust "
             "WHERE start IS NOT NULL AND start <= $cutoff)"]
    selects = []
    for n, m in enumerate(x for x in journey["metrics"] if x.get("value")):
        agg = AGG_SQL[m["aggregate"]]
        empty = "0" if m["aggregate"] in ("count", "distinct_days", "sum") else "NULL"
        window = f"AND ts > $cutoff - {m['window_days']} * 86400" if m.get("window_days") else ""
        days = m["value"].get("baseline_days", 30)
        sign = "b.v - c.v" if m["direction"] == "lower" else "c.v - b.v"
        parts.append(f"""b{n} AS (SELECT e.customer_id, {agg} AS v FROM ev e JOIN pop p USING (customer_id)
            WHERE e.event = '{m["event"]}' AND e.ts >= p.start
              AND e.ts < least(p.start + {days} * 86400, $cutoff + 1) GROUP BY e.customer_id)""")
        parts.append(f"""c{n} AS (SELECT p.customer_id, coalesce(x.v, {empty}) AS v FROM pop p LEFT JOIN (
            SELECT customer_id, {agg} AS v FROM ev WHERE event = '{m["event"]}' AND ts <= $cutoff {window}
            GROUP BY customer_id) x USING (customer_id))""")
        parts.append(f"""i{n} AS (SELECT p.*, {sign} AS imp FROM pop p JOIN b{n} b USING (customer_id)
            JOIN c{n} c USING (customer_id) WHERE c.v IS NOT NULL)""")
        levels = []
        for depth in range(len(keys), -1, -1):
            cols = [f"k{i}" for i in range(depth)]
            group = f"GROUP BY {', '.join(cols)}" if cols else ""
            where = " AND ".join(f"{c} IS NOT NULL" for c in cols) or "TRUE"
            parts.append(f"""g{n}_{depth} AS (SELECT {', '.join(cols) + ',' if cols else ''}
                quantile_cont(imp, {ref}) AS r FROM i{n} WHERE {where} {group} HAVING count(*) >= {k})""")
            on = " AND ".join(f"g{n}_{depth}.{c} = i.{c}" for c in cols) or "TRUE"
            levels.append((f"g{n}_{depth}", on))
        joins = " ".join(f"LEFT JOIN {g} ON {on}" for g, on in levels)
        ref_expr = f"coalesce({', '.join(f'{g}.r' for g, _ in levels)})"
        selects.append(f"""(SELECT [count({ref_expr}), sum(greatest(0, {ref_expr} - i.imp))]
            FROM i{n} i {joins})""")
    return "WITH " + ",\n".join(parts) + "\nSELECT " + ", ".join(selects)


def bench_value(cli, db, d, con, runs, out):
    """Value against peers, ours beside DuckDB's; True when they agree."""
    con.execute(f"""
        ALTER TABLE cust ADD COLUMN segment VARCHAR;
        ALTER TABLE cust ADD COLUMN plan VARCHAR;
        UPDATE cust SET segment = src.segment, plan = src.plan
        FROM read_csv('{d / "customers.csv"}', header = true, all_varchar = true) src
        WHERE src.customer_id = cust.customer_id""")
    journey = json.loads(run([cli, "--db", db, "journey", "export", "1", "-o", "-"]))
    line = next(x for x in out.splitlines() if x.startswith("value against peers"))
    ours_ms = float(re.search(r"median ([\d.]+) ms", line).group(1))
    print(line)
    latest = con.execute("SELECT max(ts) FROM ev").fetchone()[0]
    cutoff = latest - latest % DAY + DAY - 1
    sql = value_sql(journey)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        duck = con.execute(sql, {"cutoff": cutoff}).fetchone()
        times.append((time.perf_counter() - t) * 1000)
    duck_ms = statistics.median(times)
    metrics = [m["id"] for m in journey["metrics"] if m.get("value")]
    print(f"duckdb: the same {len(metrics)} value metrics' peer groups, p75 and leakage in SQL, "
          f"median {duck_ms:.1f} ms (capabilities and phases not included)")
    print(f"=> value against peers: milepost {ours_ms:.1f} ms (everything the screen shows), "
          f"duckdb {duck_ms:.1f} ms, milepost is {duck_ms / ours_ms:.1f}x faster")
    report = json.loads(run([cli, "--db", db, "value", "1", "--json"]))
    ok = True
    for n, mid in enumerate(metrics):
        rows = [c["metrics"][n] for c in report["customers"]]
        compared = sum(1 for r in rows if r["leakage"] is not None)
        leak = sum(r["leakage"] for r in rows if r["leakage"] is not None)
        d_compared, d_leak = duck[n][0], duck[n][1] or 0.0
        if compared != d_compared or abs(leak - d_leak) > 1e-6 * max(1.0, abs(leak)):
            print(f"MISMATCH in {mid}: milepost {compared} compared, leakage {leak:.3f}; "
                  f"duckdb {d_compared}, {d_leak:.3f}")
            ok = False
        else:
            print(f"{mid}: {compared} customers compared, leakage {leak:.1f} — both agree")
    return ok


# The messy export's five date formats, as DuckDB reads them (Milepost reads them itself).
COLD_LOAD_SQL = """
CREATE TABLE ev AS
SELECT customer_id, ts, event, value, min(seq) AS seq FROM (
  SELECT customer_id,
    CASE WHEN regexp_full_match("timestamp", '[0-9]+') THEN CAST("timestamp" AS BIGINT)
         WHEN contains("timestamp", '/') THEN epoch(strptime("timestamp", '%d/%m/%Y %H:%M'))::BIGINT
         ELSE epoch(CAST("timestamp" AS TIMESTAMPTZ))::BIGINT END AS ts,
    event,
    coalesce(CAST(nullif(replace(value, ',', ''), '') AS DOUBLE), 1.0) AS value,
    row_number() OVER () AS seq
  FROM read_csv('{events}', header = true, all_varchar = true)
) GROUP BY customer_id, ts, event, value;
CREATE TABLE cust AS
SELECT customer_id, epoch(CAST(start_date AS TIMESTAMP))::BIGINT AS start,
       epoch(CAST(churn_date AS TIMESTAMP))::BIGINT AS churn
FROM read_csv('{customers}', header = true, all_varchar = true);
"""


def duckdb_cold(events, customers):
    """DuckDB from nothing: a new database, both CSVs loaded, the funnel run."""
    t = time.perf_counter()
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute(COLD_LOAD_SQL.format(events=events, customers=customers))
    latest = con.execute("SELECT max(ts) FROM ev").fetchone()[0]
    rows = con.execute(FUNNEL_SQL, {"cutoff": latest - latest % DAY + DAY - 1}).fetchall()
    ms = (time.perf_counter() - t) * 1000
    con.close()
    return ms, [r[1] for r in rows]


def bench_cold(cli, customers, runs=5):
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        db = str(d / "w.sqlite3")
        run([cli, "demo", "--customers", str(customers), "--seed", "1", "--out", str(d)])
        messy = d / "events-messy.csv"
        megabytes = (d / "events.csv").stat().st_size / 1e6
        run([sys.executable, str(Path(__file__).parent / "messy_events.py"),
             str(d / "events.csv"), str(messy), f"{megabytes:.0f}", "1"])
        rows = sum(1 for _ in open(messy, encoding="utf-8")) - 1
        run([cli, "--db", db, "data", "import", "customers", str(d / "customers.csv")])
        run([cli, "--db", db, "data", "import", "events", str(messy)])
        run([cli, "--db", db, "journey", "new", "--template", "billing-saas"])
        funnel = [cli, "--db", db, "funnel", "1", "--json"]

        def timed():
            t = time.perf_counter()
            out = run(funnel)
            return (time.perf_counter() - t) * 1000, [m["reached"] for m in json.loads(out)["milestones"]]

        first_ms, ours = timed()
        ours_ms = statistics.median(timed()[0] for _ in range(runs))
        duck = [duckdb_cold(messy, d / "customers.csv") for _ in range(runs)]
        duck_ms = statistics.median(ms for ms, _ in duck)
        print(f"cold funnel on a messy export of {rows:,} rows ({messy.stat().st_size / 1e6:.0f} MB, "
              f"{customers:,} customers), median of {runs} runs, each a new process or database:")
        print(f"  milepost funnel (open, load the columnar copy, assess): {ours_ms:.0f} ms "
              f"(the first after the import, with SQLite's whole-file check: {first_ms:.0f} ms)")
        print(f"  duckdb {duckdb.__version__} (load both CSVs, parse the dates, drop repeats, "
              f"run the funnel): {duck_ms:.0f} ms")
        print(f"=> cold funnel: milepost takes {ours_ms / duck_ms:.3f}x DuckDB's time "
              f"({duck_ms / ours_ms:.1f}x faster)")
        if any(r != ours for _, r in duck):
            print(f"MISMATCH: milepost reached {ours}, duckdb {duck[0][1]}")
            return False
        print(f"reached per milestone agree: {ours}")
        return True


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def sample_events(path, keep):
    """Keeps about `keep` of the file's event rows, each with the same chance (seeded)."""
    lines = path.read_text().splitlines(keepends=True)
    p = min(1.0, keep / max(1, len(lines) - 1))
    rng = random.Random(1)
    path.write_text(lines[0] + "".join(line for line in lines[1:] if rng.random() < p))


def bench(cli, customers, events=None):
    runs = 10 if customers < 50_000 else 3
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        db = str(d / "w.sqlite3")
        run([cli, "demo", "--customers", str(customers), "--seed", "1", "--out", str(d)])
        if events:
            sample_events(d / "events.csv", events)
        run([cli, "--db", db, "data", "import", "customers", str(d / "customers.csv")])
        run([cli, "--db", db, "data", "import", "events", str(d / "events.csv")])
        run([cli, "--db", db, "data", "import", "stakeholders", str(d / "stakeholders.csv")])
        run([cli, "--db", db, "journey", "new", "--template", "billing-saas"])
        out = run([cli, "--db", db, "bench", "1", "--runs", str(runs)])
        ours_ms = float(re.search(r"full recompute median ([\d.]+) ms", out).group(1))
        ours = [int(x) for x in re.findall(r"=(\d+)", out.splitlines()[1])]
        print(out.splitlines()[0])

        con = duckdb.connect()
        con.execute(f"""
            CREATE TABLE ev AS
            SELECT customer_id, epoch(CAST("timestamp" AS TIMESTAMP))::BIGINT AS ts, event,
                   coalesce(value, 1.0) AS value, row_number() OVER () AS seq
            FROM read_csv('{d / "events.csv"}', header = true,
                          columns = {{'customer_id': 'VARCHAR', 'timestamp': 'VARCHAR',
                                     'event': 'VARCHAR', 'value': 'DOUBLE'}})""")
        con.execute(f"""
            CREATE TABLE cust AS
            SELECT customer_id, epoch(CAST(start_date AS TIMESTAMP))::BIGINT AS start,
                   epoch(CAST(churn_date AS TIMESTAMP))::BIGINT AS churn
            FROM read_csv('{d / "customers.csv"}', header = true, all_varchar = true)""")
        latest = con.execute("SELECT max(ts) FROM ev").fetchone()[0]
        cutoff = latest - latest % DAY + DAY - 1
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            rows = con.execute(FUNNEL_SQL, {"cutoff": cutoff}).fetchall()
            times.append((time.perf_counter() - t) * 1000)
        duck_ms = statistics.median(times)
        duck = [r[1] for r in rows]
        events = con.execute("SELECT count(*) FROM ev").fetchone()[0]
        print(f"duckdb {duckdb.__version__}: same funnel in SQL, median {duck_ms:.1f} ms "
              f"({runs} runs, data already loaded)")
        print(f"=> {customers} customers, {events} events: milepost {ours_ms:.1f} ms, "
              f"duckdb {duck_ms:.1f} ms, milepost is {duck_ms / ours_ms:.1f}x faster")
        if ours != duck:
            print(f"MISMATCH: milepost reached {ours}, duckdb {duck}")
            return False
        print(f"reached per milestone agree: {ours}")
        ok = bench_matrices(cli, db, d, con, runs, out)
        ok = bench_value(cli, db, d, con, runs, out) and ok
        # The playbook PDF of the same journey with these numbers (no peer makes one).
        print(next(line for line in out.splitlines() if line.startswith("playbook PDF")))
        return ok


if __name__ == "__main__":
    cli = sys.argv[1]
    args = sys.argv[2:]
    ok = all([bench_cold(cli, int(a.split(":")[1])) for a in args if a.startswith("cold:")])
    sizes = [[int(x) for x in arg.split(":")] for arg in args if not arg.startswith("cold:")]
    ok = all([bench(cli, *size) for size in sizes]) and ok
    sys.exit(0 if ok else 1)
