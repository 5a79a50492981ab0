import "server-only";
import { db, queryRows, Prisma } from "@/lib/db";
import { loadPolicies } from "@/lib/governance";
import { recordAudit } from "@/lib/audit";
import { notify, teamMemberIds } from "@/lib/notifications";

// Unused grants: an ACTIVE CONSUME grant older than the policy's window whose principal's consumer
// groups did not consume the port's topic within it (ConsumerActivity: offsets moved, or a live
// member; it outlives Kafka's own memory of empty groups). Owners get a one-step revoke; the
// consuming team is told once per lapse.

export type { UnusedGrant } from "./unused-grants-types";
import type { UnusedGrant } from "./unused-grants-types";

const DAY = 86_400_000;

export async function findUnusedGrants(options: { productIds?: string[]; now?: Date; days?: number } = {}): Promise<UnusedGrant[]> {
  const now = options.now ?? new Date();
  const days = options.days ?? (await loadPolicies()).unusedGrantDays;
  const cut = new Date(now.getTime() - days * DAY).toISOString();
  const products = options.productIds ?? null;
  const rows = await queryRows<{
    grantId: string; requestId: string; productId: string; productName: string; productSlug: string; team: string; teamId: string;
    topic: string; principal: string; grantedAt: string; last: string | null;
  }>(Prisma.sql`
    SELECT g.id AS "grantId", g."accessRequestId" AS "requestId", p.id AS "productId", p.name AS "productName", p.slug AS "productSlug",
           t.name AS team, t.id AS "teamId", op.topic, kp.principal, extract(epoch FROM g."createdAt") * 1000 AS "grantedAt",
           (SELECT extract(epoch FROM max(a."lastActiveAt")) * 1000 FROM "ConsumerActivity" a WHERE a.topic = op.topic AND a.principal = kp.principal) AS last
    FROM "Grant" g
    JOIN "OutputPort" op ON op.id = g."outputPortId"
    JOIN "DataProduct" p ON p.id = g."dataProductId"
    JOIN "Team" t ON t.id = g."teamId"
    JOIN "KafkaPrincipal" kp ON kp.id = g."principalId"
    WHERE g.status = 'ACTIVE' AND g.kind = 'CONSUME' AND g."accessRequestId" IS NOT NULL
      AND g."createdAt" <= ${cut}::timestamp(3)
      AND (${products}::text[] IS NULL OR g."dataProductId" = ANY(${products}::text[]))
    ORDER BY p.name, t.name`);
  return rows
    .filter((r) => r.last === null || Number(r.last) < Date.parse(cut))
    .map((r) => ({
      grantId: r.grantId, requestId: r.requestId, productId: r.productId, productName: r.productName, productSlug: r.productSlug,
      team: r.team, teamId: r.teamId, topic: r.topic, principal: r.principal,
      grantedAt: new Date(Number(r.grantedAt)).toISOString(), lastActiveAt: r.last === null ? null : new Date(Number(r.last)).toISOString(), days,
    }));
}

/** Tells each consuming team (and the owners) about a newly unused grant, once; forgets grants used again. Safe to run anywhere, any number of times. */
export async function flagUnusedGrants(now = new Date()): Promise<{ flagged: number }> {
  const unused = await findUnusedGrants({ now });
  const ids = unused.map((u) => u.grantId);
  await db.unusedGrantNotice.deleteMany({ where: { grantId: { notIn: ids } } });
  let flagged = 0;
  for (const u of unused) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.unusedGrantNotice.createMany({ data: [{ grantId: u.grantId, flaggedAt: now }], skipDuplicates: true });
      if (count === 0) return; // told already
      const product = await tx.dataProduct.findUniqueOrThrow({ where: { id: u.productId }, select: { ownerTeamId: true } });
      const since = u.lastActiveAt ? `since ${u.lastActiveAt.slice(0, 10)}` : "since it was granted";
      await notify(tx, await teamMemberIds(tx, [u.teamId]), {
        kind: "grant.unused",
        title: `Your access to ${u.productName} looks unused`,
        body: `${u.principal} has consumed nothing from ${u.topic} ${since} (${u.days} days or more). The owners may revoke it; ask them to keep it if you still need it.`,
        href: `/access/${u.requestId}`,
      });
      await notify(tx, await teamMemberIds(tx, [product.ownerTeamId], true), {
        kind: "grant.unused",
        title: `${u.team}'s access to ${u.productName} looks unused`,
        body: `Nothing consumed from ${u.topic} ${since}. Revoke it in one step from the product's health tab.`,
        href: `/products/${u.productSlug}/health`,
      });
      await recordAudit(tx, { actor: "system", action: "grant.flagged-unused", targetType: "grant", targetId: u.grantId, after: { lastActiveAt: u.lastActiveAt, days: u.days } });
      flagged++;
    });
  }
  return { flagged };
}
