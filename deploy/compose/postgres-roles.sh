#!/usr/bin/env bash
# The ledger's two database roles (docs/OPERATIONS.md, "Two database roles"), made once, when the PostgreSQL
# container initialises its data directory (/docker-entrypoint-initdb.d): ledger_owner owns the database and runs the
# migrations; ledger_app is what the services connect as, and the migrations grant it SELECT and INSERT only on the
# ledger's append-only tables. Neither is a superuser; the container's superuser (postgres) is for the DBA alone.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$LEDGER_DB_OWNER_PASSWORD" -v app_password="$LEDGER_DB_PASSWORD" <<'SQL'
CREATE ROLE ledger_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE ledger_app LOGIN PASSWORD :'app_password';
CREATE DATABASE ledger OWNER ledger_owner;
\connect ledger
-- nobody but the owner creates anything in the ledger's schema (PostgreSQL 15 already says so; older ones did not)
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
