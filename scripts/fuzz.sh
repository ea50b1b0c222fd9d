#!/usr/bin/env bash
# The fuzzing campaign's full run (docs/TESTS.md): FuzzTest with many tries instead of CI's 300, same fixed seed.
# scripts/fuzz.sh [TRIES] (default 10000, or LEDGER_FUZZ_TRIES). Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
tries="${LEDGER_FUZZ_TRIES:-10000}"
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  tries="$1"
  shift
fi
exec scripts/test.sh -pl deploy -am -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspring-boot.repackage.skip=true -Djqwik.tries.default="$tries" "$@"
