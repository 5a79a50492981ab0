import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { visibleProductsWhere } from "@/lib/catalog/visibility";
import { sinkGroupId } from "@/lib/connect/worker-config";
import type { LineageFacts } from "./graph";

/** What lineage is built from, read from Meshport's records and its index of the cluster (never Kafka directly). */
export async function loadLineageFacts(viewer: Viewer): Promise<LineageFacts> {
  const [products, teams, inputPorts, grants, groupTopics, connectors, topics, processors] = await Promise.all([
    db.dataProduct.findMany({
      where: { AND: [visibleProductsWhere(viewer), { lifecycle: { not: "RETIRED" } }] },
      select: { id: true, slug: true, name: true, ownerTeamId: true, outputPorts: { where: { removedAt: null }, select: { topic: true } } },
      orderBy: { name: "asc" },
    }),
    db.team.findMany({ select: { id: true, slug: true, name: true } }),
    db.inputPort.findMany({ select: { dataProductId: true, upstreamProductId: true } }),
    db.grant.findMany({ where: { status: "ACTIVE", kind: "CONSUME" }, select: { dataProductId: true, teamId: true } }),
    db.indexedGroupTopic.findMany({ select: { groupId: true, topicId: true, lastCommitAt: true } }),
    db.connector.findMany({ select: { id: true, name: true, kind: true, connectorClass: true, topics: true, principal: { select: { principal: true } } } }),
    db.indexedTopic.findMany({ select: { id: true, name: true } }),
    db.processor.findMany({ select: { applicationId: true, outputTopics: true } }),
  ]);
  const groups = await db.indexedGroup.findMany({ where: { id: { in: [...new Set(groupTopics.map((g) => g.groupId))] } }, select: { id: true, groupId: true, teamId: true } });
  // When each group last consumed each topic (offsets moved, first seen, or live members): the index's ConsumerActivity.
  const activity = await db.consumerActivity.findMany({ where: { groupId: { in: groups.map((g) => g.groupId) } }, select: { groupId: true, topic: true, lastActiveAt: true } });
  const lastActive = new Map(activity.map((a) => [`${a.groupId}|${a.topic}`, a.lastActiveAt]));
  const groupById = new Map(groups.map((g) => [g.id, g]));
  const topicById = new Map(topics.map((t) => [t.id, t.name]));
  return {
    products: products.map((p) => ({ id: p.id, slug: p.slug, name: p.name, ownerTeamId: p.ownerTeamId, topics: p.outputPorts.map((o) => o.topic) })),
    teams,
    inputPorts: inputPorts.map((i) => ({ productId: i.dataProductId, upstreamProductId: i.upstreamProductId })),
    grants: grants.map((g) => ({ productId: g.dataProductId, teamId: g.teamId })),
    reads: groupTopics.flatMap((gt) => {
      const group = groupById.get(gt.groupId);
      const topic = topicById.get(gt.topicId);
      if (!group || !topic) return [];
      return [{ groupId: group.groupId, topic, teamId: group.teamId, lastCommitAt: lastActive.get(`${group.groupId}|${topic}`) ?? gt.lastCommitAt }];
    }),
    connectors: connectors.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      connectorClass: c.connectorClass,
      topics: c.topics,
      groupId: c.kind === "SINK" ? sinkGroupId(c.principal.principal, c.name) : null,
    })),
    clusterTopics: topics.map((t) => t.name),
    processors,
  };
}
