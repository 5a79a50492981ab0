#!/usr/bin/env bash
# Local Apicurio Registry 3.3.3 (Confluent-compatible API at /apis/ccompat/v7), from Maven Central,
# storing its data in its own database of the embedded PostgreSQL. See docs/decisions/0045.
#
#   registry.sh jars      fetch and unpack the distribution once (into $MESHPORT_REGISTRY_HOME)
#   registry.sh start     start (creates its database on first run); idempotent
#   registry.sh stop      graceful stop, kill after 30 s
#   registry.sh kill      SIGKILL at once, no shutdown (what the fault suite does)
#   registry.sh status    exit 0 when running and answering the Confluent API
#   registry.sh logs [-f] last 100 lines of its log (or follow)
#   registry.sh reset     stop, drop its database and delete its data dir
#
# Environment: MESHPORT_DATA_DIR (default .meshport), MESHPORT_REGISTRY_PORT (default 18081),
# MESHPORT_REGISTRY_MANAGEMENT_PORT (default port+1), MESHPORT_REGISTRY_HOME, MESHPORT_REGISTRY_HEAP
# (default 384m), MESHPORT_REGISTRY_JAVA (a java 21+ binary), DATABASE_URL or MESHPORT_PG_PORT (where
# its database lives).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"
VERSION="3.3.3"
HOME_DIR="${MESHPORT_REGISTRY_HOME:-$HOME/.cache/meshport/apicurio-registry-$VERSION}"
DATA_DIR="${MESHPORT_DATA_DIR:-.meshport}"
[[ "$DATA_DIR" = /* ]] || DATA_DIR="$REPO/$DATA_DIR"
RDIR="$DATA_DIR/registry"
PORT="${MESHPORT_REGISTRY_PORT:-18081}"
MGMT_PORT="${MESHPORT_REGISTRY_MANAGEMENT_PORT:-$((PORT + 1))}"
HEAP="${MESHPORT_REGISTRY_HEAP:-384m}"
PID_FILE="$RDIR/registry.pid"
LOG_FILE="$RDIR/registry.log"
ENV_FILE="$RDIR/env"
STAMP="$HOME_DIR/.complete"
URL="http://localhost:$PORT/apis/ccompat/v7"

die() { echo "registry.sh: $*" >&2; exit 1; }
log() { echo "registry.sh: $*"; }

# shellcheck source=scripts/service.sh
. "$SCRIPT_DIR/../service.sh"
answers() { curl -fsS -m 2 -o /dev/null "$URL/subjects" 2>/dev/null; }

cmd_jars() {
  if [[ -f "$STAMP" ]]; then return 0; fi
  command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
  log "fetching Apicurio Registry $VERSION from Maven Central into $HOME_DIR (about 160 MB, once)"
  local tmp
  tmp="$(mktemp -d)"
  mvn -q -B dependency:copy -Dartifact="io.apicurio:apicurio-registry-app:$VERSION:tar.gz:all" -DoutputDirectory="$tmp" -Dmdep.useBaseVersion=true
  rm -rf "$HOME_DIR"
  mkdir -p "$HOME_DIR"
  tar -xzf "$tmp/apicurio-registry-app-$VERSION-all.tar.gz" -C "$HOME_DIR"
  rm -rf "$tmp"
  [[ -f "$HOME_DIR/quarkus-run.jar" ]] || die "unpacked the distribution but found no quarkus-run.jar in $HOME_DIR"
  touch "$STAMP"
}

java_major() { # java_major BIN → the major version it reports (17, 21, 25…), empty when it does not run
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}

# Apicurio 3 needs Java 21+. Debian 12 ships only 17; machines of this kind carry a Temurin JDK too.
find_java() {
  local candidates=() c major
  [[ -n "${MESHPORT_REGISTRY_JAVA:-}" ]] && candidates+=("$MESHPORT_REGISTRY_JAVA")
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for c in /usr/lib/jvm/*/bin/java; do [[ -x "$c" ]] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    major="$(java_major "$c")"
    if [[ -n "$major" && "$major" -ge 21 ]]; then echo "$c"; return 0; fi
  done
  die "Apicurio Registry $VERSION needs Java 21 or newer; none found (looked at MESHPORT_REGISTRY_JAVA, JAVA_HOME, java on PATH, /usr/lib/jvm/*). Install one and set MESHPORT_REGISTRY_JAVA=/path/to/bin/java, or point SCHEMA_REGISTRY_URL at an existing registry."
}

# Prints "JDBC_URL USER PASSWORD" for the registry's own database, creating it when missing.
database() {
  (cd "$REPO" && node "$SCRIPT_DIR/database.mjs" "$@")
}

cmd_start() {
  local t0=$SECONDS java jdbc user password
  if running; then
    if answers; then log "already running (pid $(pid)) at $URL"; write_env; return 0; fi
    die "pid $(pid) is running but does not answer; see 'registry.sh logs' or 'registry.sh stop'"
  fi
  rm -f "$PID_FILE"
  cmd_jars
  java="$(find_java)"
  command -v curl >/dev/null || die "curl not found (apt-get install curl)"
  for p in "$PORT" "$MGMT_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      die "port $p is already in use by another process (set MESHPORT_REGISTRY_PORT / MESHPORT_REGISTRY_MANAGEMENT_PORT)"
    fi
  done
  read -r jdbc user password < <(database ensure) || die "could not prepare the registry's database (is PostgreSQL running?)"
  [[ -n "$jdbc" ]] || die "could not prepare the registry's database (is PostgreSQL running?)"
  mkdir -p "$RDIR"
  # setsid: the registry survives the shell (and CI step) that started it. Settings as environment
  # variables (Quarkus reads them); the password never appears on a command line.
  # Its pooled connections are checked when borrowed: after PostgreSQL restarts, each of the pool's
  # connections otherwise failed one request with HTTP 500 ("terminating connection due to administrator
  # command"), found by the fault suite (docs/decisions/0069). A pool of 2 to 20, not Apicurio's 20 to 100:
  # it shares the local PostgreSQL with Meshport and the tests.
  APICURIO_STORAGE_KIND=sql APICURIO_STORAGE_SQL_KIND=postgresql \
    APICURIO_DATASOURCE_URL="$jdbc" APICURIO_DATASOURCE_USERNAME="$user" APICURIO_DATASOURCE_PASSWORD="$password" \
    QUARKUS_DATASOURCE_POSTGRESQL_JDBC_VALIDATE_ON_BORROW=true \
    APICURIO_DATASOURCE_JDBC_INITIAL_SIZE=2 APICURIO_DATASOURCE_JDBC_MIN_SIZE=2 APICURIO_DATASOURCE_JDBC_MAX_SIZE=20 \
    QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$MGMT_PORT" QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
    QUARKUS_LOG_CONSOLE_JSON=false QUARKUS_BANNER_ENABLED=false \
    setsid "$java" -Xms128m -Xmx"$HEAP" -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -jar "$HOME_DIR/quarkus-run.jar" >"$LOG_FILE" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 240); do
    if answers; then
      write_env
      log "listening at $URL (Java $(java_major "$java"), data in PostgreSQL ${jdbc#jdbc:postgresql://}); started in $((SECONDS - t0)) s"
      return 0
    fi
    running || break
    sleep 0.5
  done
  echo "---- last lines of $LOG_FILE ----" >&2
  tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
  cmd_stop >/dev/null 2>&1 || true
  die "registry did not become ready"
}

write_env() { echo "export SCHEMA_REGISTRY_URL=$URL" >"$ENV_FILE"; }

cmd_status() {
  if ! running; then echo "stopped ($RDIR)"; return 1; fi
  answers || { echo "pid $(pid) runs but $URL does not answer"; return 1; }
  echo "running: pid $(pid), $URL, data dir $RDIR"
}

cmd_reset() {
  cmd_stop
  database drop >/dev/null || log "could not drop the registry's database (PostgreSQL not running?)"
  rm -rf "$RDIR"
  log "removed $RDIR and the registry's database"
}

case "${1:-}" in
  jars) cmd_jars ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  kill) cmd_kill ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  reset) cmd_reset ;;
  *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
