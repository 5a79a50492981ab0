#!/usr/bin/env bash
# npm run bench:lighthouse — Google Lighthouse (mobile and desktop profiles) on the catalog, a product page and
# the access page, signed in, against a production build of these sources. Run by scripts/local-stack.sh (the npm
# script does it), so it uses the stack `npm run demo` left running and says what to start when it is not.
# Builds (only when the sources changed since the last build, like the demo) and starts its own `next start` on
# LIGHTHOUSE_PORT (3190), or audits LIGHTHOUSE_URL as it is (e.g. the demo's http://localhost:3000).
# See bench/lighthouse/run.ts for what is measured.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
export NEXT_TELEMETRY_DISABLED=1 MESHPORT_DEMO_SIGNIN=true
# shellcheck source=scripts/common.sh
. scripts/common.sh
[[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] || die "Chromium is required at ${CHROMIUM_PATH:-/usr/bin/chromium} (apt-get install chromium, or set CHROMIUM_PATH)"
if [[ -z "${LIGHTHOUSE_URL:-}" ]]; then
  # Its server stands in for a deployment, where the load balancer compresses (docs/decisions/0016): Node gzips here.
  # MESHPORT_COMPRESS=false measures what an uncompressing server sends.
  export MESHPORT_COMPRESS="${MESHPORT_COMPRESS:-true}"
  ensure_auth_secret
  MESHPORT_BUILD_LOG="${MESHPORT_DATA_DIR:-.meshport}/next-build.log" ensure_build
fi
exec npx tsx --conditions=react-server bench/lighthouse/run.ts
