import "server-only";
import { queryRows, Prisma } from "@/lib/db";
import type { OffsetPoint } from "./series";

// Reads of the cluster index by topic name, shared by the dashboard pages. One statement each,
// whatever the number of topics.

export type TopicFacts = { topic: string; id: number; produceRate: number; lastMessageAt: Date | null; firstSeenAt: Date; endOffsetSum: number; partitions: number };
export type GroupTopicFacts = {
  id: number;
  topic: string;
  group: string;
  teamId: string | null;
  principal: string | null;
  state: string;
  members: number;
  lag: number;
  worstPartition: number;
  worstPartitionLag: number;
  consumeRate: number;
  timeLagSeconds: number;
  lastCommitAt: Date | null;
};

const ms = (v: number | string | null) => (v === null ? null : new Date(Number(v)));

export async function topicFacts(topics: string[]): Promise<Map<string, TopicFacts>> {
  if (!topics.length) return new Map();
  const rows = await queryRows<{ id: number; name: string; rate: number; lm: string | null; fs: string; ends: string; partitions: number }>(Prisma.sql`
    SELECT id, name, "produceRate" AS rate, extract(epoch FROM "lastMessageAt") * 1000 AS lm, extract(epoch FROM "firstSeenAt") * 1000 AS fs,
           "endOffsetSum"::text AS ends, partitions
    FROM "IndexedTopic" WHERE name = ANY(${topics}::text[])`);
  return new Map(
    rows.map((r) => [r.name, { topic: r.name, id: r.id, produceRate: r.rate, lastMessageAt: ms(r.lm), firstSeenAt: new Date(Number(r.fs)), endOffsetSum: Number(r.ends), partitions: r.partitions }]),
  );
}

export async function groupTopicFacts(topics: string[]): Promise<GroupTopicFacts[]> {
  if (!topics.length) return [];
  const rows = await queryRows<{
    id: number; topic: string; group: string; teamId: string | null; principal: string | null; state: string; members: number;
    lag: string; wp: number; wpl: string; rate: number; tl: number; lc: string | null;
  }>(Prisma.sql`
    SELECT gt.id, t.name AS topic, g."groupId" AS group, g."teamId", g.principal, g.state, g.members, gt.lag::text, gt."worstPartition" AS wp,
           gt."worstPartitionLag"::text AS wpl, gt."consumeRate" AS rate, gt."timeLagSeconds" AS tl, extract(epoch FROM gt."lastCommitAt") * 1000 AS lc
    FROM "IndexedGroupTopic" gt JOIN "IndexedTopic" t ON t.id = gt."topicId" JOIN "IndexedGroup" g ON g.id = gt."groupId"
    WHERE t.name = ANY(${topics}::text[])
    ORDER BY gt.lag DESC, g."groupId"`);
  return rows.map((r) => ({
    id: r.id, topic: r.topic, group: r.group, teamId: r.teamId, principal: r.principal, state: r.state, members: r.members,
    lag: Number(r.lag), worstPartition: r.wp, worstPartitionLag: Number(r.wpl), consumeRate: r.rate, timeLagSeconds: r.tl, lastCommitAt: ms(r.lc),
  }));
}

/** End-offset points per topic id since `from`, pre-bucketed in SQL (last value per bucket) so long ranges stay small. */
export async function topicHistory(topicIds: number[], from: Date, bucketSeconds: number, table: "minute" | "quarter"): Promise<Map<number, OffsetPoint[]>> {
  if (!topicIds.length) return new Map();
  const source = table === "minute" ? Prisma.sql`"TopicPoint"` : Prisma.sql`"TopicPoint15"`;
  const rows = await queryRows<{ id: number; t: string; v: string }>(Prisma.sql`
    SELECT "topicId" AS id, extract(epoch FROM date_bin(make_interval(secs => ${bucketSeconds}), at, TIMESTAMP '2000-01-01')) * 1000 + ${bucketSeconds * 1000} AS t,
           max("endOffset")::text AS v
    FROM ${source} WHERE "topicId" = ANY(${topicIds}::int[]) AND at >= ${from.toISOString()}::timestamp(3) - interval '15 minutes'
    GROUP BY 1, 2`);
  const out = new Map<number, OffsetPoint[]>();
  for (const r of rows) {
    let list = out.get(r.id);
    if (!list) out.set(r.id, (list = []));
    list.push({ t: Math.min(Number(r.t), Date.now()), v: Number(r.v) });
  }
  return out;
}

/** Lag (and time lag) points per group-topic id since `from`, worst per bucket. */
export async function groupHistory(ids: number[], from: Date, bucketSeconds: number, table: "minute" | "quarter"): Promise<Map<number, { lag: OffsetPoint[]; timeLag: OffsetPoint[] }>> {
  if (!ids.length) return new Map();
  const source = table === "minute" ? Prisma.sql`"GroupTopicPoint"` : Prisma.sql`"GroupTopicPoint15"`;
  const rows = await queryRows<{ id: number; t: string; lag: string; tl: number }>(Prisma.sql`
    SELECT "groupTopicId" AS id, extract(epoch FROM date_bin(make_interval(secs => ${bucketSeconds}), at, TIMESTAMP '2000-01-01')) * 1000 AS t,
           max(lag)::text AS lag, max("timeLagSeconds") AS tl
    FROM ${source} WHERE "groupTopicId" = ANY(${ids}::int[]) AND at >= ${from.toISOString()}::timestamp(3) - interval '15 minutes'
    GROUP BY 1, 2`);
  const out = new Map<number, { lag: OffsetPoint[]; timeLag: OffsetPoint[] }>();
  for (const r of rows) {
    let s = out.get(r.id);
    if (!s) out.set(r.id, (s = { lag: [], timeLag: [] }));
    s.lag.push({ t: Number(r.t), v: Number(r.lag) });
    s.timeLag.push({ t: Number(r.t), v: r.tl });
  }
  return out;
}
