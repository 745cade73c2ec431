#!/usr/bin/env bash
# Page speed of issue 4: the HTML of each main page, timed over N sequential requests (curl's
# time_total, keep-alive off), signed in as the role that uses the page. Prints the median, p95
# and max in ms per page. A copy of DB is used (passwords are set on the copy).
#
# Usage: bash bench/page_bench.sh BUILD DB [N]
#   DB: a province tenant from bench/gen_province (users vanphong, chutich, u0001, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:?usage: bash bench/page_bench.sh BUILD DB [N]}
SRC_DB=${2:?usage: bash bench/page_bench.sh BUILD DB [N]}
N=${3:-50}
[ -x "$BUILD/dondoc" ] || { echo "page_bench: $BUILD/dondoc is not built"; exit 2; }
work=$(mktemp -d)
log="$work/serve.log"
pid=""
trap '[ -n "$pid" ] && kill -TERM $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
DB="$work/province.db"
sqlite3 "$SRC_DB" ".backup $DB"
PASSWORD=page-bench-password
for u in vanphong chutich u0001; do
  "$BUILD/dondoc" admin --db "$DB" user reset-password "$u" --password "$PASSWORD" >/dev/null
done
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "== database: $(sqlite3 "$DB" 'SELECT count(*) FROM tasks') tasks, $(du -h "$DB" | cut -f1)"
. bench/start_server.sh
start_server "$BUILD/dondoc" "$DB" "$log"

login() {  # user → cookie jar path
  local jar="$work/$1.jar"
  curl -s -c "$jar" -o /dev/null "$url/login"
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "username=$1" \
    --data-urlencode "password=$PASSWORD" "$url/login"
  echo "$jar"
}

# A task the unit user may see, and a notice, for the pages that need an id.
office_jar=$(login vanphong)
leader_jar=$(login chutich)
unit_jar=$(login u0001)
# The first request of a page after the start: nothing cached yet (sign-ins only).
cold_page() {  # label jar path
  local out
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -b "$2" "$url$3")
  [ "${out%% *}" = 200 ] || { echo "page_bench: GET $3 as $1: HTTP ${out%% *}"; exit 1; }
  awk -v label="$1" -v path="$3" -v t="${out#* }" \
    'BEGIN { printf "  %-10s %-42s first request %7.1f ms\n", label, path, t * 1000 }'
}
echo "== first request after the start (cold caches)"
cold_page leader "$leader_jar" "/dashboard"
cold_page unit "$unit_jar" "/my"

task_id=$(curl -s -b "$unit_jar" "$url/tasks?role=lead" | grep -o 'href="/tasks/[0-9]*"' | head -1 |
  grep -o '[0-9]*')
notice_id=$(sqlite3 "$DB" "SELECT id FROM notices WHERE status = 'active' ORDER BY id LIMIT 1")
[ -n "$task_id" ] || { echo "page_bench: u0001 sees no task (sign-in failed?)"; exit 1; }

summarize() {  # label path, reading seconds (one a line): median, p95 and max in ms
  sort -n | awk -v label="$1" -v path="$2" '
    { t[NR] = $1 * 1000 }
    END { i95 = int(NR * 0.95); if (i95 < 1) i95 = 1;
          printf "  %-10s %-42s median %7.1f ms  p95 %7.1f ms  max %7.1f ms  (n=%d)\n",
                 label, path, t[int((NR + 1) / 2)], t[i95], t[NR], NR }'
}

time_page() {  # label jar path
  local label=$1 jar=$2 path=$3 code
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$url$path")
  [ "$code" = 200 ] || { echo "page_bench: GET $path as $label: HTTP $code"; exit 1; }
  for _ in $(seq "$N"); do
    curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$url$path"
  done | summarize "$label" "$path"
}

echo "== $N sequential requests per page, after one warm-up request"
time_page office "$office_jar" "/tasks"
time_page office "$office_jar" "/tasks?overdue=true&sort=due_desc"
time_page office "$office_jar" "/tasks?q=b%C3%A1o+c%C3%A1o"
time_page office "$office_jar" "/notices"
time_page office "$office_jar" "/notices/$notice_id"
time_page office "$office_jar" "/tasks/$task_id"
time_page office "$office_jar" "/admin"
time_page leader "$leader_jar" "/dashboard"
time_page unit "$unit_jar" "/my"
time_page unit "$unit_jar" "/tasks/$task_id"
# Each of N requests right after a progress report (a write empties every page cache): what a
# leader or unit user meets during office hours, when reports keep coming in.
read -r reporter report_task < <(sqlite3 -separator ' ' "$DB" "SELECT u.username, tu.task_id FROM
  task_units tu JOIN users u ON u.unit_id = tu.unit_id AND u.tenant_id = tu.tenant_id WHERE u.role =
  'unit' AND tu.role = 'lead' AND tu.draft = 0 AND tu.status = 'open' ORDER BY u.id LIMIT 1") || true
after_write_page() {  # label jar path
  local label=$1 jar=$2 path=$3
  for i in $(seq "$N"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer bench-$reporter" \
      -H 'Content-Type: application/json' \
      --data "{\"text\":\"Báo cáo $i (page bench)\",\"percent\":$((i % 100)),\"done\":false}" \
      "$url/api/v1/tasks/$report_task/reports")
    [ "$code" = 201 ] || { echo "page_bench: report on task $report_task: HTTP $code"; exit 1; }
    curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$url$path"
  done | summarize "$label" "$path"
}
if [ -z "$report_task" ]; then
  echo "page_bench: no unit user leads an open task"; exit 1
fi
if true; then
  echo "== $N requests per page, each right after a progress report by $reporter (task $report_task)"
  after_write_page leader "$leader_jar" "/dashboard"
  after_write_page unit "$unit_jar" "/my"
  after_write_page office "$office_jar" "/tasks"
  after_write_page office "$office_jar" "/tasks/$task_id"
fi
echo "== server RSS: $(awk '/VmHWM/{print $2" "$3}' /proc/$pid/status) peak"
