#!/usr/bin/env bash
# Runs one of dynamite-core's benchmark mains (test sources, package dev.dynamite.bench) on the class path, from jars
# as an application runs: Dynamite's modules as built by `mvn install`, the benchmark classes packed into one jar (a
# class read from a directory costs a cold JVM more than one read from a jar).
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
jar --create --file dynamite-core/target/bench-app.jar -C dynamite-core/target/test-classes .
core=(dynamite-core/target/dynamite-core-*[0-9T].jar)
run=(java -cp "dynamite-core/target/bench-app.jar:${core[0]}:$(cat dynamite-core/target/bench.classpath)" "$main")
if [[ "${2:-}" == "--dynalite" ]]; then
  exec bash scripts/with-dynalite.sh BENCH_ENDPOINT "${run[@]}"
fi
exec "${run[@]}"
