import "server-only";
import { db, queryRows, Prisma } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";

export type ClusterOverview = {
  totals: { topics: number; partitions: number; groups: number; lastDurationMs: number | null; refreshes: number; messagesPerSecond: number; historyPoints: number };
  undeclaredTopics: { name: string; partitions: number; produceRate: number; messages: number }[];
  undeclaredTotal: number;
  unattributedGroups: { groupId: string; state: string; members: number; topics: number; lag: number }[];
  unattributedTotal: number;
};

const LIST_LIMIT = 200;

/** Platform admins: cluster totals, topics no data product declares, groups no team accounts for. */
export async function getClusterOverview(viewer: Viewer): Promise<ClusterOverview> {
  assertCan(viewer, { permission: "read:cluster-index" });
  const [state, rate, points, undeclared, undeclaredTotal, groups, groupsTotal] = await Promise.all([
    db.clusterIndexState.findUnique({ where: { id: 1 } }),
    db.indexedTopic.aggregate({ _sum: { produceRate: true } }),
    queryRows<{ n: string }>(Prisma.sql`SELECT ((SELECT count(*) FROM "TopicPoint") + (SELECT count(*) FROM "TopicPoint15") + (SELECT count(*) FROM "GroupTopicPoint") + (SELECT count(*) FROM "GroupTopicPoint15"))::text AS n`),
    queryRows<{ name: string; partitions: number; rate: number; messages: string }>(Prisma.sql`
      SELECT t.name, t.partitions, t."produceRate" AS rate, (t."endOffsetSum" - t."startOffsetSum")::text AS messages
      FROM "IndexedTopic" t WHERE NOT EXISTS (SELECT 1 FROM "OutputPort" o WHERE o.topic = t.name)
      ORDER BY t.name LIMIT ${LIST_LIMIT}`),
    queryRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM "IndexedTopic" t WHERE NOT EXISTS (SELECT 1 FROM "OutputPort" o WHERE o.topic = t.name)`),
    queryRows<{ groupId: string; state: string; members: number; topics: number; lag: string }>(Prisma.sql`
      SELECT g."groupId", g.state, g.members, count(gt.id)::int AS topics, coalesce(sum(gt.lag), 0)::text AS lag
      FROM "IndexedGroup" g LEFT JOIN "IndexedGroupTopic" gt ON gt."groupId" = g.id
      WHERE g."teamId" IS NULL GROUP BY g.id ORDER BY g."groupId" LIMIT ${LIST_LIMIT}`),
    db.indexedGroup.count({ where: { teamId: null } }),
  ]);
  return {
    totals: {
      topics: state?.topics ?? 0, partitions: state?.partitions ?? 0, groups: state?.groups ?? 0, lastDurationMs: state?.lastDurationMs ?? null,
      refreshes: state?.refreshes ?? 0, messagesPerSecond: rate._sum.produceRate ?? 0, historyPoints: Number(points[0]?.n ?? 0),
    },
    undeclaredTopics: undeclared.map((t) => ({ name: t.name, partitions: t.partitions, produceRate: t.rate, messages: Number(t.messages) })),
    undeclaredTotal: undeclaredTotal[0]?.n ?? 0,
    unattributedGroups: groups.map((g) => ({ groupId: g.groupId, state: g.state, members: g.members, topics: g.topics, lag: Number(g.lag) })),
    unattributedTotal: groupsTotal,
  };
}
