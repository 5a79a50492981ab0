import "server-only";
import { db, queryRows, Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { freshnessOf } from "./freshness";
import { groupTopicFacts, topicFacts, topicHistory } from "./index-facts";
import { productProblems } from "./problems";
import { findUnusedGrants } from "./unused-grants";
import { rateSeries } from "./series";
import type { DashboardEvent, OwnerDashboard, ProductHealthRow } from "./types";

const DAY = 86_400_000;
const SPARK_BUCKET_S = 1800;

/** Teams of the viewer that own products: their products' health, from the index. */
export async function getOwnerDashboard(viewer: Viewer, now = new Date()): Promise<OwnerDashboard> {
  const teamIds = viewer.memberships.map((m) => m.teamId);
  const products = await db.dataProduct.findMany({
    where: { ownerTeamId: { in: teamIds }, lifecycle: { not: "RETIRED" } },
    select: {
      id: true, slug: true, name: true, freshnessSlaMinutes: true,
      ownerTeam: { select: { name: true } },
      outputPorts: { select: { topic: true, provisioning: true, provisioningError: true } },
      _count: { select: { accessRequests: { where: { status: "PENDING" } } } },
    },
    orderBy: { name: "asc" },
  });
  const topics = products.flatMap((p) => p.outputPorts.map((o) => o.topic));
  const from = new Date(now.getTime() - DAY);
  const [facts, consumers, problems, teams, events, unused] = await Promise.all([
    topicFacts(topics),
    groupTopicFacts(topics),
    productProblems(products.map((p) => p.id), now),
    db.team.findMany({ select: { id: true, name: true } }),
    recentEvents(products.map((p) => p.id)),
    findUnusedGrants({ productIds: products.map((p) => p.id), now }),
  ]);
  const history = await topicHistory([...facts.values()].map((f) => f.id), from, SPARK_BUCKET_S, "minute");
  const teamName = new Map(teams.map((t) => [t.id, t.name]));

  const rows: ProductHealthRow[] = products.map((p) => {
    const own = p.outputPorts.map((o) => facts.get(o.topic)).filter((f) => f !== undefined);
    const lastMessageAt = own.reduce<Date | null>((a, f) => (f.lastMessageAt && (!a || f.lastMessageAt > a) ? f.lastMessageAt : a), null);
    const firstSeenAt = own.reduce<Date | null>((a, f) => (!a || f.firstSeenAt < a ? f.firstSeenAt : a), null);
    const spark = own
      .map((f) => rateSeries(history.get(f.id) ?? [], from.getTime(), now.getTime(), SPARK_BUCKET_S * 1000))
      .reduce((sum, s) => (sum.length ? sum.map((x, i) => ({ t: x.t, v: x.v + (s[i]?.v ?? 0) })) : s), [] as { t: number; v: number }[]);
    const mine = consumers.filter((c) => p.outputPorts.some((o) => o.topic === c.topic));
    const worst = mine.reduce<(typeof mine)[number] | null>((w, c) => (!w || c.timeLagSeconds > w.timeLagSeconds || (c.timeLagSeconds === w.timeLagSeconds && c.lag > w.lag) ? c : w), null);
    const missingTopics = facts.size > 0 ? p.outputPorts.filter((o) => o.provisioning === "APPLIED" && !facts.has(o.topic)).map((o) => `Topic ${o.topic} is not in Kafka.`) : [];
    return {
      id: p.id,
      slug: p.slug,
      name: p.name,
      team: p.ownerTeam.name,
      freshness: freshnessOf({ slaMinutes: p.freshnessSlaMinutes, lastMessageAt, firstSeenAt }, now),
      produceRate: own.reduce((n, f) => n + f.produceRate, 0),
      sparkline: spark,
      consumers: new Set(mine.map((c) => c.group)).size,
      worst: worst ? { group: worst.group, team: worst.teamId ? (teamName.get(worst.teamId) ?? null) : null, lag: worst.lag, timeLagSeconds: worst.timeLagSeconds } : null,
      problems: [
        ...(problems.get(p.id) ?? []),
        ...missingTopics,
        ...unused.filter((u) => u.productId === p.id).map((u) => `Unused grant: ${u.team} consumed nothing for ${u.days}+ days.`),
      ],
      openRequests: p._count.accessRequests,
    };
  });
  return {
    products: rows,
    summary: {
      products: rows.length,
      openRequests: rows.reduce((n, r) => n + r.openRequests, 0),
      objectivesMissed: rows.filter((r) => r.freshness.status === "missed").length,
      lagging: rows.filter((r) => (r.worst?.lag ?? 0) > 0).length,
      problems: rows.filter((r) => r.problems.length > 0).length,
    },
    events,
  };
}

/** The newest audit events about these products, their access requests and grants. */
async function recentEvents(productIds: string[], take = 10): Promise<DashboardEvent[]> {
  if (!productIds.length) return [];
  const rows = await queryRows<{ id: string; at: string; actor: string; action: string; targetType: string; targetId: string; requestId: string | null }>(Prisma.sql`
    SELECT e.id, extract(epoch FROM e.at) * 1000 AS at, e."actorLabel" AS actor, e.action, e."targetType", e."targetId",
           CASE WHEN e."targetType" = 'access-request' THEN e."targetId" END AS "requestId"
    FROM "AuditEvent" e
    WHERE (e."targetType" = 'data-product' AND e."targetId" = ANY(${productIds}::text[]))
       OR (e."targetType" = 'access-request' AND e."targetId" IN (SELECT id FROM "AccessRequest" WHERE "dataProductId" = ANY(${productIds}::text[])))
       OR (e."targetType" = 'grant' AND e."targetId" IN (SELECT id FROM "Grant" WHERE "dataProductId" = ANY(${productIds}::text[])))
       OR (e."targetType" = 'output-port' AND e."targetId" IN (SELECT id FROM "OutputPort" WHERE "dataProductId" = ANY(${productIds}::text[])))
    ORDER BY e.at DESC, e.id DESC LIMIT ${take}`);
  return rows.map((r) => ({
    id: r.id,
    at: new Date(Number(r.at)).toISOString(),
    actor: r.actor,
    action: r.action,
    targetType: r.targetType,
    targetId: r.targetId,
    href: r.requestId ? `/access/${r.requestId}` : null,
  }));
}

/** Whether any of the viewer's teams owns a product (the dashboard is their landing page). */
export async function ownsProducts(viewer: Viewer): Promise<boolean> {
  const teamIds = viewer.memberships.map((m) => m.teamId);
  return teamIds.length > 0 && (await db.dataProduct.count({ where: { ownerTeamId: { in: teamIds }, lifecycle: { not: "RETIRED" } } })) > 0;
}
