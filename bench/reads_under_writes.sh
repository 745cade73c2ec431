#!/usr/bin/env bash
# Scenario (a) read while progress reports arrive: starts `dondoc serve` on DB, warms (a) for
# 5 s, runs (a) alone for SECONDS, then (a) again for SECONDS while a second wrk posts reports
# from WRITERS connections, each pausing 0-2 × THINK_MS between its posts (bench/wrk/
# report_paced.lua). Prints both (a) runs and the writes a second. Every write empties the
# answer cache today, so this measures what a unit user meets when others report
# (bench/FINDINGS.md 3j). The reports are written to DB: give it a copy.
#
# Usage: bash bench/reads_under_writes.sh BUILD DB [WRITERS] [THINK_MS] [SECONDS]
#   WRITERS 10, THINK_MS 500 (~20 writes a second), SECONDS 15 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: bash bench/reads_under_writes.sh BUILD DB [WRITERS] [THINK_MS] [SECONDS]"
BUILD=${1:?$usage}
DB=${2:?$usage}
WRITERS=${3:-10}
THINK=${4:-500}
SECONDS_EACH=${5:-15}
[ -x "$BUILD/dondoc" ] || { echo "bench: $BUILD/dondoc is not built"; exit 2; }
[ -s "$DB" ] && [ -s "$DB.lua" ] || { echo "bench: $DB or $DB.lua is missing (bench/run_server.sh makes them)"; exit 2; }
[[ "$WRITERS" =~ ^[1-9][0-9]*$ && "$THINK" =~ ^[0-9]+$ && "$SECONDS_EACH" =~ ^[1-9][0-9]*$ ]] ||
  { echo "$usage (WRITERS, THINK_MS and SECONDS are whole numbers)"; exit 2; }
command -v wrk >/dev/null || { echo "bench: wrk is not installed"; exit 2; }

log=$(mktemp)
writes=$(mktemp)
pid=""
trap 'if [ -n "$pid" ]; then kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; fi; rm -f "$log" "$writes"' EXIT
. bench/start_server.sh
start_server "$BUILD/dondoc" "$DB" "$log" --tenant province
reads() {
  wrk -t2 -c300 -d"$1" --timeout 10s --latency -s bench/wrk/open.lua "$url" -- "$DB.lua"
}
summary() { grep -E 'Requests/sec|^ +50%|^ +99%' | tr -s ' ' | tr '\n' ' '; }

reads 5s >/dev/null
echo "(a) alone:            $(reads "${SECONDS_EACH}s" | summary)"
THINK_MS=$THINK wrk -t1 -c"$WRITERS" -d"${SECONDS_EACH}s" --timeout 10s --latency \
  -s bench/wrk/report_paced.lua "$url" -- "$DB.lua" >"$writes" &
writer=$!
echo "(a) while writing:    $(reads "${SECONDS_EACH}s" | summary)"
wait $writer
echo "reports ($WRITERS writers, 0-$((2 * THINK)) ms pauses): $(summary <"$writes")"
