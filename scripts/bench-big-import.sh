#!/usr/bin/env bash
# `make bench-big-import`: a 1 GB events export as messy as a real one (no order, five date
# formats, quoted fields) into a workspace: time and peak memory, then the same file again
# (every event a repeat), beside the sqlite3 shell's `.import` of the file into a plain
# table. Prints figures; asserts nothing.
# Usage: scripts/bench-big-import.sh MILEPOST_CLI (release) [MEGABYTES, default 1000]
set -euo pipefail
cli=$(realpath "${1:?usage: bench-big-import.sh MILEPOST_CLI [MEGABYTES]}")
mb=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
# The file takes minutes to write: it is kept between runs.
cache=${MILEPOST_BENCH_CACHE:-$HOME/.cache/milepost/bench}
mkdir -p "$cache"
demo=$cache/demo-2700
events=$cache/messy-events-${mb}mb.csv
if [ ! -s "$demo/customers.csv" ]; then
  "$cli" demo --customers 2700 --seed 1 --out "$demo" >/dev/null
fi
if [ ! -s "$events" ]; then
  python3 "$here/messy_events.py" "$demo/events.csv" "$events.partial" "$mb" 1
  mv "$events.partial" "$events"
fi
dir=$(mktemp -d -t milepost-bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT
rows=$(($(wc -l <"$events") - 1))
echo "events file: $rows rows, $(du -m "$events" | cut -f1) MB, in no order, five date formats, quoted fields"

timed() { /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null 2>&1; read -r secs kb <"$dir/time"; }
"$cli" --db "$dir/w.sqlite3" data import customers "$demo/customers.csv" >/dev/null
timed "$cli" --db "$dir/w.sqlite3" data import events "$events"
printf 'milepost data import events:        %6.1f s = %8.0f rows/s, peak memory %4.0f MB\n' \
  "$secs" "$(echo "$rows / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
ours=$secs
timed "$cli" --db "$dir/w.sqlite3" data import events "$events"
printf 'the same file again (all repeats):  %6.1f s = %8.0f rows/s, peak memory %4.0f MB (with its backup first)\n' \
  "$secs" "$(echo "$rows / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
echo "workspace: $(du -m "$dir/w.sqlite3" | cut -f1) MB"
timed sqlite3 "$dir/plain.sqlite3" ".mode csv" ".import $events events"
printf 'sqlite3 .import (plain table):      %6.1f s = %8.0f rows/s, peak memory %4.0f MB\n' \
  "$secs" "$(echo "$rows / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
printf 'milepost / sqlite3 time: %.2f\n' "$(echo "$ours / $secs" | bc -l)"
