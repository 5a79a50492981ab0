# Shared by the local services' scripts (kafka, registry, connect, streams): the PID-file process they
# run, stopped gracefully or killed after 30 s (or killed at once: `kill`), and its log. Sourced, not run. Expects PID_FILE and
# LOG_FILE set, and log() / die() defined, by the script that sources it.

pid() { [[ -f "$PID_FILE" ]] && cat "$PID_FILE" || true; }
running() { local p; p="$(pid)"; [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }

cmd_stop() {
  if ! running; then rm -f "$PID_FILE"; log "not running"; return 0; fi
  local p; p="$(pid)"
  kill -TERM "$p"
  for _ in $(seq 1 60); do
    kill -0 "$p" 2>/dev/null || { rm -f "$PID_FILE"; log "stopped (pid $p)"; return 0; }
    sleep 0.5
  done
  log "pid $p did not stop in 30 s; killing"
  kill -KILL "$p" 2>/dev/null || true
  rm -f "$PID_FILE"
}

# SIGKILL, no shutdown at all: what a crashed machine or the OOM killer does (the fault suite, tests/faults).
cmd_kill() {
  if ! running; then rm -f "$PID_FILE"; log "not running"; return 0; fi
  local p; p="$(pid)"
  kill -KILL "$p"
  for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
  rm -f "$PID_FILE"
  log "killed (pid $p, SIGKILL)"
}

cmd_logs() {
  [[ -f "$LOG_FILE" ]] || die "no log at $LOG_FILE"
  if [[ "${1:-}" == "-f" ]]; then tail -n 100 -f "$LOG_FILE"; else tail -n 100 "$LOG_FILE"; fi
}
