# Sourced by the bench scripts. `start_server BIN DB LOG [ARG...]` runs `BIN serve --db DB --host
# 127.0.0.1 --port 0 --quiet ARG...` in the background with its output in LOG, sets `pid` as
# soon as it runs (for the caller's EXIT trap) and `url` once it listens; when the server exits
# or does not listen within 20 s, prints LOG and exits the script with status 1.
start_server() {
  local bin=$1 db=$2 log=$3
  shift 3
  "$bin" serve --db "$db" --host 127.0.0.1 --port 0 --quiet "$@" >"$log" 2>&1 &
  pid=$!
  local port=""
  for _ in $(seq 100); do
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "bench: the server exited"; exit 1; }
    sleep 0.2
  done
  [ -n "$port" ] || { cat "$log"; echo "bench: the server did not start"; exit 1; }
  url="http://127.0.0.1:$port"
}
