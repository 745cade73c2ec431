#!/usr/bin/env python3
"""What each caller's first question costs on a freshly started server.

Starts `dondoc serve` on DB (a bench/gen_province tenant), then asks scenario (a)'s question
(a unit user's open tasks, page of 25) once for every unit user in DB.lua, one request at a
time on one keep-alive connection, and then once more for each. The first pass is the work a
server does after a start or a write before its answers are cached (what makes the p99 of (a)
in the first seconds of bench/run_server.sh); the second pass is the cached answer. Prints, for
each pass, the latency quantiles seen by the client and the server's CPU time per request
(/proc/PID/stat).

Usage: python3 bench/first_questions.py BUILD DB [--scenario open|overdue]
"""
import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

OPEN = "/api/v1/tasks?status=not_due,in_progress,overdue,returned,pending_confirmation&limit=25"


def lua_table(text, name):
    """The inside of the Lua table `NAME = { ... }` of DB.lua's `bench = {...}`."""
    m = re.search(r"\b" + name + r"\s*=\s*\{(.*?)\}", text, re.S)
    if not m:
        sys.exit(f"first_questions: no bench.{name} in the .lua file")
    return m.group(1)


def start_server(build, db, log):
    proc = subprocess.Popen(
        [os.path.join(build, "dondoc"), "serve", "--db", db, "--host", "127.0.0.1", "--port",
         "0", "--quiet", "--tenant", "province"], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 30
    while time.time() < deadline:
        if proc.poll() is not None:
            break
        log.seek(0)
        m = re.search(rb"listening on http://127\.0\.0\.1:(\d+)/", log.read())
        if m:
            return proc, int(m.group(1))
        time.sleep(0.1)
    proc.kill()
    log.seek(0)
    sys.exit("first_questions: the server did not start:\n" + log.read().decode(errors="replace"))


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_pass(port, pid, requests):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    times = []
    cpu0 = cpu_seconds(pid)
    for path, user in requests:
        t0 = time.perf_counter()
        conn.request("GET", path, headers={"Authorization": "Bearer bench-" + user,
                                           "Accept-Encoding": "gzip, deflate, br"})
        resp = conn.getresponse()
        resp.read()
        times.append((time.perf_counter() - t0) * 1000)
        if resp.status != 200:
            sys.exit(f"first_questions: {path} as {user}: HTTP {resp.status}")
    cpu = cpu_seconds(pid) - cpu0
    conn.close()
    return times, cpu


def report(name, times, cpu):
    q = statistics.quantiles(times, n=100)
    print(f"{name}: {len(times)} requests, latency median {statistics.median(times):.2f} ms, "
          f"p90 {q[89]:.2f} ms, p99 {q[98]:.2f} ms, max {max(times):.2f} ms; server CPU "
          f"{cpu:.2f} s, {cpu / len(times) * 1e6:.0f} us per request")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("build")
    ap.add_argument("db")
    ap.add_argument("--scenario", choices=["open", "overdue"], default="open")
    a = ap.parse_args()
    lua = open(a.db + ".lua", encoding="utf-8").read()
    if a.scenario == "open":
        requests = [(OPEN, u) for u in re.findall(r'"([^"]*)"', lua_table(lua, "unit_users"))]
    else:
        requests = [(f"/api/v1/tasks?unit={u}&overdue=true&limit=25", "vanphong")
                    for u in re.findall(r"\d+", lua_table(lua, "units"))]
    with tempfile.TemporaryFile() as log:
        proc, port = start_server(a.build, a.db, log)
        try:
            report("first questions", *one_pass(port, proc.pid, requests))
            report("asked again   ", *one_pass(port, proc.pid, requests))
        finally:
            proc.terminate()
            proc.wait()


if __name__ == "__main__":
    try:
        main()  # the server is stopped in main's `finally`
    except BrokenPipeError:  # `| head`: quiet, as the Python docs' signal page advises
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
