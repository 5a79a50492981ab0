#!/usr/bin/env bash
# Stand-in for Prisma's native schema-engine binary, which cannot be downloaded
# here. scripts/db/generate.sh points PRISMA_SCHEMA_ENGINE_BINARY at this file
# so `prisma generate` does not try to download the engine; generate never runs it.
echo "The native Prisma schema engine is not installed on this machine." >&2
echo "Use npm run db:migrate / db:migration:new (WASM engine, scripts/db/)." >&2
exit 1
