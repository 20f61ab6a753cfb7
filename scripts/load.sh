#!/usr/bin/env bash
# Load test on loopback: starts the app (Release, Development environment, its own SQLite file and,
# unless --no-redis, its own redis-server), drives the JSON API with wrk for a fixed time per
# scenario and prints requests/s and latency. The API rate limit is turned off for the app it starts (it
# measures the app, not the limiter). Everything it starts is stopped when it ends.
#   scripts/load.sh [--employees N] [--seconds S] [--connections C] [--no-redis]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

employees=500 seconds=15 connections=32 use_redis=1
while (($#)); do
    case $1 in
        --employees) employees=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --no-redis) use_redis=0; shift ;;
        *) echo "usage: $0 [--employees N] [--seconds S] [--connections C] [--no-redis]" >&2; exit 2 ;;
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

app_port=$(free_port)
api_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__Directory="Data Source=$work/load.db" \
ConnectionStrings__Redis="$redis_connection" \
Database__SeedEmployees="$employees" \
Auth__SeedApiKey="$api_key" \
RateLimits__Api__PerSecond=0 \
Logging__LogLevel__Default=Warning \
    dotnet EmployeeDirectory.Web/bin/Release/net10.0/EmployeeDirectory.Web.dll --urls "http://127.0.0.1:$app_port" >"$work/app.log" 2>&1 &
pids+=($!)

base="http://127.0.0.1:$app_port"
for _ in $(seq 1 240); do
    curl -fs "$base/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "$base/health/ready" >/dev/null || { echo "the app did not become ready:" >&2; tail -20 "$work/app.log" >&2; exit 1; }

header="X-Api-Key: $api_key"
id=$(curl -fs -H "$header" "$base/api/employees?pageSize=1&page=3" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')

# Many different searches (600 three-letter fragments, picked at random per request), so the scan
# itself is measured rather than a repeated answer.
cat >"$work/searches.lua" <<'LUA'
local fragments = {}
for _, a in ipairs({"b","c","d","l","m","n","r","s","t","v"}) do
  for _, v in ipairs({"a","e","i","o","u","y"}) do
    for _, z in ipairs({"n","r","l","s","t","m","d","k","c","h"}) do
      fragments[#fragments + 1] = a .. v .. z
    end
  end
end
math.randomseed(42)
request = function()
  return wrk.format("GET", "/api/employees?pageSize=25&q=" .. fragments[math.random(#fragments)])
end
LUA

paths=(
    "/api/employees?pageSize=25"
    "/api/employees?q=an&pageSize=25"
    "/api/employees?status=In&department=Engineering&pageSize=25"
    "/api/employees/$id"
)
echo "warming up (JIT and caches)..." >&2
for path in "${paths[@]}"; do
    wrk -t2 -c"$connections" -d3s -H "$header" "$base$path" >/dev/null
done

run() {
    local name=$1 path=$2 script=${3:-}
    local out
    out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "$header" ${script:+-s "$script"} "$base$path")
    local rps p50 p99
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    printf '| %s | `%s` | %s | %s | %s |\n' "$name" "$path" "$rps" "$p50" "$p99"
}

echo
echo "Employees: $employees, Redis: $([[ -n $redis_connection ]] && echo yes || echo no), wrk -t2 -c$connections -d${seconds}s, $(nproc) cores"
echo
echo "| scenario | request | requests/s | p50 | p99 |"
echo "| --- | --- | --- | --- | --- |"
run "browse, first page" "${paths[0]}"
run "the same search, repeated" "${paths[1]}"
run "600 different searches" "/api/employees?q=(random)" "$work/searches.lua"
run "In filter + department" "${paths[2]}"
run "one employee" "${paths[3]}"
