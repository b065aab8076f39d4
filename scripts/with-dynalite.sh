#!/usr/bin/env bash
# Runs one command against a freshly started local dynalite, then stops dynalite.
#
# Usage: scripts/with-dynalite.sh VARIABLE command [args...]
#
# Starts dynalite (scripts/dynalite.sh start), exports its endpoint as VARIABLE, runs
# the command from the repository root, always stops dynalite on exit (also on
# Ctrl-C or TERM), and exits with the command's status.
set -euo pipefail

if [ "$#" -lt 2 ]; then
  echo "usage: scripts/with-dynalite.sh VARIABLE command [args...]" >&2
  exit 2
fi
VARIABLE="$1"
shift

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
DYNALITE="$ROOT/scripts/dynalite.sh"

cleanup() {
  local rc=$?
  if ! bash "$DYNALITE" stop; then
    echo "with-dynalite.sh: WARNING: stopping dynalite failed; see scripts/dynalite.sh status" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

endpoint="$(bash "$DYNALITE" start)"
export "$VARIABLE=$endpoint"
echo "with-dynalite.sh: using dynalite at $VARIABLE=$endpoint" >&2

cd "$ROOT"
set +e
"$@"
status=$?
set -e
exit "$status"
