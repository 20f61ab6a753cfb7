#!/usr/bin/env bash
# The fault scenarios, with their figures: runs the fault suite (EmployeeDirectory.Tests/Faults, the same tests
# ./build.sh test runs) and prints one line per scenario: requests, failed requests, lost writes, stale reads
# and recovery time, with what the recovery time measures. Everything runs on loopback: the tests start their own
# redis-server, app servers (the Release build) and SQLite files, and stop them by process id when they end.
# Exits non-zero if a scenario failed (its figures are printed all the same, where it got that far).
#
#   scripts/faults.sh [--no-build]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build=1
while (($#)); do
    case $1 in
        --no-build) build=0; shift ;;
        *) sed -n '2,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
done

command -v redis-server >/dev/null || { echo "redis-server is needed: apt-get install redis-server" >&2; exit 1; }
results=$(mktemp -d "${TMPDIR:-/tmp}/employee-directory-faults.XXXXXX")
trap 'rm -rf "$results"' EXIT

if ((build)); then
    dotnet build EmployeeDirectory.sln -c Release --nologo -v quiet >"$results/build.log" 2>&1 || { tail -n 30 "$results/build.log" >&2; exit 1; }
fi

status=0
dotnet test EmployeeDirectory.Tests -c Release --no-build --nologo \
    --filter "FullyQualifiedName~EmployeeDirectory.Tests.Faults" \
    --results-directory "$results" --logger trx >"$results/test.log" 2>&1 || status=$?

python3 - "$results" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
MARKER = "fault figures: "
figures, failed = [], []
for path in glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True):
    for result in ET.parse(path).getroot().iter(NS + "UnitTestResult"):
        output = result.findtext(f"{NS}Output/{NS}StdOut") or ""
        figures += [line.strip()[len(MARKER):] for line in output.splitlines() if line.strip().startswith(MARKER)]
        if result.get("outcome") != "Passed":
            failed.append(result.get("testName"))
for line in sorted(figures):
    print(line)
for name in failed:
    print(f"FAILED: {name}")
if not figures and not failed:
    print("no figures: the fault tests did not run (see the test log)")
PY

if ((status != 0)); then
    tail -n 40 "$results/test.log" >&2
fi
exit "$status"
