#!/usr/bin/env bash
# `npm test`: every test, against a real PostgreSQL, Kafka, Schema Registry and Kafka Connect that this
# script starts on their own ports and data dir (.meshport/test), fresh each run,
# so a running demo is never touched.
#   unit (vitest) → integration (vitest, real PostgreSQL + Kafka + Schema Registry) → end-to-end (Playwright, Chromium)
#   → the fault suite (scripts/faults.sh: its own services, this run's build; docs/decisions/0069)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
export MESHPORT_DATA_DIR="${MESHPORT_TEST_DATA_DIR:-.meshport/test}"
export MESHPORT_PG_PORT="${MESHPORT_TEST_PG_PORT:-54339}"
export MESHPORT_KAFKA_PORT="${MESHPORT_TEST_KAFKA_PORT:-29092}"
export MESHPORT_REGISTRY_PORT="${MESHPORT_TEST_REGISTRY_PORT:-28081}"
export MESHPORT_REGISTRY_MANAGEMENT_PORT="${MESHPORT_TEST_REGISTRY_MANAGEMENT_PORT:-$((MESHPORT_REGISTRY_PORT + 1))}"
export MESHPORT_CONNECT_PORT="${MESHPORT_TEST_CONNECT_PORT:-28083}"
export MESHPORT_DIST_DIR="${MESHPORT_TEST_DIST_DIR:-.next-test}"
export MESHPORT_TEST_APP_PORT="${MESHPORT_TEST_APP_PORT:-3100}"
export MESHPORT_TEST_OIDC_PORT="${MESHPORT_TEST_OIDC_PORT:-3109}"
export NEXT_TELEMETRY_DISABLED=1
export MESHPORT_DEMO_SIGNIN=true
# The test services are our own; an outer DATABASE_URL/KAFKA_BROKERS must not redirect them.
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
bash scripts/streams/streams.sh build

say "resetting the test services in $MESHPORT_DATA_DIR"
stop_local_services
rm -rf "$MESHPORT_DATA_DIR"
ensure_postgres
ensure_kafka
ensure_registry
ensure_connect
ensure_auth_secret
migrate
seed_demo
ensure_streams
t_setup=$(date +%s)

say "unit tests"
npx vitest run --project unit
say "integration tests (real PostgreSQL and Kafka)"
npx vitest run --project integration
t_integration=$(date +%s)

say "end-to-end tests (Playwright, Chromium)"
# The portal under test refreshes its cluster index every 5 s, so journeys see Kafka changes quickly.
export MESHPORT_INDEX_INTERVAL_SECONDS=5
MESHPORT_BUILD_LOG="$MESHPORT_DATA_DIR/next-build.log" ensure_build
npx playwright test
t_e2e=$(date +%s)

# The fault suite kills and restarts services of its own; these are done with, and would only share the CPU.
stop_local_services
unset MESHPORT_INDEX_INTERVAL_SECONDS
bash scripts/faults.sh
t_end=$(date +%s)

say "all tests passed: setup $((t_setup - t0)) s, unit+integration $((t_integration - t_setup)) s, e2e $((t_e2e - t_integration)) s, faults $((t_end - t_e2e)) s, total $((t_end - t0)) s"
