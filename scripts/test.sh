#!/usr/bin/env bash
# The project's test command: every unit and integration test against a fresh local dynalite, whose endpoint the
# integration tests read from DYNAMITE_TEST_ENDPOINT (`mvn -B install`, which also installs the modules), then the
# consumer build in it/consumer, which uses the installed modules through the BOM as a user's project does.
#
# Usage: scripts/test.sh [extra Maven arguments for the main build...]
set -euo pipefail
command -v mvn >/dev/null 2>&1 || { echo "test.sh: ERROR: 'mvn' not found on PATH" >&2; exit 1; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
bash "$ROOT/scripts/with-dynalite.sh" DYNAMITE_TEST_ENDPOINT mvn -B -f "$ROOT/pom.xml" install "$@"
exec mvn -B -f "$ROOT/it/consumer/pom.xml" verify
