#!/usr/bin/env bash
# Runs the example application (module dynamite-examples) against a local dynalite.
#
# Usage: scripts/example.sh
#
# Starts dynalite (scripts/dynalite.sh start), exports DYNAMODB_ENDPOINT, installs the
# project without tests, runs `exec:exec` in dynamite-examples, always stops dynalite
# on exit, and exits with the status of the example run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
DYNALITE="$ROOT/scripts/dynalite.sh"

cleanup() {
  local rc=$?
  bash "$DYNALITE" stop || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v mvn >/dev/null 2>&1 || { echo "example.sh: ERROR: 'mvn' not found on PATH" >&2; exit 1; }

DYNAMODB_ENDPOINT="$(bash "$DYNALITE" start)"
export DYNAMODB_ENDPOINT
echo "example.sh: using dynalite at DYNAMODB_ENDPOINT=$DYNAMODB_ENDPOINT" >&2

cd "$ROOT"
mvn -B -q install -DskipTests
set +e
mvn -B -q -pl dynamite-examples exec:exec
status=$?
set -e
exit "$status"
