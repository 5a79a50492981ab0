#!/usr/bin/env bash
# The demo's Kafka Streams application (streams/hourly-order-counts): Payments' Hourly Order Counts from
# Sales' Orders, run as User:team-payments against the local broker. See docs/decisions/0065.
#
#   streams.sh build       compile it with Maven once (jars from Maven Central into its target/)
#   streams.sh start       start it (after the demo mesh is loaded: its grant and registration); idempotent
#   streams.sh stop        graceful stop, kill after 30 s
#   streams.sh kill        SIGKILL at once, no shutdown (what the fault suite does)
#   streams.sh status      exit 0 when it runs and reached RUNNING
#   streams.sh logs [-f]   last 100 lines of its log (or follow)
#   streams.sh reset       stop and delete its local state
#
# Environment: MESHPORT_DATA_DIR (default .meshport), MESHPORT_STREAMS_HEAP (default 128m). Needs the local
# broker (kafka.sh): the team's password comes from its principals.json.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"
APP_DIR="$REPO/streams/hourly-order-counts"
DATA_DIR="${MESHPORT_DATA_DIR:-.meshport}"
[[ "$DATA_DIR" = /* ]] || DATA_DIR="$REPO/$DATA_DIR"
SDIR="$DATA_DIR/streams"
KDIR="$DATA_DIR/kafka"
HEAP="${MESHPORT_STREAMS_HEAP:-128m}"
PID_FILE="$SDIR/streams.pid"
LOG_FILE="$SDIR/streams.log"
APPLICATION_ID="team-payments.hourly-order-counts"
USER_NAME="team-payments"
INPUT="sales.orders.v1"
OUTPUT="payments.hourly-order-counts.v1"

die() { echo "streams.sh: $*" >&2; exit 1; }
log() { echo "streams.sh: $*"; }

# shellcheck source=scripts/service.sh
. "$SCRIPT_DIR/../service.sh"
reached_running() { [[ -f "$LOG_FILE" ]] && grep -q -- "-> RUNNING" "$LOG_FILE"; }

cmd_build() {
  local jar="$APP_DIR/target/hourly-order-counts-1.jar" newest
  newest="$(find "$APP_DIR/src" "$APP_DIR/pom.xml" -type f -newer "$jar" 2>/dev/null | head -1 || true)"
  if [[ -f "$jar" && -d "$APP_DIR/target/libs" && -z "$newest" ]]; then return 0; fi
  command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
  log "building $APP_DIR with Maven"
  mvn -q -B -f "$APP_DIR/pom.xml" package -DskipTests
}

cmd_start() {
  local t0=$SECONDS password port
  if running; then log "already running (pid $(pid))"; return 0; fi
  rm -f "$PID_FILE"
  cmd_build
  [[ -f "$KDIR/principals.json" ]] || die "no $KDIR/principals.json: start the local broker first (kafka.sh start)"
  password="$(jq -r --arg u "$USER_NAME" '.[$u] // empty' "$KDIR/principals.json")"
  [[ -n "$password" ]] || die "no password for $USER_NAME in $KDIR/principals.json"
  port="$(cat "$KDIR/port")"
  mkdir -p "$SDIR/state"
  chmod 700 "$SDIR"
  : >"$LOG_FILE"
  # Settings by environment: the password never appears on a command line. setsid: it outlives this shell.
  STREAMS_BOOTSTRAP="localhost:$port" STREAMS_USERNAME="$USER_NAME" STREAMS_PASSWORD="$password" \
    STREAMS_APPLICATION_ID="$APPLICATION_ID" STREAMS_INPUT="$INPUT" STREAMS_OUTPUT="$OUTPUT" STREAMS_STATE_DIR="$SDIR/state" \
    setsid java -Xms32m -Xmx"$HEAP" -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
    -cp "$APP_DIR/target/hourly-order-counts-1.jar:$APP_DIR/target/libs/*" dev.meshport.streams.HourlyOrderCounts \
    >"$LOG_FILE" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 120); do
    if reached_running; then
      log "running as User:$USER_NAME ($APPLICATION_ID: $INPUT → $OUTPUT); started in $((SECONDS - t0)) s"
      return 0
    fi
    running || break
    sleep 0.5
  done
  echo "---- last lines of $LOG_FILE ----" >&2
  tail -n 30 "$LOG_FILE" >&2 || true
  cmd_stop >/dev/null 2>&1 || true
  die "the Streams application did not reach RUNNING"
}

cmd_status() {
  if ! running; then echo "stopped ($SDIR)"; return 1; fi
  reached_running || { echo "pid $(pid) runs but has not reached RUNNING"; return 1; }
  echo "running: pid $(pid), $APPLICATION_ID, state in $SDIR/state"
}

cmd_reset() {
  cmd_stop
  rm -rf "$SDIR"
  log "removed $SDIR"
}

case "${1:-}" in
  build) cmd_build ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  kill) cmd_kill ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  reset) cmd_reset ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
