#!/usr/bin/env bash
# Runs the same benchmarks on an earlier commit and on the working tree, one after the other in one
# invocation, and prints both with each row's ratio to its class's baseline (MemoryCache.TryGetValue,
# StringGetAsync). Comparing ratios, not raw times, keeps a busy moment from passing for a regression.
#   scripts/bench-compare.sh BASE_REF                 L1 and L2 hit benchmarks (the default)
#   scripts/bench-compare.sh BASE_REF '*BatchRead*'   any BenchmarkDotNet filters instead
# Needs redis-server on PATH. Results: artifacts/bench-compare/{before,after}/results/*.csv.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT="$PWD"
readonly OUT="$ROOT/artifacts/bench-compare"

(($# >= 1)) || { sed -n '2,7s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2; }
base=$(git rev-parse --verify "$1^{commit}")
shift
filters=("$@")
((${#filters[@]} > 0)) || filters=('*L1HitBenchmarks*' '*L2HitBenchmarks*')
command -v redis-server >/dev/null 2>&1 || { echo 'bench-compare.sh: redis-server is not installed' >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
worktree=$(mktemp -d)
cleanup() { git worktree remove --force "$worktree" >/dev/null 2>&1 || rm -rf "$worktree"; }
trap cleanup EXIT
git worktree add --detach --quiet "$worktree" "$base"

rm -rf "$OUT"
mkdir -p "$OUT"
for side in before after; do
    tree=$([[ $side == before ]] && echo "$worktree" || echo "$ROOT")
    echo "bench-compare.sh: building $side ($([[ $side == before ]] && git rev-parse --short "$base" || echo 'working tree'))" >&2
    dotnet build "$tree/EmployeeDirectory.Benchmarks" -c Release --nologo -v quiet >/dev/null
done
for side in before after; do
    tree=$([[ $side == before ]] && echo "$worktree" || echo "$ROOT")
    echo "bench-compare.sh: running $side" >&2
    (cd "$tree" && dotnet run -c Release --no-build --project EmployeeDirectory.Benchmarks -- \
        --filter "${filters[@]}" --exporters csv --artifacts "$OUT/$side" >"$OUT/$side.log" 2>&1) \
        || { tail -n 30 "$OUT/$side.log" >&2; exit 1; }
done

python3 - "$OUT" <<'PY'
import csv, glob, os, re, sys

def seconds(text):
    value, unit = text.replace(",", "").split()
    return float(value) * {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1}[unit]

def rows(side):
    out = {}
    for path in sorted(glob.glob(os.path.join(sys.argv[1], side, "results", "*-report.csv"))):
        klass = re.sub(r"-report\.csv$", "", os.path.basename(path)).split(".")[-1]
        with open(path, newline="") as f:
            table = list(csv.DictReader(f))
        baseline = next((r for r in table if r.get("Baseline") == "Yes"), table[0])
        for r in table:
            out[(klass, r["Method"])] = (seconds(r["Median"]), r.get("Allocated", "-"), seconds(r["Median"]) / seconds(baseline["Median"]))
    return out

before, after = rows("before"), rows("after")
print(f"| benchmark | before: median (ratio to baseline), allocated | after: median (ratio to baseline), allocated |")
print("| --- | --- | --- |")
for key in sorted(set(before) | set(after)):
    def cell(side):
        if key not in side:
            return "-"
        median, allocated, ratio = side[key]
        return f"{median * 1e9:,.1f} ns ({ratio:.2f}x), {allocated}"
    print(f"| {key[0]}.{key[1]} | {cell(before)} | {cell(after)} |")
PY
