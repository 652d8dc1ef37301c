#!/usr/bin/env bash
# `make bench-import`: how fast a 1,000,000-row events CSV goes into the workspace, beside
# the sqlite3 shell's `.import` of the same file into a plain table, and our peak memory.
# Prints figures; asserts nothing. Usage: scripts/bench-import.sh MILEPOST_CLI (release)
set -euo pipefail
cli=$(realpath "${1:?usage: bench-import.sh MILEPOST_CLI}")
runs=${RUNS:-3}
dir=$(mktemp -d -t milepost-bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT

"$cli" demo --customers 2700 --seed 1 --out "$dir" >/dev/null
rows=$(($(wc -l <"$dir/events.csv") - 1))
mb=$(du -m "$dir/events.csv" | cut -f1)
echo "events file: $rows rows, $mb MB (milepost demo --customers 2700 --seed 1)"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ours=() theirs=() peak=()
for i in $(seq "$runs"); do
  rm -f "$dir"/w.sqlite3* "$dir"/plain.sqlite3*
  "$cli" --db "$dir/w.sqlite3" data import customers "$dir/customers.csv" >/dev/null
  /usr/bin/time -f "%e %M" -o "$dir/time" "$cli" --db "$dir/w.sqlite3" data import events "$dir/events.csv" >/dev/null
  read -r secs kb <"$dir/time"
  ours+=("$secs") peak+=("$kb")
  start=$(date +%s.%N)
  sqlite3 "$dir/plain.sqlite3" ".mode csv" ".import $dir/events.csv events"
  theirs+=("$(echo "$(date +%s.%N) - $start" | bc -l)")
done
o=$(printf '%s\n' "${ours[@]}" | median)
t=$(printf '%s\n' "${theirs[@]}" | median)
m=$(printf '%s\n' "${peak[@]}" | median)
printf 'milepost data import events: median %.2f s = %.0f rows/s, peak memory %.0f MB (runs: %s s)\n' \
  "$o" "$(echo "$rows / $o" | bc -l)" "$(echo "$m / 1024" | bc -l)" "${ours[*]}"
printf 'sqlite3 .import (plain table): median %.2f s = %.0f rows/s (runs: %s s)\n' \
  "$t" "$(echo "$rows / $t" | bc -l)" "$(printf '%.2f ' "${theirs[@]}")"
