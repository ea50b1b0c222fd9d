#!/usr/bin/env bash
# Benchmark: replay-tools verify and export over a large ledger (docs/PERFORMANCE.md).
#   scripts/bench-regulator.sh [EVENTS]      default: 1000000 events
# Uses the same PostgreSQL as the tests (scripts/ensure-postgres.sh), in a fresh database ledger_bench_verify, and
# a 256 MiB heap: verify and export stream, so the heap does not grow with the ledger.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-1000000}
eval "$(scripts/ensure-postgres.sh)"
URL=${LEDGER_TEST_PG_URL:?the benchmark needs a PostgreSQL server (set LEDGER_TEST_PG_URL)}
SERVER=${URL%/*}
PSQL="env PGOPTIONS=--client-min-messages=warning psql -h $(echo "$SERVER" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#') -p $(echo "$SERVER" | sed -E 's#.*:([0-9]+)$#\1#') -U ${LEDGER_TEST_PG_USER:-postgres}"
$PSQL -d "${URL##*/}" -qc 'DROP DATABASE IF EXISTS ledger_bench_verify WITH (FORCE)' >/dev/null
$PSQL -d "${URL##*/}" -qc 'CREATE DATABASE ledger_bench_verify' >/dev/null
mvn -B -q -ntp -DskipTests package
exec java -Xmx256m -Daxoniq.update-checker.disabled=true \
  -Dloader.main=com.interactionledger.deploy.bench.RegulatorBenchmark \
  -cp deploy/target/interaction-ledger.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --jdbc-url "$SERVER/ledger_bench_verify?reWriteBatchedInserts=true" --user "${LEDGER_TEST_PG_USER:-postgres}" \
  --password "${LEDGER_TEST_PG_PASSWORD:-}" --events "$EVENTS"
