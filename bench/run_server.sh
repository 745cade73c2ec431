#!/usr/bin/env bash
# The server benchmark of issue 3: generates a province-sized tenant (bench/gen_province.cc) when
# DB does not exist, starts `dondoc serve` on it and runs wrk (300 connections, 2 threads) on five
# scenarios, printing req/s, latency percentiles, the server's peak RSS (VmHWM, reset before each
# scenario) and the load average.
#
# Usage: bash bench/run_server.sh BUILD [DB] [SECONDS] [SCENARIO...]
#   BUILD configured with -DCMAKE_BUILD_TYPE=Release -DDONDOC_BENCH=ON and built;
#   DB defaults to /tmp/dondoc-province.db; SECONDS to 20; scenarios: open overdue scorecards
#   task report report_paced (all by default, in that order: the write scenarios last).
#   report_paced is report at ~1,000 writes a second (bench/wrk/report_paced.lua).
# WARMUP=S in the environment runs each scenario S seconds before its measured run (one summary
# line): the figures of a warm server. Unset or 0: the first scenario meets a fresh server.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:?usage: bash bench/run_server.sh BUILD [DB] [SECONDS] [SCENARIO...]}
DB=${2:-/tmp/dondoc-province.db}
SECONDS_EACH=${3:-20}
shift $(( $# < 3 ? $# : 3 ))
SCENARIOS=${*:-open overdue scorecards task report report_paced}
WARMUP=${WARMUP:-0}
CONNECTIONS=${CONNECTIONS:-300}
THREADS=${THREADS:-2}
for bin in "$BUILD/dondoc" "$BUILD/bench/gen_province"; do
  [ -x "$bin" ] || { echo "bench: $bin is not built"; exit 2; }
done
command -v wrk >/dev/null || { echo "bench: wrk is not installed"; exit 2; }

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(date -u +%Y-%m-%dT%H:%MZ)"
damon=/sys/kernel/mm/damon/admin/kdamonds/0
if [ "$(cat "$damon/state" 2>/dev/null)" = on ] && grep -qs pageout "$damon"/contexts/*/schemes/*/action; then
  echo "== note: a DAMON scheme pages out memory left idle, file pages too: a scenario after others"
  echo "   may first read its pages from the disk again (bench/FINDINGS.md 3k)"
fi
if [ ! -s "$DB" ] || [ ! -s "$DB.lua" ]; then
  echo "== generating the province tenant into $DB"
  /usr/bin/time -f "  generation: %e s wall, %M KB peak" "$BUILD/bench/gen_province" --db "$DB"
fi
echo "== database: $(du -h "$DB" | cut -f1)"

log=$(mktemp)
pid=""
trap 'if [ -n "$pid" ]; then kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; fi; rm -f "$log"' EXIT
. bench/start_server.sh
start_server "$BUILD/dondoc" "$DB" "$log" --tenant province
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer bench-vanphong' "$url/api/v1/me")
[ "$code" = 200 ] || { echo "bench: GET /api/v1/me with the bench token: HTTP $code"; exit 1; }
echo "== server pid $pid on $url, $(grep -c ^processor /proc/cpuinfo) cpus; RSS after start: $(awk '/VmRSS/{print $2" "$3}' /proc/$pid/status)"

for s in $SCENARIOS; do
  echo 5 >/proc/$pid/clear_refs  # resets VmHWM to the current RSS
  echo "== ($s) wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_EACH}s --latency -s bench/wrk/$s.lua $url -- $DB.lua"
  if [ "$WARMUP" != 0 ]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s --latency \
      -s "bench/wrk/$s.lua" "$url" -- "$DB.lua" |
      awk -v s="$WARMUP" '/^ +99%/{p=$2} /^Requests\/sec/{r=$2} END{print "   warm-up " s " s: " r " req/s, p99 " p}'
  fi
  echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  refaults=$(awk '/^workingset_refault_file /{print $2}' /proc/vmstat)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --timeout 10s --latency \
    -s "bench/wrk/$s.lua" "$url" -- "$DB.lua" | sed 's/^/   /'
  echo "   peak RSS (VmHWM) during ($s): $(awk '/VmHWM/{print $2" "$3}' /proc/$pid/status); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  # Pages dropped from the page cache and read again during the run (the whole machine's count):
  # what a cold scenario reads back from the disk (bench/FINDINGS.md 3k).
  [ -n "$refaults" ] && echo "   file pages read back (workingset_refault_file): $(( $(awk '/^workingset_refault_file /{print $2}' /proc/vmstat) - refaults ))"
done
