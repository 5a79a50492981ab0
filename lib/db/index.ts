import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { env } from "@/lib/env";

export { Prisma } from "./generated/client";
export type * from "./generated/client";
export * from "./generated/enums";

function createClient() {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) });
}

// One client per process; dev hot reload would otherwise open a new pool per edit.
const globalForDb = globalThis as unknown as { meshportDb?: PrismaClient };
export const db = globalForDb.meshportDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalForDb.meshportDb = db;

export type Db = PrismaClient;
/** The client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
