#!/usr/bin/env bash
# Generates the Prisma client into lib/db/generated (npm run db:generate).
#
# The Prisma CLI downloads a native schema-engine binary when it starts, which
# fails offline; the client generator does not need that engine, and the CLI
# skips the download when PRISMA_SCHEMA_ENGINE_BINARY names a path. Migrations
# use the WASM engine instead (scripts/db/migrate.ts).
#
# Skips when lib/db/generated is newer than prisma/schema.prisma; --force (or
# MESHPORT_FORCE_GENERATE=1) always generates.
set -euo pipefail
cd "$(dirname "$0")/../.."

schema=prisma/schema.prisma
stamp=lib/db/generated/client.ts

if [[ "${1:-}" != "--force" && "${MESHPORT_FORCE_GENERATE:-}" != "1" && -f "$stamp" && "$stamp" -nt "$schema" ]]; then
  echo "db:generate: lib/db/generated is up to date (newer than $schema); --force to regenerate"
  exit 0
fi

# The path must exist; generate never runs it (the stub says so if anything does).
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$PWD/scripts/db/schema-engine-stub.sh}"
# prisma.config.ts reads DATABASE_URL (with a fallback); generate never connects.
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1 PRISMA_TELEMETRY_DISABLED=1
exec node node_modules/prisma/build/index.js generate
