#!/usr/bin/env python3
"""An events export as messy as a real one, for benchmarks: rows in no order, five date
formats in one column (ISO with Z, with an offset, with a space, DD/MM/YYYY, Unix
seconds), quoted fields, event names with commas, values with thousands separators or
empty, and a few exact repeats. Built from a demo's events so its customers exist.

Usage: messy_events.py DEMO_EVENTS_CSV OUT_CSV MEGABYTES [SEED]
"""
import csv
import random
import sys
from datetime import datetime, timedelta, timezone


def main() -> None:
    src, out, megabytes = sys.argv[1], sys.argv[2], float(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    with open(src, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]
    events = [(c, datetime.fromisoformat(t.replace("Z", "+00:00")), e, v) for c, t, e, v in rows]
    # Real exports carry names with spaces and commas, which need quotes.
    renamed = {"report_shared": "Report, shared", "lead_captured": "Lead captured"}
    two_hours = timezone(timedelta(hours=2))
    formats = (
        lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ"),
        lambda t: t.astimezone(two_hours).isoformat(),
        lambda t: t.strftime("%Y-%m-%d %H:%M:%S"),
        lambda t: t.strftime('"%d/%m/%Y %H:%M"'),
        lambda t: str(int(t.timestamp())),
    )
    limit = int(megabytes * 1_000_000)
    written = 0
    # Batches of shuffled rows: the file as a whole has no order either.
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("customer_id,timestamp,event,value\n")
        shift = 0
        while written < limit:
            lines = []
            for c, t, e, v in rng.sample(events, min(len(events), 200_000)):
                when = t - timedelta(seconds=shift + rng.randrange(86_400))
                name = renamed.get(e, e)
                name = f'"{name}"' if "," in name or rng.random() < 0.3 else name
                r = rng.random()
                value = v if r < 0.8 else ('"1,234.50"' if r < 0.85 else "" if r < 0.9 else "2.5")
                lines.append(f"{c},{rng.choice(formats)(when)},{name},{value}\n")
                if rng.random() < 0.001:
                    lines.append(lines[-1])
            chunk = "".join(lines)
            f.write(chunk)
            written += len(chunk)
            shift += 3_600
    print(f"{out}: {written / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
