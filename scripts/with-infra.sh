#!/usr/bin/env bash
# scripts/with-infra.sh COMMAND...: runs COMMAND with the engines of the local real-infra mode up
# (installing what is missing through `infra.sh up --browser`), then stops the engines this call
# started, pass or fail; engines that were already running are left running.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
record="$(mktemp "${TMPDIR:-/tmp}/parley-infra.XXXXXX")"

stop_started() {
  local rc=$?
  # shellcheck disable=SC2046
  [[ -s "$record" ]] && bash "$REPO_ROOT/scripts/infra.sh" down $(cat "$record")
  rm -f "$record"
  exit $rc
}
trap stop_started EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bash "$REPO_ROOT/scripts/infra.sh" up --browser --record "$record"
# The read-store suite and the multi-process journey use the FerretDB that infra:up runs.
export MONGO_URL="${MONGO_URL:-mongodb://127.0.0.1:${FERRETDB_PORT:-27018}}"
"$@"
