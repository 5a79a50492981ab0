import "server-only";
import { db, type Prisma } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth";
import { notFound } from "@/lib/errors";
import { domainContext, ownedDomainIds } from "./context";
import { ownersAbsentWhere } from "./owners-absent";
import { nextStep } from "./decide";
import { accessRequestIdParam } from "./schemas";

const requestInclude = {
  dataProduct: { select: { slug: true, name: true, classification: true, containsPii: true } },
  consumerTeam: { select: { name: true, slug: true } },
  requester: { select: { name: true, email: true } },
  decidedBy: { select: { name: true } },
  grants: { select: { provisioning: true, provisioningError: true, status: true } },
  approvals: { select: { step: true, approverId: true, approver: { select: { name: true } }, createdAt: true } },
} as const;

/**
 * Pending requests waiting for this viewer's decision:
 * - owner step: products of teams they maintain (all, for admins; for domain owners, their domains'
 *   products whose maintainers are absent);
 * - data-protection step: restricted or personal-data requests the owners approved, for data-protection
 *   approvers who did not give the owner approval themselves.
 * Never their own requests.
 */
async function decidableWhere(viewer: Viewer, now = new Date()): Promise<Prisma.AccessRequestWhereInput> {
  const maintained = viewer.memberships.filter((m) => m.role === "MAINTAINER").map((m) => m.teamId);
  const domains = await ownedDomainIds(viewer);
  const ownerStep: Prisma.AccessRequestWhereInput = {
    approvals: { none: { step: "OWNER" } },
    ...(viewer.isPlatformAdmin
      ? {}
      : {
          OR: [
            { dataProduct: { ownerTeamId: { in: maintained } } },
            ...(domains.length > 0
              ? [
                  { AND: [{ dataProduct: { domainId: { in: domains } } }, ownersAbsentWhere(now)] },
                ]
              : []),
          ],
        }),
  };
  const steps: Prisma.AccessRequestWhereInput[] = [ownerStep];
  if (viewer.isDataProtectionApprover) {
    steps.push({
      requiresDataProtection: true,
      AND: [{ approvals: { some: { step: "OWNER", approverId: { not: viewer.id } } } }, { approvals: { none: { step: "DATA_PROTECTION" } } }],
    });
  }
  return { status: "PENDING", requesterId: { not: viewer.id }, OR: steps };
}

export async function listInbox(viewer: Viewer) {
  const rows = await db.accessRequest.findMany({ where: await decidableWhere(viewer), include: requestInclude, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ ...r, step: nextStep(r) }));
}

export async function countInbox(viewer: Viewer): Promise<number> {
  return db.accessRequest.count({ where: await decidableWhere(viewer) });
}

/** Requests made by the viewer or for any of their teams, newest first. */
export async function listMyRequests(viewer: Viewer) {
  const rows = await db.accessRequest.findMany({
    where: {
      OR: [{ requesterId: viewer.id }, { consumerTeamId: { in: viewer.memberships.map((m) => m.teamId) } }],
    },
    include: requestInclude,
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map((r) => ({ ...r, step: nextStep(r) }));
}

/** Everything the request page shows, with what the viewer may do. NOT_FOUND for outsiders. */
export async function getAccessRequestDetail(viewer: Viewer, id: string) {
  // The id comes from the URL: one that is not an id names no request (and NUL would fail the query).
  if (!accessRequestIdParam.safeParse(id).success) throw notFound("Access request");
  const request = await db.accessRequest.findUnique({
    where: { id },
    include: {
      dataProduct: { select: { id: true, slug: true, name: true, classification: true, containsPii: true, ownerTeamId: true, lifecycle: true, domainId: true, ownerTeam: { select: { name: true } } } },
      consumerTeam: { select: { id: true, name: true, principals: { select: { principal: true }, take: 1, orderBy: { createdAt: "asc" } } } },
      requester: { select: { name: true, email: true } },
      decidedBy: { select: { name: true } },
      approvals: { include: { approver: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      comments: { include: { author: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      grants: { include: { outputPort: { select: { topic: true } }, principal: { select: { principal: true } } }, orderBy: { createdAt: "asc" } },
      renewalOf: { select: { id: true, accessUntil: true } },
      renewals: { select: { id: true, status: true, createdAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
  if (!request) throw notFound("Access request");
  const ctx = await domainContext(viewer, request.dataProduct, request.status === "PENDING" ? request.createdAt : undefined);
  const ref = { ...request, product: request.dataProduct };
  if (!can(viewer, { permission: "read:access-request", request: ref, ...ctx })) throw notFound("Access request");

  const step = nextStep(request);
  const ownerApproval = request.approvals.find((a) => a.step === "OWNER");
  const granted = request.status === "APPROVED" || request.status === "ACTIVE";
  const history = await db.auditEvent.findMany({
    where: { targetId: { in: [request.id, ...request.grants.map((g) => g.id)] }, action: { not: "access-request.commented" } },
    orderBy: { at: "asc" },
    select: { id: true, at: true, action: true, actorLabel: true, after: true },
  });
  return {
    request,
    step,
    history,
    permissions: {
      decide:
        request.status === "PENDING" &&
        can(viewer, { permission: "decide:access-request", product: request.dataProduct, requesterId: request.requesterId, step, ownerApproverId: ownerApproval?.approverId, ...ctx }),
      cancel: request.status === "PENDING" && can(viewer, { permission: "cancel:access-request", requesterId: request.requesterId }),
      revoke: granted && can(viewer, { permission: "revoke:grant", product: request.dataProduct, ...ctx }),
      renew:
        (granted || request.status === "EXPIRED") &&
        !request.renewals.some((r) => r.status === "PENDING") &&
        can(viewer, { permission: "renew:access", consumerTeamId: request.consumerTeamId }),
      comment: can(viewer, { permission: "comment:access-request", request: ref, ...ctx }),
    },
  };
}

/** Teams with granted access to a product (one row per request), with whether the viewer may revoke. */
export async function listConsumers(viewer: Viewer, product: { id: string; ownerTeamId: string; lifecycle: string; domainId: string }) {
  const rows = await db.accessRequest.findMany({
    where: { dataProductId: product.id, status: { in: ["APPROVED", "ACTIVE"] } },
    include: { consumerTeam: { select: { id: true, name: true } }, grants: { select: { provisioning: true, validUntil: true, status: true } } },
    orderBy: { decidedAt: "asc" },
  });
  const mayRevoke = can(viewer, { permission: "revoke:grant", product, ...(await domainContext(viewer, product)) });
  return rows.map((r) => ({
    requestId: r.id,
    team: r.consumerTeam,
    until: r.accessUntil,
    status: r.status,
    provisioning: r.grants.some((g) => g.status === "ACTIVE" && g.provisioning !== "APPLIED") ? ("PENDING" as const) : ("APPLIED" as const),
    canRevoke: mayRevoke,
  }));
}
