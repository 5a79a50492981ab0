// npx tsx --conditions=react-server bench/search/explain.ts <database-url> [query-string ...]
// EXPLAIN ANALYZE of the catalog search statement for the bench queries (or the given ones),
// as the bench analyst: the tool for finding where a slow query spends its time.
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Prisma } from "../../lib/db/generated/client";
import { runSearch, type RunSql, type SearchScope, type Spelling } from "../../lib/catalog/search-sql";
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
  for (const q of given.length ? given : QUERIES) {
    const search = searchParamsSchema.parse(recordFromParams(new URLSearchParams(q)));
    // Run the search as the app does, keeping the statements it ran: the last one is the search.
    const ran: { sql: Prisma.Sql; rows: unknown[] }[] = [];
    const record: RunSql = async <T,>(sql: Prisma.Sql) => {
      const rows = (await db.query(sql.text, sql.values as unknown[])).rows as T[];
      ran.push({ sql, rows });
      return rows;
    };
    await runSearch(record, scope, search);
    const spelling = ran.length > 1 ? (ran[0]!.rows[0] as Spelling) : null;
    const effective = spelling ? `${spelling.tsquery}${spelling.broad ? " (broad)" : ""}` : "";
    const s = ran.at(-1)!.sql;
    const plan = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values as unknown[]);
    const lines = plan.rows.map((r) => r["QUERY PLAN"]);
    const times: number[] = [];
    let result!: pg.QueryResult<{ total: number; totalIsEstimate: boolean }>;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      result = await db.query<{ total: number; totalIsEstimate: boolean }>(s.text, s.values as unknown[]);
      times.push(performance.now() - t0);
    }
    const median = times.sort((a, b) => a - b)[2]!;
    console.log(`${(q || "(browse)").padEnd(50)} ${lines.at(-1)!.padEnd(28)} median ${median.toFixed(1).padStart(6)} ms ${effective.padEnd(30)} total=${result.rows[0]?.total}${result.rows[0]?.totalIsEstimate ? " (est)" : ""}`);
    if (verbose) console.log(lines.join("\n"));
  }
  await db.end();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
