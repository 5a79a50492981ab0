// Prisma CLI config. It does not read .env by itself; scripts export DATABASE_URL, validated by lib/env.
import { defineConfig } from "prisma/config";
import { env } from "./lib/env";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: env.DATABASE_URL },
});
