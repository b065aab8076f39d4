#!/usr/bin/env bash
# Runs the example application (module dynamite-examples) on the embedded engine: builds and
# installs the project without tests, then runs the example on the module path. Set
# DYNAMODB_ENDPOINT to run it against another DynamoDB-compatible endpoint instead.
#
# Usage: scripts/example.sh
set -euo pipefail
command -v mvn >/dev/null 2>&1 || { echo "example.sh: ERROR: 'mvn' not found on PATH" >&2; exit 1; }
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q install -DskipTests
exec mvn -B -q -pl dynamite-examples exec:exec
