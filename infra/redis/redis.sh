#!/usr/bin/env bash
# Redis for the local real-infra mode: Debian's redis-server, run by the project from .data/redis
# on 127.0.0.1 only (not the package's own service). No persistence: a cache and a bus for
# short-lived state, started empty.
#
#   infra/redis/redis.sh up       start, wait until it answers PING
#   infra/redis/redis.sh down     stop our server
#   infra/redis/redis.sh status   exit 0 = ours and answering, 1 = stopped, 2 = ours but not answering
#
# Environment (all optional):
#   REDIS_PORT=6379                    port on 127.0.0.1
#   REDIS_DATA_DIR=<repo>/.data/redis  pid file and log
#   REDIS_UP_TIMEOUT=30, REDIS_STOP_TIMEOUT=15   seconds
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"

REDIS_PORT="${REDIS_PORT:-6379}"
REDIS_DATA_DIR="${REDIS_DATA_DIR:-$REPO_ROOT/.data/redis}"
REDIS_UP_TIMEOUT="${REDIS_UP_TIMEOUT:-30}"
REDIS_STOP_TIMEOUT="${REDIS_STOP_TIMEOUT:-15}"
PID_FILE="$REDIS_DATA_DIR/redis.pid"
LOG_FILE="$REDIS_DATA_DIR/redis.log"

log() { echo "redis: $*"; }
die() { echo "redis: ERROR: $*" >&2; exit 1; }
# shellcheck source-path=SCRIPTDIR source=../lib/service.sh
source "$REPO_ROOT/infra/lib/service.sh"

answering() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]; }

running_pid() { pid_of "$PID_FILE" "redis-server 127.0.0.1:$REDIS_PORT"; }

cmd_up() {
  local start=$SECONDS pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]] && answering; then
    log "already up on 127.0.0.1:$REDIS_PORT (pid $pid)"
    return 0
  fi
  if [[ -z "$pid" ]]; then
    command -v redis-server >/dev/null 2>&1 \
      || die "redis-server not found: run 'npm run infra:up' (it installs Debian's redis-server)"
    answering && found_foreign "a Redis server" "$REDIS_PORT"
    port_open "$REDIS_PORT" && die "port $REDIS_PORT on 127.0.0.1 is taken by a server that is not Redis (set REDIS_PORT)"
    mkdir -p "$REDIS_DATA_DIR"
    rm -f "$PID_FILE"
    log "starting $(redis-server --version | awk '{print $3}' | sed 's/^v=//') (log: $LOG_FILE)"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DATA_DIR" \
      --pidfile "$PID_FILE" --logfile "$LOG_FILE" --save "" --appendonly no \
      || die "redis-server did not start (see $LOG_FILE)"
    wait_until 5 test -s "$PID_FILE" || die "redis-server wrote no pid file (see $LOG_FILE)"
    pid="$(cat "$PID_FILE")"
  fi
  wait_until "$REDIS_UP_TIMEOUT" answering || die "did not answer PING within ${REDIS_UP_TIMEOUT}s (see $LOG_FILE)"
  log "up on 127.0.0.1:$REDIS_PORT (pid $pid, $((SECONDS - start))s): REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
}

cmd_down() { stop_process "$PID_FILE" "$(running_pid)" "$REDIS_STOP_TIMEOUT"; }

cmd_status() { report_status "$REDIS_PORT" ""; }

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 64 ;;
esac
