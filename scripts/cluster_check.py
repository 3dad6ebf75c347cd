#!/usr/bin/env python3
"""The load driver and the checks of scripts/check-cluster's kill phase (standard library only).

    cluster_check.py load --base-url URL --sessions FILE --requests OUT [--workers 16]
        Sends a mix of GETs of members' results pages and saves of an answer through nginx until
        SIGTERM, then writes every request as a JSON line to OUT: time sent, latency, status and,
        for a save, the assessment, question and value. Each worker owns a disjoint set of
        members, so the saves of one member are sequential; every saved value is unique.
    cluster_check.py verify --base-url URL --sessions FILE --requests FILE --events FILE --db URL
        Prints the figures of the phase (requests/s and p50/p99 latency before, during and after
        the kills; saves acknowledged, failed and lost; how long errors lasted after each kill)
        and a PASS or FAIL line per check; exits 1 when a check failed. EVENTS has the lines
        `kill TIME INSTANCE` and `ready TIME INSTANCE` (Unix times) written by check-cluster.

The seeded sessions come from `network-benchmark seed --sessions FILE`: `TOKEN ASSESSMENT-ID` lines.
"""

import argparse
import collections
import concurrent.futures
import http.client
import itertools
import json
import random
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

# A number question without relevance conditions and without points: any whole number is a valid
# answer, so every save can carry a value of its own.
QUESTION = "eco-digital-staff"
GET_SHARE = 0.5
# Longer than nginx's proxy_read_timeout (60 s): a save the client gave up on cannot still be on
# its way to the database when the member's next save is sent.
TIMEOUT = 70


def read_sessions(path):
    with open(path, encoding="utf8") as f:
        return [tuple(line.split()) for line in f if line.strip()]


def cookies(token, csrf):
    return {"Cookie": f"maturity_session={token}; maturity_csrf={csrf}"}


# ---------------------------------------------------------------- load


class Worker(threading.Thread):
    """Sends requests as its own members, one at a time, until `stop` is set."""

    def __init__(self, host, port, members, values, stop):
        super().__init__(daemon=True)
        self.host, self.port = host, port
        self.members, self.values, self.stop = members, values, stop
        self.csrf = secrets.token_hex(32)
        self.records = []
        self.connection = None

    def run(self):
        while not self.stop.is_set():
            token, assessment = random.choice(self.members)
            if random.random() < GET_SHARE:
                record = {"kind": "get", "assessment": assessment}
                self.send("GET", f"/assessments/{assessment}/results", token, record)
            else:
                value = str(next(self.values))
                body = urllib.parse.urlencode({"present": QUESTION, f"q.{QUESTION}": value})
                record = {"kind": "save", "assessment": assessment, "question": QUESTION, "value": value}
                self.send("POST", f"/assessments/{assessment}/answers/{QUESTION}", token, record, body)

    def send(self, method, path, token, record, body=None):
        headers = cookies(token, self.csrf)
        if body is not None:
            headers.update({
                "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
                "X-CSRF-Token": self.csrf})
        record.update(t=time.time(), status=0)
        started = time.perf_counter()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            response.read()
            record["status"] = response.status
            if response.getheader("Location"):
                record["location"] = response.getheader("Location")
        except (OSError, http.client.HTTPException) as error:
            record["error"] = f"{type(error).__name__}: {error}"
            self.connection.close()
            self.connection = None
        record["latency"] = time.perf_counter() - started
        self.records.append(record)


def load(args):
    url = urllib.parse.urlsplit(args.base_url)
    sessions = read_sessions(args.sessions)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    values = itertools.count(1_000_000)
    workers = [
        Worker(url.hostname, url.port, sessions[index::args.workers], values, stop)
        for index in range(min(args.workers, len(sessions)))]
    for worker in workers:
        worker.start()
    while not stop.wait(0.2):
        pass
    for worker in workers:
        worker.join(TIMEOUT + 5)
    records = sorted((r for w in workers for r in w.records), key=lambda r: r["t"])
    with open(args.requests, "w", encoding="utf8") as f:
        for record in records:
            f.write(json.dumps(record) + "\n")
    print(f"load: {len(records)} requests from {len(workers)} workers")


# ---------------------------------------------------------------- verify


def is_ok(record):
    return 200 <= record["status"] < 300


def read_events(path):
    """The kills as (kill time, ready time, instance), in order."""
    kills, ready = [], {}
    with open(path, encoding="utf8") as f:
        for line in f:
            what, at, instance = line.split()
            if what == "kill":
                kills.append((float(at), instance))
            else:
                ready[len(kills) - 1] = float(at)
    return [(at, ready[index], instance) for index, (at, instance) in enumerate(kills)]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def windows(records, kills):
    """(name, [(start, end)]) of the phase: before the first kill, while an instance is down,
    while both are up between kills, and after the last restart. A request belongs to the window
    in which its reply came (a request cut by a kill is one of the kill's)."""
    start, end = records[0]["t"], max(r["t"] + r["latency"] for r in records)
    down = [(kill, ready) for kill, ready, _ in kills]
    between = [(down[i][1], down[i + 1][0]) for i in range(len(down) - 1)]
    return [
        ("before the kills", [(start, down[0][0])]),
        ("instance down", down),
        ("both up, between", between),
        ("after the last restart", [(down[-1][1], end)]),
    ]


def figures_table(records, kills):
    print(f"{'window':<24}{'seconds':>9}{'requests':>10}{'req/s':>8}{'non-2xx':>9}{'p50 ms':>9}{'p99 ms':>9}")
    for name, spans in windows(records, kills):
        inside = [r for r in records if any(a <= r["t"] + r["latency"] < b for a, b in spans)]
        seconds = sum(b - a for a, b in spans)
        latencies = [r["latency"] * 1000 for r in inside]
        errors = sum(not is_ok(r) for r in inside)
        rate = len(inside) / seconds if seconds > 0 else float("nan")
        print(f"{name:<24}{seconds:>9.1f}{len(inside):>10}{rate:>8.1f}{errors:>9}"
              f"{percentile(latencies, 0.5):>9.0f}{percentile(latencies, 0.99):>9.0f}")


def stored_values(db):
    output = subprocess.run(
        ["psql", db, "-AtF", "\t", "-c",
         f"SELECT assessmentid, value FROM answer WHERE questionid = '{QUESTION}'"],
        check=True, capture_output=True, text=True).stdout
    return dict(line.split("\t", 1) for line in output.splitlines())


def lost_saves(records, db):
    """Each assessment's stored value must be its last acknowledged save's, or one of a later
    save that got no acknowledgement (it may have been committed before its instance died).
    Without an acknowledged save there is nothing to lose."""
    saves = {}
    for record in records:
        if record["kind"] == "save":
            saves.setdefault(record["assessment"], []).append(record)
    stored = stored_values(db)
    acknowledged = sum(is_ok(r) for attempts in saves.values() for r in attempts)
    failed = sum(len(attempts) for attempts in saves.values()) - acknowledged
    lost, committed_unacknowledged = [], 0
    for assessment, attempts in saves.items():
        last = max((i for i, r in enumerate(attempts) if is_ok(r)), default=None)
        if last is None:
            continue
        value = stored.get(assessment)
        if value not in [r["value"] for r in attempts[last:]]:
            lost.append((assessment, attempts[last]["value"], value))
        elif value != attempts[last]["value"]:
            committed_unacknowledged += 1
    print(f"saves acknowledged: {acknowledged}, saves failed: {failed} "
          f"(of which {committed_unacknowledged} found committed as the latest), lost: {len(lost)}")
    for assessment, expected, value in lost[:10]:
        print(f"  assessment {assessment}: acknowledged {expected}, stored {value}")
    return acknowledged > 0 and not lost


def sessions_kept(records, args):
    """No reply sent anyone to /login nor refused them, and every seeded session still opens its
    member's results page."""
    refused = [r for r in records if r["status"] in (401, 403) or "/login" in r.get("location", "")]
    for record in refused[:5]:
        print(f"  {record['kind']} of assessment {record['assessment']}: "
              f"{record['status']} {record.get('location', '')}")
    url = urllib.parse.urlsplit(args.base_url)
    csrf = secrets.token_hex(32)

    def opens(session):
        token, assessment = session
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=TIMEOUT)
        try:
            connection.request("GET", f"/assessments/{assessment}/results", headers=cookies(token, csrf))
            return connection.getresponse().status
        finally:
            connection.close()

    sessions = read_sessions(args.sessions)
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(opens, sessions))
    closed = [(s[1], status) for s, status in zip(sessions, statuses) if status != 200]
    print(f"replies to /login, 401 or 403 during the kills: {len(refused)}; "
          f"sessions that open their results page afterwards: "
          f"{len(sessions) - len(closed)} of {len(sessions)}")
    for assessment, status in closed[:5]:
        print(f"  assessment {assessment}: {status}")
    return not refused and not closed


def recovery(records, kills, limit):
    """The time from each kill to the last failed reply before the next kill; no failure at all
    before the first kill."""
    ends = [kill for kill, _, _ in kills[1:]] + [float("inf")]
    failures = [(r["t"] + r["latency"], r) for r in records if not is_ok(r)]
    early = [r for at, r in failures if at < kills[0][0]]
    durations = []
    for (kill, ready, instance), end in zip(kills, ends):
        cycle = [at for at, _ in failures if kill <= at < end]
        durations.append((instance, ready - kill, max(cycle) - kill if cycle else 0.0, len(cycle)))
    print("kill  instance  restarted after  errors for  failed replies")
    for number, (instance, restart, duration, count) in enumerate(durations, 1):
        print(f"{number:>4}  {instance:>8}  {restart:>13.1f} s  {duration:>8.2f} s  {count:>14}")
    print(f"failed replies before the first kill: {len(early)}")
    kinds = collections.Counter(
        f"{r['kind']} {r['status']}" if r["status"] else f"{r['kind']} cut short ({r['error'].split(':')[0]})"
        for _, r in failures)
    listed = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    print(f"failed replies: {listed or 'none'}")
    return not early and all(duration <= limit for _, _, duration, _ in durations)


def verify(args):
    with open(args.requests, encoding="utf8") as f:
        records = [json.loads(line) for line in f]
    kills = read_events(args.events)
    if not records or not kills:
        print("FAIL the kill phase: no requests or no kills recorded")
        return 1
    figures_table(records, kills)
    checks = [
        ("0 lost saves", lost_saves(records, args.db)),
        ("no session lost", sessions_kept(records, args)),
        (f"errors stop within {args.max_error_seconds:g} s of each kill",
         recovery(records, kills, args.max_error_seconds)),
    ]
    for name, passed in checks:
        print(f"{'PASS' if passed else 'FAIL'} {name}")
    return 0 if all(passed for _, passed in checks) else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("load", "verify"):
        command = commands.add_parser(name)
        command.add_argument("--base-url", required=True)
        command.add_argument("--sessions", required=True)
        command.add_argument("--requests", required=True)
    commands.choices["load"].add_argument("--workers", type=int, default=16)
    commands.choices["verify"].add_argument("--events", required=True)
    commands.choices["verify"].add_argument("--db", required=True)
    commands.choices["verify"].add_argument("--max-error-seconds", type=float, default=5)
    args = parser.parse_args()
    if args.command == "load":
        load(args)
        return 0
    return verify(args)


if __name__ == "__main__":
    sys.exit(main())
