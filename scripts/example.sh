#!/usr/bin/env bash
# Runs the example application (module dynamite-examples) against a fresh local dynalite,
# whose endpoint the example reads from DYNAMODB_ENDPOINT: builds and installs the project
# without tests, then runs the example on the module path.
#
# Usage: scripts/example.sh
set -euo pipefail
command -v mvn >/dev/null 2>&1 || { echo "example.sh: ERROR: 'mvn' not found on PATH" >&2; exit 1; }
exec bash "$(dirname "${BASH_SOURCE[0]}")/with-dynalite.sh" DYNAMODB_ENDPOINT \
  bash -c 'mvn -B -q install -DskipTests && mvn -B -q -pl dynamite-examples exec:exec'
