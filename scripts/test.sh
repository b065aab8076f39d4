#!/usr/bin/env bash
# The project's test command: runs `mvn -B verify` against a fresh local dynalite.
#
# Usage: scripts/test.sh [extra Maven arguments...]
#
# Starts dynalite (scripts/dynalite.sh start), exports DYNAMITE_TEST_ENDPOINT,
# runs Maven from the repository root, always stops dynalite on exit, and exits
# with Maven's exit status.
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

command -v mvn >/dev/null 2>&1 || { echo "test.sh: ERROR: 'mvn' not found on PATH" >&2; exit 1; }

DYNAMITE_TEST_ENDPOINT="$(bash "$DYNALITE" start)"
export DYNAMITE_TEST_ENDPOINT
echo "test.sh: using dynalite at DYNAMITE_TEST_ENDPOINT=$DYNAMITE_TEST_ENDPOINT" >&2

cd "$ROOT"
set +e
mvn -B verify "$@"
status=$?
set -e
exit "$status"
