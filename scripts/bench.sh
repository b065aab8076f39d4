#!/usr/bin/env bash
# Builds Dynamite and its benchmarks module once, then runs one benchmark, on the class path from jars as an
# application runs. Results and how to read them: BENCHMARKS.md (the engine's: dynamite-local/README.md).
#
# Usage: scripts/bench.sh NAME [options]
#   mapping     JMH: item <-> entity mapping, Dynamite (reflective and generated) vs the Enhanced Client vs
#               hand-written AttributeValue code. Options go to JMH (e.g. -prof gc); BENCH_JMH_OPTS replaces the
#               default "-f 1 -wi 3 -w 1s -i 5 -r 1s".
#   e2e         JMH: create, find, a 100-item partition read and a 2,000-item bulk update through one SDK client on
#               the embedded engine in process: hand-written SDK code vs the Enhanced Client vs Dynamite. Options
#               and BENCH_JMH_OPTS as for mapping; the default is "-f 1 -wi 10 -w 2s -i 5 -r 2s".
#   cold-start  fresh JVMs: the first mapped read (BENCH_RUNS, default 7, JVMs per variant).
#   reads       items read per request of where/page/stream on a large table.
#   query       the query planner: key, index and scan plans against a full Scan.
#   include     include() against one request per parent (BENCH_ITERATIONS, BENCH_LATENCY_MS).
#   bulk-write  bulk updates and deletes through the batch writer.
#   engine      the embedded engine against the SDK's own ceilings and dynalite (starts dynalite; needs Node.js).
#               Runs on a fixed, pre-touched 4 GB heap; BENCH_OPTS replaces those JVM options.
#   The mains reads, query and include take --dynalite to run on a freshly started dynalite instead of the embedded
#   engine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
name="${1:?usage: scripts/bench.sh NAME [options]; see the head of this script for the names}"
shift
case "$name" in
  mapping | e2e | cold-start | reads | query | include | bulk-write | engine) ;;
  *) echo "bench.sh: unknown benchmark '$name'; see the head of this script for the names" >&2; exit 2 ;;
esac

mvn -B -q install -DskipTests -pl dynamite-benchmarks -am
mvn -B -q -pl dynamite-benchmarks dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
jar=(dynamite-benchmarks/target/dynamite-benchmarks-*[0-9T].jar)
cp="${jar[0]}:$(cat dynamite-benchmarks/target/bench.classpath)"
pkg=dev.dynamite.benchmarks

jmh() {
  local defaults="-f 1 -wi 3 -w 1s -i 5 -r 1s"
  # a whole operation runs through the SDK and the engine, much more code for the JIT to settle than a mapper
  [[ "$name" == e2e ]] && defaults="-f 1 -wi 10 -w 2s -i 5 -r 2s"
  exec java ${BENCH_JAVA_OPTS:-} -cp "$cp" org.openjdk.jmh.Main \
    ${BENCH_JMH_OPTS:-$defaults} -bm thrpt \
    -rf text -rff "dynamite-benchmarks/target/bench-$name.txt" "$@"
}

main() {
  local class="$1"
  shift
  if [[ "${1:-}" == "--dynalite" ]]; then
    exec bash scripts/with-dynalite.sh BENCH_ENDPOINT java ${BENCH_JAVA_OPTS:-} -cp "$cp" "$pkg.$class"
  fi
  exec java ${BENCH_JAVA_OPTS:-} -cp "$cp" "$pkg.$class" "$@"
}

case "$name" in
  mapping) jmh -tu us "$@" "${pkg//./\\.}\\.mapping\\.MappingBenchmark\\." ;;
  e2e) jmh "$@" "${pkg//./\\.}\\.EndToEndBenchmark\\." ;;
  cold-start) main ColdStartBenchmark "$@" ;;
  reads) main ReadVolumeBenchmark "$@" ;;
  query) main QueryBenchmark "$@" ;;
  include) main IncludeBenchmark "$@" ;;
  bulk-write) main BulkWriteBenchmark "$@" ;;
  engine)
    exec bash scripts/with-dynalite.sh DYNAMITE_BENCH_ENDPOINT bash -c \
      'exec java ${BENCH_OPTS:--Xms4g -Xmx4g -XX:+AlwaysPreTouch} -cp "$0" dev.dynamite.benchmarks.engine.LocalBenchmark "$DYNAMITE_BENCH_ENDPOINT"' "$cp" ;;
esac
