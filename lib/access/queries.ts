import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth";

const requestInclude = {
  dataProduct: { select: { slug: true, name: true, classification: true, containsPii: true } },
  consumerTeam: { select: { name: true, slug: true } },
  requester: { select: { name: true, email: true } },
  decidedBy: { select: { name: true } },
  grants: { select: { provisioning: true, provisioningError: true, status: true } },
} as const;

/** Pending requests this viewer may decide: for products of teams they maintain (all, for admins). */
function decidableWhere(viewer: Viewer) {
  const maintained = viewer.memberships.filter((m) => m.role === "MAINTAINER").map((m) => m.teamId);
  return {
    status: "PENDING" as const,
    requesterId: { not: viewer.id },
    ...(viewer.isPlatformAdmin ? {} : { dataProduct: { ownerTeamId: { in: maintained } } }),
  };
}

export async function listInbox(viewer: Viewer) {
  return db.accessRequest.findMany({
    where: decidableWhere(viewer),
    include: requestInclude,
    orderBy: { createdAt: "asc" },
  });
}

export async function countInbox(viewer: Viewer): Promise<number> {
  return db.accessRequest.count({ where: decidableWhere(viewer) });
}

/** Requests made by the viewer or for any of their teams, newest first. */
export async function listMyRequests(viewer: Viewer) {
  return db.accessRequest.findMany({
    where: {
      OR: [{ requesterId: viewer.id }, { consumerTeamId: { in: viewer.memberships.map((m) => m.teamId) } }],
    },
    include: requestInclude,
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}
