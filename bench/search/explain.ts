// npx tsx --conditions=react-server bench/search/explain.ts <database-url> [query-string ...]
// EXPLAIN ANALYZE of the catalog search statements for the bench queries (or the given ones),
// as the bench analyst: the tool for finding where a slow query spends its time.
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Prisma } from "../../lib/db/generated/client";
import { namedStatement, SEARCH_POOL_OPTIONS } from "../../lib/db/statements";
import { runSearch, type RunSql, type SearchScope, type Prepared } from "../../lib/catalog/search-sql";
import { recordFromParams, searchParamsSchema } from "../../lib/catalog/search-params";
import { BENCH_USER_EMAIL } from "./catalog";
import { QUERIES } from "./queries";

async function main() {
  const [url, ...given] = process.argv.slice(2);
  if (!url) throw new Error("usage: explain.ts <database-url> [query-string ...]");
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const teams = await db.query<{ teamId: string }>(`SELECT "teamId" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`, [BENCH_USER_EMAIL]);
  const scope: SearchScope = { isPlatformAdmin: false, teamIds: teams.rows.map((r) => r.teamId) };
  const verbose = process.env.VERBOSE === "1";
  // The medians run the search as the app does, statements of a step at once on a pool.
  const pool = new pg.Pool({ connectionString: url, min: 4, idleTimeoutMillis: 60_000, options: SEARCH_POOL_OPTIONS });
  const viaPool: RunSql = async <T,>(sql: Prisma.Sql) => (await pool.query(namedStatement(sql))).rows as T[];
  for (const q of given.length ? given : QUERIES) {
    const search = searchParamsSchema.parse(recordFromParams(new URLSearchParams(q)));
    // Run the search once, keeping the statements it ran: step 1 (if any), then the results and the facet sets.
    const ran: { sql: Prisma.Sql; rows: unknown[] }[] = [];
    // One client runs one statement at a time: statements the search runs at once wait their turn.
    let turn: Promise<unknown> = Promise.resolve();
    const record: RunSql = <T,>(sql: Prisma.Sql) => {
      const next = turn.then(async () => {
        const rows = (await db.query(sql.text, sql.values as unknown[])).rows as T[];
        ran.push({ sql, rows });
        return rows;
      });
      turn = next;
      return next;
    };
    const row = await runSearch(record, scope, search);
    const prepared = ran[0] && "domainIds" in (ran[0].rows[0] as object) ? (ran.shift()!.rows[0] as Prepared) : null;
    const effective = prepared?.tsquery ? `${prepared.tsquery}${prepared.broad ? " (broad)" : ""}` : "";
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await runSearch(viaPool, scope, search);
      times.push(performance.now() - t0);
    }
    const median = times.sort((a, b) => a - b)[2]!;
    const plans: string[][] = [];
    for (const { sql } of ran) {
      const plan = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values as unknown[]);
      plans.push(plan.rows.map((r) => r["QUERY PLAN"]));
    }
    const executions = plans.map((lines) => /Execution Time: ([\d.]+)/.exec(lines.at(-1)!)?.[1] ?? "?").join(" + ");
    console.log(`${(q || "(browse)").padEnd(50)} median ${median.toFixed(1).padStart(6)} ms  (executions ${executions} ms) ${effective.padEnd(30)} total=${row?.total}${row?.totalIsEstimate ? " (est)" : ""}`);
    if (verbose) for (const lines of plans) console.log(lines.join("\n"));
  }
  await pool.end();
  await db.end();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
