import "server-only";
import { db, queryRows, Prisma } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth";
import { notFound } from "@/lib/errors";
import { freshnessOf, type Freshness } from "./freshness";
import { groupHistory, groupTopicFacts, topicFacts, topicHistory, type GroupTopicFacts } from "./index-facts";
import { PARTITION_PAGE_SIZE, RANGES, type RangeKey } from "./ranges";
import { freshnessSeries, gaugeSeries, rateSeries, type SeriesPoint } from "./series";

export type HealthConsumer = {
  group: string;
  topic: string;
  team: string | null;
  state: string;
  members: number;
  lag: number;
  worstPartition: number;
  timeLagSeconds: number;
  consumeRate: number;
  lastCommitAt: string | null;
  grant: { requestId: string | null; validUntil: string | null } | null;
};
export type PartitionRow = { partition: number; leader: number; start: number; end: number; worstLag: number | null };
export type ProductHealth = {
  product: { id: string; slug: string; name: string; ownerTeamId: string; freshnessSlaMinutes: number | null };
  /** false: a consumer's view, limited to their own teams' groups. */
  whole: boolean;
  range: RangeKey;
  freshness: Freshness;
  produceRate: SeriesPoint[];
  freshnessOverTime: SeriesPoint[];
  lag: { key: string; label: string; points: SeriesPoint[]; timeLag: SeriesPoint[] }[];
  consumers: HealthConsumer[];
  partitions: { topic: string; rows: PartitionRow[]; total: number; page: number; pages: number } | null;
};

const sumSeries = (all: SeriesPoint[][]) => all.reduce((sum, s) => (sum.length ? sum.map((x, i) => ({ t: x.t, v: x.v + (s[i]?.v ?? 0) })) : s), [] as SeriesPoint[]);

/**
 * A product's health over `range`: owners and admins see everything; members of a consuming team see
 * their own groups (and the product's produce rate and freshness, which its catalog page shows anyway).
 * Anyone else gets NOT_FOUND, as for a product they may not see.
 */
export async function getProductHealth(
  viewer: Viewer,
  slug: string,
  range: RangeKey,
  { partitionPage = 1, ownOnly = false, now = new Date() }: { partitionPage?: number; ownOnly?: boolean; now?: Date } = {},
): Promise<ProductHealth> {
  const product = await db.dataProduct.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, ownerTeamId: true, lifecycle: true, freshnessSlaMinutes: true, outputPorts: { select: { id: true, topic: true }, orderBy: { name: "asc" } } },
  });
  if (!product) throw notFound("Data product");
  const whole = !ownOnly && can(viewer, { permission: "read:product-health", product });
  const myTeams = new Set(viewer.memberships.map((m) => m.teamId));
  const grants = await db.grant.findMany({
    where: { dataProductId: product.id, kind: "CONSUME", status: "ACTIVE" },
    select: { teamId: true, outputPortId: true, accessRequestId: true, validUntil: true },
  });
  if (!whole && !grants.some((g) => myTeams.has(g.teamId))) throw notFound("Data product");

  const topics = product.outputPorts.map((p) => p.topic);
  const { ms, bucketSeconds, table } = RANGES[range];
  const from = new Date(now.getTime() - ms);
  const [facts, allConsumers, teams] = await Promise.all([topicFacts(topics), groupTopicFacts(topics), db.team.findMany({ select: { id: true, name: true } })]);
  const consumers = whole ? allConsumers : allConsumers.filter((c) => c.teamId !== null && myTeams.has(c.teamId));
  const factList = [...facts.values()];
  const [topicPoints, groupPoints] = await Promise.all([
    topicHistory(factList.map((f) => f.id), from, bucketSeconds, table),
    groupHistory(consumers.map((c) => c.id), from, bucketSeconds, table),
  ]);
  const bucketMs = bucketSeconds * 1000;
  const f0 = from.getTime();
  const t1 = now.getTime();
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const portOf = new Map(product.outputPorts.map((p) => [p.topic, p.id]));
  const grantOf = (c: GroupTopicFacts) => grants.find((g) => g.teamId === c.teamId && g.outputPortId === portOf.get(c.topic));

  const freshnessByTopic = factList.map((f) => freshnessSeries(topicPoints.get(f.id) ?? [], f0, t1, bucketMs, f.lastMessageAt?.getTime() ?? null));
  const freshnessOverTime = freshnessByTopic.length
    ? freshnessByTopic[0]!.map((p, i) => ({ t: p.t, v: Math.min(...freshnessByTopic.map((s) => s[i]?.v ?? Number.NaN).filter((v) => !Number.isNaN(v)), Infinity) }))
        .map((p) => ({ t: p.t, v: Number.isFinite(p.v) ? p.v : Number.NaN }))
    : [];
  const multiTopic = topics.length > 1;
  return {
    product: { id: product.id, slug: product.slug, name: product.name, ownerTeamId: product.ownerTeamId, freshnessSlaMinutes: product.freshnessSlaMinutes },
    whole,
    range,
    freshness: freshnessOf({
      slaMinutes: product.freshnessSlaMinutes,
      lastMessageAt: factList.reduce<Date | null>((a, f) => (f.lastMessageAt && (!a || f.lastMessageAt > a) ? f.lastMessageAt : a), null),
      firstSeenAt: factList.reduce<Date | null>((a, f) => (!a || f.firstSeenAt < a ? f.firstSeenAt : a), null),
    }, now),
    produceRate: sumSeries(factList.map((f) => rateSeries(topicPoints.get(f.id) ?? [], f0, t1, bucketMs))),
    freshnessOverTime,
    lag: consumers.map((c) => {
      const h = groupPoints.get(c.id) ?? { lag: [], timeLag: [] };
      return {
        key: `g${c.id}`,
        label: multiTopic ? `${c.group} · ${c.topic}` : c.group,
        points: gaugeSeries(h.lag, f0, t1, bucketMs),
        timeLag: gaugeSeries(h.timeLag, f0, t1, bucketMs),
      };
    }),
    consumers: consumers.map((c) => {
      const g = grantOf(c);
      return {
        group: c.group, topic: c.topic, team: c.teamId ? (teamName.get(c.teamId) ?? null) : null, state: c.state, members: c.members,
        lag: c.lag, worstPartition: c.worstPartition, timeLagSeconds: c.timeLagSeconds, consumeRate: c.consumeRate,
        lastCommitAt: c.lastCommitAt?.toISOString() ?? null,
        grant: g ? { requestId: g.accessRequestId, validUntil: g.validUntil?.toISOString() ?? null } : null,
      };
    }),
    partitions: whole && topics[0] ? await readPartitionPage(topics[0], facts.get(topics[0])?.id ?? null, partitionPage) : null,
  };
}

/** One page of a topic's partitions, read on the server (topics can have hundreds), with the worst group lag on each. */
async function readPartitionPage(topic: string, topicId: number | null, page: number): Promise<ProductHealth["partitions"]> {
  if (topicId === null) return { topic, rows: [], total: 0, page: 1, pages: 1 };
  const total = await db.indexedPartition.count({ where: { topicId } });
  const pages = Math.max(1, Math.ceil(total / PARTITION_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await queryRows<{ partition: number; leader: number; start: string; end: string; worst: string | null }>(Prisma.sql`
    SELECT p.partition, p.leader, p."startOffset"::text AS start, p."endOffset"::text AS end,
           (SELECT max(gp.lag) FROM "IndexedGroupPartition" gp JOIN "IndexedGroupTopic" gt ON gt.id = gp."groupTopicId"
            WHERE gt."topicId" = p."topicId" AND gp.partition = p.partition)::text AS worst
    FROM "IndexedPartition" p WHERE p."topicId" = ${topicId}
    ORDER BY p.partition LIMIT ${PARTITION_PAGE_SIZE} OFFSET ${(current - 1) * PARTITION_PAGE_SIZE}`);
  return {
    topic,
    rows: rows.map((r) => ({ partition: r.partition, leader: r.leader, start: Number(r.start), end: Number(r.end), worstLag: r.worst === null ? null : Number(r.worst) })),
    total,
    page: current,
    pages,
  };
}
