#!/usr/bin/env bash
# Benchmark: commands over HTTP vs the raw PostgreSQL insert ceiling of the same run (docs/PERFORMANCE.md).
#   scripts/bench-commands.sh [--shape all-in-one|command-side|embedded] [--load closed|open|reads|reads-open[,...]]
#                             [--clients 64] [--rate 1000] [--read-rate 500] [--reads-per-second 1000]
#                             [--seconds 60] [--warmup 30] [--session-length 50] [--heap 512m] [--raw-seconds 20]
#                             [--jfr FILE] [--jvm-options "..."] [--app.<property> value ...]
# Several loads (--load closed,open,reads,reads-open) are measured one after the other on the same service after one warm-up.
# The service runs in a JVM of its own; PostgreSQL is the tests' (scripts/ensure-postgres.sh), in a fresh database
# ledger_bench (the raw ceiling is measured there too, also for the embedded shape).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-database.sh ledger_bench
bench_run CommandBenchmark 512m --jdbc-url "$SERVER/ledger_bench" --user "$BENCH_USER" "$@"
