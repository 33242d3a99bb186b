#!/usr/bin/env bash
# Local real-infra mode: the engines the services use when they are not embedded.
#
#   scripts/infra.sh up     PostgreSQL and Redis: checked, started if installed but stopped;
#                           Kafka: started from Maven Central jars (infra/kafka/kafka.sh up)
#   scripts/infra.sh down   stops Kafka only (PostgreSQL and Redis belong to the machine)
#
# EventStoreDB and MongoDB cannot run here (no container engine); their adapters are
# reached through *_URL variables or testcontainers where a Docker engine exists.
# Env: KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_DATA_DIR (see infra/kafka/kafka.sh).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KAFKA_SH="$REPO_ROOT/infra/kafka/kafka.sh"

log() { echo "infra: $*"; }
missing() { # missing <what> <how to get it>
  echo "infra: ERROR: $1 is not installed. $2" >&2
  exit 1
}

wait_for() { # wait_for <seconds> <command...>: poll until the command succeeds
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

pg_ready() { pg_isready -h 127.0.0.1 -q; }
redis_ready() { [[ "$(redis-cli -h 127.0.0.1 ping 2>/dev/null)" == "PONG" ]]; }

postgres_up() {
  if ! command -v pg_isready >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null 2>&1 \
     || [[ -z "$(ls /etc/postgresql 2>/dev/null)" ]]; then
    missing "PostgreSQL (server and client tools)" "Install it with: apt-get install -y postgresql"
  fi
  if pg_ready; then
    log "postgresql: up on 127.0.0.1:5432"
    return
  fi
  log "postgresql: not answering; starting it"
  # The machine has one PostgreSQL version under /etc/postgresql (15 today).
  # shellcheck disable=SC2046
  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
  wait_for 30 pg_ready || { echo "infra: ERROR: PostgreSQL did not become ready in 30 s" >&2; exit 1; }
  log "postgresql: up on 127.0.0.1:5432"
}

redis_up() {
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    missing "Redis (redis-server and redis-cli)" "Install it with: apt-get install -y redis-server"
  fi
  if redis_ready; then
    log "redis: up on 127.0.0.1:6379"
    return
  fi
  log "redis: not answering; starting it"
  mkdir -p /var/lib/redis /var/log/redis   # the dirs the command below names
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for 15 redis_ready || { echo "infra: ERROR: Redis did not answer PING in 15 s" >&2; exit 1; }
  log "redis: up on 127.0.0.1:6379"
}

kafka_up() {
  command -v java >/dev/null 2>&1 \
    || missing "Java (17+), needed for the Kafka broker" "Install it with: apt-get install -y openjdk-17-jre-headless"
  if [[ ! -d "$REPO_ROOT/infra/kafka/lib" ]] && ! command -v mvn >/dev/null 2>&1; then
    missing "Maven, needed once to fetch the Kafka broker jars" "Install it with: apt-get install -y maven"
  fi
  bash "$KAFKA_SH" up
}

# The read models' Mongo-wire stand-in (mongo-java-server): no MongoDB can run here, and the
# gateway and projector processes need one store to share. Partial; see infra/mongo/mongo.sh.
mongo_up() {
  bash "$REPO_ROOT/infra/mongo/mongo.sh" up
}

case "${1:-}" in
  up)
    postgres_up
    redis_up
    kafka_up
    mongo_up
    log "ready (PostgreSQL 127.0.0.1:5432, Redis 127.0.0.1:6379, Kafka 127.0.0.1:${KAFKA_PORT:-19092}," \
      "Mongo-wire stand-in 127.0.0.1:${MONGO_PORT:-27018})"
    ;;
  down)
    bash "$REPO_ROOT/infra/mongo/mongo.sh" down
    bash "$KAFKA_SH" down
    ;;
  *)
    echo "usage: $0 up|down" >&2
    exit 64
    ;;
esac
