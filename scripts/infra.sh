#!/usr/bin/env bash
# The engines of the local real-infra mode, installed and started by the project itself.
#
#   scripts/infra.sh up [--browser] [--record FILE]
#       Installs what is missing (Debian's postgresql and redis-server, as root, one apt-get
#       update; --browser adds chromium and fonts for the browser tests; the Kafka jars from Maven
#       Central; FerretDB built from the Go module proxy), then starts each engine that is not
#       answering yet, waits until it answers, and prints what it did. A second `up` is a no-op.
#       --record FILE appends the name of each engine this call started to FILE.
#   scripts/infra.sh down [ENGINE...]
#       Stops the engines `up` started (all of ours, or the ones named), never one it found running.
#   scripts/infra.sh status
#
# Engines, in start order: postgresql (127.0.0.1:5432, cluster in .data/postgres), redis
# (127.0.0.1:6379), kafka (127.0.0.1:19092, KRaft, jars in infra/kafka/lib), ferretdb
# (127.0.0.1:27018, MongoDB wire protocol, PostgreSQL backend). Each has its own script under
# infra/<engine>/ with its settings (ports, data directories) in environment variables.
# EventStoreDB and MongoDB cannot run here (no container engine): see docs/architecture.md.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ENGINES=(postgresql redis kafka ferretdb)

log() { echo "infra: $*"; }
die() { echo "infra: ERROR: $*" >&2; exit 1; }
# shellcheck source=../infra/lib/debian.sh
source "$REPO_ROOT/infra/lib/debian.sh"

script_of() {
  case "$1" in
    postgresql) echo "$REPO_ROOT/infra/postgres/postgres.sh" ;;
    redis) echo "$REPO_ROOT/infra/redis/redis.sh" ;;
    kafka) echo "$REPO_ROOT/infra/kafka/kafka.sh" ;;
    ferretdb) echo "$REPO_ROOT/infra/ferretdb/ferretdb.sh" ;;
    *) die "unknown engine '$1' (engines: ${ENGINES[*]})" ;;
  esac
}

install_missing() {
  local packages=(postgresql redis-server)
  [[ "$1" == browser ]] && packages+=(chromium fonts-dejavu-core)
  command -v java >/dev/null 2>&1 || packages+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null 2>&1 || packages+=(maven)
  debian_install "${packages[@]}"
}

cmd_up() {
  local browser='' record=''
  while (($#)); do
    case "$1" in
      --browser) browser=browser ;;
      --record) record="${2:?--record needs a file}"; shift ;;
      *) die "unknown option '$1'" ;;
    esac
    shift
  done
  install_missing "$browser"
  local engine script started=()
  for engine in "${ENGINES[@]}"; do
    script="$(script_of "$engine")"
    if bash "$script" status >/dev/null 2>&1; then
      bash "$script" up   # already up: says so, changes nothing
      continue
    fi
    local rc=0
    bash "$script" up || rc=$?
    ((rc == 3)) && continue  # found running, not ours: left alone
    ((rc == 0)) || exit "$rc"
    started+=("$engine")
    [[ -n "$record" ]] && echo "$engine" >>"$record"
  done
  if ((${#started[@]})); then log "started: ${started[*]}"; else log "nothing to start: all engines were up"; fi
  log "ready: PostgreSQL 127.0.0.1:${PG_PORT:-5432}, Redis 127.0.0.1:${REDIS_PORT:-6379}," \
    "Kafka 127.0.0.1:${KAFKA_PORT:-19092}, FerretDB 127.0.0.1:${FERRETDB_PORT:-27018}"
}

cmd_down() {
  local engines=("$@") i
  ((${#engines[@]})) || engines=("${ENGINES[@]}")
  # Reverse start order: FerretDB before the PostgreSQL it stores in.
  for ((i = ${#ENGINES[@]} - 1; i >= 0; i--)); do
    [[ " ${engines[*]} " == *" ${ENGINES[i]} "* ]] && bash "$(script_of "${ENGINES[i]}")" down
  done
  return 0
}

cmd_status() {
  local engine rc=0
  for engine in "${ENGINES[@]}"; do bash "$(script_of "$engine")" status || rc=1; done
  return $rc
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) shift; cmd_down "$@" ;;
  status) cmd_status ;;
  *) echo "usage: $0 up [--browser] [--record FILE] | down [ENGINE...] | status" >&2; exit 64 ;;
esac
