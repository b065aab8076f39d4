#!/usr/bin/env bash
# The project's test command: every unit and integration test (`mvn -B verify`) against a
# fresh local dynalite, whose endpoint the integration tests read from DYNAMITE_TEST_ENDPOINT.
#
# Usage: scripts/test.sh [extra Maven arguments...]
set -euo pipefail
command -v mvn >/dev/null 2>&1 || { echo "test.sh: ERROR: 'mvn' not found on PATH" >&2; exit 1; }
exec bash "$(dirname "${BASH_SOURCE[0]}")/with-dynalite.sh" DYNAMITE_TEST_ENDPOINT mvn -B verify "$@"
