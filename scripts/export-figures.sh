#!/usr/bin/env bash
# Export figures on loopback: starts the app (Release, Development environment, its own SQLite file, no Redis)
# seeded with N employees, downloads GET /api/employees/export.csv of everyone, and prints the time to the
# first byte and to the last, the size and row count, and the app's resident memory before and its peak
# during the export (VmHWM is reset before the export, so the peak is the export's). Everything it starts is
# stopped when it ends.
#   scripts/export-figures.sh [--employees N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

employees=100000
while (($#)); do
    case $1 in
        --employees) employees=$2; shift 2 ;;
        *) echo "usage: $0 [--employees N]" >&2; exit 2 ;;
    esac
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
work=$(mktemp -d)
app_pid=""
cleanup() {
    [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "building (Release)..." >&2
dotnet build EmployeeDirectory.Web -c Release --nologo -v quiet >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }

app_port=$(free_port)
api_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__Directory="Data Source=$work/export.db" \
Database__SeedEmployees="$employees" \
Auth__SeedApiKey="$api_key" \
RateLimits__Api__PerSecond=0 RateLimits__Presence__PerMinute=0 \
Logging__LogLevel__Default=Warning \
    dotnet EmployeeDirectory.Web/bin/Release/net10.0/EmployeeDirectory.Web.dll --urls "http://127.0.0.1:$app_port" >"$work/app.log" 2>&1 &
app_pid=$!

base="http://127.0.0.1:$app_port"
echo "seeding $employees employees and starting..." >&2
for _ in $(seq 1 480); do
    curl -fs "$base/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "$base/health/ready" >/dev/null || { echo "the app did not become ready:" >&2; tail -20 "$work/app.log" >&2; exit 1; }

header="X-Api-Key: $api_key"
# Warm the roster (the export searches it as the list does) so the figures are the export's own.
curl -fs -H "$header" "$base/api/employees?pageSize=1" >/dev/null

rss_kib() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$app_pid/status"; }
before=$(rss_kib VmRSS)
echo 5 > "/proc/$app_pid/clear_refs" 2>/dev/null || echo "note: could not reset VmHWM; the peak below includes start-up" >&2

timing=$(curl -fs -H "$header" -o "$work/export.csv" -w '%{time_starttransfer} %{time_total} %{size_download}' "$base/api/employees/export.csv")
read -r first last size <<<"$timing"
peak=$(rss_kib VmHWM)
rows=$(($(python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open('$work/export.csv', newline='', encoding='utf-8'))))") - 1))

printf 'employees seeded:        %s\n' "$employees"
printf 'rows exported:           %s (plus the header)\n' "$rows"
printf 'size:                    %.1f MB\n' "$(python3 -c "print($size / 1e6)")"
printf 'first byte after:        %.0f ms\n' "$(python3 -c "print($first * 1000)")"
printf 'whole file after:        %.2f s\n' "$last"
printf 'app memory before:       %d MB resident\n' "$((before / 1024))"
printf 'app memory peak during:  %d MB resident (the CSV itself is %d MB)\n' "$((peak / 1024))" "$((size / 1000000))"
