#!/usr/bin/env bash
# `npm run stop`: stops the demo Kafka Streams application, the local Kafka Connect, Schema Registry, Kafka and PostgreSQL that `npm run demo` started (data is kept).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
bash scripts/streams/streams.sh stop || true
bash scripts/connect/connect.sh stop || true
bash scripts/registry/registry.sh stop || true
bash scripts/kafka/kafka.sh stop || true
npx tsx scripts/db/pg.ts stop || true
