// npm run bench:search — the catalog search at 1k, 10k and 100k data products.
//
// For each size: a database of its own (meshport_bench_<size>) on the bench PostgreSQL,
// migrated with the project's migrations and loaded with a synthetic catalog (kept between
// runs), and a production build of Meshport (`next start`) against it, on a port of its own.
// All are up at once; each round runs a fixed set of queries on every size in turn, each query
// measured three ways back to back:
//   api   — GET /api/search over HTTP, signed in as a demo analyst (what a browser waits for)
//   sql   — the same statements the endpoint runs (lib/catalog/search-sql.ts runSearchForUser: the
//           viewer's teams, step 1, the results and facet sets), through a `pg` pool
//   naive — ILIKE '%q%' over the same rows (lib/catalog/search-sql.ts naiveSearchSql)
// No Kafka needed. Environment:
//   DATABASE_URL           use this PostgreSQL (bench databases are created next to its database);
//                          unset: start an embedded one in .meshport/bench on MESHPORT_BENCH_PG_PORT (54399)
//   BENCH_SIZES=1000,10000,100000   BENCH_ROUNDS=7   BENCH_PORT=3399 (the first size's; the next sizes take the next ports)
//   BENCH_DIST_DIR=.next-bench   BENCH_SKIP_BUILD=1
//   BENCH_DETAIL=1 (median and worst per query)
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startPostgres } from "../../scripts/db/pg";
import { migrate } from "../../scripts/db/migrate";
import { adminQuery, withDatabase } from "../../scripts/db/schema-engine";
import type { Prisma } from "../../lib/db/generated/client";
import { namedStatement, SEARCH_POOL_OPTIONS } from "../../lib/db/statements";
import { naiveSearchSql, runSearchForUser, type RunSql, type SearchScope } from "../../lib/catalog/search-sql";
import { searchParamsSchema, recordFromParams } from "../../lib/catalog/search-params";
import { BENCH_USER_EMAIL, loadCatalog } from "./catalog";
import { QUERIES } from "./queries";
import { signIn } from "../support/sign-in";
import { toolEnv } from "../../lib/env";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { BENCH_SIZES: SIZES, BENCH_ROUNDS: ROUNDS, BENCH_PORT: PORT, BENCH_DIST_DIR: DIST } = toolEnv;

type Stat = { p50: number; p95: number };
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const stat = (xs: number[]): Stat => ({ p50: pct(xs, 50), p95: pct(xs, 95) });

function sh(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  execFileSync(cmd, args, { cwd: REPO, env, stdio: ["ignore", "ignore", "inherit"] });
}

async function ensureCatalog(baseUrl: string, size: number): Promise<string> {
  const name = `meshport_bench_${size}`;
  const url = withDatabase(baseUrl, name);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rows.length > 0;
  await admin.end();
  if (exists) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    // The bench user goes in last: a catalog without it is a load that did not finish.
    // Products without search columns (a backfill that never ran) do not count: text queries would match nothing.
    const n = await c
      .query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "DataProduct" WHERE "searchVector" IS NOT NULL AND EXISTS (SELECT 1 FROM "User" WHERE email = $1)`,
        [BENCH_USER_EMAIL],
      )
      .catch(() => ({ rows: [{ n: -1 }] }));
    await c.end();
    if (n.rows[0]?.n === size) {
      // A newer migration (say, an index) applies to a kept catalog too; one that rewrote every
      // row leaves a dead copy of each behind, which a long-lived catalog would have vacuumed away.
      const { applied } = await migrate(url);
      if (applied.length) {
        await adminQuery(url, "VACUUM FULL");
        // VACUUM FULL leaves the visibility map empty: without a plain VACUUM no scan is index-only.
        await adminQuery(url, "VACUUM ANALYZE");
      }
      return url;
    }
    await adminQuery(baseUrl, `DROP DATABASE ${name} WITH (FORCE)`);
  }
  await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
  await migrate(url);
  const t0 = performance.now();
  await loadCatalog(url, size);
  console.log(`  loaded ${size} products into ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return url;
}

async function waitFor(url: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer in ${ms} ms`);
}

/** Resident-set high-water mark (VmHWM) of the server and its child processes, in MiB. */
function peakRssMiB(pid: number): number {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    for (const task of readdirSync(`/proc/${pids[i]}/task`, { withFileTypes: true })) {
      const f = `/proc/${pids[i]}/task/${task.name}/children`;
      if (existsSync(f)) pids.push(...readFileSync(f, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    }
  }
  let max = 0;
  for (const p of pids) {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
    if (m) max = Math.max(max, Number(m[1]) / 1024);
  }
  return max;
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

type SizeResult = {
  size: number; api: Stat; sql: Stat; naive: Stat; naiveWithQuery: Stat; apiWithQuery: Stat; rssMiB: number;
  /** Medians inside the endpoint (Server-Timing): reading the session cookie; the viewer's teams and the search. */
  handlerSession: number; handlerSearch: number;
};

/** One catalog size under test: its own database and its own `next start`, up for the whole run. */
type Target = {
  size: number;
  server: ChildProcess;
  /** One round: every query once, each api / sql / naive back to back, so all three see the same machine state. */
  round: () => Promise<void>;
  result: () => Promise<SizeResult>;
};

async function startTarget(baseUrl: string, size: number, port: number, env: NodeJS.ProcessEnv): Promise<Target> {
  console.log(`▸ ${size} products`);
  const url = await ensureCatalog(baseUrl, size);
  const base = `http://localhost:${port}`;
  const server: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    cwd: REPO,
    env: { ...env, DATABASE_URL: url, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    return await prepareTarget(url, size, base, server);
  } catch (error) {
    await stopServer(server);
    throw error;
  }
}

async function prepareTarget(url: string, size: number, base: string, server: ChildProcess): Promise<Target> {
  await waitFor(`${base}/api/health`);
  const cookie = await signIn(base, BENCH_USER_EMAIL);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const user = await db.query<{ id: string }>(`SELECT "id" FROM "User" WHERE email = $1`, [BENCH_USER_EMAIL]);
  const userId = user.rows[0]!.id;
  const teams = await db.query<{ teamId: string }>(`SELECT "teamId" FROM "Membership" WHERE "userId" = $1`, [userId]);
  // The session the sign-in just opened: the sql column checks it as the endpoint does.
  const signedIn = await db.query<{ sessionToken: string }>(`SELECT "sessionToken" FROM "Session" WHERE "userId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [userId]);
  const session = { userId, sessionId: signedIn.rows[0]!.sessionToken };
  const scope: SearchScope = { isPlatformAdmin: false, teamIds: teams.rows.map((r) => r.teamId) };
  const parsed = QUERIES.map((q) => searchParamsSchema.parse(recordFromParams(new URLSearchParams(q))));

  // The endpoint's Server-Timing says how much of each call was reading the session cookie, and the
  // viewer's teams with the search (read at the same time).
  const handler = { session: [] as number[], search: [] as number[] };
  const api = (q: string) =>
    fetch(`${base}/api/search?${q}`, { headers: { cookie } }).then(async (r) => {
      if (!r.ok) throw new Error(`GET /api/search?${q}: ${r.status}`);
      for (const part of (r.headers.get("server-timing") ?? "").split(",")) {
        const [name, dur] = part.trim().split(";dur=");
        if (name === "session" || name === "search") handler[name].push(Number(dur));
      }
      return r.json();
    });
  // Every statement the endpoint runs for this query, nothing else, and as it runs them: the
  // viewer's teams and step 1 at once, then the results and the facet sets at once, each on a
  // connection of a pool.
  const pool = new pg.Pool({ connectionString: url, min: 4, idleTimeoutMillis: 60_000, options: SEARCH_POOL_OPTIONS }); // as lib/db's
  const viaPg: RunSql = async <T,>(s: Prisma.Sql) => (await pool.query(namedStatement(s))).rows as T[];
  const sql = (i: number) => runSearchForUser(viaPg, session, parsed[i]!);
  const naive = (i: number) => {
    const s = naiveSearchSql(scope, parsed[i]!);
    return db.query(s.text, s.values as unknown[]);
  };

  // Warm up: JIT, plan caches, the page cache of PostgreSQL.
  for (let i = 0; i < QUERIES.length; i++) {
    await api(QUERIES[i]!);
    await sql(i);
    await naive(i);
  }
  handler.session.length = handler.search.length = 0;
  const t = { api: [] as number[], sql: [] as number[], naive: [] as number[], apiQ: [] as number[], naiveQ: [] as number[] };

  return {
    size,
    server,
    async round() {
      for (let i = 0; i < QUERIES.length; i++) {
        const a = await timeIt(() => api(QUERIES[i]!));
        const s = await timeIt(() => sql(i));
        const n = await timeIt(() => naive(i));
        t.api.push(a);
        t.sql.push(s);
        t.naive.push(n);
        if (parsed[i]!.q) {
          t.apiQ.push(a);
          t.naiveQ.push(n);
        }
      }
    },
    async result() {
      if (toolEnv.BENCH_DETAIL) {
        // Per query: median and worst of the rounds, api / sql / naive.
        console.log(`per query at ${size} (median, worst of ${ROUNDS} rounds):`);
        const of = (xs: number[], i: number) => xs.filter((_, j) => j % QUERIES.length === i);
        for (let i = 0; i < QUERIES.length; i++) {
          const cell = (xs: number[]) => `${pct(of(xs, i), 50).toFixed(1).padStart(6)} ${Math.max(...of(xs, i)).toFixed(1).padStart(6)}`;
          console.log(`  ${(QUERIES[i] || "(browse)").padEnd(50)} api ${cell(t.api)}   sql ${cell(t.sql)}   naive ${cell(t.naive)}`);
        }
      }
      const rssMiB = peakRssMiB(server.pid!);
      await db.end();
      await pool.end();
      return {
        size, api: stat(t.api), sql: stat(t.sql), naive: stat(t.naive), apiWithQuery: stat(t.apiQ), naiveWithQuery: stat(t.naiveQ), rssMiB,
        handlerSession: pct(handler.session, 50), handlerSearch: pct(handler.search, 50),
      };
    },
  };
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
}

async function main() {
  const started = await startPostgres(
    process.env.DATABASE_URL
      ? process.env
      : { ...process.env, MESHPORT_DATA_DIR: ".meshport/bench", MESHPORT_PG_PORT: String(toolEnv.MESHPORT_BENCH_PG_PORT) },
  );
  console.log(`PostgreSQL: ${started.action} (${started.url.replace(/:[^:@]*@/, ":***@")})`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MESHPORT_DIST_DIR: DIST,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-use-only",
    AUTH_TRUST_HOST: "true",
    MESHPORT_DEMO_SIGNIN: "true",
    MESHPORT_WORKER: "false",
    // Search never talks to Kafka; point it at nothing so a stray call fails fast.
    KAFKA_BROKERS: "localhost:9",
  };
  if (!toolEnv.BENCH_SKIP_BUILD) {
    console.log(`▸ next build (${DIST})`);
    sh("npx", ["next", "build"], env);
  }
  // Every size has its server up for the whole run, and the rounds go round the sizes: a
  // slow minute of this shared machine then lands on all sizes alike, so the ratio between two
  // sizes is measured in the same conditions, as the ratios within one size are.
  const targets: Target[] = [];
  try {
    for (const [i, size] of SIZES.entries()) targets.push(await startTarget(started.url, size, PORT + i, env));
    console.log(`▸ ${ROUNDS} rounds, each over ${targets.map((t) => t.size).join(", ")} products in turn`);
    for (let round = 0; round < ROUNDS; round++) for (const target of targets) await target.round();
    const results: SizeResult[] = [];
    for (const target of targets) results.push(await target.result());
    report(results);
  } finally {
    await Promise.all(targets.map((t) => stopServer(t.server)));
  }
}

function report(results: SizeResult[]) {

  const ms = (x: number) => x.toFixed(1).padStart(8);
  console.log("\nlatency in ms over %d queries × %d rounds (api = HTTP GET /api/search on next start; sql = same statement via pg; naive = ILIKE)", QUERIES.length, ROUNDS);
  console.log("products   api p50  api p95  sql p50  sql p95  naive p50 naive p95  api/sql p95  naive/api p95  peak RSS MiB");
  for (const r of results) {
    console.log(
      `${String(r.size).padStart(8)} ${ms(r.api.p50)} ${ms(r.api.p95)} ${ms(r.sql.p50)} ${ms(r.sql.p95)} ${ms(r.naive.p50)}  ${ms(r.naive.p95)}  ${(r.api.p95 / r.sql.p95).toFixed(2).padStart(11)}  ${(r.naive.p95 / r.api.p95).toFixed(2).padStart(13)}  ${r.rssMiB.toFixed(0).padStart(12)}`,
    );
  }
  console.log(
    "(inside the endpoint, medians: %s)",
    results.map((r) => `${r.size}: session ${r.handlerSession.toFixed(1)}, teams + search ${r.handlerSearch.toFixed(1)}, rest of the HTTP call ≈ ${(r.api.p50 - r.handlerSession - r.handlerSearch).toFixed(1)} ms`).join("; "),
  );
  console.log("(text queries only: api p95 / naive p95 by size: %s)", results.map((r) => `${r.size}: ${r.apiWithQuery.p95.toFixed(1)} / ${r.naiveWithQuery.p95.toFixed(1)}`).join(", "));
  const big = results.find((r) => r.size === 100_000) ?? results[results.length - 1]!;
  const small = results.find((r) => r.size === 1000) ?? results[0]!;
  console.log(`peak RSS of the Node server during the ${big.size} run: ${big.rssMiB.toFixed(0)} MiB`);
  console.log(
    `search_api_p95_over_sql_p95_at_100k=${(big.api.p95 / big.sql.p95).toFixed(2)} naive_over_api_p95_at_100k=${(big.naive.p95 / big.api.p95).toFixed(2)} api_p95_100k_over_1k=${(big.api.p95 / small.api.p95).toFixed(2)}`,
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
