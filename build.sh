#!/usr/bin/env bash
# EmployeeDirectory build entry point.
#   ./build.sh test   install what the tests need (Debian, as root: redis-server, chromium, nginx, docker-compose),
#                     run every test, print one summary line
#   ./build.sh run    run the web app (embedded mode: SQLite + in-memory cache) on http://localhost:5080
#   ./build.sh build  build the solution in Release
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
readonly ROOT="$PWD"
readonly RESULTS_DIR="$ROOT/artifacts/test-results"
readonly LOG_DIR="$ROOT/artifacts/logs"
readonly CHROMIUM=/usr/bin/chromium

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_GENERATE_ASPNET_CERTIFICATE=false

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# Runs a noisy command with its output in a log file; shows the tail of the log only if it fails.
quietly() {
    local name=$1; shift
    mkdir -p "$LOG_DIR"
    local log="$LOG_DIR/$name.log"
    if ! "$@" >"$log" 2>&1; then
        printf 'build.sh: "%s" failed; last lines of %s:\n' "$*" "$log" >&2
        tail -n 40 "$log" >&2
        return 1
    fi
}

# Runs a command up to three times (package mirrors have bad moments).
with_retries() {
    local attempt
    for attempt in 1 2 3; do
        "$@" && return 0
        ((attempt < 3)) && sleep $((attempt * 5))
    done
    return 1
}

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run: $*"
    fi
}

# apt may start a system redis-server on 6379; the tests start their own on free ports, so stop it.
stop_system_redis() {
    if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
        as_root systemctl disable --now redis-server >/dev/null 2>&1 || true
    else
        if [[ -x /etc/init.d/redis-server ]]; then
            as_root /etc/init.d/redis-server stop >/dev/null 2>&1 || true
        fi
        if command -v update-rc.d >/dev/null 2>&1; then
            as_root update-rc.d redis-server disable >/dev/null 2>&1 || true
        fi
    fi
}

# apt starts nginx on port 80 with the system config; the tests run their own nginx as this user on free
# ports, so stop it.
stop_system_nginx() {
    if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
        as_root systemctl disable --now nginx >/dev/null 2>&1 || true
    else
        if [[ -x /etc/init.d/nginx ]]; then
            as_root /etc/init.d/nginx stop >/dev/null 2>&1 || true
        fi
        if command -v update-rc.d >/dev/null 2>&1; then
            as_root update-rc.d nginx disable >/dev/null 2>&1 || true
        fi
    fi
}

ensure_test_prerequisites() {
    command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK (dotnet) is not on PATH"
    command -v python3 >/dev/null 2>&1 || die "python3 is needed to read the test results"

    local missing=()
    command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
    [[ -x $CHROMIUM ]] || missing+=(chromium)
    # The scale-out tests put Debian's nginx in front of several app processes, and check the compose file.
    [[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
    command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    ((${#missing[@]} == 0)) && return 0

    command -v apt-get >/dev/null 2>&1 \
        || die "missing ${missing[*]} and no apt-get to install them; install them and run again"
    [[ $EUID -eq 0 ]] || command -v sudo >/dev/null 2>&1 \
        || die "missing ${missing[*]}; run as root (or install them) and run again"
    say "installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    quietly apt-update with_retries as_root apt-get update -q
    quietly apt-install with_retries as_root apt-get install -y -q --no-install-recommends \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"
    if [[ " ${missing[*]} " == *" redis-server "* ]]; then
        stop_system_redis
    fi
    if [[ " ${missing[*]} " == *" nginx "* ]]; then
        stop_system_nginx
    fi
}

# Prints "Tests: N passed, N failed[, N skipped]" from the TRX files, after the name, message and
# first frames of each failed test (on stderr). A run that ended without a result for every test (a
# crashed or hung test host) counts as one more failure. Exits 2 if there were no TRX files, 1 if a
# run did not complete, 0 otherwise.
summarise_trx() {
    python3 - "$RESULTS_DIR" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
PASSED = {"Passed", "PassedButRunAborted", "Warning"}
SKIPPED = {"NotExecuted", "NotRunnable", "Inconclusive", "Pending", "Disconnected"}
# Every other outcome (Failed, Error, Timeout, Aborted, ...) is a failure.

files = sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True))
if not files:
    print("Tests: 0 passed, 0 failed")
    sys.exit(2)

passed = failed = skipped = 0
complete = True
failures = []
for path in files:
    root = ET.parse(path).getroot()
    failed_here = 0
    for result in root.iter(NS + "UnitTestResult"):
        outcome = result.get("outcome", "")
        if outcome in PASSED:
            passed += 1
        elif outcome in SKIPPED:
            skipped += 1
        else:
            failed_here += 1
            failures.append(result)
    failed += failed_here
    summary = root.find(NS + "ResultSummary")
    run_outcome = summary.get("outcome", "") if summary is not None else "Missing"
    if run_outcome not in PASSED | {"Completed", "Failed"} or (run_outcome == "Failed" and failed_here == 0):
        complete = False
        failed += max(0, 1 - failed_here)
        for info in (summary.iter(NS + "RunInfo") if summary is not None else []):
            print(f"{os.path.basename(path)}: {(info.findtext(NS + 'Text') or '').strip()}", file=sys.stderr)

# The failures are repeated last, next to the count, so a log's tail alone says what failed and why.
for result in failures:
    message = (result.findtext(f"{NS}Output/{NS}ErrorInfo/{NS}Message") or "").strip()
    stack = (result.findtext(f"{NS}Output/{NS}ErrorInfo/{NS}StackTrace") or "").strip().splitlines()
    print(f"FAILED {result.get('testName')} ({result.get('outcome')}, {result.get('duration')})", file=sys.stderr)
    print("  " + message[:1500].replace("\n", "\n  "), file=sys.stderr)
    for frame in [f for f in stack if "EmployeeDirectory" in f][:6]:
        print("  " + frame.strip(), file=sys.stderr)

line = f"Tests: {passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(0 if complete else 1)
PY
}

run_tests() {
    ensure_test_prerequisites

    say "restoring .NET tools"
    quietly tool-restore dotnet tool restore

    if [[ -f scripts/check-migrations.sh ]]; then
        say "checking migrations (log: ${LOG_DIR#"$ROOT/"}/check-migrations.log)"
        quietly check-migrations bash scripts/check-migrations.sh
    fi

    rm -rf "$RESULTS_DIR"
    mkdir -p "$RESULTS_DIR"

    say "running tests (results in ${RESULTS_DIR#"$ROOT/"})"
    local test_exit=0
    dotnet test EmployeeDirectory.sln -c Release --nologo \
        --results-directory "$RESULTS_DIR" \
        --logger trx \
        --logger "console;verbosity=normal" \
        --blame-hang-timeout 15m --blame-hang-dump-type none \
        || test_exit=$?

    local summary summary_exit=0
    summary=$(summarise_trx) || summary_exit=$?

    local verdict=0
    if ((test_exit != 0)); then
        printf 'build.sh: dotnet test exited with code %d\n' "$test_exit" >&2
        verdict=1
    fi
    case $summary_exit in
        0) ;;
        1) printf 'build.sh: a test run did not complete (see the output above)\n' >&2; verdict=1 ;;
        2) printf 'build.sh: no test results were written\n' >&2; verdict=1 ;;
        *) printf 'build.sh: could not read the test results\n' >&2; verdict=1 ;;
    esac
    [[ $summary =~ ^Tests:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]] || summary="Tests: 0 passed, 0 failed"
    local passed=${BASH_REMATCH[1]:-0} failed=${BASH_REMATCH[2]:-0}
    if ((failed > 0)); then
        verdict=1
    elif ((passed == 0 && summary_exit == 0)); then
        printf 'build.sh: no test passed\n' >&2
        verdict=1
    fi

    printf '%s\n' "$summary"
    return "$verdict"
}

run_app() {
    exec dotnet run --project EmployeeDirectory.Web --launch-profile http "$@"
}

build_solution() {
    dotnet build EmployeeDirectory.sln -c Release --nologo -v quiet
}

usage() {
    sed -n '2,6s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

command=${1:-}
[[ $# -gt 0 ]] && shift
case $command in
    test) run_tests ;;
    run) run_app "$@" ;;
    build) build_solution ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
esac
