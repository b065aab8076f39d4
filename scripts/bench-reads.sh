#!/usr/bin/env bash
# Read-volume benchmark: page 200 (of 100 items) of a partition Query by cursor against by skip, and a filtered Scan
# of 100,000 items as parallel(4) against one Scan, on the embedded engine with 2 ms injected latency per request, in
# one run. Results: BENCHMARKS.md.
#
# Usage: scripts/bench-reads.sh
#   BENCH_ITERATIONS (default 5) sets the measured iterations per row (one warms up first).
exec bash "$(dirname "${BASH_SOURCE[0]}")/bench-main.sh" ReadVolumeBenchmark
