#!/usr/bin/env bash
# Bulk-write benchmark: a bulk update of 2,000 items on the embedded engine with 2 ms injected latency per request,
# with concurrent per-item writes against the sequential baseline (writeConcurrency 1), in one run.
# Results: BENCHMARKS.md.
#
# Usage: scripts/bench-bulk-write.sh
#   BENCH_ITERATIONS (default 5) sets the measured iterations per concurrency (one warms up first).
exec bash "$(dirname "${BASH_SOURCE[0]}")/bench-main.sh" BulkWriteBenchmark
