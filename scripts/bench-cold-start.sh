#!/usr/bin/env bash
# Fresh-JVM benchmark: in a new JVM per run, start the embedded engine and an SDK client, then build a mapper and
# read one 10-attribute item once, with hand-written SDK code, the Enhanced Client and Dynamite, alternating, in one
# run. Results: BENCHMARKS.md.
#
# Usage: scripts/bench-cold-start.sh
#   BENCH_RUNS (default 7) sets the fresh JVMs per variant.
exec bash "$(dirname "${BASH_SOURCE[0]}")/bench-main.sh" ColdStartBenchmark
