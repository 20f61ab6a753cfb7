#!/usr/bin/env bash
# Load test on loopback. Starts redis-server (unless --no-redis) and the app (Release, Development
# environment, its own SQLite file, N demo employees), plus a second server on the same database and Redis.
# Drives server A's JSON API with wrk for a fixed time per scenario and prints requests/s and latency:
#   - the mixed read load (one employee, browse, In filter + search, Out filter + search) read-only, then
#     again while scripts/load/writer.py changes statuses and profiles through server B, side by side;
#   - distinct searches against single-employee reads;
#   - latency after a write (scripts/load/probe.py: write through B, read through A);
#   - server B's first search on a warm Redis (the roster loaded from Redis), and A's memory.
# The API rate limit is turned off for the apps it starts (it measures the app, not the limiter).
# Everything it starts is stopped when it ends.
#   scripts/load.sh [--employees N] [--seconds S] [--connections C] [--status-rate R] [--profile-rate R] [--no-redis]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

employees=500 seconds=15 connections=32 status_rate=20 profile_rate=1 use_redis=1
usage() { echo "usage: $0 [--employees N] [--seconds S] [--connections C] [--status-rate R] [--profile-rate R] [--no-redis]" >&2; exit 2; }
while (($#)); do
    case $1 in
        --employees) employees=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --status-rate) status_rate=$2; shift 2 ;;
        --profile-rate) profile_rate=$2; shift 2 ;;
        --no-redis) use_redis=0; shift ;;
        *) usage ;;
    esac
done

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

redis_connection=""
if ((use_redis)); then
    command -v redis-server >/dev/null || { echo "redis-server is needed (or pass --no-redis)" >&2; exit 1; }
    redis_port=$(free_port)
    redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no --loglevel warning >"$work/redis.log" 2>&1 &
    pids+=($!)
    redis_connection="127.0.0.1:$redis_port,abortConnect=false"
fi

echo "building (Release)..." >&2
dotnet build EmployeeDirectory.Web -c Release --nologo -v quiet >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }

api_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
header="X-Api-Key: $api_key"

# Starts one server; $1 its name, $2 how many employees to seed (0: use the database as it is).
start_app() {
    local name=$1 seed=$2 port
    port=$(free_port)
    ASPNETCORE_ENVIRONMENT=Development \
    ConnectionStrings__Directory="Data Source=$work/load.db" \
    ConnectionStrings__Redis="$redis_connection" \
    Database__SeedEmployees="$seed" \
    Auth__SeedApiKey="$api_key" \
    RateLimits__Api__PerSecond=0 RateLimits__Presence__PerMinute=0 \
    Replica__Name="$name" \
    Logging__LogLevel__Default=Warning \
        env "Logging__LogLevel__EmployeeDirectory.Core.Caching.Internal.FieldCache=Information" dotnet EmployeeDirectory.Web/bin/Release/net10.0/EmployeeDirectory.Web.dll --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1 &
    pids+=($!)
    app_pid=$! app_base="http://127.0.0.1:$port"
    for _ in $(seq 1 480); do
        curl -fs "$app_base/health/ready" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "$name did not become ready:" >&2; tail -20 "$work/$name.log" >&2; exit 1
}

echo "starting server A and seeding $employees employees..." >&2
start_app a "$employees"
a_pid=$app_pid a=$app_base
id=$(curl -fs -H "$header" "$a/api/employees?pageSize=1&page=3" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
export EMPLOYEES=$employees

echo "warming up server A (JIT and caches)..." >&2
for target in "$a/api/employees?pageSize=25" "$a/api/employees/$id"; do
    wrk -t2 -c"$connections" -d3s -H "$header" "$target" >/dev/null
done
wrk -t2 -c"$connections" -d5s -H "$header" -s scripts/load/mix.lua "$a" >/dev/null
wrk -t2 -c"$connections" -d3s -H "$header" -s scripts/load/searches.lua "$a" >/dev/null

b="" b_pid="" first_search=""
if ((use_redis)); then
    echo "starting server B on the same database and Redis..." >&2
    start_app b 0
    b=$app_base b_pid=$app_pid
    curl -fs -o /dev/null -H "$header" "$b/api/employees/$id"
    # B's first search loads the roster and presence aggregates from Redis (A put them there) and builds its index.
    first_search=$(curl -fs -o /dev/null -w '%{time_total}' -H "$header" "$b/api/employees?pageSize=25&q=ma")
fi
writes_via=${b:-$a} writes_name=$([[ -n $b ]] && echo "server B" || echo "server A")

# The write path gets the same warm-up as the reads: a fresh server B would otherwise spend the mixed run's
# first seconds compiling its write path, and A its patch handling, which is start-up cost, not the mix's.
echo "warming up the writes ($writes_name) alongside the reads..." >&2
python3 scripts/load/writer.py --base "$writes_via" --key "$api_key" --employees "$employees" \
    --status-rate "$status_rate" --profile-rate "$profile_rate" --seconds 8 >/dev/null &
warm_writer=$!
wrk -t2 -c"$connections" -d8s -H "$header" -s scripts/load/mix.lua "$a" >/dev/null
wait "$warm_writer"

# wrk's summary as "requests/s p50 p99" (latencies in ms).
measure() {
    local out
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "$header" "$@")
    python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
def ms(v):
    n, unit = re.match(r"([\d.]+)(\w+)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
p50 = ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print(f"{float(rps):.0f} {p50:.2f} {p99:.2f} {errors.group(1) if errors else 0}")
PY
}

# CPU time (user + system, in clock ticks of 1/100 s) a process has used so far; 0 when there is none.
cpu_ticks() { [[ -n $1 && -r /proc/$1/stat ]] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }

echo "read-only mix..." >&2
ro_cpu_a=$(cpu_ticks "$a_pid")
read -r ro_rps ro_p50 ro_p99 ro_errors <<<"$(measure -s scripts/load/mix.lua "$a")"
ro_cpu_a=$(($(cpu_ticks "$a_pid") - ro_cpu_a))
echo "mixed: the same reads while writing $status_rate status changes/s and $profile_rate profile edits/s through $writes_name..." >&2
python3 scripts/load/writer.py --base "$writes_via" --key "$api_key" --employees "$employees" \
    --status-rate "$status_rate" --profile-rate "$profile_rate" >"$work/writes.json" &
writer_pid=$!
pids+=("$writer_pid")
mx_cpu_a=$(cpu_ticks "$a_pid") mx_cpu_b=$(cpu_ticks "$b_pid")
read -r mx_rps mx_p50 mx_p99 mx_errors <<<"$(measure -s scripts/load/mix.lua "$a")"
mx_cpu_a=$(($(cpu_ticks "$a_pid") - mx_cpu_a)) mx_cpu_b=$(($(cpu_ticks "$b_pid") - mx_cpu_b))
mx_cpu_writer=$(cpu_ticks "$writer_pid")
kill -TERM "$writer_pid"; wait "$writer_pid" || true
echo "distinct searches and single-employee reads..." >&2
read -r se_rps se_p50 se_p99 se_errors <<<"$(measure -s scripts/load/searches.lua "$a")"
read -r one_rps one_p50 one_p99 one_errors <<<"$(measure "$a/api/employees/$id")"
probes=""
if [[ -n $b ]]; then
    echo "latency after a write (write through B, read through A)..." >&2
    probes=$(cd scripts/load && python3 probe.py --writer "$b" --reader "$a" --key "$api_key" --employees "$employees")
fi
# The cache logs each aggregate it loads (how long fetching its members took, and building the snapshot readers
# get: for the roster, its search index) and each reload a missed patch starts; a reload mid-run costs CPU.
aggregate_events=$(for name in a b; do
    [[ -f $work/$name.log ]] && grep -oE '(Aggregate|Reloading aggregate) .*' "$work/$name.log" | sed "s/^/server ${name^^}: /"
done || true)
rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$a_pid/status")
peak=$(awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$a_pid/status")

python3 - <<PY
import json
ratio = lambda x, y: f"{float(x) / float(y):.2f}x"
print()
print(f"Employees: $employees, Redis: {'yes' if '$redis_connection' else 'no'}, wrk -t2 -c$connections -d${seconds}s, $(nproc) cores")
print()
print("| mixed read load (server A) | requests/s | p50 ms | p99 ms | non-2xx |")
print("| --- | --- | --- | --- | --- |")
print(f"| read-only | $ro_rps | $ro_p50 | $ro_p99 | $ro_errors |")
print(f"| with $status_rate status changes/s + $profile_rate profile edits/s | $mx_rps | $mx_p50 | $mx_p99 | $mx_errors |")
print(f"| mixed / read-only | {ratio('$mx_rps', '$ro_rps')} | | {ratio('$mx_p99', '$ro_p99')} | |")
per_request = lambda ticks, rps: ticks * 10 / (float(rps) * $seconds)
print()
print(f"Server A's CPU per request: read-only {per_request($ro_cpu_a, '$ro_rps') * 1000:.0f} us, mixed {per_request($mx_cpu_a, '$mx_rps') * 1000:.0f} us "
      f"({ratio(per_request($mx_cpu_a, '$mx_rps'), per_request($ro_cpu_a, '$ro_rps'))}). CPU the writes took from the same "
      f"$(nproc) cores during the mixed run: server B {$mx_cpu_b / 100:.1f} s, the writer {$mx_cpu_writer / 100:.1f} s, "
      f"of {$(nproc) * $seconds} core-seconds")
writes = json.load(open("$work/writes.json"))
print()
print(f"Writes during the mixed run ({writes['seconds']} s): status {writes['status']['ok']}/{writes['status']['sent']} ok "
      f"({writes['status']['ok'] / writes['seconds']:.1f}/s), profile {writes['profile']['ok']}/{writes['profile']['sent']} ok, "
      f"failures {writes['status']['failures'] or writes['profile']['failures'] or 'none'}")
print()
print("| read-only (server A) | requests/s | p50 ms | p99 ms | non-2xx |")
print("| --- | --- | --- | --- | --- |")
print(f"| distinct searches | $se_rps | $se_p50 | $se_p99 | $se_errors |")
print(f"| one employee | $one_rps | $one_p50 | $one_p99 | $one_errors |")
print(f"| searches / one employee | {ratio('$se_rps', '$one_rps')} | | {ratio('$se_p99', '$one_p99')} | |")
probes = """$probes"""
if probes.strip():
    p = json.loads(probes)
    def summary(values):
        values = sorted(values)
        return f"p50 {values[len(values) // 2]:.1f} ms, max {values[-1]:.1f} ms"
    print()
    print(f"Latency after a write ({len(p['profile']['next_search_ms'])} rounds, write through server B, read through server A):")
    print(f"- profile edit: A's next search {summary(p['profile']['next_search_ms'])}; A's search finds it after {summary(p['profile']['visible_ms'])}")
    print(f"- status change: A's next In-filtered query {summary(p['status']['next_in_query_ms'])}; A's In filter shows it after {summary(p['status']['visible_ms'])}")
if "$first_search":
    print(f"Server B's first search on a warm Redis (roster and presence loaded from Redis, index built): {float('$first_search') * 1000:.0f} ms")
events = """$aggregate_events""".strip()
if events:
    print("Aggregate loads and reloads:")
    for line in events.splitlines():
        print(f"- {line}")
print(f"Server A's memory at the end: RSS $rss MB (peak $peak MB)")
PY
