#!/usr/bin/env bash
# `npm run demo`: Meshport with a demo mesh on http://localhost:3000, on local
# PostgreSQL, Kafka, Schema Registry and Kafka Connect
# (or DATABASE_URL / KAFKA_BROKERS / SCHEMA_REGISTRY_URL / KAFKA_CONNECT_URL when set).
# They keep running after you stop the portal (fast restart); `npm run stop` stops them.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
export MESHPORT_DATA_DIR="${MESHPORT_DATA_DIR:-.meshport}"
export NEXT_TELEMETRY_DISABLED=1
export MESHPORT_DEMO_SIGNIN="${MESHPORT_DEMO_SIGNIN:-true}"
# Browsers reach the demo directly, with no load balancer to compress: Node gzips (docs/decisions/0016, 0067).
export MESHPORT_COMPRESS="${MESHPORT_COMPRESS:-true}"
PORT="${PORT:-3000}"
# shellcheck source=scripts/common.sh
. scripts/common.sh

started=$(date +%s)
bash scripts/system-packages.sh
ensure_node_modules
bash scripts/kafka/kafka.sh jars
[[ -n "${SCHEMA_REGISTRY_URL:-}" ]] || bash scripts/registry/registry.sh jars
[[ -n "${KAFKA_CONNECT_URL:-}" ]] || bash scripts/connect/connect.sh jars
[[ -n "${KAFKA_BROKERS:-}" ]] || bash scripts/streams/streams.sh build
ensure_postgres
ensure_kafka
ensure_registry
ensure_connect
ensure_auth_secret
migrate
seed_demo
ensure_streams
ensure_build

# node itself (not an npx wrapper), so the trap below really stops it.
node --conditions=react-server --import tsx scripts/seed/traffic.ts &
traffic=$!
trap 'kill $traffic 2>/dev/null || true' EXIT

say "Meshport is starting on http://localhost:$PORT (ready in $(( $(date +%s) - started )) s of setup); sign in as a demo user. Ctrl-C stops the portal."
# Two malloc arenas, not one per thread: ~45 MiB less RSS under bench:load (docs/decisions/0068).
MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" node --max-old-space-size="$MESHPORT_SERVER_HEAP_MB" node_modules/next/dist/bin/next start -p "$PORT"
