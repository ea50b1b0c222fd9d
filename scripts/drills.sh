#!/usr/bin/env bash
# The fault drills (docs/OPERATIONS.md, results in docs/RELIABILITY.md):
#   scripts/drills.sh [all|1|2|3|4|5|1,3] [LOAD_SECONDS]     defaults: all, 20 s of load per drill
# Drills 1-4 break the distributed shape: the script starts the local topology fresh (scripts/run-distributed.sh
# fresh) and runs them under load from 4 clients. Drill 5 kills the all-in-one application under load from 16
# clients, on a fresh database of its own (ledger_drill_all_in_one). Every check is printed with its counts; the
# script stops what it started and exits non-zero on any loss. Loopback only; drill 4 restarts the local PostgreSQL
# server (pg_ctlcluster), so run it on a development machine only.
set -euo pipefail
cd "$(dirname "$0")/.."
DRILLS=${1:-all}
LOAD=${2:-20}
BASE_PORT=${BASE_PORT:-8180}
if [ "$DRILLS" != 5 ]; then
  scripts/run-distributed.sh fresh
  trap 'scripts/run-distributed.sh down' EXIT
else
  ./mvnw -B -q -ntp -DskipTests install
fi
eval "$(scripts/ensure-postgres.sh)"
URL=${LEDGER_TEST_PG_URL:?no PostgreSQL server}
# the password from the environment, never on the command line (every user of the machine sees that)
export LEDGER_DB_PASSWORD=${LEDGER_TEST_PG_PASSWORD:-}
ALL_IN_ONE_DB=ledger_drill_all_in_one
PSQL="env PGOPTIONS=--client-min-messages=warning psql -h $(echo "${URL%/*}" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#') \
  -p $(echo "${URL%/*}" | sed -E 's#.*:([0-9]+)$#\1#') -U ${LEDGER_TEST_PG_USER:-postgres} -d ${URL##*/}"
$PSQL -qc "DROP DATABASE IF EXISTS $ALL_IN_ONE_DB WITH (FORCE)" >/dev/null
$PSQL -qc "CREATE DATABASE $ALL_IN_ONE_DB" >/dev/null
PG_PORT=$(echo "${URL%/*}" | sed -E 's#.*:([0-9]+)$#\1#')
# the Debian cluster listening on that port (ensure-postgres.sh's private server is restarted with pg_ctl instead)
CLUSTER=$(pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port {print $1" "$2}' | head -1)
if [ -n "$CLUSTER" ]; then
  RESTART="pg_ctlcluster $CLUSTER restart -m fast"
else
  RESTART="$(ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1) -D ${LEDGER_PG_DIR:-/tmp/interaction-ledger-pg} restart -m fast -w"
fi
java -Xmx512m -Dloader.main=com.interactionledger.tools.drill.FaultDrills \
  -cp tools/target/ledger-tools.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --drill "$DRILLS" --load-seconds "$LOAD" --topology scripts/run-distributed.sh \
  --command-ports "$((BASE_PORT + 1)),$((BASE_PORT + 2))" --query-ports "$((BASE_PORT + 11)),$((BASE_PORT + 12))" \
  --jdbc-url "${URL%/*}/${LEDGER_DISTRIBUTED_DB:-ledger_distributed}" --user "${LEDGER_TEST_PG_USER:-postgres}" \
  --restart-postgres "$RESTART" \
  --all-in-one-jdbc-url "${URL%/*}/$ALL_IN_ONE_DB" --all-in-one-port "$((BASE_PORT - 1))"
