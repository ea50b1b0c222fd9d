#!/usr/bin/env bash
# Benchmark: record-message commands over HTTP vs the raw PostgreSQL insert ceiling (docs/PERFORMANCE.md).
#   scripts/bench-commands.sh [COMMANDS] [CLIENTS]      defaults: 20000 commands, 8 clients
# Uses the same PostgreSQL as the tests (scripts/ensure-postgres.sh), in a fresh database ledger_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
COMMANDS=${1:-20000}
CLIENTS=${2:-8}
eval "$(scripts/ensure-postgres.sh)"
URL=${LEDGER_TEST_PG_URL:?the benchmark needs a PostgreSQL server (set LEDGER_TEST_PG_URL)}
SERVER=${URL%/*}
PSQL="env PGOPTIONS=--client-min-messages=warning psql -h $(echo "$SERVER" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#') -p $(echo "$SERVER" | sed -E 's#.*:([0-9]+)$#\1#') -U ${LEDGER_TEST_PG_USER:-postgres}"
$PSQL -d "${URL##*/}" -qc 'DROP DATABASE IF EXISTS ledger_bench WITH (FORCE)' >/dev/null
$PSQL -d "${URL##*/}" -qc 'CREATE DATABASE ledger_bench' >/dev/null
mvn -B -q -ntp -DskipTests package
exec java -Xmx1g -Daxoniq.update-checker.disabled=true \
  -Dloader.main=com.interactionledger.deploy.bench.CommandBenchmark \
  -cp deploy/target/interaction-ledger.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --jdbc-url "$SERVER/ledger_bench" --user "${LEDGER_TEST_PG_USER:-postgres}" --password "${LEDGER_TEST_PG_PASSWORD:-}" \
  --commands "$COMMANDS" --clients "$CLIENTS"
