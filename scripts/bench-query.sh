#!/usr/bin/env bash
# Query planning benchmark: requests and wall time of where() on the key, on an index and on a non-key attribute of a
# 10,000-item table, against a full Scan + filter of the same query, in one run. Results: BENCHMARKS.md.
#
# Usage: scripts/bench-query.sh             on the embedded engine, in process
#        scripts/bench-query.sh --dynalite  on a freshly started dynalite (needs Node.js 20+)
#   BENCH_ITERATIONS (default 30) sets the measured iterations per query (a third as many warm up first).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
mvn -B -q install -DskipTests -pl dynamite-core -am
mvn -B -q -pl dynamite-core test-compile
mvn -B -q -pl dynamite-core dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
run=(java -cp "dynamite-core/target/test-classes:dynamite-core/target/classes:$(cat dynamite-core/target/bench.classpath)"
  dev.dynamite.bench.QueryBenchmark)
if [[ "${1:-}" == "--dynalite" ]]; then
  exec bash scripts/with-dynalite.sh BENCH_ENDPOINT "${run[@]}"
fi
exec "${run[@]}"
