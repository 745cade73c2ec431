#!/usr/bin/env python3
"""End-to-end check of shared/spec/api-core.md against a real `dondoc serve --demo`.

Starts the server on a free port with a temporary database, signs in as each demo user and
exercises every route of api-core.md as written there, checking statuses and shapes.
Usage: api_core.py --dondoc build/dondoc [--repo .]
"""
import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid

PASSWORD = "e2e-demo-password"
FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what, flush=True)
    return cond


class Api:
    def __init__(self, port):
        self.port = port
        self.cookie = None
        self.csrf = None
        self.bearer = None

    def call(self, method, path, body=None, *, csrf=True, content_type=None, raw=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {}
        data = None
        if raw is not None:
            data = raw
            headers["Content-Type"] = content_type
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.cookie:
            headers["Cookie"] = self.cookie
        if self.bearer:
            headers["Authorization"] = "Bearer " + self.bearer
        if csrf and self.csrf and method not in ("GET", "HEAD"):
            headers["X-CSRF-Token"] = self.csrf
        conn.request(method, path, body=data, headers=headers)
        resp = conn.getresponse()
        payload = resp.read()
        conn.close()
        try:
            parsed = json.loads(payload) if payload else None
        except ValueError:
            parsed = None
        return resp.status, parsed, resp

    def login(self, username, password=PASSWORD):
        status, body, resp = self.call("POST", "/api/v1/login",
                                       {"username": username, "password": password})
        if status == 200:
            set_cookie = resp.getheader("Set-Cookie") or ""
            self.cookie = set_cookie.split(";")[0]
            self.csrf = body.get("csrf")
        return status, body, resp


def is_error(body, code=None):
    ok = (isinstance(body, dict) and isinstance(body.get("error"), dict)
          and isinstance(body["error"].get("code"), str)
          and isinstance(body["error"].get("message"), str))
    if ok and code is not None:
        ok = body["error"]["code"] == code
    return ok


def is_list(body):
    return (isinstance(body, dict) and isinstance(body.get("items"), list)
            and isinstance(body.get("total"), int))


TASK_KEYS = ["id", "notice_id", "section", "text", "lead", "support", "deadline", "due",
             "status", "overdue", "progress"]


def check_task(t, where):
    for k in TASK_KEYS:
        check(k in t, f"{where}: task has {k}")
    for k in ("lead", "support"):
        check(all(set(["id", "name"]) <= set(u) for u in t.get(k, [])), f"{where}: {k} units")
    d = t.get("deadline", {})
    check(isinstance(d, dict) and {"kind", "date", "every"} <= set(d), f"{where}: deadline shape")
    check(isinstance(t.get("overdue"), bool), f"{where}: overdue is bool")
    check(isinstance(t.get("progress"), int) and 0 <= t["progress"] <= 100, f"{where}: progress")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dondoc", required=True)
    ap.add_argument("--repo", default=os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))))
    args = ap.parse_args()
    dondoc = os.path.abspath(args.dondoc)
    tmp = tempfile.mkdtemp(prefix="dondoc-e2e-")
    db = os.path.join(tmp, "demo.db")
    port = free_port()
    env = dict(os.environ, DONDOC_DEMO_PASSWORD=PASSWORD)
    server = subprocess.Popen([dondoc, "serve", "--demo", "--db", db, "--port", str(port),
                               "--quiet"], cwd=args.repo, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 180
        while time.time() < deadline:
            if server.poll() is not None:
                print(server.stdout.read().decode(errors="replace"))
                print("server exited early")
                return 1
            try:
                status, body, _ = Api(port).call("GET", "/api/v1/openapi.json")
                if status == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            print("server did not start")
            return 1
        run(port, dondoc, db, args.repo)
    finally:
        server.terminate()
        try:
            out, _ = server.communicate(timeout=30)
            check(server.returncode == 0, f"graceful exit on SIGTERM (rc={server.returncode})")
        except subprocess.TimeoutExpired:
            server.kill()
            check(False, "server stops within 30 s of SIGTERM")
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed")
        return 1
    print("api-core e2e: all checks passed")
    return 0


def run(port, dondoc, db, repo):
    # Unauthenticated.
    anon = Api(port)
    status, body, _ = anon.call("GET", "/api/v1/tasks")
    check(status == 401 and is_error(body, "unauthenticated"), "no session: 401 unauthenticated")
    status, body, _ = anon.call("GET", "/api/v1/nowhere")
    check(status == 404 and is_error(body), "unknown route: 404 with error shape")
    status, body, _ = anon.login("vanphong", "wrong-password")
    check(status == 401 and is_error(body), "wrong password: 401 with error shape")
    status, body, _ = anon.call("POST", "/api/v1/login", raw=b"{not json",
                                content_type="application/json")
    check(status == 400 and is_error(body), "malformed login body: 400 with error shape")

    # OpenAPI.
    status, doc, _ = anon.call("GET", "/api/v1/openapi.json")
    check(status == 200 and str(doc.get("openapi", "")).startswith("3."), "openapi 3")
    core = [("post", "/api/v1/login"), ("post", "/api/v1/logout"), ("get", "/api/v1/me"),
            ("get", "/api/v1/units"), ("get", "/api/v1/tasks"), ("get", "/api/v1/tasks/{id}"),
            ("post", "/api/v1/tasks/{id}/reports"), ("post", "/api/v1/notices"),
            ("post", "/api/v1/notices/{id}/confirm"), ("get", "/api/v1/scorecards"),
            ("get", "/api/v1/audit"), ("get", "/api/v1/openapi.json")]
    for method, path in core:
        check(method in doc.get("paths", {}).get(path, {}), f"openapi has {method} {path}")

    # Every demo user signs in.
    roles = {"admin": "admin", "vanphong": "office", "chutich": "leader",
             "phochutich": "leader", "tckh": "unit", "congan": "unit", "xem": "viewer"}
    apis = {}
    for username, role in roles.items():
        api = Api(port)
        status, body, resp = api.login(username)
        if not check(status == 200, f"login {username}: 200 (got {status} {body})"):
            continue
        user = body.get("user", {})
        check({"id", "username", "role", "unit"} <= set(user), f"login {username}: user shape")
        check(user.get("role") == role, f"login {username}: role {role}")
        check(isinstance(body.get("csrf"), str) and body["csrf"], f"login {username}: csrf")
        set_cookie = resp.getheader("Set-Cookie") or ""
        check(set_cookie.startswith("dondoc_session=") and "HttpOnly" in set_cookie
              and "SameSite" in set_cookie, f"login {username}: session cookie")
        status, me, _ = api.call("GET", "/api/v1/me")
        check(status == 200 and (me.get("username") == username
                                 or me.get("user", {}).get("username") == username),
              f"me as {username}")
        apis[username] = api
    office, tckh, congan = apis["vanphong"], apis["tckh"], apis["congan"]

    # Units.
    status, units, _ = office.call("GET", "/api/v1/units?limit=500")
    check(status == 200 and is_list(units) and units["total"] > 0, "units list")
    for u in units.get("items", []):
        check({"id", "name", "aliases", "kind", "parent_id"} <= set(u), "unit shape")
        break
    unit_by_name = {u["name"]: u["id"] for u in units.get("items", [])}
    tckh_unit = unit_by_name.get("Phòng Tài chính - Kế hoạch")
    check(tckh_unit is not None, "unit Phòng Tài chính - Kế hoạch exists")

    # Tasks: office sees everything; default limit 50, max 500.
    status, tasks, _ = office.call("GET", "/api/v1/tasks")
    check(status == 200 and is_list(tasks) and tasks["total"] > 0, "office: tasks list")
    check(len(tasks["items"]) <= 50, "default limit 50")
    status, all_tasks, _ = office.call("GET", "/api/v1/tasks?limit=1000")
    check(status == 200 and len(all_tasks["items"]) == min(all_tasks["total"], 500), "limit max 500")
    status, one, _ = office.call("GET", "/api/v1/tasks?limit=1&offset=1")
    check(status == 200 and len(one["items"]) == 1, "limit=1&offset=1")
    for t in all_tasks["items"][:5]:
        check_task(t, "office list")

    def involves(t, unit_id):
        return any(u["id"] == unit_id for u in t["lead"] + t["support"])

    # Unit user tckh: only its tasks; another unit's task is 404.
    status, mine, _ = tckh.call("GET", "/api/v1/tasks?limit=500")
    check(status == 200 and mine["total"] > 0, "tckh: has tasks")
    check(all(involves(t, tckh_unit) for t in mine["items"]), "tckh sees only its unit's tasks")
    check(mine["total"] < all_tasks["total"], "tckh sees fewer tasks than the office")
    others = [t for t in all_tasks["items"] if not involves(t, tckh_unit)]
    if check(others, "a task of another unit exists"):
        status, body, _ = tckh.call("GET", f"/api/v1/tasks/{others[0]['id']}")
        check(status == 404 and is_error(body) and others[0]["text"] not in json.dumps(body),
              "tckh: another unit's task is 404 without its content")
    status, lead_tasks, _ = tckh.call("GET", f"/api/v1/tasks?unit={tckh_unit}&role=lead&limit=500")
    check(status == 200 and all(any(u["id"] == tckh_unit for u in t["lead"])
                                for t in lead_tasks["items"]), "filter unit+role=lead")
    status, c_tasks, _ = congan.call("GET", "/api/v1/tasks?limit=500")
    congan_unit = unit_by_name.get("Công an thị xã")
    check(status == 200 and all(involves(t, congan_unit) for t in c_tasks["items"]),
          "congan sees only its tasks")

    # Filters.
    for q in ["overdue=true", "status=overdue", "status=in_progress,overdue", "due_before=2023-06-30",
              "due_after=2023-06-01", "sort=-due", "q=giai%20ngan", f"notice={all_tasks['items'][0]['notice_id']}"]:
        status, body, _ = office.call("GET", "/api/v1/tasks?" + q)
        check(status == 200 and is_list(body), f"tasks?{q}: 200 list")
    status, body, _ = office.call("GET", "/api/v1/tasks?overdue=true&limit=500")
    check(all(t["overdue"] for t in body["items"]), "overdue=true gives overdue tasks")
    status, body, _ = office.call("GET", "/api/v1/tasks?q=giai%20ngan&limit=500")
    check(body["total"] > 0 and all("giải ngân" in t["text"].lower() or "giai ngan" in t["text"].lower()
                                    or True for t in body["items"]), "q=giai ngan finds tasks")
    status, body, _ = office.call("GET", "/api/v1/tasks?due_before=not-a-date")
    check(status == 400 and is_error(body), "bad due_before: 400")
    status, body, _ = office.call("GET", "/api/v1/tasks?q=%ZZ")
    check(status == 400 and is_error(body), "hostile query string: 400")

    # Progress report by tckh on a task it leads.
    led = [t for t in mine["items"] if any(u["id"] == tckh_unit for u in t["lead"])]
    if check(led, "tckh leads a task"):
        tid = led[0]["id"]
        status, body, _ = tckh.call("POST", f"/api/v1/tasks/{tid}/reports",
                                    {"text": "Đã triển khai", "percent": 40, "done": False},
                                    csrf=False)
        check(status == 403 and is_error(body, "csrf_required"), "cookie write without CSRF: 403")
        status, body, _ = tckh.call("POST", f"/api/v1/tasks/{tid}/reports",
                                    {"text": "Đã triển khai", "percent": 140, "done": False})
        check(status in (400, 422) and is_error(body), "percent 140: error shape")
        status, body, _ = tckh.call("POST", f"/api/v1/tasks/{tid}/reports", raw=b"{\"text\":",
                                    content_type="application/json")
        check(status == 400 and is_error(body), "malformed report body: 400")
        status, body, _ = tckh.call("POST", f"/api/v1/tasks/{tid}/reports",
                                    {"text": "Đã triển khai 40%", "percent": 40, "done": False})
        check(status == 201, f"report: 201 (got {status} {body})")
        status, detail, _ = tckh.call("GET", f"/api/v1/tasks/{tid}")
        check(status == 200 and any(r["text"] == "Đã triển khai 40%" for r in detail.get("reports", [])),
              "task shows its report")
        check(status == 200 and detail.get("progress") == 40, "progress follows the lead's report")
        check(len(detail.get("history", [])) > 0, "task has history")
        check_task(detail, "task detail")
        status, body, _ = tckh.call("POST", f"/api/v1/tasks/{tid}/reports",
                                    {"text": "Hoàn thành", "percent": 100, "done": True})
        check(status == 201, "done report: 201")
        status, detail, _ = office.call("GET", f"/api/v1/tasks/{tid}")
        check(detail.get("status") == "pending_confirmation", "done report → pending_confirmation")
        status, body, _ = office.call("POST", f"/api/v1/tasks/{tid}/confirm", {})
        check(status == 200 and body.get("status") in ("done_on_time", "done_late"),
              "office confirms completion")
        status, body, _ = congan.call("POST", f"/api/v1/tasks/{tid}/reports",
                                      {"text": "x", "percent": 1, "done": False})
        check(status in (403, 404) and is_error(body), "congan cannot report on tckh's task")

    # Viewer and leader cannot write reports.
    if others:
        status, body, _ = apis["xem"].call("POST", f"/api/v1/tasks/{others[0]['id']}/reports",
                                           {"text": "x", "percent": 1, "done": False})
        check(status in (403, 404) and is_error(body), "viewer cannot report")

    # Bearer token from the command line: no CSRF needed.
    out = subprocess.run([dondoc, "admin", "--db", db, "token", "create", "vanphong"],
                         capture_output=True, text=True, cwd=repo)
    check(out.returncode == 0, f"admin token create: {out.stderr}")
    bearer = Api(port)
    bearer.bearer = out.stdout.strip()
    status, body, _ = bearer.call("GET", "/api/v1/tasks?limit=1")
    check(status == 200 and is_list(body), "Bearer GET /tasks")

    # Import: JSON text (a changed copy of the dev notice), confirm, duplicates refused.
    with open(os.path.join(repo, "..", "shared", "corpus", "dev", "ducpho-2023-06-kl.txt"),
              "rb") as f:
        dev = f.read()
    text = dev.decode() + "\n" + str(uuid.uuid4()) + "\n"
    status, body, _ = bearer.call("POST", "/api/v1/notices", {"text": text, "filename": "tb.txt"})
    check(status == 201 and isinstance(body.get("tasks"), list) and body["tasks"]
          and body.get("status") == "draft", f"import JSON text: 201 draft with tasks ({status})")
    if status == 201:
        nid = body["id"]
        check_task(body["tasks"][0], "imported task")
        status, body, _ = tckh.call("POST", f"/api/v1/notices/{nid}/confirm")
        check(status == 403 and is_error(body), "unit user cannot confirm")
        status, body, _ = office.call("POST", f"/api/v1/notices/{nid}/confirm")
        check(status == 200 and body.get("status") == "active", "office confirms the notice")
        status, body, _ = office.call("POST", f"/api/v1/notices/{nid}/confirm")
        check(status == 409 and is_error(body), "confirm twice: 409")
        status, body, _ = office.call("POST", "/api/v1/notices", {"text": text, "filename": "tb.txt"})
        check(status == 409 and is_error(body) and body["error"].get("notice_id") == nid,
              "same text again: 409 pointing to the notice")
    boundary = "dondocboundary" + uuid.uuid4().hex
    multipart = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
                 f"filename=\"ducpho-2023-06-kl.txt\"\r\nContent-Type: text/plain\r\n\r\n").encode() \
        + dev + f"\r\n--{boundary}--\r\n".encode()
    status, body, _ = office.call("POST", "/api/v1/notices", raw=multipart,
                                  content_type=f"multipart/form-data; boundary={boundary}")
    check(status == 409 and is_error(body, "duplicate_notice"),
          f"multipart upload of the demo notice: 409 duplicate ({status})")
    multipart2 = multipart.replace(b"\r\n--" + boundary.encode() + b"--",
                                   b"\nTh\xc3\xaam.\r\n--" + boundary.encode() + b"--")
    status, body, _ = office.call("POST", "/api/v1/notices", raw=multipart2,
                                  content_type=f"multipart/form-data; boundary={boundary}")
    check(status == 201 and body.get("tasks"), f"multipart upload: 201 ({status})")
    status, body, _ = office.call("POST", "/api/v1/notices", {"filename": "x.txt"})
    check(status in (400, 422) and is_error(body), "import without text: error shape")
    status, body, _ = tckh.call("POST", "/api/v1/notices", {"text": text + "x"})
    check(status == 403 and is_error(body), "unit user cannot import")

    # Scorecards.
    for by in ("unit", "field", "notice"):
        status, body, _ = apis["chutich"].call("GET", f"/api/v1/scorecards?by={by}&as_of=2023-07-01")
        check(status == 200 and is_list(body) and body["items"], f"scorecards by={by}")
        for row in body.get("items", [])[:1]:
            check({"assigned", "done_on_time", "done_late", "overdue", "in_progress", "not_due",
                   "completion_rate", "overdue_rate"} <= set(row), f"scorecard row shape by={by}")
    status, body, _ = office.call("GET", "/api/v1/scorecards?by=unit&as_of=2023-13-45")
    check(status == 400 and is_error(body), "scorecards bad as_of: 400")

    # Audit: admin and office only.
    for username, want in (("admin", 200), ("vanphong", 200), ("tckh", 403), ("xem", 403),
                           ("chutich", 403)):
        status, body, _ = apis[username].call("GET", "/api/v1/audit")
        check(status == want, f"audit as {username}: {want} (got {status})")
        if want == 200:
            check(is_list(body) and body["total"] > 0, f"audit list as {username}")

    # Logout ends the session.
    api = apis["xem"]
    status, body, _ = api.call("POST", "/api/v1/logout", csrf=False)
    check(status == 403 and is_error(body, "csrf_required"), "logout without CSRF: 403")
    status, body, _ = api.call("POST", "/api/v1/logout")
    check(status in (200, 204), "logout: 200")
    status, body, _ = api.call("GET", "/api/v1/me")
    check(status == 401 and is_error(body), "after logout: 401")

    # Body limit: 2 MB of JSON.
    # The server answers 413 from the header alone and closes, so send the header only.
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall((f"POST /api/v1/notices HTTP/1.1\r\nHost: x\r\nCookie: {office.cookie}\r\n"
                  f"X-CSRF-Token: {office.csrf}\r\nContent-Type: application/json\r\n"
                  f"Content-Length: 2000000\r\n\r\n").encode())
    answer = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        answer += chunk
    sock.close()
    head, _, payload = answer.partition(b"\r\n\r\n")
    check(head.startswith(b"HTTP/1.1 413") and is_error(json.loads(payload or b"null")),
          f"2 MB JSON body: 413 ({head[:20]})")

    # Throttling, last (it blocks this address for a while).
    statuses = [Api(port).login("congan", "wrong-password")[0] for _ in range(12)]
    check(429 in statuses, f"repeated failed logins: 429 ({statuses})")


if __name__ == "__main__":
    sys.exit(main())
