#!/usr/bin/env bash
# Benchmark: the CFPB importer on PostgreSQL vs the raw batched-insert ceiling of the same run (docs/PERFORMANCE.md).
#   scripts/bench-import.sh [--copies 10] [--threads 16] [--read-models after|during] [--raw-seconds 10] [--raw-clients 8]
# Imports ../shared/data's CFPB sample, then a file of --copies copies of it, into a fresh database ledger_bench_import
# on the tests' PostgreSQL (scripts/ensure-postgres.sh); skipped, saying so, where ../shared/data is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-database.sh ledger_bench_import
bench_run ImportBenchmark 1g --jdbc-url "$SERVER/ledger_bench_import" --user "$BENCH_USER" "$@"
