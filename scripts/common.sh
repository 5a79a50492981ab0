# Shared by scripts/demo.sh and scripts/test.sh: bring up what Meshport needs,
# reusing whatever a previous run left (installed packages, data, running servers).
# Sourced, not run. Expects REPO, and MESHPORT_DATA_DIR / ports already exported.

# The old-space limit of the Node server (next start), in MiB. Without one V8 sizes its heap from the
# machine's memory (4 GB here) and lets garbage pile up: bench:load saw 1 GB of RSS over ~200 MB of
# live objects (docs/decisions/0068). In a container, set it to about half the memory limit.
: "${MESHPORT_SERVER_HEAP_MB:=320}"
export MESHPORT_SERVER_HEAP_MB

say() { printf '\033[1;34m▸\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m✗\033[0m %s\n' "$*" >&2; exit 1; }

need_command() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is required ($2)"
}

ensure_node_modules() {
  need_command node "install Node.js 20 or newer"
  need_command npm "install Node.js 20 or newer"
  # npm ci only when package-lock.json changed since the last install.
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    say "installing npm packages"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  if [[ ! -f lib/db/generated/client.ts || prisma/schema.prisma -nt lib/db/generated/client.ts ]]; then
    say "generating the Prisma client"
    bash scripts/db/generate.sh >/dev/null
  fi
}

# Exports DATABASE_URL: the given one, else the embedded PostgreSQL's (started if needed).
ensure_postgres() {
  if [[ -n "${DATABASE_URL:-}" ]]; then
    say "using PostgreSQL at DATABASE_URL"
    return
  fi
  say "starting embedded PostgreSQL (port ${MESHPORT_PG_PORT:-54329})"
  npx tsx scripts/db/pg.ts start >/dev/null
  DATABASE_URL="$(npx tsx scripts/db/pg.ts url)"
  export DATABASE_URL
}

# Exports KAFKA_*: the given cluster, else the local broker's (started if needed).
ensure_kafka() {
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    say "using Kafka at $KAFKA_BROKERS"
    return
  fi
  need_command java "install a JDK 17+ (apt-get install openjdk-17-jre-headless)"
  say "starting local Kafka (port ${MESHPORT_KAFKA_PORT:-19092})"
  bash scripts/kafka/kafka.sh start
  # shellcheck disable=SC1091
  set -a; . "$(kafka_dir)/env"; set +a
}

# Exports SCHEMA_REGISTRY_URL: the given registry, else the local Apicurio's (started if needed).
# Needs the PostgreSQL of ensure_postgres: the local registry keeps its data in a database of its own there.
ensure_registry() {
  if [[ -n "${SCHEMA_REGISTRY_URL:-}" ]]; then
    say "using the Schema Registry at $SCHEMA_REGISTRY_URL"
    return
  fi
  say "starting local Apicurio Registry (port ${MESHPORT_REGISTRY_PORT:-18081})"
  bash scripts/registry/registry.sh start
  # shellcheck disable=SC1091
  set -a; . "$(registry_dir)/env"; set +a
}

# Exports KAFKA_CONNECT_URL (and the team credentials file): the given Connect cluster, else the local worker's.
# Needs the local broker of ensure_kafka: the worker keeps its state in Kafka topics.
ensure_connect() {
  if [[ -n "${KAFKA_CONNECT_URL:-}" ]]; then
    say "using Kafka Connect at $KAFKA_CONNECT_URL"
    return
  fi
  say "starting local Kafka Connect (port ${MESHPORT_CONNECT_PORT:-18083})"
  bash scripts/connect/connect.sh start
  # shellcheck disable=SC1091
  set -a; . "$(connect_dir)/env"; set +a
}

# The demo's Kafka Streams application, on the local broker only (it reads the team password there).
# Needs the demo mesh loaded (seed_demo): its grant on Orders and its registration.
ensure_streams() {
  if [[ ! -f "$(kafka_dir)/principals.json" ]]; then
    say "not on the local Kafka: the demo Kafka Streams application is not started"
    return
  fi
  say "starting the demo Kafka Streams application"
  bash scripts/streams/streams.sh start
}

# Stops whatever local service runs in this data dir (quietly; nothing running is fine). The registry before
# PostgreSQL: it holds connections to it. Used by the test scripts to start from a clean slate and on exit.
stop_local_services() {
  bash scripts/streams/streams.sh stop >/dev/null 2>&1 || true
  bash scripts/connect/connect.sh stop >/dev/null 2>&1 || true
  bash scripts/registry/registry.sh stop >/dev/null 2>&1 || true
  bash scripts/kafka/kafka.sh stop >/dev/null 2>&1 || true
  npx tsx scripts/db/pg.ts stop >/dev/null 2>&1 || true
}

connect_dir() {
  local d="${MESHPORT_DATA_DIR:-.meshport}"
  [[ "$d" = /* ]] || d="$REPO/$d"
  echo "$d/connect"
}

registry_dir() {
  local d="${MESHPORT_DATA_DIR:-.meshport}"
  [[ "$d" = /* ]] || d="$REPO/$d"
  echo "$d/registry"
}

kafka_dir() {
  local d="${MESHPORT_DATA_DIR:-.meshport}"
  [[ "$d" = /* ]] || d="$REPO/$d"
  echo "$d/kafka"
}

# A stable AUTH_SECRET per data dir, so sessions survive restarts without configuration.
ensure_auth_secret() {
  if [[ -z "${AUTH_SECRET:-}" ]]; then
    local d="${MESHPORT_DATA_DIR:-.meshport}"
    [[ "$d" = /* ]] || d="$REPO/$d"
    mkdir -p "$d"
    [[ -f "$d/auth-secret" ]] || openssl rand -base64 32 > "$d/auth-secret"
    AUTH_SECRET="$(cat "$d/auth-secret")"
    export AUTH_SECRET
  fi
  export AUTH_TRUST_HOST=true
}

migrate() {
  say "applying database migrations"
  npx tsx scripts/db/migrate.ts
}

seed_demo() {
  say "loading the demo mesh"
  npx tsx --conditions=react-server scripts/seed/demo.ts
}

# Builds the production bundle when the sources differ from the last build's
# (names and modification times, so added, changed and deleted files all count).
source_fingerprint() {
  find app components lib public next.config.ts proxy.ts package-lock.json prisma/schema.prisma postcss.config.mjs tsconfig.json \
    -type f -not -path 'lib/db/generated/*' -printf '%p %T@\n' 2>/dev/null | sort | sha1sum | cut -d' ' -f1 || true
}

ensure_build() {
  local dist="${MESHPORT_DIST_DIR:-.next}" fingerprint
  fingerprint="$(source_fingerprint)"
  if [[ -f "$dist/BUILD_ID" && "$(cat "$dist/.meshport-sources" 2>/dev/null)" == "$fingerprint" ]]; then
    return
  fi
  say "building Meshport (next build)"
  if [[ -n "${MESHPORT_BUILD_LOG:-}" ]]; then
    npx next build >"$MESHPORT_BUILD_LOG" || { tail -50 "$MESHPORT_BUILD_LOG"; return 1; }
  else
    npx next build
  fi
  # next build may add its output folder to tsconfig.json; fingerprint after it.
  source_fingerprint >"$dist/.meshport-sources"
}
