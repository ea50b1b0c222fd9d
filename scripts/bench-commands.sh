#!/usr/bin/env bash
# Benchmark: record-message commands over HTTP vs the raw PostgreSQL insert ceiling (docs/PERFORMANCE.md).
#   scripts/bench-commands.sh [COMMANDS] [CLIENTS]      defaults: 20000 commands, 8 clients
# Uses the same PostgreSQL as the tests (scripts/ensure-postgres.sh), in a fresh database ledger_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
COMMANDS=${1:-20000}
CLIENTS=${2:-8}
source scripts/bench-database.sh ledger_bench
exec java -Xmx1g -Daxoniq.update-checker.disabled=true \
  -Dloader.main=com.interactionledger.deploy.bench.CommandBenchmark \
  -cp deploy/target/interaction-ledger.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --jdbc-url "$SERVER/ledger_bench" --user "$BENCH_USER" --password "$BENCH_PASSWORD" \
  --commands "$COMMANDS" --clients "$CLIENTS"
