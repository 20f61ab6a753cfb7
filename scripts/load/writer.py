#!/usr/bin/env python3
"""Writes through the JSON API at fixed rates until stopped (SIGTERM) or --seconds pass: In/Out changes of
random employees at --status-rate per second and profile edits (the title) at --profile-rate per second.
Prints one JSON line: what was sent, what succeeded, what failed (any answer but 200, with the statuses seen).
With --log FILE, every write carries a marker ("lp-<n>" in the note, or at the end of the title) and is logged as
"<marker> <employee> <kind> <HTTP status> <unix ms when the answer arrived>", so a page can tell when it showed it."""
import argparse
import json
import random
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPConnection
from urllib.parse import urlparse

TITLES = ["Engineer", "Senior Engineer", "Analyst", "Designer", "Product Manager", "Recruiter", "Accountant"]


class Api:
    """One keep-alive connection per thread."""

    def __init__(self, base, key):
        self.url = urlparse(base)
        self.key = key
        self.local = threading.local()

    def call(self, method, path, body=None):
        connection = getattr(self.local, "connection", None)
        if connection is None:
            connection = self.local.connection = HTTPConnection(self.url.hostname, self.url.port, timeout=10)
        headers = {"X-Api-Key": self.key, "Content-Type": "application/json"}
        try:
            connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
            response = connection.getresponse()
            return response.status, response.read()
        except OSError:
            self.local.connection = None
            connection.close()
            return 0, b""


class Log:
    """The --log file: one line per write, and the markers that tell them apart."""

    def __init__(self, path):
        self.lock = threading.Lock()
        self.file = open(path, "w", encoding="utf-8") if path else None
        self.next = 0

    def marker(self):
        if self.file is None:
            return None
        with self.lock:
            self.next += 1
            return f"lp-{self.next}"

    def write(self, marker, employee, kind, status):
        if self.file is not None and marker is not None:
            answered = int(time.time() * 1000)
            with self.lock:
                self.file.write(f"{marker} {employee} {kind} {status} {answered}\n")

    def close(self):
        if self.file is not None:
            self.file.close()


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.sent = self.ok = 0
        self.failures = {}

    def add(self, status):
        with self.lock:
            self.sent += 1
            if status == 200:
                self.ok += 1
            else:
                self.failures[str(status)] = self.failures.get(str(status), 0) + 1

    def summary(self):
        return {"sent": self.sent, "ok": self.ok, "failed": self.sent - self.ok, "failures": self.failures}


def set_status(api, employees, tally, log):
    employee = random.randint(*employees)
    marker = log.marker()
    body = {"status": random.choice(["In", "Out"])}
    if marker:
        body["note"] = marker
    status, _ = api.call("PUT", f"/api/employees/{employee}/presence", body)
    log.write(marker, employee, "status", status)
    tally.add(status)


def edit_profile(api, employees, tally, log):
    employee = random.randint(*employees)
    marker = log.marker()
    status, body = api.call("GET", f"/api/employees/{employee}")
    if status != 200:
        tally.add(status)
        return
    current = json.loads(body)
    edit = {field: current[field] for field in
            ("givenName", "familyName", "displayName", "department", "email", "phone", "location", "concurrencyStamp")}
    edit["title"] = random.choice([t for t in TITLES if t != current["title"]])
    if marker:
        edit["title"] += " " + marker
    status, _ = api.call("PUT", f"/api/employees/{employee}", edit)
    log.write(marker, employee, "profile", status)
    tally.add(status)


def paced(rate, action, pool, stop):
    """Submits action() rate times per second on a fixed schedule (a slow call does not slow the schedule)."""
    if rate <= 0:
        return
    interval, next_at = 1.0 / rate, time.monotonic()
    while not stop.is_set():
        pool.submit(action)
        next_at += interval
        stop.wait(max(0.0, next_at - time.monotonic()))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--employees", type=int, required=True)
    parser.add_argument("--first-id", type=int, default=1, help="write to employees from this id on (others are left alone)")
    parser.add_argument("--status-rate", type=float, default=20)
    parser.add_argument("--profile-rate", type=float, default=1)
    parser.add_argument("--seconds", type=float, default=3600)
    parser.add_argument("--log", help="log every write with a marker it carries (see above)")
    args = parser.parse_args()

    api, stop, log = Api(args.base, args.key), threading.Event(), Log(args.log)
    statuses, profiles = Tally(), Tally()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=8) as pool:
        threads = [
            threading.Thread(target=paced, args=(args.status_rate, lambda: set_status(api, (args.first_id, args.employees), statuses, log), pool, stop)),
            threading.Thread(target=paced, args=(args.profile_rate, lambda: edit_profile(api, (args.first_id, args.employees), profiles, log), pool, stop)),
        ]
        for thread in threads:
            thread.start()
        stop.wait(args.seconds)
        stop.set()
        for thread in threads:
            thread.join()
    elapsed = time.monotonic() - started
    log.close()
    print(json.dumps({"seconds": round(elapsed, 1), "status": statuses.summary(), "profile": profiles.summary()}))


if __name__ == "__main__":
    main()
