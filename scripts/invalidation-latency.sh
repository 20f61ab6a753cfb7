#!/usr/bin/env bash
# How long after a write on one replica another replica stops holding the old value. Starts its own cluster
# (scripts/cluster.sh: redis-server, two Release replicas, nginx) on loopback, then for each write:
#   1. reads the employee through replica B, so B holds the status in its L1;
#   2. sets the employee's status through replica A's API (a real commit, then the invalidation);
#   3. waits for B's eviction of that status key on B's eviction stream (/api/admin/cache/evictions),
#      which B timestamps when it evicts.
# Latency = B's eviction time - the time the write request left this script (same machine clock). It
# includes A's request handling and database commit, so it is an upper bound on the invalidation itself.
# Everything it starts is stopped when it ends. The last line printed is
#   invalidation latency: p50 X ms, p99 Y ms, max Z ms
#
# The first --warmup writes (default 50) are not counted: they measure the JIT, not the cache.
#
#   scripts/invalidation-latency.sh [--writes N] [--warmup N] [--employees N] [--no-build]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

writes=1000 warmup=50 employees=200 build=()
while (($#)); do
    case $1 in
        --writes) writes=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --employees) employees=$2; shift 2 ;;
        --no-build) build=(--no-build); shift ;;
        *) sed -n '2,16s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
done

state=$(mktemp -d "${TMPDIR:-/tmp}/employee-directory-latency.XXXXXX")
export CLUSTER_DIR="$state"
cleanup() {
    scripts/cluster.sh down >/dev/null 2>&1 || true
    rm -rf "$state"
}
trap cleanup EXIT

api_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
# The API's own rate limit (where the app has one) would measure the limiter, not the cache: off.
cluster=$(Auth__SeedApiKey="$api_key" RateLimits__Api__PerSecond=0 RateLimits__Presence__PerMinute=0 Logging__LogLevel__Default=Warning \
    scripts/cluster.sh up --replicas 2 --employees "$employees" --port "$port" "${build[@]}")
replica_a=$(awk '$1 == "replica-1" { print $2 }' <<<"$cluster")
replica_b=$(awk '$1 == "replica-2" { print $2 }' <<<"$cluster")

API_KEY=$api_key WRITES=$writes WARMUP=$warmup A=$replica_a B=$replica_b python3 - <<'PY'
import http.client, json, os, queue, statistics, sys, threading, time
from datetime import datetime
from urllib.parse import urlsplit

KEY, WRITES, WARMUP = os.environ["API_KEY"], int(os.environ["WRITES"]), int(os.environ["WARMUP"])
A, B = urlsplit(os.environ["A"]), urlsplit(os.environ["B"])
HEADERS = {"X-Api-Key": KEY, "Content-Type": "application/json"}


def epoch(text):
    # .NET writes 7 fractional digits; Python reads 6.
    head, _, rest = text.partition(".")
    digits = "".join(c for c in rest if c.isdigit())
    offset = rest[len(digits):]
    return datetime.fromisoformat(f"{head}.{digits[:6]}{offset}").timestamp()


def stream(url, events, ready):
    connection = http.client.HTTPConnection(url.hostname, url.port)
    connection.request("GET", "/api/admin/cache/evictions", headers=HEADERS)
    response = connection.getresponse()
    if response.status != 200:
        sys.exit(f"{url.geturl()} refused the eviction stream: {response.status}")
    kind = None
    for raw in response:
        line = raw.decode().rstrip("\n")
        if line.startswith("event: "):
            kind = line[7:]
        elif line.startswith("data: "):
            data = json.loads(line[6:])
            if kind == "ready":
                ready.set()
            else:
                for key in data["keys"]:
                    events.put((key, data["remote"], epoch(data["at"])))


def listen(url):
    events, ready = queue.Queue(), threading.Event()
    threading.Thread(target=stream, args=(url, events, ready), daemon=True).start()
    if not ready.wait(10):
        sys.exit(f"{url.geturl()}: the eviction stream did not open")
    return events


def wait_for(events, key, remote):
    deadline = time.time() + 5
    while True:
        left = deadline - time.time()
        if left <= 0:
            sys.exit(f"no eviction of {key} (remote={remote}) within 5 s")
        try:
            seen, was_remote, at = events.get(timeout=left)
        except queue.Empty:
            continue
        if seen.endswith(key) and was_remote == remote:
            return at


a, b = http.client.HTTPConnection(A.hostname, A.port), http.client.HTTPConnection(B.hostname, B.port)


def call(connection, method, path, body=None):
    connection.request(method, path, body=json.dumps(body) if body else None, headers=HEADERS)
    response = connection.getresponse()
    payload = response.read()
    if response.status != 200:
        sys.exit(f"{method} {path} answered {response.status}: {payload[:200]!r}")
    return json.loads(payload)


ids = [e["id"] for e in call(a, "GET", "/api/employees?pageSize=100")["items"]]
evicted_on_a, evicted_on_b = listen(A), listen(B)
total, on_writer, delivery = [], [], []
print(f"{WARMUP} warm-up writes, then {WRITES} status writes through replica-1, timing replica-2's L1 evictions...", file=sys.stderr)
for n in range(WARMUP + WRITES):
    employee = ids[n % len(ids)]
    key = f":employee:{employee}:status"  # the key's name ends so, after the prefix and the cache generation
    call(b, "GET", f"/api/employees/{employee}")  # replica-2 now holds the status in L1
    sent = time.time()
    call(a, "PUT", f"/api/employees/{employee}/presence", {"status": "In" if n % 2 else "Out", "note": f"write {n}"})
    on_b = wait_for(evicted_on_b, key, remote=True)
    on_a = wait_for(evicted_on_a, key, remote=False)
    if n >= WARMUP:
        total.append((on_b - sent) * 1000)
        on_writer.append((on_a - sent) * 1000)
        delivery.append((on_b - on_a) * 1000)


def figures(samples):
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * len(ordered))) - 1)]
    return statistics.median(ordered), p99, ordered[-1]


def line(samples):
    p50, p99, top = figures(samples)
    return f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {top:.1f} ms"


print(f"{WRITES} writes; replica-1 evicts its own copy after the request, the commit and the Redis delete+publish: {line(on_writer)}")
print(f"replica-2 evicts relative to replica-1 (pub/sub delivery; negative when it is first): {line(delivery)}")
print(f"invalidation latency: {line(total)}")
PY
