"""Runs Milepost's SQL on Spark in local mode for the equivalence test: for every case
folder given (customers.csv, events.csv, and queries NAME.sql over the tables `customers`
and `events`), makes the two tables views of that case, runs each query and writes its
rows to NAME.csv (as run_duckdb.py does)."""

import csv
import os
import sys
from pathlib import Path

os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
os.environ["TZ"] = "UTC"

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql.types import StringType, StructField, StructType  # noqa: E402

spark = (
    SparkSession.builder.master("local[2]")
    .appName("milepost-sql-test")
    .config("spark.sql.session.timeZone", "UTC")
    .config("spark.sql.shuffle.partitions", "2")
    .config("spark.ui.enabled", "false")
    .config("spark.sql.ansi.enabled", "true")
    # The queries are deep and run once each on small data: compiling generated code for
    # them costs more than it saves.
    .config("spark.sql.codegen.wholeStage", "false")
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")

CASTS = {
    "customers": "customer_id, CAST(start_date AS DATE) AS start_date, "
    "CAST(churn_date AS DATE) AS churn_date, segment, plan, owner, CAST(arr AS DOUBLE) AS arr",
    "events": "customer_id, CAST(ts AS TIMESTAMP) AS ts, event, "
    "CAST(value AS DOUBLE) AS value, CAST(seq AS BIGINT) AS seq",
}


def table(path):
    """The CSV's rows as text, empty fields as NULL (Python's csv reads every quote and
    backslash as written)."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    schema = StructType([StructField(c, StringType(), True) for c in header])
    return spark.createDataFrame([[v if v != "" else None for v in r] for r in rows], schema)



for folder in map(Path, sys.argv[1:]):
    for name in ("customers", "events"):
        table(folder / f"{name}.csv").createOrReplaceTempView(f"raw_{name}")
        spark.sql(
            f"CREATE OR REPLACE TEMPORARY VIEW {name} AS SELECT {CASTS[name]} FROM raw_{name}"
        )
    for query in sorted(folder.glob("*.sql")):
        rows = spark.sql(query.read_text()).collect()
        with open(query.with_suffix(".csv"), "w", newline="") as f:
            csv.writer(f).writerows(list(r) for r in rows)
spark.stop()
