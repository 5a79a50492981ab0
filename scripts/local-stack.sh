#!/usr/bin/env bash
# Runs a command against the local stack that `npm run demo` started (PostgreSQL, Kafka, Schema
# Registry, Kafka Connect in .meshport/), with its addresses and credentials loaded, so benches and scripts need no
# settings by hand:   bash scripts/local-stack.sh <command> [args…]
# What the environment already names (DATABASE_URL, KAFKA_BROKERS, SCHEMA_REGISTRY_URL) is used as
# given. A local service that is not running stops the command with what to start.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
# shellcheck source=scripts/common.sh
. scripts/common.sh

start_hint="start it with \`npm run demo\` (or point the variable at your own)"

if [[ -z "${DATABASE_URL:-}" ]]; then
  npx tsx scripts/db/pg.ts status >/dev/null 2>&1 || die "the local PostgreSQL (port ${MESHPORT_PG_PORT:-54329}) is not running: $start_hint: DATABASE_URL"
  DATABASE_URL="$(npx tsx scripts/db/pg.ts url)"
  export DATABASE_URL
fi

if [[ -z "${KAFKA_BROKERS:-}" ]]; then
  bash scripts/kafka/kafka.sh status >/dev/null 2>&1 || die "the local Kafka (port ${MESHPORT_KAFKA_PORT:-19092}) is not running: $start_hint: KAFKA_BROKERS"
  # shellcheck disable=SC1091
  set -a; . "$(kafka_dir)/env"; set +a
fi

# The registry is optional for most commands: loaded when it runs, else left to the defaults.
if [[ -z "${SCHEMA_REGISTRY_URL:-}" && -f "$(registry_dir)/env" ]] && bash scripts/registry/registry.sh status >/dev/null 2>&1; then
  # shellcheck disable=SC1091
  set -a; . "$(registry_dir)/env"; set +a
fi

# Connect too: optional, loaded when the local worker runs.
if [[ -z "${KAFKA_CONNECT_URL:-}" && -f "$(connect_dir)/env" ]] && bash scripts/connect/connect.sh status >/dev/null 2>&1; then
  # shellcheck disable=SC1091
  set -a; . "$(connect_dir)/env"; set +a
fi

exec "$@"
