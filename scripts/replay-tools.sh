#!/usr/bin/env bash
# The replay tools (docs/REGULATORS.md): reads the ledger directly, without the application.
#   scripts/replay-tools.sh verify --jdbc-url URL [--user U] [--password-file FILE] [--digests FILE]
#                                     (the password from that file, else LEDGER_DB_PASSWORD: never on the command line)
#   scripts/replay-tools.sh help                      every subcommand, what to type, exit codes (stderr)
#   scripts/replay-tools.sh verify --help             one subcommand's options and exit codes (or: help verify)
#   source <(scripts/replay-tools.sh completion)      bash completion of subcommands, options, read model names
# Runs from the tools' jar, which holds the application and the H2 driver of the embedded default (the service
# image's jar holds the same tools but reads PostgreSQL only: java -cp interaction-ledger.jar
# -Dloader.main=com.interactionledger.replay.ReplayCli org.springframework.boot.loader.launch.PropertiesLauncher).
# Builds it first if it is not there (scripts/run.sh builds it too). Paths in the arguments are taken from the
# directory you run it in.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/tools/target/ledger-tools.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -B -q -ntp -DskipTests package)
fi
exec java -cp "$jar" -Dloader.main=com.interactionledger.replay.ReplayCli \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
