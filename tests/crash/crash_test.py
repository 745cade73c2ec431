#!/usr/bin/env python3
"""Crash test of `dondoc serve`: acknowledged writes survive SIGKILL.

Starts `dondoc serve --demo` on a temporary database and a free loopback port, signs in as the
unit user `tckh` (a Bearer token from `dondoc admin token create`, or a login session when that
command is unavailable), and streams progress reports (POST /api/v1/tasks/{id}/reports) from
several threads. Mid-stream the server is killed with SIGKILL, restarted on the same database,
and every report the server acknowledged (201 with its id) must be returned by
GET /api/v1/tasks/{id} with the same text, and `PRAGMA integrity_check` must say "ok". The kill
is repeated KILLS times. Exits 1 on any lost write or failed check, 0 otherwise.

Usage: crash_test.py --dondoc BUILD/dondoc [--repo DIR] [--kills 3] [--threads 4]
Python 3 standard library only.
"""

import argparse
import http.client
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

PASSWORD = "crash-test-Mat-khau-1"
USER = "tckh"
DEADLINE_S = 55  # the whole test is bounded: ctest's TIMEOUT is 60 s


class Failure(Exception):
    pass


class Server:
    """One `dondoc serve` child process."""

    def __init__(self, dondoc, db, repo, log):
        self.dondoc, self.db, self.repo, self.log = dondoc, db, repo, log
        self.proc = None
        self.port = None

    def start(self):
        env = dict(os.environ, DONDOC_DEMO_PASSWORD=PASSWORD)
        self.proc = subprocess.Popen(
            [self.dondoc, "serve", "--demo", "--db", self.db, "--host", "127.0.0.1",
             "--port", "0", "--quiet"],
            cwd=self.repo, env=env, stdout=subprocess.PIPE, stderr=self.log, text=True)
        limit = time.monotonic() + 20
        # The server prints "dondoc listening on http://127.0.0.1:PORT/" once it accepts.
        while time.monotonic() < limit:
            line = self.proc.stdout.readline()
            if not line:
                raise Failure("server exited before listening (code %s)" % self.proc.wait())
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
            if m:
                self.port = int(m.group(1))
                # Keep draining stdout so the child never blocks on a full pipe.
                threading.Thread(target=self.proc.stdout.read, daemon=True).start()
                return
        raise Failure("server did not report its port within 20 s")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise Failure("server did not stop within 10 s of SIGTERM")


class Client:
    """Keep-alive JSON client authenticated by a Bearer token or a session cookie."""

    def __init__(self, port, auth):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        self.auth = auth

    def call(self, method, path, body=None):
        headers = dict(self.auth)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        self.conn.request(method, path, body=data, headers=headers)
        resp = self.conn.getresponse()
        raw = resp.read()
        try:
            return resp.status, json.loads(raw) if raw else None
        except ValueError:
            return resp.status, raw

    def close(self):
        self.conn.close()


def authenticate(args, server):
    """Headers that authenticate USER: a Bearer token, else a login session with its CSRF."""
    out = subprocess.run([args.dondoc, "admin", "--db", server.db, "token", "create", USER,
                          "--label", "crash-test"],
                         cwd=args.repo, capture_output=True, text=True, timeout=20)
    token = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
    if out.returncode == 0 and token:
        return {"Authorization": "Bearer " + token}
    print("crash: `dondoc admin token create` failed (%s); using a login session"
          % out.stderr.strip()[:200])
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("POST", "/api/v1/login",
                 body=json.dumps({"username": USER, "password": PASSWORD}),
                 headers={"Content-Type": "application/json"})
    resp = conn.getresponse()
    body = json.loads(resp.read())
    if resp.status != 200:
        raise Failure("login failed: %s %s" % (resp.status, body))
    cookie = resp.getheader("Set-Cookie").split(";", 1)[0]
    conn.close()
    return {"Cookie": cookie, "X-CSRF-Token": body["csrf"]}


def reportable_tasks(client):
    """Ids of tasks USER may report on: lead or support, not done, not paused."""
    status, page = client.call("GET", "/api/v1/tasks?limit=500")
    if status != 200:
        raise Failure("GET /api/v1/tasks: %s %s" % (status, page))
    ids = []
    for t in page["items"]:
        if t["status"].startswith("done") or t["status"] in ("paused", "pending_confirmation"):
            continue
        status, rep = client.call("POST", "/api/v1/tasks/%d/reports" % t["id"],
                                  {"text": "probe", "percent": 1, "done": False})
        if status == 201:
            ids.append(t["id"])
        if len(ids) == 6:
            break
    if not ids:
        raise Failure("user %s may report on no task of the demo" % USER)
    return ids


def writer(port, auth, tasks, name, acked, errors, lock, stop):
    """Posts reports until the server goes away; records each acknowledged one, and in `errors`
    any answer other than 201."""
    client = Client(port, auth)
    seq = 0
    try:
        while not stop.is_set():
            task = tasks[seq % len(tasks)]
            text = "crash %s #%d" % (name, seq)
            status, body = client.call("POST", "/api/v1/tasks/%d/reports" % task,
                                       {"text": text, "percent": seq % 100, "done": False})
            if status != 201:
                with lock:
                    errors.append("report %s: HTTP %s %s" % (text, status, body))
                return
            with lock:
                acked.append((task, body["id"], text))
            seq += 1
    except (OSError, http.client.HTTPException):
        pass  # the server was killed: this write is unacknowledged and may or may not exist
    finally:
        client.close()


def check_acknowledged(client, acked):
    by_task = {}
    for task, rid, text in acked:
        by_task.setdefault(task, {})[rid] = text
    for task, want in sorted(by_task.items()):
        status, detail = client.call("GET", "/api/v1/tasks/%d" % task)
        if status != 200:
            raise Failure("GET /api/v1/tasks/%d: %s" % (task, status))
        have = {r["id"]: r["text"] for r in detail["reports"]}
        lost = [(rid, text) for rid, text in want.items() if have.get(rid) != text]
        if lost:
            raise Failure("task %d: %d acknowledged report(s) lost or changed, e.g. id %s %r"
                          % (task, len(lost), lost[0][0], lost[0][1]))


def integrity_check(db):
    conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        count = conn.execute("SELECT count(*) FROM progress_reports").fetchone()[0]
    finally:
        conn.close()
    if result != [("ok",)]:
        raise Failure("PRAGMA integrity_check: %s" % result[:5])
    return count


def run(args):
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dondoc-crash-") as tmp:
        db = os.path.join(tmp, "crash.db")
        log = open(os.path.join(tmp, "server.log"), "w")
        server = Server(args.dondoc, db, args.repo, log)
        server.start()
        auth = authenticate(args, server)
        client = Client(server.port, auth)
        tasks = reportable_tasks(client)
        client.close()
        acked = []
        errors = []
        lock = threading.Lock()
        rng = random.Random(args.seed)
        for kill in range(1, args.kills + 1):
            if time.monotonic() - started > DEADLINE_S - 10:
                raise Failure("out of time before kill %d" % kill)
            before = len(acked)
            stop = threading.Event()
            threads = [threading.Thread(target=writer,
                                        args=(server.port, auth, tasks, "k%d-t%d" % (kill, i),
                                              acked, errors, lock, stop))
                       for i in range(args.threads)]
            for t in threads:
                t.start()
            # Kill once writes flow, at a random moment.
            limit = time.monotonic() + 10
            while len(acked) - before < 50 and time.monotonic() < limit:
                time.sleep(0.01)
            time.sleep(rng.uniform(0.2, 1.0))
            server.kill()
            stop.set()
            for t in threads:
                t.join(15)
            if errors:
                raise Failure(errors[0])
            n = len(acked) - before
            if n == 0:
                raise Failure("kill %d: no write was acknowledged before the kill" % kill)
            server.start()
            client = Client(server.port, auth)
            check_acknowledged(client, acked)
            client.close()
            rows = integrity_check(db)
            print("crash: kill %d: %d writes acknowledged in this round, %d in all, all present "
                  "after restart; integrity ok; %d report rows" % (kill, n, len(acked), rows))
        server.stop()
        integrity_check(db)
        log.close()
    print("crash: ok (%d kills, %d acknowledged writes, %.1f s)"
          % (args.kills, len(acked), time.monotonic() - started))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--dondoc", required=True, help="the dondoc executable")
    p.add_argument("--repo", default=os.path.join(os.path.dirname(__file__), "..", ".."),
                   help="repository root (the demo's notice and units are found from it)")
    p.add_argument("--kills", type=int, default=3)
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--seed", type=int, default=None)
    args = p.parse_args()
    args.dondoc = os.path.abspath(args.dondoc)
    args.repo = os.path.abspath(args.repo)
    try:
        run(args)
    except Failure as e:
        print("crash: FAIL: %s" % e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
