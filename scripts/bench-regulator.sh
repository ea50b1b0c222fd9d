#!/usr/bin/env bash
# Benchmark: replay-tools verify and export over a large ledger (docs/PERFORMANCE.md).
#   scripts/bench-regulator.sh [EVENTS]      default: 1000000 events
# Uses the same PostgreSQL as the tests (scripts/ensure-postgres.sh), in a fresh database ledger_bench_verify, and
# a 256 MiB heap: verify and export stream, so the heap does not grow with the ledger.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-1000000}
source scripts/bench-database.sh ledger_bench_verify
bench_run RegulatorBenchmark 256m \
  --jdbc-url "$SERVER/ledger_bench_verify?reWriteBatchedInserts=true" --user "$BENCH_USER" --events "$EVENTS"
