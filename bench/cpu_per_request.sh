#!/usr/bin/env bash
# Server CPU per request for one wrk scenario: starts `dondoc serve` on DB, warms it with a 5 s
# run, then runs wrk for SECONDS and divides the server's user + system CPU time over that run
# (/proc/PID/stat) by the requests wrk completed. Throughput alone moves ±15 % between runs on
# a shared 2-core machine (wrk runs on the same cores); CPU per request moves much less.
#
# Usage: bash bench/cpu_per_request.sh BUILD DB [SECONDS] [SCENARIO]
#   SCENARIO: a script of bench/wrk (task by default); ACCEPT_ENCODING as bench/wrk/common.lua.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:?usage: bash bench/cpu_per_request.sh BUILD DB [SECONDS] [SCENARIO]}
DB=${2:?usage: bash bench/cpu_per_request.sh BUILD DB [SECONDS] [SCENARIO]}
SECONDS_EACH=${3:-10}
SCENARIO=${4:-task}
[ -x "$BUILD/dondoc" ] || { echo "bench: $BUILD/dondoc is not built"; exit 2; }
[ -s "$DB" ] && [ -s "$DB.lua" ] || { echo "bench: $DB or $DB.lua is missing (bench/run_server.sh makes them)"; exit 2; }
command -v wrk >/dev/null || { echo "bench: wrk is not installed"; exit 2; }

log=$(mktemp)
pid=""
trap 'if [ -n "$pid" ]; then kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; fi; rm -f "$log"' EXIT
. bench/start_server.sh
start_server "$BUILD/dondoc" "$DB" "$log" --tenant province
run() { wrk -t2 -c300 -d"$1" --timeout 10s --latency -s "bench/wrk/$SCENARIO.lua" "$url" -- "$DB.lua"; }

run 5s >/dev/null
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }  # utime + stime, in clock ticks
t0=$(ticks)
out=$(run "${SECONDS_EACH}s")
t1=$(ticks)
requests=$(echo "$out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
[ -n "$requests" ] && [ "$requests" -gt 0 ] || { echo "$out"; echo "bench: no requests completed"; exit 1; }
hz=$(getconf CLK_TCK)
echo "$out" | grep -E "Requests/sec|50%|99%"
awk -v t=$((t1 - t0)) -v hz="$hz" -v n="$requests" -v s="$SECONDS_EACH" 'BEGIN {
  printf "server CPU: %.2f s in %d s (%.2f cores), %.1f us per request (%d requests)\n",
         t / hz, s, t / hz / s, t / hz / n * 1e6, n }'
