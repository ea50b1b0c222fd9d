#!/usr/bin/env bash
# THE test command (README "Test it", docs/TESTS.md; .ci/run calls exactly this): gets a real PostgreSQL, then
# runs every test of every module. Extra arguments go to Maven, e.g.
# scripts/test.sh -pl command-side -Dtest=InteractionSessionTest
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/ensure-postgres.sh)"
export AXONIQ_UPDATE_CHECKER_DISABLED=true
exec ./mvnw -B -ntp verify "$@"
