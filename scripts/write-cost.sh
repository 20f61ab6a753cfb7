#!/usr/bin/env bash
# What one server costs in CPU while idle, per status change and per profile edit. Starts one replica with
# scripts/cluster.sh (Release, Redis, nginx; Development, for its seed API key) on a roster of N employees,
# warms the write path up, lets the server settle, then reads its CPU time (user + system, /proc/PID/stat)
# over quiet seconds, over a stream of status changes and over a stream of profile edits
# (scripts/load/writer.py, straight to the replica, API rate limit off). Loopback only; it stops everything
# it started.
#
#   scripts/write-cost.sh [--employees N] [--seconds S] [--settle S] [--no-build]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

employees=100000 seconds=20 settle=60 status_rate=40 profile_rate=5 build=1
while (($#)); do
    case $1 in
        --employees) employees=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --settle) settle=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        *) sed -n '9s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
    esac
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

export CLUSTER_DIR
CLUSTER_DIR=$(mktemp -d /tmp/write-cost.XXXXXX)
trap 'scripts/cluster.sh down >/dev/null 2>&1 || true; rm -rf "$CLUSTER_DIR"' EXIT
api_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')

((build)) && { echo "building (Release)..." >&2; dotnet build EmployeeDirectory.Web -c Release --nologo -v quiet >/dev/null; }
echo "starting one server on $employees employees..." >&2
replica=$(Auth__SeedApiKey="$api_key" RateLimits__Api__PerSecond=0 RateLimits__Presence__PerMinute=0 \
    scripts/cluster.sh up --replicas 1 --employees "$employees" --port "$(free_port)" --no-build | grep '^replica-1 ')
base=$(awk '{print $2}' <<<"$replica") pid=$(grep -o 'pid=[0-9]*' <<<"$replica" | cut -d= -f2)

# Writes at the given rates for $seconds; prints "CPU-ticks writes-that-succeeded".
write_for() {
    local before result
    before=$(cpu_ticks "$pid")
    result=$(python3 scripts/load/writer.py --base "$base" --key "$api_key" --employees "$employees" \
        --status-rate "$1" --profile-rate "$2" --seconds "$seconds")
    echo "$(($(cpu_ticks "$pid") - before)) $(python3 -c 'import json, sys; r = json.loads(sys.argv[1]); print(r["status"]["ok"] + r["profile"]["ok"])' "$result")"
}

echo "warming up the write path, then letting the server settle for $settle s..." >&2
write_for "$status_rate" "$profile_rate" >/dev/null
sleep "$settle"

echo "measuring: quiet, status changes, profile edits ($seconds s each)..." >&2
idle_before=$(cpu_ticks "$pid"); sleep "$seconds"; idle=$(($(cpu_ticks "$pid") - idle_before))
read -r status_ticks status_writes <<<"$(write_for "$status_rate" 0)"
read -r profile_ticks profile_writes <<<"$(write_for 0 "$profile_rate")"

python3 - <<PY
seconds, idle = $seconds, $idle * 10 / $seconds
def line(what, ticks, writes, rate):
    per_second = ticks * 10 / seconds
    print(f"{what} ({writes} at {rate}/s): {per_second:.0f} ms of CPU a second, "
          f"{(per_second - idle) * seconds / max(writes, 1):.1f} ms per write above idle")
print(f"Employees: $employees, one server (Redis, Development), $(nproc) cores, {seconds} s each")
print(f"idle, $settle s after the warm-up: {idle:.0f} ms of CPU a second")
line("status changes", $status_ticks, $status_writes, $status_rate)
line("profile edits", $profile_ticks, $profile_writes, $profile_rate)
PY
