#!/usr/bin/env bash
# Query planning benchmark: requests and wall time of where() on the key, on an index and on a non-key attribute of a
# 10,000-item table, against a full Scan + filter of the same query, in one run. Results: BENCHMARKS.md.
#
# Usage: scripts/bench-query.sh             on the embedded engine, in process
#        scripts/bench-query.sh --dynalite  on a freshly started dynalite (needs Node.js 20+)
#   BENCH_ITERATIONS (default 30) sets the measured iterations per query (a third as many warm up first).
exec bash "$(dirname "${BASH_SOURCE[0]}")/bench-main.sh" QueryBenchmark "$@"
