#!/usr/bin/env bash
# npm run bench:load — see bench/load/run.ts. On the stack `npm run demo` started (or the one the
# environment names): scripts/local-stack.sh says what to start when PostgreSQL or Kafka is not
# running. Builds Meshport first only when the sources changed since the last build (ensure_build).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
if [[ "${1:-}" != "--on-stack" ]]; then
  exec bash scripts/local-stack.sh bash bench/load/run.sh --on-stack
fi
# shellcheck source=scripts/common.sh
. scripts/common.sh
export NEXT_TELEMETRY_DISABLED=1 MESHPORT_DEMO_SIGNIN=true
ensure_auth_secret
ensure_build
# node itself (not an npx wrapper): Ctrl-C reaches the bench, which stops its next start.
exec node --conditions=react-server --import tsx bench/load/run.ts
