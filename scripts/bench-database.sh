#!/usr/bin/env bash
# Sourced by the benchmarks: gets the test PostgreSQL (scripts/ensure-postgres.sh), creates a fresh database named
# $1 on it, builds the application jar, and sets SERVER (jdbc:postgresql://host:port), BENCH_USER, BENCH_PASSWORD
# (exported as LEDGER_DB_PASSWORD, where the benchmarks read it); bench_run then runs the benchmark.
eval "$(scripts/ensure-postgres.sh)"
URL=${LEDGER_TEST_PG_URL:?the benchmark needs a PostgreSQL server (set LEDGER_TEST_PG_URL)}
SERVER=${URL%/*}
BENCH_USER=${LEDGER_TEST_PG_USER:-postgres}
BENCH_PASSWORD=${LEDGER_TEST_PG_PASSWORD:-}
# the benchmark takes it from the environment: a command line is seen by every user of the machine
export LEDGER_DB_PASSWORD=$BENCH_PASSWORD
PSQL="env PGOPTIONS=--client-min-messages=warning psql -h $(echo "$SERVER" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#') -p $(echo "$SERVER" | sed -E 's#.*:([0-9]+)$#\1#') -U $BENCH_USER"
$PSQL -d "${URL##*/}" -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null
$PSQL -d "${URL##*/}" -qc "CREATE DATABASE $1" >/dev/null
./mvnw -B -q -ntp -DskipTests package

# bench_run CLASS HEAP ARGS...: runs the benchmark com.interactionledger.tools.bench.CLASS from the tools' jar in
# place of the script, with HEAP of heap and ARGS as its options.
bench_run() {
  local main=$1 heap=$2
  shift 2
  exec java -Xmx"$heap" -Daxoniq.update-checker.disabled=true \
    -Dloader.main="com.interactionledger.tools.bench.$main" \
    -cp tools/target/ledger-tools.jar org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}
