// npm run bench:load — many users at once on a production build of Meshport (issue 16, load half).
//
// Runs against the local stack of `npm run demo` (or the one the environment names, see
// scripts/local-stack.sh): copies the demo mesh into a database of its own (meshport_load) and adds a
// synthetic catalog (bench/search/catalog.ts, every id and slug prefixed "load-"), starts `next start`
// on it (its own port, the built .next of MESHPORT_DIST_DIR, background worker off), signs in demo
// users and one owner per synthetic team through the demo provider, and lets LOAD_USERS users loose for
// LOAD_SECONDS: consumers browse, search as they type, open products and request access (the page's
// real server action over HTTP); a tenth of the users are owners who open their inbox and approve.
// Meanwhile the searches typed are replayed as raw SQL on the same database (the statements of
// GET /api/search, lib/catalog/search-sql.ts), and the server's process tree's RSS is sampled every
// second. Approvals apply real ACLs in Kafka; the bench removes those on its synthetic topics at the end.
// Environment: LOAD_USERS=50 LOAD_SECONDS=300 LOAD_PRODUCTS=10000 LOAD_PORT=3188 LOAD_THINK_MS=1000 LOAD_KEEP_DB=1
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { toolEnv } from "../../lib/env";
import { withDatabase } from "../../scripts/db/schema-engine";
import { namedStatement, SEARCH_POOL_OPTIONS } from "../../lib/db/statements";
import type { Prisma } from "../../lib/db/generated/client";
import { runSearchForUser, type RunSql } from "../../lib/catalog/search-sql";
import { recordFromParams, searchParamsSchema } from "../../lib/catalog/search-params";
import { LOAD_DATABASE, OWNER_EMAIL, SYNTHETIC_PREFIX, prepareLoadDatabase } from "./database";
import { Recorder, actionId, signIn } from "./http";
import { consumer, owner, type Consumer, type World } from "./users";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { LOAD_USERS: USERS, LOAD_SECONDS: SECONDS, LOAD_PRODUCTS: PRODUCTS, LOAD_PORT: PORT, LOAD_THINK_MS: THINK } = toolEnv;
const DIST = path.resolve(REPO, process.env.MESHPORT_DIST_DIR || ".next");

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** Resident set of a process and all its descendants now, in MiB (VmRSS summed). */
function treeRssMiB(pid: number): number {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
        const f = `/proc/${pids[i]}/task/${task}/children`;
        if (existsSync(f)) pids.push(...readFileSync(f, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
      }
    } catch {
      /* gone */
    }
  }
  let kb = 0;
  for (const p of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

async function waitFor(url: string, server: ChildProcess, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}) before answering`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in ${ms} ms`);
}

async function loadUrl(demoUrl: string): Promise<string> {
  if (toolEnv.LOAD_KEEP_DB) {
    const url = withDatabase(demoUrl, LOAD_DATABASE);
    const c = new pg.Client({ connectionString: url });
    const ready = await c.connect().then(
      async () => (await c.query(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [OWNER_EMAIL(0)])).rows[0].n === 1,
      () => false,
    );
    await c.end().catch(() => {});
    if (ready) {
      console.log(`▸ reusing ${LOAD_DATABASE} (LOAD_KEEP_DB)`);
      return url;
    }
  }
  const t0 = performance.now();
  const made = await prepareLoadDatabase(demoUrl, PRODUCTS);
  console.log(`▸ ${LOAD_DATABASE}: the demo mesh (${made.demoRows} rows) + ${PRODUCTS} synthetic products, ${made.owners} owners, in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return made.url;
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: run through `npm run bench:load` (scripts/local-stack.sh finds the demo's stack)");
  if (!existsSync(path.join(DIST, "BUILD_ID"))) {
    throw new Error(`no production build in ${DIST}: run \`npm run demo\` once (or \`npx next build\` with MESHPORT_DIST_DIR=${path.relative(REPO, DIST)})`);
  }
  const url = await loadUrl(process.env.DATABASE_URL);
  const base = `http://localhost:${PORT}`;
  // Started as scripts/demo.sh starts it: heap limit (scripts/common.sh) and two malloc arenas.
  const heap = process.env.MESHPORT_SERVER_HEAP_MB ? [`--max-old-space-size=${process.env.MESHPORT_SERVER_HEAP_MB}`] : [];
  const server = spawn(process.execPath, [...heap, "node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    cwd: REPO,
    // The background worker (provisioning queue, reconciler, collectors) stays with the demo's own
    // portal: a second one would reconcile the shared Kafka against this copy. Approvals still
    // apply their ACLs in Kafka inline, as they do in production.
    env: { MALLOC_ARENA_MAX: "2", ...process.env, DATABASE_URL: url, NODE_ENV: "production", MESHPORT_WORKER: "false", MESHPORT_DEMO_SIGNIN: "true", AUTH_TRUST_HOST: "true" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  };
  process.on("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await waitFor(`${base}/api/health`, server);
    console.log(`▸ next start on ${base} (pid ${server.pid}, build ${path.relative(REPO, DIST)}, ${heap.join(" ") || "no heap limit"})`);
    await run(db, url, base, server.pid!);
  } finally {
    await db.end();
    stop();
  }
}

async function run(db: pg.Client, url: string, base: string, pid: number) {
  const rec = new Recorder();
  // Demo users on a team (the demo's consumers) and the synthetic owners, each signed in once.
  const members = await db.query<{ email: string; teamId: string; userId: string }>(
    `SELECT u.email, m."teamId", u.id AS "userId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id
      WHERE u."isDemo" AND u.id NOT LIKE $1 ORDER BY u.email`,
    [`${SYNTHETIC_PREFIX}%`],
  );
  const consumers: Consumer[] = [];
  for (const m of members.rows) consumers.push({ email: m.email, teamId: m.teamId, cookie: await signIn(base, m.email) });
  const owners = await db.query<{ email: string; teamId: string }>(
    `SELECT u.email, m."teamId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id WHERE u.id LIKE $1`,
    [`${SYNTHETIC_PREFIX}owner-%`],
  );
  const ownerCookie = new Map<string, string>();
  for (const o of owners.rows) ownerCookie.set(o.teamId, await signIn(base, o.email));
  const requestable = await db.query<{ id: string; slug: string; ownerTeamId: string }>(
    `SELECT id, slug, "ownerTeamId" FROM "DataProduct"
      WHERE id LIKE $1 AND lifecycle = 'ACTIVE' AND NOT "containsPii" AND classification <> 'RESTRICTED'
        AND NOT EXISTS (SELECT 1 FROM "AccessRequest" r WHERE r."dataProductId" = "DataProduct".id) -- a kept database's earlier runs
      ORDER BY random()`,
    [`${SYNTHETIC_PREFIX}%`],
  );
  console.log(`▸ signed in ${consumers.length} demo users and ${ownerCookie.size} owners; ${requestable.rows.length} products open to requests`);

  const w: World = {
    base,
    rec,
    until: 0,
    thinkMs: THINK,
    consumers,
    ownerCookie,
    requestable: requestable.rows,
    requestActionId: actionId(DIST, "/products/[slug]/page", "requestAccessAction"),
    approveActionId: actionId(DIST, "/access/[id]/page", "decideAccessRequestAction"),
    pending: [],
    typed: [],
    requested: 0,
    approved: 0,
  };

  // The raw SQL of the typed searches, on the same database while the users run: a consumer's
  // session, the statements of GET /api/search through a pool configured as lib/db's.
  const who = members.rows[0]!;
  const sid = await db.query<{ sessionToken: string }>(`SELECT "sessionToken" FROM "Session" WHERE "userId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [who.userId]);
  const session = { userId: who.userId, sessionId: sid.rows[0]!.sessionToken };
  const pool = new pg.Pool({ connectionString: url, min: 2, max: 4, idleTimeoutMillis: 60_000, options: SEARCH_POOL_OPTIONS });
  const viaPg: RunSql = async <T,>(s: Prisma.Sql) => (await pool.query(namedStatement(s))).rows as T[];
  const sqlSearch = (q: string) => runSearchForUser(viaPg, session, searchParamsSchema.parse(recordFromParams(new URLSearchParams({ q }))));
  const sqlMs: number[] = [];

  const ownerCount = Math.max(1, Math.round(USERS / 10));
  const rss: number[] = [];
  const t0 = performance.now();
  w.until = t0 + SECONDS * 1000;
  const sampler = setInterval(() => rss.push(treeRssMiB(pid)), 1000);
  rss.push(treeRssMiB(pid));
  let lastReport = t0;
  const progress = setInterval(() => {
    const now = performance.now();
    if (now - lastReport < 29_000) return;
    lastReport = now;
    const n = rec.samples.length;
    console.log(`  ${((now - t0) / 1000).toFixed(0)} s: ${n} requests, ${[...rec.failures.values()].reduce((a, b) => a + b, 0)} errors, RSS ${rss.at(-1)?.toFixed(0)} MiB, ${w.requested} requested, ${w.approved} approved`);
  }, 1000);
  console.log(`▸ ${USERS} users (${USERS - ownerCount} consumers, ${ownerCount} owners) for ${SECONDS} s, think time ~${THINK} ms`);
  const sqlLoop = (async () => {
    while (performance.now() < w.until) {
      const q = w.typed.at(-1);
      if (q) {
        const s = performance.now();
        await sqlSearch(q);
        sqlMs.push(performance.now() - s);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await Promise.all([
    ...Array.from({ length: USERS - ownerCount }, (_, i) => consumer(w, consumers[i % consumers.length]!)),
    ...Array.from({ length: ownerCount }, () => owner(w, [...ownerCookie.values()])),
    sqlLoop,
  ]);
  clearInterval(sampler);
  clearInterval(progress);
  rss.push(treeRssMiB(pid));
  const elapsed = (performance.now() - t0) / 1000;

  // The same searches once more right after, the server idle: raw SQL without the load around it.
  const idleMs: number[] = [];
  for (const q of [...new Set(w.typed)]) {
    const s = performance.now();
    await sqlSearch(q);
    idleMs.push(performance.now() - s);
  }
  await pool.end();
  await removeBenchAcls();
  report(w, elapsed, sqlMs, idleMs, Math.max(...rss));
}

/** ACLs that approvals applied on the synthetic topics: gone, so the demo's Kafka has none it does not know. */
async function removeBenchAcls() {
  if (!process.env.KAFKA_BROKERS) return;
  const { listAcls, deleteAclBindings, closeKafka } = await import("../../lib/kafka");
  try {
    const ours = (await listAcls({ resourceType: "TOPIC" })).filter((b) => b.name.includes(`.${SYNTHETIC_PREFIX}`) || b.name.startsWith(SYNTHETIC_PREFIX));
    await deleteAclBindings(ours);
    console.log(`(removed the ${ours.length} ACL bindings the approvals applied on synthetic topics)`);
  } catch (e) {
    console.warn(`could not remove the bench's ACLs from Kafka: ${(e as Error).message}`);
  } finally {
    await closeKafka();
  }
}

function report(w: World, elapsed: number, sqlMs: number[], idleMs: number[], peakRss: number) {
  const byName = new Map<string, number[]>();
  for (const s of w.rec.samples) byName.set(s.name, [...(byName.get(s.name) ?? []), s.ms]);
  const errors = w.rec.samples.filter((s) => !s.ok).length;
  const ms = (x: number) => x.toFixed(1).padStart(9);
  console.log(`\n${w.rec.samples.length} requests in ${elapsed.toFixed(0)} s (${(w.rec.samples.length / elapsed).toFixed(1)}/s), ${errors} errors; ${w.requested} access requests, ${w.approved} approved`);
  console.log(`${"page / endpoint".padEnd(36)} ${"requests".padStart(8)} ${"errors".padStart(6)}   p50 ms    p95 ms`);
  for (const [name, xs] of [...byName].sort()) {
    const errs = w.rec.samples.filter((s) => s.name === name && !s.ok).length;
    console.log(`${name.padEnd(36)} ${String(xs.length).padStart(8)} ${String(errs).padStart(6)} ${ms(pct(xs, 50))} ${ms(pct(xs, 95))}`);
  }
  for (const [what, n] of w.rec.failures) console.log(`  error ×${n}: ${what}`);
  const search = byName.get("GET /api/search?q=…") ?? [];
  const sqlP95 = pct(sqlMs, 95);
  console.log(`raw SQL of the typed searches (GET /api/search's statements via pg, same database): under load p50 ${pct(sqlMs, 50).toFixed(1)} p95 ${sqlP95.toFixed(1)} ms over ${sqlMs.length}; right after, idle, p50 ${pct(idleMs, 50).toFixed(1)} p95 ${pct(idleMs, 95).toFixed(1)} ms over ${idleMs.length} distinct`);
  console.log(`peak RSS of the next-server process tree (VmRSS summed, sampled every second): ${peakRss.toFixed(0)} MiB`);
  console.log(`load_errors=${errors} search_p95_under_load_over_sql_p95=${(pct(search, 95) / sqlP95).toFixed(2)} peak_rss_mb=${peakRss.toFixed(0)}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
