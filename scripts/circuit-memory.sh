#!/usr/bin/env bash
# What open Blazor circuits cost a replica's memory. Starts its own cluster (scripts/cluster.sh, one replica
# behind nginx), opens a few circuits to warm the replica up, reads its memory, opens --circuits more through
# nginx (scripts/circuits/OpenCircuits.cs: the directory page, signed in, rendered and kept open as a browser
# tab would), reads it again, and prints the difference per 1,000 circuits. Everything it starts is stopped.
# Before each reading, dotnet-gcdump (a local tool: dotnet tool restore) forces a full GC in the replica; the
# managed heap then comes from the replica's own /metrics (heap size after that GC) and the resident set from
# /proc. (The dump itself is not used: on .NET 10 its event stream is lossy on large heaps.)
#
#   scripts/circuit-memory.sh [--circuits N] [--employees N] [--no-build]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

circuits=1000 warmup=20 employees=500 build=()
while (($#)); do
    case $1 in
        --circuits) circuits=$2; shift 2 ;;
        --employees) employees=$2; shift 2 ;;
        --no-build) build=(--no-build); shift ;;
        *) sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
done

state=$(mktemp -d "${TMPDIR:-/tmp}/employee-directory-circuits.XXXXXX")
export CLUSTER_DIR="$state/cluster"
cleanup() {
    rm -f "$state"/hold-*
    wait 2>/dev/null || true
    scripts/cluster.sh down >/dev/null 2>&1 || true
    rm -rf "$state"
}
trap cleanup EXIT

client=scripts/circuits/OpenCircuits.cs
dotnet tool restore >"$state/tool-restore.log" 2>&1 || { cat "$state/tool-restore.log" >&2; exit 1; }
echo "building the circuit client..." >&2
dotnet build "$client" -v quiet --nologo >"$state/client-build.log" 2>&1 || { tail -20 "$state/client-build.log" >&2; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
# Development seeds the demo accounts; their password is set here so the client can sign in. Every circuit is the
# same account, so the per-account limit on open circuits (Circuits:PerUser) is turned off for the measurement.
cluster=$(Auth__DemoPassword="$password" Circuits__PerUser=0 Logging__LogLevel__Default=Warning \
    scripts/cluster.sh up --replicas 1 --employees "$employees" --port "$port" "${build[@]}")
front=$(head -n 1 <<<"$cluster")
replica_url=$(awk '$1 == "replica-1" { print $2 }' <<<"$cluster")
replica_pid=$(awk '$1 == "replica-1" { sub("pid=", "", $3); print $3 }' <<<"$cluster")

metric() { curl -fsS "$replica_url/metrics" | awk -v name="$1" '$1 ~ "^"name"({|$)" { sum += $2 } END { printf "%.0f", sum }'; }
rss_bytes() { awk '/^VmRSS:/ { print $2 * 1024 }' "/proc/$replica_pid/status"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# Opens $1 circuits and returns once they are all rendered; they stay open until their hold file goes.
open_circuits() {
    local count=$1 name=$2
    touch "$state/hold-$name"
    dotnet run --no-build "$client" -- --url "$front/" --count "$count" --email admin@contoso.example \
        --password "$password" --hold-file "$state/hold-$name" >"$state/$name.out" 2>"$state/$name.err" &
    local deadline=$((SECONDS + 600))
    until grep -q '^open:' "$state/$name.out" 2>/dev/null; do
        ((SECONDS < deadline)) || { tail -20 "$state/$name.err" >&2; echo "the circuits did not open" >&2; exit 1; }
        sleep 0.5
    done
    grep -q '^failed:' "$state/$name.out" && { cat "$state/$name.out" "$state/$name.err" >&2; exit 1; }
    cat "$state/$name.out" >&2
}

# Lets the replica settle, counts its connected circuits, forces a full GC (dotnet-gcdump) and prints:
# circuits heap rss. The count comes first: on a big heap the dump's pause can outlast SignalR's timeouts,
# and circuits that drop after it do not change what the GC found.
settled() {
    local name=$1 circuits
    sleep 5
    circuits=$(metric aspnetcore_components_circuit_connected)
    dotnet tool run dotnet-gcdump collect -p "$replica_pid" -o "$state/$name.gcdump" >"$state/$name.gcdump.log" 2>&1 \
        || { cat "$state/$name.gcdump.log" >&2; exit 1; }
    sleep 2  # the heap-size metric reflects that GC from the next scrape on
    echo "$circuits $(metric dotnet_gc_last_collection_heap_size_bytes) $(rss_bytes)"
}

open_circuits "$warmup" warmup
read -r before_circuits before_heap before_rss < <(settled before)
echo "opening $circuits circuits through nginx..." >&2
started=$SECONDS
open_circuits "$circuits" measured
elapsed=$((SECONDS - started))
read -r after_circuits after_heap after_rss < <(settled after)

opened=$((after_circuits - before_circuits))
((opened == circuits)) || { echo "the replica reports $opened more connected circuits, not $circuits" >&2; exit 1; }
echo
echo "replica-1 ($employees employees, Redis on), $(nproc) cores; $circuits circuits opened in ${elapsed} s"
echo "with $before_circuits circuits, after a full GC: managed heap $(mb "$before_heap") MB, resident $(mb "$before_rss") MB"
echo "with $after_circuits circuits, after a full GC: managed heap $(mb "$after_heap") MB, resident $(mb "$after_rss") MB"
per() { awk -v a="$1" -v b="$2" -v n="$opened" 'BEGIN { printf "%.0f", (a - b) * 1000 / n }'; }
echo "memory per 1,000 open circuits: managed heap $(mb "$(per "$after_heap" "$before_heap")") MB, resident $(mb "$(per "$after_rss" "$before_rss")") MB"
