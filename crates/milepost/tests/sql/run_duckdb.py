"""Runs Milepost's SQL on DuckDB for the equivalence tests: for every case folder given
(customers.csv, events.csv, and queries NAME.sql), loads the two tables into the schema
named after the folder, runs each query and writes its rows to NAME.csv."""

import csv
import sys
from pathlib import Path

import duckdb

con = duckdb.connect()
con.execute("SET TimeZone = 'UTC'")
for folder in map(Path, sys.argv[1:]):
    schema = folder.name
    con.execute(f'CREATE SCHEMA "{schema}"')
    con.execute(
        f'CREATE TABLE "{schema}".customers (customer_id VARCHAR, start_date DATE, '
        "churn_date DATE, segment VARCHAR, plan VARCHAR, owner VARCHAR, arr DOUBLE)"
    )
    con.execute(
        f'CREATE TABLE "{schema}".events (customer_id VARCHAR, ts TIMESTAMP, '
        "event VARCHAR, value DOUBLE, seq BIGINT)"
    )
    for table in ("customers", "events"):
        con.execute(
            f"COPY \"{schema}\".{table} FROM '{folder / (table + '.csv')}' (HEADER, NULLSTR '')"
        )
    for query in sorted(folder.glob("*.sql")):
        rows = con.execute(query.read_text()).fetchall()
        with open(query.with_suffix(".csv"), "w", newline="") as f:
            csv.writer(f).writerows(rows)
