// The cluster index's benchmark (run by bench/index/run.sh, which starts its own PostgreSQL and Kafka).
//  1. The local Kafka gets 10,000 topics (the first 1,000 with 3 partitions: 12,000 partitions) and
//     2,000 consumer groups with committed offsets; both are kept between runs.
//  2. Same run, alternating, 3 rounds: the raw kafkajs calls that fetch the cluster (lib/kafka
//     readCluster: metadata, ListOffsets per leader, listGroups, describeGroups, fetchOffsets) against
//     one index refresh (the same read + derive + the snapshot transaction); medians. Peak RSS of this
//     process during the refreshes. For scale, kafkajs's public per-topic fetchTopicOffsets on a sample.
//  3. A team with 100 products on bench topics, 30 days of history filled by SQL; `next start` against
//     it: /dashboard's server render (signed in) against a trivial page (/api/health), medians of 9.
// Prints, last: index_refresh_over_raw_admin=<x> index_refresh_seconds=<s> dashboard_over_trivial=<d>
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import kafkajs from "kafkajs";
import { db, queryRows, Prisma } from "@/lib/db";
import { env, toolEnv } from "@/lib/env";
import { closeKafka, kafkaConfig, readCluster } from "@/lib/kafka";
import { refreshIndex } from "@/lib/cluster-index";
import { signIn } from "../support/sign-in";

const TOPICS = 10_000;
const MULTI = 1_000; // topics with 3 partitions
const GROUPS = 2_000;
const PRODUCTS = 100;
const PORT = toolEnv.BENCH_INDEX_PORT;
const name = (i: number) => `bench.t${String(i).padStart(5, "0")}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const secs = (ms: number) => (ms / 1000).toFixed(2);

async function ensureCluster() {
  const kafka = new kafkajs.Kafka({ ...kafkaConfig(), requestTimeout: 60_000, logLevel: kafkajs.logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const missing = Array.from({ length: TOPICS }, (_, i) => i).filter((i) => !existing.has(name(i)));
  const t0 = performance.now();
  for (let i = 0; i < missing.length; i += 500) {
    await admin.createTopics({
      waitForLeaders: false,
      timeout: 60_000,
      topics: missing.slice(i, i + 500).map((n) => ({ topic: name(n), numPartitions: n < MULTI ? 3 : 1, replicationFactor: 1, configEntries: [{ name: "segment.index.bytes", value: "65536" }] })),
    });
    process.stdout.write(`\r  topics: ${Math.min(i + 500, missing.length)} of ${missing.length} created`);
  }
  if (missing.length) console.log(` in ${secs(performance.now() - t0)} s`);
  const groups = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
  const wanted = Array.from({ length: GROUPS }, (_, i) => `bench-g${String(i).padStart(4, "0")}`).filter((g) => !groups.has(g));
  if (wanted.length) {
    await new Promise((r) => setTimeout(r, 5000)); // leaders for the new topics
    // Leaders of thousands of new topics come up over seconds on a busy machine: retry, do not fail.
    const producer = kafka.producer({ retry: { retries: 12, initialRetryTime: 500, maxRetryTime: 10_000 } });
    await producer.connect();
    for (let i = 0; i < GROUPS; i += 200) {
      await producer.sendBatch({ topicMessages: Array.from({ length: 200 }, (_, k) => ({ topic: name(i + k), messages: Array.from({ length: 5 }, (_, m) => ({ partition: 0, value: `m${m}` })) })) });
    }
    await producer.disconnect();
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < wanted.length) {
        const g = wanted[next++]!;
        const i = Number(g.slice(7));
        await admin.setOffsets({ groupId: g, topic: name(i), partitions: [{ partition: 0, offset: String(i % 5) }] });
      }
    }));
    console.log(`  groups: ${wanted.length} created with committed offsets`);
  }
  await admin.disconnect();
}

/** kafkajs's public per-topic offsets call on a fresh client, for scale (a sample: it is quadratic in new topics). */
async function publicApiSample(n: number): Promise<number> {
  const admin = new kafkajs.Kafka({ ...kafkaConfig(), logLevel: kafkajs.logLevel.NOTHING }).admin();
  await admin.connect();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await admin.fetchTopicOffsets(name(i));
  const ms = performance.now() - t0;
  await admin.disconnect();
  return ms;
}

async function measureRefresh() {
  await refreshIndex({ intervalMs: 1, holder: "bench" }); // the first fills the index; steady state after
  const raw: number[] = [];
  const refresh: number[] = [];
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  for (let round = 0; round < 3; round++) {
    let t0 = performance.now();
    const read = await readCluster(120_000);
    raw.push(performance.now() - t0);
    if (read.topics.length < TOPICS) throw new Error(`only ${read.topics.length} topics in the cluster`);
    t0 = performance.now();
    const o = await refreshIndex({ intervalMs: 1, holder: "bench" });
    refresh.push(performance.now() - t0);
    if (!o.ran || !o.ok) throw new Error(`refresh failed: ${JSON.stringify(o)}`);
    console.log(`  round ${round + 1}: raw ${secs(raw.at(-1)!)} s, refresh ${secs(refresh.at(-1)!)} s (${o.topics} topics, ${o.groups} groups)`);
  }
  clearInterval(timer);
  return { raw: median(raw), refresh: median(refresh), peakRssMiB: peak / 1024 / 1024 };
}

/** A bench team owning 100 products on bench topics, with a maintainer who can sign in, and 30 days of history. */
async function ensureTeamWithHistory(): Promise<string> {
  const email = "bench-owner@example.com";
  const domain = await db.domain.upsert({ where: { slug: "bench" }, update: {}, create: { slug: "bench", name: "Bench" } });
  const team = await db.team.upsert({ where: { slug: "bench" }, update: {}, create: { slug: "bench", name: "Bench Team", domainId: domain.id } });
  const user = await db.user.upsert({ where: { email }, update: {}, create: { email, name: "Bench Owner", isDemo: true } });
  await db.membership.upsert({ where: { userId_teamId: { userId: user.id, teamId: team.id } }, update: {}, create: { userId: user.id, teamId: team.id, role: "MAINTAINER" } });
  for (let i = 0; i < PRODUCTS; i++) {
    const slug = `bench-p${i}`;
    if (await db.dataProduct.findUnique({ where: { slug } })) continue;
    await db.dataProduct.create({
      data: {
        slug, name: `Bench product ${i}`, domainId: domain.id, ownerTeamId: team.id, freshnessSlaMinutes: 15,
        outputPorts: { create: { name: "main", topic: name(i), partitions: i < MULTI ? 3 : 1, replicationFactor: 1, retentionMs: 86_400_000n, provisioning: "APPLIED" } },
      },
    });
  }
  // 30 days of history for the team's 100 topics and their groups: 15-minute points for 30 days,
  // 1-minute points for the last 48 hours (what the collector keeps), steady traffic.
  await db.$executeRaw`DELETE FROM "TopicPoint" WHERE "topicId" IN (SELECT id FROM "IndexedTopic" WHERE name LIKE 'bench.t000%')`;
  await db.$executeRaw`DELETE FROM "TopicPoint15" WHERE "topicId" IN (SELECT id FROM "IndexedTopic" WHERE name LIKE 'bench.t000%')`;
  const ids = Prisma.sql`(SELECT id FROM "IndexedTopic" WHERE name = ANY(${Array.from({ length: PRODUCTS }, (_, i) => name(i))}::text[]))`;
  await db.$executeRaw`
    INSERT INTO "TopicPoint15" ("topicId", at, "endOffset")
    SELECT t.id, s.at, (extract(epoch FROM s.at)::bigint - 1700000000) FROM ${ids} t(id),
      generate_series(date_bin('15 minutes', timezone('UTC', now()) - interval '30 days', TIMESTAMP '2000-01-01'), timezone('UTC', now()), interval '15 minutes') s(at)
    ON CONFLICT DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO "TopicPoint" ("topicId", at, "endOffset")
    SELECT t.id, s.at, (extract(epoch FROM s.at)::bigint - 1700000000) FROM ${ids} t(id),
      generate_series(date_trunc('minute', timezone('UTC', now()) - interval '48 hours'), timezone('UTC', now()), interval '1 minute') s(at)
    ON CONFLICT DO NOTHING`;
  await db.$executeRaw`
    INSERT INTO "GroupTopicPoint15" ("groupTopicId", at, lag, committed, "timeLagSeconds")
    SELECT gt.id, s.at, 10, 0, 60 FROM "IndexedGroupTopic" gt JOIN ${ids} t(id) ON t.id = gt."topicId",
      generate_series(date_bin('15 minutes', timezone('UTC', now()) - interval '30 days', TIMESTAMP '2000-01-01'), timezone('UTC', now()), interval '15 minutes') s(at)
    ON CONFLICT DO NOTHING`;
  await db.$executeRaw`ANALYZE`;
  return email;
}

async function historyBytesPer1000SeriesDays(): Promise<{ bytes: number; seriesDays: number }> {
  const [r] = await queryRows<{ bytes: string; minute: string; quarter: string }>(Prisma.sql`
    SELECT (pg_total_relation_size('"TopicPoint"') + pg_total_relation_size('"TopicPoint15"'))::text AS bytes,
           (SELECT count(*) FROM "TopicPoint")::text AS minute, (SELECT count(*) FROM "TopicPoint15")::text AS quarter`);
  // A series-day is 1,440 minute points or 96 quarter points.
  const seriesDays = Number(r!.minute) / 1440 + Number(r!.quarter) / 96;
  return { bytes: Number(r!.bytes), seriesDays };
}


async function measureDashboard(email: string): Promise<{ dashboard: number; trivial: number }> {
  const base = `http://localhost:${PORT}`;
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], {
    env: { ...process.env, NODE_ENV: "production", MESHPORT_WORKER: "false" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        /* starting */
      }
      if (i > 300) throw new Error("next start did not answer");
      await new Promise((r) => setTimeout(r, 200));
    }
    const cookie = await signIn(base, email);
    const time = async (path: string) => {
      const t0 = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      const body = await res.text();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      if (path === "/dashboard" && !body.includes("Bench product 99")) throw new Error("the dashboard did not show the bench team's products");
      return performance.now() - t0;
    };
    await time("/dashboard");
    await time("/api/health");
    const d: number[] = [];
    const t: number[] = [];
    for (let i = 0; i < 9; i++) {
      d.push(await time("/dashboard"));
      t.push(await time("/api/health"));
    }
    return { dashboard: median(d), trivial: median(t) };
  } finally {
    server.kill("SIGTERM");
  }
}

async function main() {
  console.log(`▸ cluster at ${env.KAFKA_BROKERS}: ${TOPICS} topics, ${GROUPS} groups`);
  await ensureCluster();
  const sample = 300;
  const publicMs = await publicApiSample(sample);
  console.log(`  kafkajs public fetchTopicOffsets on a fresh client: ${secs(publicMs)} s for ${sample} topics (${(publicMs / sample).toFixed(1)} ms per topic, growing with each new topic)`);
  console.log("▸ refresh against the raw kafkajs read");
  const r = await measureRefresh();
  console.log("▸ dashboard of a team with 100 products and 30 days of history");
  const email = await ensureTeamWithHistory();
  await refreshIndex({ intervalMs: 1, holder: "bench" });
  const h = await historyBytesPer1000SeriesDays();
  const page = await measureDashboard(email);
  console.log(`  /dashboard ${page.dashboard.toFixed(0)} ms, /api/health ${page.trivial.toFixed(0)} ms (medians of 9)`);
  console.log(`peak_rss_during_refresh_mib=${r.peakRssMiB.toFixed(0)} history_bytes_per_1000_series_days=${((h.bytes / h.seriesDays) * 1000).toFixed(0)} (${(h.bytes / 1024 / 1024).toFixed(1)} MiB for ${h.seriesDays.toFixed(0)} series-days)`);
  console.log(`raw_read_seconds=${secs(r.raw)}`);
  console.log(`index_refresh_over_raw_admin=${(r.refresh / r.raw).toFixed(2)} index_refresh_seconds=${secs(r.refresh)} dashboard_over_trivial=${(page.dashboard / page.trivial).toFixed(2)}`);
  await closeKafka();
  await db.$disconnect();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
