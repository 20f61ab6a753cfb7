#!/usr/bin/env bash
# The scaled-out mode on one machine, without containers: redis-server (with a password), N replicas of the
# app (Release build, one shared SQLite file) and nginx in front with the sticky-session config that compose
# uses (both rendered from deploy/nginx.conf.template). Everything listens on 127.0.0.1 only.
#
#   scripts/cluster.sh up [--replicas N] [--employees N] [--port P] [--no-build]
#       Starts everything and returns once every part answers, leaving it running. Prints the front URL,
#       then one line per replica: its name, URL and process id. Environment variables set for this
#       command reach every replica (e.g. Auth__SeedApiKey=... scripts/cluster.sh up). The replicas run in
#       Development unless ASPNETCORE_ENVIRONMENT says otherwise (demo accounts, the seed API key).
#   scripts/cluster.sh status     what is running
#   scripts/cluster.sh down       stops everything `up` started
#
# State and logs live in $CLUSTER_DIR (default artifacts/cluster); the database and nginx's files in a
# temporary folder that `down` removes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly ROOT="$PWD"
readonly STATE_DIR="${CLUSTER_DIR:-$ROOT/artifacts/cluster}"
readonly STATE="$STATE_DIR/cluster.state"
readonly APP_DIR="$ROOT/EmployeeDirectory.Web/bin/Release/net10.0"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'cluster.sh: %s\n' "$*" >&2; exit 1; }
usage() { sed -n '6,15s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# True while the process runs. A stopped process whose parent has not reaped it yet (a zombie: `up`
# leaves its processes to init) counts as gone.
alive() {
    [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null || return 1
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    [[ ${stat##*) } != Z* ]]
}

# Waits until curl gets a success from $1 (with the curl options after it), or fails after $2 seconds.
wait_for() {
    local url=$1 seconds=$2 pid=$3 name=$4 log=$5
    local deadline=$((SECONDS + seconds))
    until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
        if ! alive "$pid"; then
            printf 'cluster.sh: %s exited while starting; last lines of %s:\n' "$name" "$log" >&2
            tail -n 30 "$log" >&2
            return 1
        fi
        if ((SECONDS >= deadline)); then
            printf 'cluster.sh: %s did not answer %s within %d s; last lines of %s:\n' "$name" "$url" "$seconds" "$log" >&2
            tail -n 30 "$log" >&2
            return 1
        fi
        sleep 0.25
    done
}

# Stops processes by id: TERM to all of them, then KILL whatever still runs after 15 s.
stop_pids() {
    local pid
    for pid in "$@"; do alive "$pid" && kill -TERM "$pid" 2>/dev/null; done
    local deadline=$((SECONDS + 15)) running=1
    while ((running && SECONDS < deadline)); do
        running=0
        for pid in "$@"; do alive "$pid" && running=1; done
        ((running)) && sleep 0.1
    done
    for pid in "$@"; do alive "$pid" && kill -KILL "$pid" 2>/dev/null; done
    return 0
}

cluster_pids() {
    [[ -f $STATE ]] || return 0
    awk '$1 == "pid" { print $3 }' "$STATE"
}

down() {
    [[ -f $STATE ]] || { say "no cluster is up"; return 0; }
    local work
    work=$(awk '$1 == "work" { print $2 }' "$STATE")
    # nginx first, so nothing new reaches a replica that is stopping; Redis last.
    stop_pids $(awk '$1 == "pid" && $2 == "nginx" { print $3 }' "$STATE")
    stop_pids $(awk '$1 == "pid" && $2 ~ /^replica-/ { print $3 }' "$STATE")
    stop_pids $(awk '$1 == "pid" && $2 == "redis" { print $3 }' "$STATE")
    [[ -n $work && -d $work ]] && rm -rf "$work"
    rm -f "$STATE"
    say "stopped (logs kept in ${STATE_DIR#"$ROOT/"})"
}

status() {
    [[ -f $STATE ]] || { echo "no cluster is up"; return 0; }
    local kind name value state
    while read -r kind name value; do
        case $kind in
            front) echo "$name" ;;
            pid) alive "$value" && state=running || state=stopped; echo "$name pid=$value $state" ;;
        esac
    done <"$STATE"
}

up() {
    local replicas=2 employees=500 port=8080 build=1
    while (($#)); do
        case $1 in
            --replicas) replicas=$2; shift 2 ;;
            --employees) employees=$2; shift 2 ;;
            --port) port=$2; shift 2 ;;
            --no-build) build=0; shift ;;
            *) usage >&2; exit 2 ;;
        esac
    done
    [[ $replicas =~ ^[1-9][0-9]*$ ]] || die "--replicas takes a positive number"
    [[ $employees =~ ^[0-9]+$ ]] || die "--employees takes a number"
    [[ $port =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "--port takes a TCP port"
    for tool in redis-server redis-cli curl python3 dotnet; do
        command -v "$tool" >/dev/null || die "$tool is needed (on Debian: apt-get install redis-server nginx curl python3)"
    done
    # Debian puts nginx in /usr/sbin, which is not on every user's PATH.
    local nginx
    nginx=$(command -v nginx || echo /usr/sbin/nginx)
    [[ -x $nginx ]] || die "nginx is needed (on Debian: apt-get install nginx)"

    if [[ -f $STATE ]]; then
        local pid running=0
        for pid in $(cluster_pids); do alive "$pid" && running=1; done
        ((running)) && die "a cluster is already up (scripts/cluster.sh status; scripts/cluster.sh down)"
        down 2>/dev/null
    fi

    if ((build)); then
        say "building the app (Release)"
        mkdir -p "$STATE_DIR"
        dotnet build EmployeeDirectory.Web -c Release --nologo -v quiet >"$STATE_DIR/build.log" 2>&1 \
            || { tail -n 30 "$STATE_DIR/build.log" >&2; die "the build failed (log: $STATE_DIR/build.log)"; }
    fi
    [[ -f $APP_DIR/EmployeeDirectory.Web.dll ]] || die "no Release build in $APP_DIR (run without --no-build)"

    mkdir -p "$STATE_DIR/logs"
    rm -f "$STATE_DIR"/logs/*.log
    local work
    work=$(mktemp -d "${TMPDIR:-/tmp}/employee-directory-cluster.XXXXXX")
    printf 'work %s\n' "$work" >"$STATE"
    # From here on, leaving before the end (a failed step, die, Ctrl-C) stops whatever was started.
    UP_COMPLETE=0
    trap '((UP_COMPLETE)) || { say "start-up failed: stopping what was started"; down; }' EXIT

    local redis_port redis_password
    redis_port=$(free_port)
    redis_password=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
    # The password goes in through redis-server's standard input (a config file), not its command line.
    printf 'requirepass %s\n' "$redis_password" | nohup redis-server - --port "$redis_port" --bind 127.0.0.1 \
        --save "" --appendonly no --daemonize no --loglevel warning >"$STATE_DIR/logs/redis.log" 2>&1 &
    local redis_pid=$!
    printf 'pid redis %s\n' "$redis_pid" >>"$STATE"
    local deadline=$((SECONDS + 15))
    until REDISCLI_AUTH=$redis_password redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG; do
        alive "$redis_pid" && ((SECONDS < deadline)) || { tail -n 20 "$STATE_DIR/logs/redis.log" >&2; die "redis-server did not start"; }
        sleep 0.1
    done

    local database="$work/directory.db"
    local -a names urls pids upstreams
    local i
    for ((i = 1; i <= replicas; i++)); do
        local name="replica-$i" app_port
        app_port=$(free_port)
        local log="$STATE_DIR/logs/$name.log"
        # Only the first replica seeds an empty database; the others start once it is ready.
        (
            cd "$APP_DIR"
            export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
            export Database__Provider=Sqlite
            export ConnectionStrings__Directory="Data Source=$database"
            export ConnectionStrings__Redis="127.0.0.1:$redis_port,password=$redis_password,abortConnect=false"
            export Replica__Name="$name"
            if ((i == 1)); then export Database__SeedEmployees="$employees"; else export Database__SeedEmployees=0; fi
            exec nohup dotnet EmployeeDirectory.Web.dll --urls "http://127.0.0.1:$app_port"
        ) >"$log" 2>&1 &
        pids+=($!)
        names+=("$name")
        urls+=("http://127.0.0.1:$app_port")
        upstreams+=(--upstream "127.0.0.1:$app_port")
        printf 'pid %s %s\n' "$name" "$!" >>"$STATE"
        if ((i == 1)); then
            say "waiting for $name to prepare the database (migrations, $employees demo employees if empty)"
            wait_for "${urls[0]}/health/ready" 180 "${pids[0]}" "$name" "$log"
        fi
    done
    for ((i = 1; i < replicas; i++)); do
        wait_for "${urls[i]}/health/ready" 90 "${pids[i]}" "${names[i]}" "$STATE_DIR/logs/${names[i]}.log"
    done

    local nginx_dir="$work/nginx"
    mkdir -p "$nginx_dir"
    python3 deploy/render-nginx-conf.py "${upstreams[@]}" --listen "127.0.0.1:$port" --ops-allow 127.0.0.1 \
        --standalone "$nginx_dir" -o "$nginx_dir/nginx.conf"
    nohup "$nginx" -p "$nginx_dir" -c "$nginx_dir/nginx.conf" -e "$nginx_dir/error.log" >"$STATE_DIR/logs/nginx.log" 2>&1 &
    local nginx_pid=$!
    printf 'pid nginx %s\n' "$nginx_pid" >>"$STATE"
    local front="http://127.0.0.1:$port"
    wait_for "$front/health/live" 15 "$nginx_pid" nginx "$nginx_dir/error.log"
    printf 'front %s\n' "$front" >>"$STATE"
    UP_COMPLETE=1

    say "up: $replicas replicas behind nginx, logs in ${STATE_DIR#"$ROOT/"}/logs; stop with: scripts/cluster.sh down"
    echo "$front"
    for ((i = 0; i < replicas; i++)); do
        echo "${names[i]} ${urls[i]} pid=${pids[i]}"
    done
}

command=${1:-}
[[ $# -gt 0 ]] && shift
case $command in
    up) up "$@" ;;
    down) down ;;
    status) status ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
esac
