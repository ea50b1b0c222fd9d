#!/usr/bin/env bash
# Benchmark of the distributed shape (docs/PERFORMANCE.md, "Distributed: freshness through Kafka"):
#   scripts/bench-distributed.sh [RATES] [SECONDS]       defaults: 25,75 commands/s, 45 s at each rate
# Starts the local topology fresh (scripts/run-distributed.sh: broker, command-side x2, query-side x2, local
# PostgreSQL), measures command-to-query-side freshness at each rate and then the relay's throughput on a new
# topic, prints Markdown, and stops the topology.
set -euo pipefail
cd "$(dirname "$0")/.."
RATES=${1:-25,75}
SECONDS_PER_RATE=${2:-45}
BASE_PORT=${BASE_PORT:-8180}
scripts/run-distributed.sh fresh
trap 'scripts/run-distributed.sh down' EXIT
eval "$(scripts/ensure-postgres.sh)"
URL=${LEDGER_TEST_PG_URL:?no PostgreSQL server}
# the password from the environment, never on the command line (every user of the machine sees that)
export LEDGER_DB_PASSWORD=${LEDGER_TEST_PG_PASSWORD:-}
java -Xmx512m -Dloader.main=com.interactionledger.tools.bench.DistributedBenchmark \
  -cp tools/target/ledger-tools.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --rates "$RATES" --seconds "$SECONDS_PER_RATE" \
  --command-ports "$((BASE_PORT + 1)),$((BASE_PORT + 2))" --query-port "$((BASE_PORT + 11))" \
  --bootstrap-servers "127.0.0.1:$((BASE_PORT + 10912))" \
  --jdbc-url "${URL%/*}/${LEDGER_DISTRIBUTED_DB:-ledger_distributed}" --user "${LEDGER_TEST_PG_USER:-postgres}"
