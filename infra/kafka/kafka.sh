#!/usr/bin/env bash
# Single-node Apache Kafka (KRaft) from Maven Central jars: no Docker needed.
#
#   infra/kafka/kafka.sh fetch    fill infra/kafka/lib with the broker jars (mvn; skipped if current)
#   infra/kafka/kafka.sh up       fetch if needed, format storage once, start, wait until it answers
#   infra/kafka/kafka.sh down     stop (SIGTERM, then SIGKILL after KAFKA_STOP_TIMEOUT seconds)
#   infra/kafka/kafka.sh status   exit 0 = up and answering, 1 = stopped, 2 = running but not answering
#   infra/kafka/kafka.sh reset    down, then delete the data dir
#
# Environment (all optional):
#   KAFKA_PORT=19092              client (PLAINTEXT) port on 127.0.0.1
#   KAFKA_CONTROLLER_PORT=19093   KRaft controller port on 127.0.0.1
#   KAFKA_DATA_DIR=<repo>/.data/kafka   logs, pid file, rendered server.properties, kafka.log
#   KAFKA_HEAP=512m               JVM -Xmx
#   KAFKA_UP_TIMEOUT=60           seconds `up` waits for the broker to answer
#   KAFKA_STOP_TIMEOUT=30         seconds `down` waits before SIGKILL
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"

KAFKA_PORT="${KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$REPO_ROOT/.data/kafka}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
KAFKA_UP_TIMEOUT="${KAFKA_UP_TIMEOUT:-60}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"

LIB_DIR="$HERE/lib"
PROPS="$KAFKA_DATA_DIR/server.properties"
PID_FILE="$KAFKA_DATA_DIR/kafka.pid"
LOG_FILE="$KAFKA_DATA_DIR/kafka.log"  # JVM stdout/stderr (log4j2 console, WARN+)
META="$KAFKA_DATA_DIR/logs/meta.properties"  # written by StorageTool format

log() { echo "kafka: $*"; }
die() { echo "kafka: ERROR: $*" >&2; exit 1; }
# shellcheck source-path=SCRIPTDIR source=../lib/service.sh
source "$REPO_ROOT/infra/lib/service.sh"

lib_jar() { # the broker jar's file name, e.g. kafka_2.13-4.1.1.jar
  local f
  for f in "$LIB_DIR"/kafka_2.13-*.jar; do echo "${f##*/}"; done
}

need() { # need <command> <how to get it>
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found. $2"
}

# ---------------------------------------------------------------- fetch

lib_current() { jars_current "$HERE" "$LIB_DIR" "kafka_2.13-*.jar"; }

cmd_fetch() {
  if lib_current; then
    return 0
  fi
  if [[ -n "$(running_pid)" ]]; then
    die "lib/ is missing or older than pom.xml, but the broker is running on it: run 'down' first"
  fi
  fetch_jars "$HERE" "$LIB_DIR" "the broker jars"
  log "fetched $(lib_jar)"
}

# ---------------------------------------------------------------- helpers

# pid of our broker if it is alive, else empty. Checks the command line so a
# recycled pid is never mistaken for the broker.
running_pid() { pid_of "$PID_FILE" 'kafka\.Kafka'; }

# The broker answers a Metadata request. Prefers kafkajs (what the services use);
# without node_modules falls back to the broker's own "Kafka Server started" line,
# logged after the last start marker (kafka.log accumulates across restarts).
answering() {
  port_open "$KAFKA_PORT" || return 1
  if command -v node >/dev/null 2>&1; then
    local rc=0
    node "$HERE/probe.cjs" "$KAFKA_PORT" || rc=$?
    [[ $rc -ne 3 ]] && return $rc
  fi
  [[ -f "$LOG_FILE" ]] || return 1
  awk '/^--- kafka.sh: starting broker/ { s = 0 } /Kafka Server started/ { s = 1 } END { exit !s }' "$LOG_FILE"
}

render_props() {
  mkdir -p "$KAFKA_DATA_DIR/logs"
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
      -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
      -e "s|@KAFKA_DATA_DIR@|$KAFKA_DATA_DIR|g" \
      "$HERE/server.properties.template" >"$PROPS"
}

# The JVM command line shared by the storage tool and the broker.
jvm() {
  JVM=(java -Xms128m "-Xmx$KAFKA_HEAP" -XX:+UseG1GC -Djava.awt.headless=true
       "-Dlog4j2.configurationFile=$HERE/log4j2.properties"
       "-Dkafka.logs.dir=$KAFKA_DATA_DIR"
       -cp "$LIB_DIR/*")
}

# ---------------------------------------------------------------- up

cmd_up() {
  need java "Install a JDK 17+: apt-get install -y openjdk-17-jre-headless"
  local start=$SECONDS pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]] && answering; then
    log "already up on 127.0.0.1:$KAFKA_PORT (pid $pid)"
    return 0
  fi

  if [[ -z "$pid" ]]; then
    rm -f "$PID_FILE"
    answering && found_foreign "a Kafka broker" "$KAFKA_PORT"
    if port_open "$KAFKA_PORT" || port_open "$KAFKA_CONTROLLER_PORT"; then
      die "port $KAFKA_PORT or $KAFKA_CONTROLLER_PORT on 127.0.0.1 is taken by another process" \
          "(set KAFKA_PORT / KAFKA_CONTROLLER_PORT, or stop it)"
    fi
    cmd_fetch
    render_props
    jvm

    if [[ ! -f "$META" ]]; then
      # Cluster id: 16 random bytes, URL-safe base64 without padding (Kafka's Uuid format).
      local cluster_id
      cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
      log "formatting storage in $KAFKA_DATA_DIR/logs (cluster $cluster_id)"
      "${JVM[@]}" kafka.tools.StorageTool format --ignore-formatted -t "$cluster_id" -c "$PROPS" \
        >>"$LOG_FILE" 2>&1 || { tail -n 30 "$LOG_FILE" >&2; die "storage format failed"; }
    fi

    log "starting broker (log: $LOG_FILE)"
    echo "--- kafka.sh: starting broker $(date -u +%FT%TZ) port $KAFKA_PORT" >>"$LOG_FILE"
    # setsid: its own session, so the broker outlives this shell and Ctrl-C of the caller.
    setsid "${JVM[@]}" kafka.Kafka "$PROPS" </dev/null >>"$LOG_FILE" 2>&1 &
    pid=$!
    echo "$pid" >"$PID_FILE"
  else
    log "pid $pid is running but not answering yet; waiting"
  fi

  local deadline=$((SECONDS + KAFKA_UP_TIMEOUT))
  until answering; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      tail -n 40 "$LOG_FILE" >&2 || true
      die "broker exited during startup (see $LOG_FILE)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$LOG_FILE" >&2 || true
      die "broker did not answer within ${KAFKA_UP_TIMEOUT}s (pid $pid still running; see $LOG_FILE)"
    fi
    sleep 0.5
  done
  # Best effort: have the group coordinator ready before the first consumer asks.
  if command -v node >/dev/null 2>&1; then
    node "$HERE/probe.cjs" "$KAFKA_PORT" warm || true
  fi
  log "up on 127.0.0.1:$KAFKA_PORT (pid $pid, $((SECONDS - start))s)"
}

# ---------------------------------------------------------------- down / status / reset

cmd_down() { stop_process "$PID_FILE" "$(running_pid)" "$KAFKA_STOP_TIMEOUT"; }

cmd_status() { report_status "$KAFKA_PORT" "data $KAFKA_DATA_DIR"; }

cmd_reset() {
  cmd_down
  # Guard the rm: never delete something that is not a Kafka data dir of ours.
  if [[ -d "$KAFKA_DATA_DIR" ]]; then
    if [[ -f "$PROPS" || -d "$KAFKA_DATA_DIR/logs" || -z "$(ls -A "$KAFKA_DATA_DIR")" ]]; then
      rm -rf -- "$KAFKA_DATA_DIR"
      log "deleted $KAFKA_DATA_DIR"
    else
      die "$KAFKA_DATA_DIR does not look like a Kafka data dir; not deleting it"
    fi
  fi
}

case "${1:-}" in
  fetch)  cmd_fetch; log "lib ready ($(lib_jar))" ;;
  up)     cmd_up ;;
  down)   cmd_down ;;
  status) cmd_status ;;
  reset)  cmd_reset ;;
  *)      echo "usage: $0 fetch|up|down|status|reset" >&2; exit 64 ;;
esac
