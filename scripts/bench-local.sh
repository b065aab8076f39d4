#!/usr/bin/env bash
# Measures dynamite-local's throughput (in-process and over HTTP) against dynalite in one run:
# PutItem, GetItem and Query (100-item pages) through the AWS SDK, one client thread.
#
# Usage: scripts/bench-local.sh            (BENCH_OPTS="-Dbench.threads=4 -Dbench.warmup=4 -Dbench.measure=5")
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
exec bash "$ROOT/scripts/with-dynalite.sh" DYNAMITE_BENCH_ENDPOINT bash -c '
  mvn -B -q install -DskipTests -pl dynamite-local -am &&
  mvn -B -q -pl dynamite-local test-compile &&
  mvn -B -q -pl dynamite-local dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test &&
  java ${BENCH_OPTS:-} -cp "dynamite-local/target/test-classes:dynamite-local/target/classes:$(cat dynamite-local/target/bench.classpath)" \
    dev.dynamite.local.bench.LocalBenchmark "$DYNAMITE_BENCH_ENDPOINT"'
