#!/usr/bin/env python3
"""Crash consistency of `maturity serve`: four writers save answers at once, the server is killed
with SIGKILL in the middle of their saves, and then every save the server acknowledged must be in
the database, which must pass `PRAGMA integrity_check`. Repeated for a few cycles on the same
database, then the server must start again and show the assessment.

Usage: serve_kill.py BINARY [CYCLES]. Prints the plain closing line and exits 0 when all holds.
Only loopback addresses are used; every request has a time limit."""
import http.client, json, os, re, signal, sqlite3, subprocess, sys, tempfile, threading, time, urllib.parse

binary = sys.argv[1]
cycles = int(sys.argv[2]) if len(sys.argv) > 2 else 3
folder = tempfile.mkdtemp()
database = os.path.join(folder, "assessments.sqlite")
token = "a" * 64
questionnaires = "Tests/Fixtures/questionnaires"
# Questions of the test questionnaire and the values each cycle writes (one value per question
# and cycle, so that the value in the database says which save it came from).
values = {
    "strategy": ["none", "draft", "adopted"],
    "paper-forms": ["yes", "no", "yes"],
    "owner": ["cdo", "it", "nobody"],
    "practices": ["catalogue", "quality", "training"],
    "datasets": ["1", "2", "3"],
    "uses-ai": ["yes", "no", "yes"],
    "staff": ["4", "5", "6"],
}


def start():
    server = subprocess.Popen(
        [binary, "serve", "--db", database, "--port", "0", "--questionnaires", questionnaires, "--lang", "en"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        line = server.stderr.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if found:
            threading.Thread(target=server.stderr.read, daemon=True).start()  # keep the pipe drained
            return server, int(found.group(1))
        if server.poll() is not None:
            break
    sys.exit("maturity serve did not start")


def post(port, path, fields, accept_json=True):
    body = urllib.parse.urlencode([("_csrf", token)] + fields)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"maturity_csrf={token}"}
    if accept_json:
        headers["Accept"] = "application/json"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("POST", path, body, headers)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def stored():
    with sqlite3.connect(database, timeout=10) as db:
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
        rows = dict(db.execute("SELECT questionID, value FROM answer WHERE assessmentID = 1").fetchall())
    return check, rows


server, port = start()
status, _ = post(port, "/assessments", [
    ("questionnaire", "test-assessment@1.0"), ("name", "Villa de Prueba"), ("country", "ES"),
    ("population", "4000"), ("type", "municipality"), ("date", "2025-10-15")], accept_json=False)
if status not in (200, 303):
    sys.exit(f"creating the assessment answered {status}")

acknowledged_total = 0
saves_total = 0
for cycle in range(cycles):
    if cycle > 0:
        server, port = start()
    value = lambda question: values[question][cycle % 3]
    acknowledged = {}
    lock = threading.Lock()
    counts = [0]
    enough = threading.Event()
    questions = list(values)

    def writer(mine):
        # Each writer saves its own questions again and again (the cycle's value), until the server dies.
        while True:
            for question in mine:
                try:
                    status, text = post(port, f"/assessments/1/answers/{question}", [(f"q.{question}", value(question))])
                except (OSError, http.client.HTTPException):
                    return
                if status == 200 and json.loads(text).get("saved") is True:
                    with lock:
                        acknowledged[question] = value(question)
                        counts[0] += 1
                        if len(acknowledged) >= 3:
                            enough.set()

    threads = [threading.Thread(target=writer, args=(questions[i::4],), daemon=True) for i in range(4)]
    for thread in threads:
        thread.start()
    enough.wait(timeout=30)
    time.sleep(0.05 * (cycle + 1))  # kill at a different moment of the saves in each cycle
    os.kill(server.pid, signal.SIGKILL)
    server.wait(timeout=30)
    for thread in threads:
        thread.join(timeout=30)
    check, rows = stored()
    if check != "ok":
        sys.exit(f"cycle {cycle + 1}: integrity_check says {check}")
    for question, saved in acknowledged.items():
        if rows.get(question) != saved:
            sys.exit(f"cycle {cycle + 1}: {question} was acknowledged as {saved!r} but the database has {rows.get(question)!r}")
    acknowledged_total += len(acknowledged)
    saves_total += counts[0]

server, port = start()
connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
connection.request("GET", "/assessments/1/results", headers={"Cookie": f"maturity_csrf={token}"})
results = connection.getresponse()
results.read()
server.send_signal(signal.SIGTERM)
server.wait(timeout=30)
if results.status != 200:
    sys.exit(f"after {cycles} kills the results page answers {results.status}")
print(f"serve killed {cycles} times in the middle of saves: {saves_total} acknowledged saves, "
      f"{acknowledged_total} answers checked in the database")
print("1 passed, 0 failed")
