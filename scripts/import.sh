#!/usr/bin/env bash
# Brings history from another system into the ledger (docs/IMPORTING.md), through the ledger's own command side:
#   scripts/import.sh cfpb --file complaints.csv [--mapping mapping.txt] [--strict] [--rejects rejects.csv]
#                          [--run-id ID] [--threads N] [--spring.datasource.url=... and the ledger's other settings]
#   scripts/import.sh banking77 --file train.csv --occurred-at 2020-03-11T09:00:00Z [the same options]
#   scripts/import.sh jddc --file chat.txt --occurred-at 2019-11-02 [the same options]   (the source has no times)
#   scripts/import.sh twcs --file twcs.csv [...the same options]   (Twitter customer-support threads; the whole
#                          file is held in memory: give the full archive a few GB, JAVA_TOOL_OPTIONS=-Xmx4g)
# Without settings it imports into the embedded default (./data, as scripts/run.sh runs it; stop that first: H2's
# file is one process's). Exit codes: 0 imported (see the summary for rejects), 2 wrong command line, 3 the file was
# refused whole and nothing was written.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/tools/target/ledger-tools.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -B -q -ntp -DskipTests package)
fi
exec java -cp "$jar" -Dloader.main=com.interactionledger.tools.importing.ImportCli \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
