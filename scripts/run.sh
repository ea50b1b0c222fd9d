#!/usr/bin/env bash
# THE run command (README "Run it"): builds the ledger and starts it on the embedded default (one JVM, H2 file
# database under ./data, no Kafka) with synthetic demo data, on http://localhost:8080 (PORT=... to change).
# Extra arguments go to the application, e.g. scripts/run.sh --ledger.demo.customers=100
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp -DskipTests package
# The tools' jar: the all-in-one service plus the demo data (the service's own jar, deploy/, holds no demo).
exec java -Daxoniq.update-checker.disabled=true -jar tools/target/ledger-tools.jar "$@"
