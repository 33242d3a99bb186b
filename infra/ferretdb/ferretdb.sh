#!/usr/bin/env bash
# FerretDB: the MongoDB-wire server of the read models in the local real-infra mode. Built once
# per machine from the Go module proxy (github.com/FerretDB/FerretDB, version pinned below) into
# .tools/, and run with its PostgreSQL backend on the cluster of infra/postgres/postgres.sh.
#
#   infra/ferretdb/ferretdb.sh build    go build into .tools/ferretdb-<version>/ (skipped if built)
#   infra/ferretdb/ferretdb.sh up       build if needed, create its database, start, wait
#   infra/ferretdb/ferretdb.sh down     stop (SIGTERM, then SIGKILL after FERRETDB_STOP_TIMEOUT)
#   infra/ferretdb/ferretdb.sh status   exit 0 = ours and answering, 1 = stopped, 2 = ours but not answering
#
# Environment (all optional):
#   FERRETDB_PORT=27018                 port on 127.0.0.1 (MONGO_URL=mongodb://127.0.0.1:27018)
#   FERRETDB_POSTGRESQL_URL=postgres://postgres@127.0.0.1:${PG_PORT:-5432}/ferretdb
#   FERRETDB_DATA_DIR=<repo>/.data/ferretdb   state, pid file and log
#   FERRETDB_UP_TIMEOUT=60, FERRETDB_STOP_TIMEOUT=15   seconds
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"

VERSION=v1.24.2
MODULE=github.com/FerretDB/FerretDB
FERRETDB_PORT="${FERRETDB_PORT:-27018}"
FERRETDB_POSTGRESQL_URL="${FERRETDB_POSTGRESQL_URL:-postgres://postgres@127.0.0.1:${PG_PORT:-5432}/ferretdb}"
FERRETDB_DATA_DIR="${FERRETDB_DATA_DIR:-$REPO_ROOT/.data/ferretdb}"
FERRETDB_UP_TIMEOUT="${FERRETDB_UP_TIMEOUT:-60}"
FERRETDB_STOP_TIMEOUT="${FERRETDB_STOP_TIMEOUT:-15}"

TOOL_DIR="$REPO_ROOT/.tools/ferretdb-$VERSION"
BIN="$TOOL_DIR/ferretdb"
PID_FILE="$FERRETDB_DATA_DIR/ferretdb.pid"
LOG_FILE="$FERRETDB_DATA_DIR/ferretdb.log"

log() { echo "ferretdb: $*"; }
die() { echo "ferretdb: ERROR: $*" >&2; exit 1; }
# shellcheck source-path=SCRIPTDIR source=../lib/service.sh
source "$REPO_ROOT/infra/lib/service.sh"

# (The output is read whole: `| grep -q` would close the pipe early, and pipefail would count the
# binary's SIGPIPE as a failure.)
built() {
  [[ -x "$BIN" ]] || return 1
  local out
  out="$("$BIN" --version 2>/dev/null)" || return 1
  [[ $'\n'"$out"$'\n' == *$'\n'"version: $VERSION"$'\n'* ]]
}

# The module's zip lacks the build/version/version.txt that FerretDB's own build generates from
# git (its binary panics at start without it), so `go install module@version` cannot be used:
# copy the module's source from the Go module cache, write the version file, build.
cmd_build() {
  built && return 0
  command -v go >/dev/null 2>&1 || die "'go' not found: FerretDB is built from the Go module proxy (Go 1.22+)"
  log "building $MODULE@$VERSION from the Go module proxy into ${TOOL_DIR#"$REPO_ROOT"/} (once; Go caches what it downloads and compiles) ..."
  local start=$SECONDS src_dir
  src_dir="$(cd /tmp && GOFLAGS=-mod=mod go mod download -json "$MODULE@$VERSION" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -d "$src_dir" ]] || die "go mod download $MODULE@$VERSION gave no source directory"
  rm -rf "$TOOL_DIR"
  mkdir -p "$TOOL_DIR"
  cp -r "$src_dir" "$TOOL_DIR/src"
  chmod -R u+w "$TOOL_DIR/src"
  echo "$VERSION" >"$TOOL_DIR/src/build/version/version.txt"
  echo "parley-infra" >"$TOOL_DIR/src/build/version/package.txt"
  (cd "$TOOL_DIR/src" && go build -trimpath -o "$BIN" ./cmd/ferretdb) \
    || die "go build of FerretDB $VERSION failed"
  rm -rf "$TOOL_DIR/src"
  built || die "the built binary does not report version $VERSION"
  log "built $VERSION in $((SECONDS - start))s"
}

running_pid() { pid_of "$PID_FILE" "ferretdb-$VERSION/ferretdb"; }

answering() { port_open "$FERRETDB_PORT"; }

# The backend database, created in the PostgreSQL cluster if missing.
ensure_database() {
  local db="${FERRETDB_POSTGRESQL_URL##*/}" admin="${FERRETDB_POSTGRESQL_URL%/*}/postgres"
  db="${db%%\?*}"
  [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || die "FERRETDB_POSTGRESQL_URL database '$db' is not a plain name"
  if [[ -z "$(psql "$admin" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]]; then
    psql "$admin" -qc "CREATE DATABASE $db" >/dev/null || die "could not create database $db"
    log "created database $db"
  fi
}

cmd_up() {
  local start=$SECONDS pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]] && answering; then
    log "already up on 127.0.0.1:$FERRETDB_PORT (pid $pid)"
    return 0
  fi
  if [[ -z "$pid" ]]; then
    rm -f "$PID_FILE"
    answering && found_foreign "a server" "$FERRETDB_PORT"
    cmd_build
    ensure_database
    mkdir -p "$FERRETDB_DATA_DIR"
    log "starting $VERSION, PostgreSQL backend (log: $LOG_FILE)"
    echo "--- ferretdb.sh: starting $(date -u +%FT%TZ) port $FERRETDB_PORT" >>"$LOG_FILE"
    setsid "$BIN" --handler=postgresql --postgresql-url="$FERRETDB_POSTGRESQL_URL" \
      --listen-addr="127.0.0.1:$FERRETDB_PORT" --state-dir="$FERRETDB_DATA_DIR" \
      --debug-addr=- --telemetry=disable --log-level=warn \
      </dev/null >>"$LOG_FILE" 2>&1 &
    pid=$!
    echo "$pid" >"$PID_FILE"
  fi
  local deadline=$((SECONDS + FERRETDB_UP_TIMEOUT))
  until answering; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      tail -n 30 "$LOG_FILE" >&2 || true
      die "exited during startup (see $LOG_FILE)"
    fi
    ((SECONDS < deadline)) || die "did not answer within ${FERRETDB_UP_TIMEOUT}s (see $LOG_FILE)"
    sleep 0.3
  done
  log "up on 127.0.0.1:$FERRETDB_PORT (pid $pid, $((SECONDS - start))s): MONGO_URL=mongodb://127.0.0.1:$FERRETDB_PORT"
}

cmd_down() { stop_process "$PID_FILE" "$(running_pid)" "$FERRETDB_STOP_TIMEOUT"; }

cmd_status() { report_status "$FERRETDB_PORT" "PostgreSQL backend $FERRETDB_POSTGRESQL_URL"; }

case "${1:-}" in
  build) cmd_build; log "$BIN" ;;
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) echo "usage: $0 build|up|down|status" >&2; exit 64 ;;
esac
