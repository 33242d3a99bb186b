#!/usr/bin/env bash
# A Mongo-wire stand-in (de.bwaldvogel:mongo-java-server, in-memory backend) from Maven Central:
# lets processes of the local real-infra mode share read models without MongoDB or Docker.
# Partial: it answers `ismaster` (not `hello`), has no transactions and no change streams.
#
#   infra/mongo/mongo.sh fetch    fill infra/mongo/lib with the server jars (mvn; skipped if current)
#   infra/mongo/mongo.sh up       fetch if needed, start, wait until the port answers
#   infra/mongo/mongo.sh down     stop (SIGTERM, then SIGKILL after MONGO_STOP_TIMEOUT seconds)
#   infra/mongo/mongo.sh status   exit 0 = up and answering, 1 = stopped, 2 = running but not answering
#
# Environment (all optional):
#   MONGO_PORT=27018              port on 127.0.0.1 (use MONGO_URL=mongodb://127.0.0.1:27018)
#   MONGO_DATA_DIR=<repo>/.data/mongo   pid file and log (the data itself lives in memory)
#   MONGO_HEAP=256m               JVM -Xmx
#   MONGO_UP_TIMEOUT=60           seconds `up` waits for the server to answer
#   MONGO_STOP_TIMEOUT=15         seconds `down` waits before SIGKILL
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"

MONGO_PORT="${MONGO_PORT:-27018}"
MONGO_DATA_DIR="${MONGO_DATA_DIR:-$REPO_ROOT/.data/mongo}"
MONGO_HEAP="${MONGO_HEAP:-256m}"
MONGO_UP_TIMEOUT="${MONGO_UP_TIMEOUT:-60}"
MONGO_STOP_TIMEOUT="${MONGO_STOP_TIMEOUT:-15}"

LIB_DIR="$HERE/lib"
MAIN="$HERE/src/ParleyMongoStandIn.java"
PID_FILE="$MONGO_DATA_DIR/mongo.pid"
LOG_FILE="$MONGO_DATA_DIR/mongo.log"

log() { echo "mongo: $*"; }
die() { echo "mongo: ERROR: $*" >&2; exit 1; }
# shellcheck source-path=SCRIPTDIR source=../lib/jvm-service.sh
source "$REPO_ROOT/infra/lib/jvm-service.sh"
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found. $2"; }

lib_current() { jars_current "$HERE" "$LIB_DIR" "mongo-java-server-core-*.jar"; }

cmd_fetch() {
  lib_current && return 0
  [[ -z "$(running_pid)" ]] || die "lib/ is missing or older than pom.xml while the server runs: run 'down' first"
  fetch_jars "$HERE" "$LIB_DIR" "mongo-java-server"
  log "fetched $(cd "$LIB_DIR" && ls mongo-java-server-core-*.jar)"
}

# pid of our server if alive (checks the command line, so a recycled pid is not mistaken for it).
running_pid() { pid_of "$PID_FILE" 'ParleyMongoStandIn'; }

answering() { port_open "$MONGO_PORT"; }

cmd_up() {
  need java "Install a JDK 17+: apt-get install -y openjdk-17-jdk-headless"
  local start=$SECONDS pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]] && answering; then
    log "already up on 127.0.0.1:$MONGO_PORT (pid $pid)"
    return 0
  fi
  if [[ -z "$pid" ]]; then
    rm -f "$PID_FILE"
    answering && die "port $MONGO_PORT on 127.0.0.1 is taken by another process (set MONGO_PORT)"
    cmd_fetch
    mkdir -p "$MONGO_DATA_DIR"
    log "starting (log: $LOG_FILE)"
    echo "--- mongo.sh: starting $(date -u +%FT%TZ) port $MONGO_PORT" >>"$LOG_FILE"
    setsid java -Xms64m "-Xmx$MONGO_HEAP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
      -cp "$LIB_DIR/*" "$MAIN" 127.0.0.1 "$MONGO_PORT" </dev/null >>"$LOG_FILE" 2>&1 &
    pid=$!
    echo "$pid" >"$PID_FILE"
  fi
  local deadline=$((SECONDS + MONGO_UP_TIMEOUT))
  until answering; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      tail -n 40 "$LOG_FILE" >&2 || true
      die "server exited during startup (see $LOG_FILE)"
    fi
    ((SECONDS < deadline)) || die "server did not answer within ${MONGO_UP_TIMEOUT}s (see $LOG_FILE)"
    sleep 0.3
  done
  log "up on 127.0.0.1:$MONGO_PORT (pid $pid, $((SECONDS - start))s): MONGO_URL=mongodb://127.0.0.1:$MONGO_PORT"
}

cmd_down() { stop_process "$PID_FILE" "$(running_pid)" "$MONGO_STOP_TIMEOUT"; }

cmd_status() {
  local pid
  pid="$(running_pid)"
  if [[ -z "$pid" ]]; then
    log "stopped"
    return 1
  fi
  if answering; then
    log "up on 127.0.0.1:$MONGO_PORT (pid $pid)"
    return 0
  fi
  log "running (pid $pid) but not answering on 127.0.0.1:$MONGO_PORT"
  return 2
}

case "${1:-}" in
  fetch)  cmd_fetch; log "lib ready" ;;
  up)     cmd_up ;;
  down)   cmd_down ;;
  status) cmd_status ;;
  *)      echo "usage: $0 fetch|up|down|status" >&2; exit 64 ;;
esac
