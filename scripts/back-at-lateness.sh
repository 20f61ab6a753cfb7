#!/usr/bin/env bash
# How late a back-at time is reverted on a loaded server. Starts its own cluster (scripts/cluster.sh: one replica
# behind nginx, Redis on, the API rate limit off), loads it with the API's mixed read load (wrk, scripts/load/mix.lua)
# and a write stream (scripts/load/writer.py: 20 status changes/s and 1 profile edit/s, on other employees), sets
# "Out, back at <time>" for --count employees with times spread over the next --window seconds, and reads when each
# revert was written: the commit time of its outbox intent (the first presence write to that employee that sets it
# In) less the back-at time. Prints the distribution; every back-at time must be reverted. Everything it starts is stopped.
#
#   scripts/back-at-lateness.sh [--count N] [--window S] [--employees N] [--no-build]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

count=200 window=60 employees=500 build=()
while (($#)); do
    case $1 in
        --count) count=$2; shift 2 ;;
        --window) window=$2; shift 2 ;;
        --employees) employees=$2; shift 2 ;;
        --no-build) build=(--no-build); shift ;;
        *) sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
done
((count < employees)) || { echo "--count must be below --employees (the writes go to the others)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

state=$(mktemp -d "${TMPDIR:-/tmp}/employee-directory-back-at.XXXXXX")
export CLUSTER_DIR="$state/cluster"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    scripts/cluster.sh down >/dev/null 2>&1 || true
    rm -rf "$state"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
api_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
cluster=$(Auth__SeedApiKey="$api_key" RateLimits__Api__PerSecond=0 RateLimits__Presence__PerMinute=0 Logging__LogLevel__Default=Warning \
    scripts/cluster.sh up --replicas 1 --employees "$employees" --port "$port" "${build[@]}")
front=$(head -n 1 <<<"$cluster")
database="$(awk '$1 == "work" { print $2 }' "$CLUSTER_DIR/cluster.state")/directory.db"

load_seconds=$((window + 40))
echo "loading the replica for $load_seconds s: the API's read mix and the write stream (employees $((count + 1)) to $employees)..." >&2
EMPLOYEES=$employees wrk -t2 -c16 -d"${load_seconds}s" --latency -s scripts/load/mix.lua -H "X-Api-Key: $api_key" "$front" >"$state/mix.out" 2>&1 &
pids+=($!)
python3 scripts/load/writer.py --base "$front" --key="$api_key" --employees "$employees" --first-id "$((count + 1))" \
    --seconds "$load_seconds" >"$state/writer.out" &
pids+=($!)
sleep 10

echo "setting $count back-at times over the next $window s..." >&2
python3 - "$front" "$api_key" "$count" "$window" "$state/set.tsv" <<'PY'
import json, random, sys, time
from datetime import datetime, timezone
from http.client import HTTPConnection
from urllib.parse import urlparse

front, key, count, window, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
url = urlparse(front)
connection = HTTPConnection(url.hostname, url.port, timeout=10)
with open(out, "w") as log:
    for employee in range(1, count + 1):
        until_ms = int((time.time() + 5 + random.random() * window) * 1000)
        until = datetime.fromtimestamp(until_ms / 1000, timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        body = json.dumps({"status": "Out", "note": "back-at lateness", "until": until})
        connection.request("PUT", f"/api/employees/{employee}/presence", body=body, headers={"X-Api-Key": key, "Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            sys.exit(f"setting employee {employee}'s back-at time answered {response.status}")
        log.write(f"{employee}\t{until_ms}\n")
PY

sleep "$((window + 15))"

python3 - "$database" "$state/set.tsv" "$count" "$window" <<'PY'
import json, sqlite3, sys

database, set_file, count, window = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
expected = {}
for line in open(set_file):
    employee, until_ms = line.split()
    expected[int(employee)] = int(until_ms)

# The revert of a back-at time is the next write to that employee's presence after it was set (nothing else writes to
# these employees): its outbox intent patches their presence member to "I" (In, with no end of its own).
reverted = {}
db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
for created_ms, payload in db.execute("SELECT CreatedAtMs, Payload FROM CacheIntents ORDER BY Id"):
    for patch in json.loads(payload).get("p", []):
        employee = patch[1]
        if patch[0] == "directory:presence" and employee in expected and employee not in reverted and patch[3] == "I":
            reverted[employee] = created_ms - expected[employee]

late = sorted(reverted.values())
missing = sorted(set(expected) - set(reverted))
def percentile(p):
    return late[min(len(late) - 1, max(0, -(-len(late) * p // 100) - 1))] if late else 0
print()
print(f"back-at times reverted: {len(late)} of {count}, set over {window} s on a loaded replica")
print(f"lateness (outbox commit less back-at time): p50 {percentile(50)} ms, p90 {percentile(90)} ms, p99 {percentile(99)} ms, max {late[-1] if late else 0} ms; over 1 s: {sum(1 for ms in late if ms > 1000)}")
if missing:
    print(f"not reverted: {missing[:20]}")
    sys.exit(1)
PY
wait "${pids[@]}" 2>/dev/null || true
pids=()
mix_rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$state/mix.out")
mix_p99=$(awk '$1 == "99%" { print $2 }' "$state/mix.out")
echo "load beside it: the read mix at $mix_rps requests/s (p99 $mix_p99); the write stream: $(cat "$state/writer.out")"
