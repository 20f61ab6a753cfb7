#!/usr/bin/env bash
# Runs the field-cache benchmarks (EmployeeDirectory.Benchmarks) in Release; about 7.5 minutes on 2 cores.
#   scripts/bench.sh                      every benchmark (the run docs/benchmarks.md reports)
#   scripts/bench.sh --filter '*L2Hit*'   any BenchmarkDotNet arguments instead of the default --filter '*'
# Results: BenchmarkDotNet.Artifacts/results/*-report-github.md. Needs redis-server on PATH (the L2 and
# batch benchmarks start their own on a free loopback port). Not part of CI: timings need a quiet machine.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

command -v redis-server >/dev/null 2>&1 \
    || { echo 'bench.sh: redis-server is not installed (apt-get install redis-server)' >&2; exit 1; }

if (($# == 0)); then
    set -- --filter '*'
fi

dotnet run -c Release --project EmployeeDirectory.Benchmarks -- "$@"
echo "bench.sh: reports in $PWD/BenchmarkDotNet.Artifacts/results" >&2
