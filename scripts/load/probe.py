#!/usr/bin/env python3
"""Latency after a write, across two servers: a write through --writer, then reads through --reader.
  profile: edit one employee's title to a word no one else has, then time the reader's next search for that
           word, and how long until the reader's search finds the employee.
  status:  flip one employee to In, then time the reader's next In-filtered query, and how long until the
           reader's In filter (narrowed to that employee's email) shows them.
Prints one JSON line with both series in milliseconds."""
import argparse
import json
import random
import string
import time
from urllib.parse import quote

from writer import Api


def timed(api, path):
    started = time.perf_counter()
    status, body = api.call("GET", path)
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise SystemExit(f"probe: GET {path} answered {status}")
    return elapsed, json.loads(body)


def until_found(api, path, employee, timeout=10.0):
    """Milliseconds until the reader's answer lists the employee."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        _, page = timed(api, path)
        if any(item["id"] == employee for item in page["items"]):
            return (time.perf_counter() - started) * 1000
        time.sleep(0.001)
    raise SystemExit(f"probe: {path} never listed employee {employee}")


def put(api, path, body):
    status, _ = api.call("PUT", path, body)
    if status != 200:
        raise SystemExit(f"probe: PUT {path} answered {status}")


def profile_probe(writer, reader, employee):
    word = "zq" + "".join(random.choices(string.ascii_lowercase, k=6))
    _, current = timed(writer, f"/api/employees/{employee}")
    edit = {field: current[field] for field in
            ("givenName", "familyName", "displayName", "department", "email", "phone", "location", "concurrencyStamp")}
    edit["title"] = f"Engineer {word}"
    put(writer, f"/api/employees/{employee}", edit)
    first, _ = timed(reader, f"/api/employees?pageSize=25&q={word}")
    return first, until_found(reader, f"/api/employees?pageSize=25&q={word}", employee)


def status_probe(writer, reader, employee):
    _, current = timed(writer, f"/api/employees/{employee}")
    email = quote(current["email"].split("@")[0])
    put(writer, f"/api/employees/{employee}/presence", {"status": "Out"})
    put(writer, f"/api/employees/{employee}/presence", {"status": "In"})
    first, _ = timed(reader, "/api/employees?pageSize=25&status=In")
    return first, until_found(reader, f"/api/employees?pageSize=25&status=In&q={email}", employee)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--writer", required=True)
    parser.add_argument("--reader", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--employees", type=int, required=True)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    writer, reader = Api(args.writer, args.key), Api(args.reader, args.key)
    results = {"profile": {"next_search_ms": [], "visible_ms": []}, "status": {"next_in_query_ms": [], "visible_ms": []}}
    for _ in range(args.rounds):
        first, visible = profile_probe(writer, reader, random.randint(1, args.employees))
        results["profile"]["next_search_ms"].append(round(first, 2))
        results["profile"]["visible_ms"].append(round(visible, 2))
        first, visible = status_probe(writer, reader, random.randint(1, args.employees))
        results["status"]["next_in_query_ms"].append(round(first, 2))
        results["status"]["visible_ms"].append(round(visible, 2))
        time.sleep(0.2)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
