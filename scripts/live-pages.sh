#!/usr/bin/env bash
# What open directory pages cost one replica, idle and under a live stream of changes, and how fast they show a
# change. Starts its own cluster (scripts/cluster.sh: one replica behind nginx, Redis on, the API rate limit off),
# opens --pages directory pages through nginx with the project's circuit client (scripts/circuits/OpenCircuits.cs:
# signed in, rendered, every render batch acknowledged and checked), and measures in one run:
#   - memory: the managed objects the replica holds, before and after the pages: a heap dump (dotnet-dump) taken
#     after full GCs, its live objects counted (free space left out), and the GC's heap size beside it;
#   - idle: the replica's CPU (from /proc) over --idle-seconds, with a few warm-up pages, then with all of them;
#   - stream: its CPU while scripts/load/writer.py makes 20 status changes/s and 1 profile edit/s through the API
#     for --stream-seconds, each write carrying a marker the pages show; once with the warm-up pages only (what the
#     writes cost the replica anyway), then with all of them. "Above idle" is the stream's CPU with the pages less
#     their idle CPU (the writes' own cost included);
#   - update latency: from the API's answer to a write until a render batch with its marker reached each open page
#     showing that row (every write to a shown row must reach every page, or the run fails);
#   - with wrk installed, the API's mixed read load (scripts/load/mix.lua) beside the open pages.
# It ends with one line:
#   pages: N, memory per page: X KB, idle: Y ms CPU/s per 1000 pages, stream: Z ms CPU/s per 1000 pages above
#   idle, update latency: p50 A ms, p99 B ms, max C ms
# Everything it starts is stopped when it ends. Loopback only.
#
#   scripts/live-pages.sh [--pages N] [--employees N] [--idle-seconds S] [--stream-seconds S] [--no-build]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

pages=1000 employees=500 warmup=20 idle_seconds=60 stream_seconds=60 mix_seconds=30 build=()
while (($#)); do
    case $1 in
        --pages) pages=$2; shift 2 ;;
        --employees) employees=$2; shift 2 ;;
        --idle-seconds) idle_seconds=$2; shift 2 ;;
        --stream-seconds) stream_seconds=$2; shift 2 ;;
        --no-build) build=(--no-build); shift ;;
        *) sed -n '2,17s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
done

state=$(mktemp -d "${TMPDIR:-/tmp}/employee-directory-live-pages.XXXXXX")
export CLUSTER_DIR="$state/cluster"
cleanup() {
    rm -f "$state"/hold-*
    wait 2>/dev/null || true
    scripts/cluster.sh down >/dev/null 2>&1 || true
    rm -rf "$state"
}
trap cleanup EXIT
say() { printf '%s\n' "$*" >&2; }

client=scripts/circuits/OpenCircuits.cs
dotnet tool restore >"$state/tool-restore.log" 2>&1 || { cat "$state/tool-restore.log" >&2; exit 1; }
say "building the circuit client..."
dotnet build "$client" -v quiet --nologo >"$state/client-build.log" 2>&1 || { tail -20 "$state/client-build.log" >&2; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
api_key=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
# Development seeds the demo accounts (their password set here) and takes a seeded API key for the writer.
cluster=$(Auth__DemoPassword="$password" Auth__SeedApiKey="$api_key" RateLimits__Api__PerSecond=0 RateLimits__Presence__PerMinute=0 Circuits__PerUser=0 Logging__LogLevel__Default=Warning \
    scripts/cluster.sh up --replicas 1 --employees "$employees" --port "$port" "${build[@]}")
front=$(head -n 1 <<<"$cluster")
replica_url=$(awk '$1 == "replica-1" { print $2 }' <<<"$cluster")
replica_pid=$(awk '$1 == "replica-1" { sub("pid=", "", $3); print $3 }' <<<"$cluster")
ticks=$(getconf CLK_TCK)

metric() { curl -fsS "$replica_url/metrics" | awk -v name="$1" '$1 ~ "^"name"({|$)" { sum += $2 } END { printf "%.0f", sum }'; }
cpu_ms() { awk -v t="$ticks" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$replica_pid/stat"; }

# The replica's live managed objects in bytes, then the GC's heap size (fragmentation included), after full GCs
# (dotnet-gcdump forces them); the objects are counted in a heap dump, whose free space is left out.
heap() {
    local round
    for round in 1 2; do
        dotnet tool run dotnet-gcdump collect -p "$replica_pid" -o "$state/$1-$round.gcdump" >"$state/$1.gcdump.log" 2>&1 \
            || { cat "$state/$1.gcdump.log" >&2; exit 1; }
    done
    dotnet tool run dotnet-dump collect -p "$replica_pid" --type Heap -o "$state/$1.dump" >"$state/$1.dump.log" 2>&1 \
        || { cat "$state/$1.dump.log" >&2; exit 1; }
    dotnet tool run dotnet-dump analyze "$state/$1.dump" -c "dumpheap -stat" -c exit >"$state/$1.heap" 2>&1
    rm -f "$state/$1.dump"
    local total free
    total=$(awk '$1 == "Total" { gsub(",", "", $4); print $4 }' "$state/$1.heap")
    free=$(awk '$NF == "Free" && $3 ~ /^[0-9,]+$/ { gsub(",", "", $3); print $3 }' "$state/$1.heap")
    [[ -n $total ]] || { tail -5 "$state/$1.heap" >&2; say "the heap dump could not be read"; exit 1; }
    echo "$((total - ${free:-0})) $(metric dotnet_gc_last_collection_heap_size_bytes)"
}

# The replica's CPU in ms per second over $1 seconds.
cpu_per_second() {
    local before after
    before=$(cpu_ms)
    sleep "$1"
    after=$(cpu_ms)
    awk -v a="$after" -v b="$before" -v s="$1" 'BEGIN { printf "%.1f", (a - b) / s }'
}

# Opens $1 pages as $2, held until its hold file goes; extra arguments go to the client.
open_pages() {
    local count=$1 name=$2
    shift 2
    touch "$state/hold-$name"
    dotnet run --no-build "$client" -- --url "$front/" --count "$count" --email admin@contoso.example \
        --password "$password" --hold-file "$state/hold-$name" "$@" >"$state/$name.out" 2>"$state/$name.err" &
    local deadline=$((SECONDS + 1200))
    until grep -q '^open:' "$state/$name.out" 2>/dev/null; do
        ((SECONDS < deadline)) || { tail -20 "$state/$name.err" >&2; say "the pages did not open"; exit 1; }
        sleep 0.5
    done
    grep -q '^failed:' "$state/$name.out" && { cat "$state/$name.out" "$state/$name.err" >&2; exit 1; }
    say "$(head -n 1 "$state/$name.out")"
}

# The rows every page shows: the directory's first page in its default order.
shown=$(curl -fsS -H "X-Api-Key: $api_key" "$front/api/employees?pageSize=25" | python3 -c 'import json,sys; print(",".join(str(e["id"]) for e in json.load(sys.stdin)["items"]))')

# Runs the stream for $1 seconds (writes logged to $2) and prints the replica's CPU in ms/s over all but its ends.
stream_cpu() {
    python3 scripts/load/writer.py --base "$front" --key="$api_key" --employees "$employees" --status-rate 20 --profile-rate 1 \
        --seconds "$1" --log "$2" >"$state/writer.out" &
    local writer=$!
    sleep 2
    cpu_per_second "$(($1 - 4))"
    wait "$writer"
    say "writer: $(cat "$state/writer.out")"
}

open_pages "$warmup" warmup
say "warming up: the stream for 20 s, then a pause..."
stream_cpu 20 "$state/warmup.log" >/dev/null
sleep 20
say "idle with $warmup warm-up pages ($idle_seconds s)..."
idle_before=$(cpu_per_second "$idle_seconds")
say "stream with $warmup warm-up pages ($stream_seconds s)..."
stream_before=$(stream_cpu "$stream_seconds" "$state/before.log")
sleep 5
read -r heap_before gc_before < <(heap before) || true
[[ -n ${gc_before:-} ]] || exit 1

say "opening $pages pages through nginx..."
started=$SECONDS
open_pages "$pages" measured --writes "$state/writes.log" --shown "$shown"
say "opened in $((SECONDS - started)) s"
sleep 20
read -r heap_after gc_after < <(heap after) || true
[[ -n ${gc_after:-} ]] || exit 1
open_now=$(metric aspnetcore_components_circuit_connected)
((open_now == pages + warmup)) || { say "the replica reports $open_now connected circuits, not $((pages + warmup))"; exit 1; }
say "idle with $pages more pages ($idle_seconds s)..."
idle_after=$(cpu_per_second "$idle_seconds")

say "stream with $((pages + warmup)) pages: 20 status changes/s and 1 profile edit/s for $stream_seconds s..."
stream=$(stream_cpu "$stream_seconds" "$state/writes.log")

if command -v wrk >/dev/null; then
    say "the API's mixed read load beside the open pages ($mix_seconds s)..."
    EMPLOYEES=$employees wrk -t2 -c16 -d"${mix_seconds}s" --latency -s scripts/load/mix.lua -H "X-Api-Key: $api_key" "$front" >"$state/mix.out" 2>&1
    mix_rps=$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$state/mix.out")
    mix_p99=$(awk '$1 == "99%" { print $2 }' "$state/mix.out")
    echo "api mix beside $pages open pages: $mix_rps requests/s, p99 $mix_p99"
fi

# Every page has had time to show every write: let the client report.
sleep 5
rm -f "$state/hold-measured"
wait_deadline=$((SECONDS + 120))
until grep -q '^missing:' "$state/measured.out" 2>/dev/null; do
    ((SECONDS < wait_deadline)) || { cat "$state/measured.err" >&2; say "the circuit client did not report"; exit 1; }
    sleep 0.5
done
sleep 1
cat "$state/measured.out" >&2
latency=$(grep '^latency:' "$state/measured.out")
missing=$(awk '/^missing:/ { print $2 }' "$state/measured.out")
out_of_order=$(awk '/^batches:/ { print $4 }' "$state/measured.out")

echo
echo "replica-1 ($employees employees, Redis on), $(nproc) cores"
echo "CPU with $warmup pages: idle $idle_before ms/s, stream $stream_before ms/s; with $((pages + warmup)) pages: idle $idle_after ms/s, stream $stream ms/s"
echo "live managed objects after a full GC: $((heap_before / 1048576)) MB with $warmup pages, $((heap_after / 1048576)) MB with $((pages + warmup)) (GC heap size $((gc_before / 1048576)) MB, $((gc_after / 1048576)) MB: $(awk -v a="$gc_after" -v b="$gc_before" -v n="$pages" 'BEGIN { printf "%.0f", (a - b) / n / 1024 }') KB a page with fragmentation)"
echo "the stream's own cost (with $warmup pages): $(awk -v a="$stream_before" -v b="$idle_before" 'BEGIN { printf "%.0f", a - b }') ms CPU/s above idle"
echo "render batches out of order: $out_of_order; page updates missing: $missing"
echo "$latency"
per_page_kb=$(awk -v a="$heap_after" -v b="$heap_before" -v n="$pages" 'BEGIN { printf "%.0f", (a - b) / n / 1024 }')
idle_per_1000=$(awk -v a="$idle_after" -v b="$idle_before" -v n="$pages" 'BEGIN { printf "%.0f", (a - b) * 1000 / n }')
stream_per_1000=$(awk -v s="$stream" -v i="$idle_after" -v n="$pages" 'BEGIN { printf "%.0f", (s - i) * 1000 / n }')
p50=$(sed -E 's/.*p50 ([0-9]+) ms.*/\1/' <<<"$latency")
p99=$(sed -E 's/.*p99 ([0-9]+) ms.*/\1/' <<<"$latency")
max=$(sed -E 's/.*max ([0-9]+) ms.*/\1/' <<<"$latency")
echo "pages: $pages, memory per page: $per_page_kb KB, idle: $idle_per_1000 ms CPU/s per 1000 pages, stream: $stream_per_1000 ms CPU/s per 1000 pages above idle, update latency: p50 $p50 ms, p99 $p99 ms, max $max ms"
[[ $missing == 0 && $out_of_order == 0 ]]
