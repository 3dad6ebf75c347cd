#!/usr/bin/env python3
"""Operations of `maturity serve --accounts`, configured only by MATURITY_* environment variables:
health and readiness, Prometheus metrics on their own address (and not on the app's), JSON logs
(one object per line, a request id on every request's line, the same id in X-Request-Id), and no
password, token, session id or answer text in the log, then a clean stop on SIGTERM.

Usage: serve_operations.py BINARY. Prints "ok" and exits 0 when all holds; loopback only."""
import http.client, json, os, re, signal, subprocess, sys, tempfile, threading, time, urllib.parse

binary = sys.argv[1]
folder = tempfile.mkdtemp()
database = os.path.join(folder, "network.sqlite")
admin_password = "Quiet lanterns over Tarragona 42"
wrong_password = "Nobody knows this wrong secret 17"
member_password = "Seven herons above the Ebro delta"
comment = "Zebra cartography of the municipal archive"
csrf = "c" * 64
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def maturity(*arguments, stdin=None):
    result = subprocess.run([binary, *arguments, "--db", database], input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"maturity {' '.join(arguments)} failed: {result.stderr}")
    return result.stdout


maturity("accounts", "add", "admin@ops.eu", "--role", "admin", "--password-stdin", stdin=admin_password + "\n")
maturity("network", "create", "ops", "--name", "Operations network")
invitation = maturity(
    "network", "invite", "ops", "--email", "member@ops.eu", "--role", "member", "--authority", "ES-OPS",
    "--public-url", "http://127.0.0.1:9").strip()
invitation_token = invitation.rsplit("/", 1)[1]

environment = dict(os.environ, MATURITY_DB=database, MATURITY_ACCOUNTS="1", MATURITY_PORT="0",
                   MATURITY_PUBLIC_URL="http://127.0.0.1:9", MATURITY_LOG_FORMAT="json",
                   MATURITY_METRICS_ADDRESS="127.0.0.1:0", MATURITY_LANG="en")
server = subprocess.Popen([binary, "serve"], env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
lines = []
ports = {}
deadline = time.time() + 60
while len(ports) < 2 and time.time() < deadline and server.poll() is None:
    line = server.stderr.readline()
    lines.append(line)
    for key, pattern in [("app", r"running at http://127\.0\.0\.1:(\d+)/"), ("metrics", r"Prometheus at http://127\.0\.0\.1:(\d+)/metrics")]:
        found = re.search(pattern, line)
        if found:
            ports[key] = int(found.group(1))
if len(ports) < 2:
    server.kill()
    sys.exit("maturity serve did not announce both addresses:\n" + "".join(lines) + server.stderr.read())
reader = threading.Thread(target=lambda: lines.extend(server.stderr), daemon=True)
reader.start()


def request(method, path, fields=None, cookies=None, port=None, accept_json=False):
    connection = http.client.HTTPConnection("127.0.0.1", port or ports["app"], timeout=20)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in {"maturity_csrf": csrf, **(cookies or {})}.items())}
    body = None
    if fields is not None:
        body = urllib.parse.urlencode([("_csrf", csrf)] + fields)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    if accept_json:
        headers["Accept"] = "application/json"
    try:
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


status, _, text = request("GET", "/healthz")
check(status == 200 and json.loads(text)["status"] == "ok", f"/healthz: {status} {text}")
status, _, text = request("GET", "/readyz")
check(status == 200 and json.loads(text)["status"] == "ready", f"/readyz: {status} {text}")

# A failed sign-in, then the member accepts the invitation and signs in by it.
status, _, _ = request("POST", "/login", [("email", "admin@ops.eu"), ("password", wrong_password)])
check(status in (200, 401), f"a wrong password answered {status}")
status, headers, _ = request("POST", f"/invitations/{invitation_token}", [("password", member_password)])


def cookie(headers, name):
    """The value `headers` set for the cookie `name`."""
    found = (re.match(name + r"=([^;]+)", value) for value in headers.get_all("Set-Cookie") or [])
    return next((match.group(1) for match in found if match), None)


session = cookie(headers, "maturity_session")
csrf = cookie(headers, "maturity_csrf") or csrf  # renewed at sign-in
check(status == 303 and session, f"accepting the invitation answered {status}")
cookies = {"maturity_session": session or ""}
status, headers, _ = request("POST", "/assessments", [
    ("questionnaire", "ai-data-readiness@2026.1"), ("name", "Villa de Operaciones"), ("authorityID", "ES-OPS"),
    ("country", "ES"), ("population", "4000"), ("type", "municipality"), ("date", "2026-11-15")], cookies)
assessment = re.search(r"/assessments/(\d+)", headers.get("Location", ""))
check(status == 303 and assessment, f"creating the assessment answered {status}")
assessment = assessment.group(1) if assessment else "0"
status, headers, text = request("POST", f"/assessments/{assessment}/answers/opn-policy",
                                 [("present", "opn-policy"), ("q.opn-policy", "adopted"), ("c.opn-policy", comment)],
                                 cookies, accept_json=True)
check(status == 200 and json.loads(text)["saved"], f"saving an answer answered {status}: {text}")
request_id = headers.get("X-Request-Id")
check(request_id, "no X-Request-Id on the save's response")

# Metrics on their own address, not on the app's.
status, _, metrics = request("GET", "/metrics", port=ports["metrics"])
check(status == 200, f"/metrics answered {status}")
for expected in [
    "maturity_answers_saved_total 1",
    'maturity_sign_ins_total{result="failure"} 1',
    'maturity_sign_ins_total{result="success"} 1',
    "maturity_sessions_active 1",
    'route="/assessments/{id}/answers/{question}"',
    "http_server_request_duration_seconds_bucket",
    'maturity_database_operation_duration_seconds_count{kind="write"}',
    "maturity_database_operations_in_progress 0",
]:
    check(expected in metrics, f"/metrics lacks {expected}")
check(re.search(r'http_server_requests_total\{[^}]*route="/healthz"[^}]*status="200"', metrics)
      or re.search(r'http_server_requests_total\{[^}]*status="200"[^}]*route="/healthz"', metrics),
      "/metrics does not count GET /healthz by route and status")
status, _, text = request("GET", "/metrics")
check(status in (403, 404) and "maturity_" not in text, f"/metrics on the app's address answered {status}")

server.send_signal(signal.SIGTERM)
check(server.wait(timeout=30) == 0, f"maturity serve exited with {server.returncode} after SIGTERM")
reader.join(timeout=5)

# The log: JSON objects, one per line, requests with their id, no secret.
objects = []
for line in filter(str.strip, lines):
    try:
        objects.append(json.loads(line))
    except ValueError:
        failures.append(f"a log line is not JSON: {line!r}")
for record in objects:
    check({"time", "level", "logger", "message"} <= record.keys(), f"a log line lacks a field: {record}")
requests = [record for record in objects if record.get("message") == "request"]
check(len(requests) >= 7, f"{len(requests)} request lines in the log")
check(all(record.get("request_id") and record.get("route") for record in requests),
      "a request line without request_id or route")
check(any(record.get("request_id") == request_id and record.get("route") == "/assessments/{id}/answers/{question}"
          for record in requests), "the save's X-Request-Id is not on its log line")
log = "".join(lines)
for secret in [admin_password, wrong_password, member_password, invitation_token, session or "-", comment, csrf]:
    check(secret not in log, f"the log holds a secret: {secret[:12]}…")

if failures:
    print("\n".join(failures), file=sys.stderr)
    print(log[-4000:], file=sys.stderr)
    sys.exit(1)
print("ok")
