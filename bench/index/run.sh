#!/usr/bin/env bash
# npm run bench:index — the cluster index at 10,000 topics / ~12,000 partitions / 2,000 groups.
# Its own data dir and ports (never the demo's or the tests'); the broker's topics and groups are
# kept between runs. See bench/index/run.ts for what is measured.
#   BENCH_INDEX_DATA_DIR=.meshport/bench-index BENCH_INDEX_PG_PORT=54348 BENCH_INDEX_KAFKA_PORT=29181
#   BENCH_INDEX_PORT=3181 BENCH_DIST_DIR=.next-bench-index
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
export MESHPORT_DATA_DIR="${BENCH_INDEX_DATA_DIR:-.meshport/bench-index}"
export MESHPORT_PG_PORT="${BENCH_INDEX_PG_PORT:-54348}"
export MESHPORT_KAFKA_PORT="${BENCH_INDEX_KAFKA_PORT:-29181}"
export MESHPORT_DIST_DIR="${BENCH_DIST_DIR:-.next-bench-index}"
# 12,000 partitions: the broker keeps a file open and two index maps per partition.
export MESHPORT_KAFKA_HEAP="${MESHPORT_KAFKA_HEAP:-1g}"
export NEXT_TELEMETRY_DISABLED=1 MESHPORT_DEMO_SIGNIN=true
unset DATABASE_URL KAFKA_BROKERS KAFKA_SASL_USERNAME KAFKA_SASL_PASSWORD KAFKA_SASL_MECHANISM
# shellcheck source=scripts/common.sh
. scripts/common.sh
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
maps="$(cat /proc/sys/vm/max_map_count 2>/dev/null || echo 0)"
(( maps >= 30000 )) || die "vm.max_map_count is $maps; the broker needs ~2 maps per partition (sysctl -w vm.max_map_count=262144)"
ensure_node_modules
bash scripts/kafka/kafka.sh jars
ensure_postgres
ensure_kafka
ensure_auth_secret
migrate
MESHPORT_BUILD_LOG="$MESHPORT_DATA_DIR/next-build.log" ensure_build
npx tsx --conditions=react-server bench/index/run.ts
