#!/usr/bin/env bash
# Writes a migration for each SQL dialect after a schema change, so `npm start` (production,
# where the adapters never change tables by themselves) can bring any database up to date.
#   npm run migrate:create -- add-stage-field
# SQLite needs nothing; PostgreSQL needs a server: set MIGRATIONS_POSTGRES_URI to an empty
# scratch database (it is only read, to compare against).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
name="${1:?usage: npm run migrate:create -- NAME}"
export NODE_OPTIONS="--conditions=development ${NODE_OPTIONS:-}"
export PAYLOAD_SECRET="${PAYLOAD_SECRET:-migration-generation-only}"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
DATABASE_URI="file:$scratch/scratch.db" npx payload migrate:create "$name" --skip-empty

if [ -n "${MIGRATIONS_POSTGRES_URI:-}" ]; then
  DATABASE_URI="$MIGRATIONS_POSTGRES_URI" npx payload migrate:create "$name" --skip-empty
else
  echo 'MIGRATIONS_POSTGRES_URI is not set: no PostgreSQL migration written.' >&2
  exit 1
fi
