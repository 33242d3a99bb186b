#!/usr/bin/env bash
# PostgreSQL for the local real-infra mode: Debian's server binaries, a cluster of the project's
# own under .data/postgres (not the package's default cluster), on 127.0.0.1 only, trust auth for
# loopback connections (a development cluster: no password, reachable from this machine only).
#
#   infra/postgres/postgres.sh up       initdb once, start, wait until it answers
#   infra/postgres/postgres.sh down     stop our cluster (fast shutdown)
#   infra/postgres/postgres.sh status   exit 0 = ours and answering, 1 = stopped, 2 = ours but not answering
#
# Environment (all optional):
#   PG_PORT=5432                       port on 127.0.0.1
#   PG_DATA_DIR=<repo>/.data/postgres  the cluster (owned by the `postgres` user when run as root)
#   PG_UP_TIMEOUT=60                   seconds `up` waits for the server
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"

PG_PORT="${PG_PORT:-5432}"
PG_DATA_DIR="${PG_DATA_DIR:-$REPO_ROOT/.data/postgres}"
PG_UP_TIMEOUT="${PG_UP_TIMEOUT:-60}"
LOG_FILE="$PG_DATA_DIR.log"

log() { echo "postgresql: $*"; }
die() { echo "postgresql: ERROR: $*" >&2; exit 1; }
# shellcheck source-path=SCRIPTDIR source=../lib/service.sh
source "$REPO_ROOT/infra/lib/service.sh"

# The newest server version Debian installed (/usr/lib/postgresql/<major>/bin).
bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$dir" && -x "$dir/postgres" ]] \
    || die "no PostgreSQL server under /usr/lib/postgresql: run 'npm run infra:up' (it installs Debian's postgresql)"
  echo "$dir"
}

# PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user.
as_owner() {
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

answering() { pg_isready -h 127.0.0.1 -p "$PG_PORT" -q; }

running_pid() { # the postmaster of our cluster, if alive
  [[ -f "$PG_DATA_DIR/postmaster.pid" ]] || return 0
  local pid
  pid="$(head -n 1 "$PG_DATA_DIR/postmaster.pid")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null \
     && grep -q postgres <<<"$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)"; then
    echo "$pid"
  fi
}

init_cluster() {
  [[ -f "$PG_DATA_DIR/PG_VERSION" ]] && return 0
  local bin="$1"
  log "creating a cluster in $PG_DATA_DIR"
  mkdir -p "$PG_DATA_DIR"
  chmod 700 "$PG_DATA_DIR"
  ((EUID == 0)) && chown postgres:postgres "$PG_DATA_DIR"
  as_owner "$bin/initdb" -D "$PG_DATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >>"$LOG_FILE" 2>&1 || { tail -n 20 "$LOG_FILE" >&2; die "initdb failed (see $LOG_FILE)"; }
}

cmd_up() {
  local start=$SECONDS bin pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]] && answering; then
    log "already up on 127.0.0.1:$PG_PORT (pid $pid)"
    return 0
  fi
  answering && found_foreign "a PostgreSQL server" "$PG_PORT"
  bin="$(bin_dir)"
  mkdir -p "$(dirname "$PG_DATA_DIR")"
  : >>"$LOG_FILE"
  ((EUID == 0)) && chown postgres:postgres "$LOG_FILE"
  init_cluster "$bin"
  log "starting $("$bin/postgres" --version | awk '{print $3}') (log: $LOG_FILE)"
  # No Unix socket: the cluster is reached over loopback TCP only, like every client of ours.
  as_owner "$bin/pg_ctl" -D "$PG_DATA_DIR" -l "$LOG_FILE" -w -t "$PG_UP_TIMEOUT" \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories='' -c max_connections=200" \
    start >/dev/null || { tail -n 20 "$LOG_FILE" >&2; die "did not start (see $LOG_FILE)"; }
  wait_until "$PG_UP_TIMEOUT" answering || die "did not answer within ${PG_UP_TIMEOUT}s (see $LOG_FILE)"
  log "up on 127.0.0.1:$PG_PORT (pid $(running_pid), $((SECONDS - start))s): postgres://postgres@127.0.0.1:$PG_PORT/postgres"
}

cmd_down() {
  if [[ -z "$(running_pid)" ]]; then
    log "not running"
    return 0
  fi
  log "stopping"
  as_owner "$(bin_dir)/pg_ctl" -D "$PG_DATA_DIR" -m fast -w -t 60 stop >/dev/null
  log "stopped"
}

cmd_status() { report_status "$PG_PORT" "data $PG_DATA_DIR"; }

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 64 ;;
esac
