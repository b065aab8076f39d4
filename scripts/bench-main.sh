#!/usr/bin/env bash
# Runs one of dynamite-core's benchmark mains (test sources, package dev.dynamite.bench) on the class path.
#
# Usage: scripts/bench-main.sh ClassName [--dynalite]
#   without --dynalite on the embedded engine, in process; with it on a freshly started dynalite (needs Node.js 20+).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
main="dev.dynamite.bench.${1:?usage: scripts/bench-main.sh ClassName [--dynalite]}"
mvn -B -q install -DskipTests -pl dynamite-processor,dynamite-core -am
mvn -B -q -pl dynamite-core test-compile
mvn -B -q -pl dynamite-core dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
run=(java -cp "dynamite-core/target/test-classes:dynamite-core/target/classes:$(cat dynamite-core/target/bench.classpath)"
  "$main")
if [[ "${2:-}" == "--dynalite" ]]; then
  exec bash scripts/with-dynalite.sh BENCH_ENDPOINT "${run[@]}"
fi
exec "${run[@]}"
