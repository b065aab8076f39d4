#!/usr/bin/env bash
# Include benchmark: loading 1,000 parents x 10 children with include() against one request per parent, one after
# another, in one run: requests and wall time. Results: BENCHMARKS.md.
#
# Usage: scripts/bench-include.sh             on the embedded engine, in process
#        scripts/bench-include.sh --dynalite  on a freshly started dynalite (needs Node.js 20+)
#   BENCH_ITERATIONS (default 5) sets the measured runs of each approach (one more warms up first);
#   BENCH_LATENCY_MS injects that much latency per request on the embedded engine, as a network would.
exec bash "$(dirname "${BASH_SOURCE[0]}")/bench-main.sh" IncludeBenchmark "$@"
