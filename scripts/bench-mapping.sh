#!/usr/bin/env bash
# Item <-> entity mapping throughput, in one JMH run: Dynamite's EntityMapper vs the AWS Enhanced Client's
# BeanTableSchema vs hand-written AttributeValue code, on a flat 10-attribute model and a nested one.
# The benchmark lives in dynamite-core's test sources (dev.dynamite.core.internal.mapping.bench.MappingBenchmark) and
# runs on the class path. Results: BENCHMARKS.md.
#
# Usage: scripts/bench-mapping.sh [extra JMH options, e.g. -prof gc]
#   Iterations and forks default to fork 1, warmup 3 x 1 s, measurement 5 x 1 s (throughput, ops/us); to change them
#   set BENCH_JMH_OPTS, e.g. BENCH_JMH_OPTS="-f 2 -wi 3 -w 1s -i 10 -r 1s" (JMH refuses an option given twice).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
mvn -B -q install -DskipTests -pl dynamite-processor,dynamite-core -am
mvn -B -q -pl dynamite-core test-compile
mvn -B -q -pl dynamite-core dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java ${BENCH_JAVA_OPTS:-} \
  -cp "dynamite-core/target/test-classes:dynamite-core/target/classes:$(cat dynamite-core/target/bench.classpath)" \
  org.openjdk.jmh.Main \
  ${BENCH_JMH_OPTS:--f 1 -wi 3 -w 1s -i 5 -r 1s} -bm thrpt -tu us \
  -rf text -rff dynamite-core/target/bench-mapping.txt \
  "$@" 'dev\.dynamite\.core\.internal\.mapping\.bench\.MappingBenchmark\.'
