#!/usr/bin/env bash
# `npm run test:faults`: the fault suite (tests/faults). Real processes killed and restarted: the Kafka broker
# (SIGKILL), PostgreSQL (fast shutdown, then start), the Schema Registry and the Kafka Connect worker (SIGKILL),
# and one of two Meshport instances (SIGKILL). Its own services on their own ports and data dir
# (.meshport/faults), fresh each run, so neither the demo nor `npm test` is touched. The portal instances are
# production builds (the same build `npm test` makes, reused when the sources did not change).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
export MESHPORT_DATA_DIR="${MESHPORT_FAULTS_DATA_DIR:-.meshport/faults}"
export MESHPORT_PG_PORT="${MESHPORT_FAULTS_PG_PORT:-54349}"
export MESHPORT_KAFKA_PORT="${MESHPORT_FAULTS_KAFKA_PORT:-29492}"
export MESHPORT_REGISTRY_PORT="${MESHPORT_FAULTS_REGISTRY_PORT:-28481}"
export MESHPORT_REGISTRY_MANAGEMENT_PORT="$((MESHPORT_REGISTRY_PORT + 1))"
export MESHPORT_CONNECT_PORT="${MESHPORT_FAULTS_CONNECT_PORT:-28483}"
export MESHPORT_DIST_DIR="${MESHPORT_TEST_DIST_DIR:-.next-test}"
# The two portal instances: tests/faults/support/portal.ts starts them on these ports.
export MESHPORT_FAULTS_APP_PORT="${MESHPORT_FAULTS_APP_PORT:-3140}"
export NEXT_TELEMETRY_DISABLED=1
export MESHPORT_DEMO_SIGNIN=true
unset DATABASE_URL KAFKA_BROKERS KAFKA_SASL_USERNAME KAFKA_SASL_PASSWORD KAFKA_SASL_MECHANISM
unset SCHEMA_REGISTRY_URL SCHEMA_REGISTRY_USERNAME SCHEMA_REGISTRY_PASSWORD KAFKA_CONNECT_URL KAFKA_CONNECT_CREDENTIALS_FILE KAFKA_CONNECT_FILE_DIR
# shellcheck source=scripts/common.sh
. scripts/common.sh

trap stop_local_services EXIT

t0=$(date +%s)
bash scripts/system-packages.sh --tests
ensure_node_modules
bash scripts/kafka/kafka.sh jars
bash scripts/registry/registry.sh jars
bash scripts/connect/connect.sh jars

say "resetting the fault suite's services in $MESHPORT_DATA_DIR"
stop_local_services
rm -rf "$MESHPORT_DATA_DIR"
ensure_postgres
ensure_kafka
ensure_registry
ensure_connect
ensure_auth_secret
migrate
MESHPORT_BUILD_LOG="$MESHPORT_DATA_DIR/next-build.log" ensure_build
t_setup=$(date +%s)

say "fault suite (services killed and restarted; slower than npm test)"
npx vitest run --project faults "$@"
t_end=$(date +%s)
say "fault suite passed: setup $((t_setup - t0)) s, faults $((t_end - t_setup)) s"
