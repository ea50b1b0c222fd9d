#!/usr/bin/env bash
# Makes sure the test suite has a real PostgreSQL and tells it where, as shell exports on stdout:
#   eval "$(scripts/ensure-postgres.sh)"
# Order (see docs/TESTS.md):
#   1. a Docker engine answers        -> nothing to export: the tests start PostgreSQL with Testcontainers;
#   2. the local server 127.0.0.1:5432 answers (trust auth, database test) -> use it;
#   3. a local cluster exists but is down -> start it (Debian pg_ctlcluster);
#   4. PostgreSQL binaries exist      -> start a private server in ${LEDGER_PG_DIR:-/tmp/interaction-ledger-pg} on port 55432;
#   5. no PostgreSQL at all            -> apt-get install postgresql, then 3/4.
# Anything that fails is reported on stderr and the script exits non-zero: tests never run without a database.
set -euo pipefail

log() { echo "ensure-postgres: $*" >&2; }
PRIVATE_PORT=55432
PRIVATE_DIR=${LEDGER_PG_DIR:-/tmp/interaction-ledger-pg}

if [ -n "${LEDGER_TEST_PG_URL:-}" ]; then
  log "using LEDGER_TEST_PG_URL=$LEDGER_TEST_PG_URL from the environment"
  exit 0
fi

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  log "Docker engine found: tests will start PostgreSQL with Testcontainers"
  exit 0
fi

pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/$1" ] && { echo "$dir/$1"; return 0; }
  done
  command -v "$1" 2>/dev/null
}

# Can we run SQL as postgres on 127.0.0.1:$1? Creates database test if the server lacks it.
usable() {
  local psql; psql=$(pg_bin psql) || return 1
  "$psql" -h 127.0.0.1 -p "$1" -U postgres -d test -Atqc 'SELECT 1' >/dev/null 2>&1 && return 0
  "$psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1 || return 1
  "$psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -qc 'CREATE DATABASE test' >/dev/null 2>&1 || true
  "$psql" -h 127.0.0.1 -p "$1" -U postgres -d test -Atqc 'SELECT 1' >/dev/null 2>&1
}

use() {
  log "PostgreSQL ready on 127.0.0.1:$1"
  echo "export LEDGER_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$1/test"
  echo "export LEDGER_TEST_PG_USER=postgres"
  echo "export LEDGER_TEST_PG_PASSWORD="
  exit 0
}

wait_ready() {
  local i
  for i in $(seq 1 30); do usable "$1" && return 0; sleep 1; done
  return 1
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

usable 5432 && use 5432
usable "$PRIVATE_PORT" && use "$PRIVATE_PORT"

if [ -z "$(pg_bin postgres || true)" ]; then
  log "no PostgreSQL binaries found: installing with apt-get"
  if [ "$(id -u)" != 0 ]; then log "installing PostgreSQL needs root; install it or set LEDGER_TEST_PG_URL"; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
fi

if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; then
  for version in $(ls /etc/postgresql); do
    log "starting the local cluster $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 2>&1 || true
  done
  wait_ready 5432 && use 5432
  log "the local cluster did not come up usable on 5432 (auth or port differ): falling back to a private server"
fi

initdb=$(pg_bin initdb) || { log "initdb not found"; exit 1; }
pg_ctl=$(pg_bin pg_ctl) || { log "pg_ctl not found"; exit 1; }
if [ ! -f "$PRIVATE_DIR/PG_VERSION" ]; then
  log "creating a private PostgreSQL in $PRIVATE_DIR"
  mkdir -p "$PRIVATE_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PRIVATE_DIR"
  as_postgres "$initdb" -D "$PRIVATE_DIR" -A trust -U postgres >&2
fi
log "starting the private PostgreSQL on 127.0.0.1:$PRIVATE_PORT"
as_postgres "$pg_ctl" -D "$PRIVATE_DIR" -l "$PRIVATE_DIR/server.log" -w \
  -o "-p $PRIVATE_PORT -k $PRIVATE_DIR -c listen_addresses=127.0.0.1" start >&2
wait_ready "$PRIVATE_PORT" && use "$PRIVATE_PORT"
log "PostgreSQL did not become usable; see $PRIVATE_DIR/server.log"
exit 1
