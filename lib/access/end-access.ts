import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit, type Actor } from "@/lib/audit";
import { notify, teamMemberIds } from "@/lib/notifications";
import { provisionNow, type SyncOutcome } from "@/lib/provisioning";
import { conflict, notFound } from "@/lib/errors";
import { domainContext } from "./context";

// Ending access: revoked by an owner or admin, or expired at its end date. Either way the
// request and its grants change state in one transaction (conditional on still being granted,
// so a revoke racing the expiry job ends the grant exactly once), then the ACLs are removed
// through the same idempotent, retried provisioning as approvals.

type End = { kind: "REVOKED" | "EXPIRED"; actor: Actor; reason: string };

/** Ends one granted request. Returns the ended grant ids, or null when it was no longer granted. */
async function endAccess(requestId: string, end: End): Promise<string[] | null> {
  const endedAt = new Date();
  return db.$transaction(async (tx) => {
    const before = await tx.accessRequest.findUnique({ where: { id: requestId }, select: { status: true } });
    const { count } = await tx.accessRequest.updateMany({
      where: { id: requestId, status: { in: ["APPROVED", "ACTIVE"] } },
      data: { status: end.kind },
    });
    if (count === 0) return null;
    const request = await tx.accessRequest.findUniqueOrThrow({
      where: { id: requestId },
      include: { dataProduct: { select: { name: true, ownerTeamId: true } }, consumerTeam: { select: { name: true } }, grants: { where: { status: "ACTIVE" } } },
    });
    const ids = request.grants.map((g) => g.id);
    await tx.grant.updateMany({
      where: { id: { in: ids }, status: "ACTIVE" },
      data: {
        status: end.kind,
        endedAt,
        endedById: end.actor === "system" ? null : end.actor.id,
        endReason: end.reason,
        provisioning: "PENDING",
        provisioningError: null,
      },
    });
    await recordAudit(tx, {
      actor: end.actor,
      action: end.kind === "REVOKED" ? "access-request.revoked" : "access-request.expired",
      targetType: "access-request",
      targetId: requestId,
      before: { status: before?.status, grants: ids },
      after: { status: end.kind, reason: end.reason },
    });
    const product = request.dataProduct.name;
    const consumers = [request.requesterId, ...(await teamMemberIds(tx, [request.consumerTeamId]))];
    const owners = await teamMemberIds(tx, [request.dataProduct.ownerTeamId], true);
    const href = `/access/${requestId}`;
    if (end.kind === "REVOKED") {
      await notify(tx, consumers, { kind: "grant.revoked", title: `Access to ${product} was revoked`, body: end.reason, href }, end.actor === "system" ? undefined : end.actor.id);
    } else {
      await notify(tx, [...consumers, ...owners], {
        kind: "grant.expired",
        title: `${request.consumerTeam.name}'s access to ${product} expired`,
        body: "The ACLs are removed. Ask again from the product page if the team still needs the data.",
        href,
      });
    }
    return ids;
  });
}

async function removeKafkaAccess(grantIds: string[]): Promise<SyncOutcome[]> {
  const outcomes: SyncOutcome[] = [];
  for (const id of grantIds) outcomes.push(await provisionNow({ kind: "grant", id }));
  return outcomes;
}

export type RevokeResult = { provisioningWarning?: string };

/** Owners (maintainers, domain owners) and admins revoke at any time; the ACLs go, the consumer is told. */
export async function revokeAccess(viewer: Viewer, input: { requestId: string; reason: string }): Promise<RevokeResult> {
  const request = await db.accessRequest.findUnique({ where: { id: input.requestId }, include: { dataProduct: true } });
  if (!request) throw notFound("Access request");
  assertCan(viewer, { permission: "revoke:grant", product: request.dataProduct, ...(await domainContext(viewer, request.dataProduct)) });
  const ids = await endAccess(request.id, { kind: "REVOKED", actor: viewer, reason: input.reason });
  if (ids === null) {
    const now = await db.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
    throw conflict(`This access is not active (it is ${now.status.toLowerCase()}), so there is nothing to revoke.`);
  }
  const failed = (await removeKafkaAccess(ids)).find((o) => !o.ok);
  return {
    provisioningWarning: failed && !failed.ok ? `Revoked. Removing the ACLs from Kafka failed (${failed.error}); Meshport retries until it succeeds.` : undefined,
  };
}

/** Expires every grant whose end date has passed. Run by a scheduled job; safe to run anywhere, any number of times. */
export async function expireDueGrants(now = new Date()): Promise<{ expired: number }> {
  const due = await db.accessRequest.findMany({
    where: { status: { in: ["APPROVED", "ACTIVE"] }, grants: { some: { status: "ACTIVE", kind: "CONSUME", validUntil: { lte: now } } } },
    select: { id: true },
  });
  let expired = 0;
  for (const r of due) {
    const ids = await endAccess(r.id, { kind: "EXPIRED", actor: "system", reason: `Access ended on ${now.toISOString().slice(0, 10)} as granted.` });
    if (ids === null) continue; // revoked or expired by someone else meanwhile
    expired++;
    await removeKafkaAccess(ids);
  }
  return { expired };
}

export const EXPIRY_NOTICE_DAYS = 7;

/** Tells owners and consumers a week ahead that a grant ends, once per grant. */
export async function sendExpiryNotices(now = new Date()): Promise<{ noticed: number }> {
  const soon = new Date(now.getTime() + EXPIRY_NOTICE_DAYS * 86_400_000);
  const grants = await db.grant.findMany({
    where: { kind: "CONSUME", status: "ACTIVE", expiryNoticeSentAt: null, validUntil: { gt: now, lte: soon }, accessRequestId: { not: null } },
    include: { dataProduct: { select: { name: true, ownerTeamId: true } }, team: { select: { name: true } } },
  });
  let noticed = 0;
  const seen = new Set<string>();
  for (const g of grants) {
    await db.$transaction(async (tx) => {
      // The condition claims the grant: a second job run (or instance) finds nothing left to do.
      const { count } = await tx.grant.updateMany({ where: { id: g.id, expiryNoticeSentAt: null }, data: { expiryNoticeSentAt: now } });
      if (count === 0 || !g.accessRequestId || seen.has(g.accessRequestId)) return;
      seen.add(g.accessRequestId); // one notice per request, even with several ports
      const request = await tx.accessRequest.findUniqueOrThrow({ where: { id: g.accessRequestId }, select: { requesterId: true } });
      const until = g.validUntil!.toISOString().slice(0, 10);
      const href = `/access/${g.accessRequestId}`;
      await notify(tx, [request.requesterId, ...(await teamMemberIds(tx, [g.teamId]))], {
        kind: "grant.expiring",
        title: `Your access to ${g.dataProduct.name} ends on ${until}`,
        body: "Renew with one click if the team still needs it.",
        href,
      });
      await notify(tx, await teamMemberIds(tx, [g.dataProduct.ownerTeamId], true), {
        kind: "grant.expiring",
        title: `${g.team.name}'s access to ${g.dataProduct.name} ends on ${until}`,
        body: "Nothing to do unless they ask to renew.",
        href,
      });
      await recordAudit(tx, { actor: "system", action: "grant.expiry-notice-sent", targetType: "grant", targetId: g.id, after: { validUntil: g.validUntil } });
      noticed++;
    });
  }
  return { noticed };
}
