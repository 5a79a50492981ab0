import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/client";
import { env } from "@/lib/env";
import { namedStatement, SEARCH_POOL_OPTIONS } from "./statements";

export { Prisma } from "./generated/client";
import { rethrowTagged } from "./unavailable";

export { isDatabaseUnavailable } from "./unavailable";
export type * from "./generated/client";
export * from "./generated/enums";

// One pool and one client per process; dev hot reload would otherwise open a new pool per edit.
const globalForDb = globalThis as unknown as { meshportPool?: pg.Pool; meshportDb?: ReturnType<typeof createClient> };
// A search runs its statements on several connections at once (lib/catalog/search-sql.ts): keep a
// few open, so a search does not pay for a new backend (authentication, cold caches) each time;
// idle ones do not keep a script's process alive.
// Its raw statements are named (prepared once per connection), planned for each run's values.
const pool =
  globalForDb.meshportPool ??
  new pg.Pool({ connectionString: env.DATABASE_URL, min: 4, idleTimeoutMillis: 60_000, allowExitOnIdle: true, options: SEARCH_POOL_OPTIONS });
// Interactive transactions get longer than Prisma's 5 s default (2 s to get a connection): they
// are a few statements each, but on a saturated server every statement waits its turn on the event
// loop, and bench:load saw an access request fail at 6 s with P2028 (docs/decisions/0068). The
// limit is there to free a connection a stuck transaction holds, not to fail a slow one.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 };
function createClient() {
  return new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS }).$extends({
    // A query PostgreSQL did not answer throws a DatabaseUnavailableError, whose digest lets a page
    // that fails mid-render say the database is down (app/error.tsx); other errors pass untouched.
    query: { $allOperations: ({ args, query }) => query(args).catch(rethrowTagged) },
  });
}
export const db = globalForDb.meshportDb ?? createClient();
if (env.NODE_ENV !== "production") Object.assign(globalForDb, { meshportPool: pool, meshportDb: db });

/**
 * A read-only raw statement on Prisma's own connection pool, results as `pg` returns them. For the
 * catalog search, which runs as the user types: Prisma's result mapping cost more than the query
 * (docs/decisions/0015). Writes go through Prisma, so they stay in its transactions.
 */
export async function queryRows<T>(sql: Prisma.Sql): Promise<T[]> {
  const result = await pool.query(namedStatement(sql)).catch(rethrowTagged);
  return result.rows as T[];
}

export type Db = typeof db;
/** The client handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
