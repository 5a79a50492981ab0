import "server-only";
import { db } from "@/lib/db";
import { teamIds, type Viewer } from "@/lib/auth";

/** Where the viewer's teams stand with one product: what the product page's access panel shows. */
export type ViewerAccess =
  | { state: "owner" }
  | { state: "active"; until: Date | null; teamName: string; requestId: string | null; applied: boolean }
  | { state: "pending"; requestId: string; teamName: string; createdAt: Date; awaiting: "owners" | "data protection" }
  | { state: "none"; lastRequestId?: string; lastStatus?: string; lastReason?: string | null };

export async function getViewerAccess(viewer: Viewer, product: { id: string; ownerTeamId: string }): Promise<ViewerAccess> {
  const myTeams = teamIds(viewer);
  if (myTeams.includes(product.ownerTeamId)) return { state: "owner" };
  const [active, pending, last] = await Promise.all([
    db.grant.findFirst({
      where: { dataProductId: product.id, teamId: { in: myTeams }, kind: "CONSUME", status: "ACTIVE" },
      include: { team: { select: { name: true } } },
      orderBy: { validUntil: "desc" },
    }),
    db.accessRequest.findFirst({
      where: { dataProductId: product.id, consumerTeamId: { in: myTeams }, status: "PENDING" },
      include: { consumerTeam: { select: { name: true } }, approvals: { select: { step: true } } },
      orderBy: { createdAt: "desc" },
    }),
    db.accessRequest.findFirst({
      where: { dataProductId: product.id, consumerTeamId: { in: myTeams }, status: { in: ["REJECTED", "REVOKED", "EXPIRED"] } },
      orderBy: { updatedAt: "desc" },
      include: { grants: { select: { endReason: true }, take: 1 } },
    }),
  ]);
  if (active) {
    return { state: "active", until: active.validUntil, teamName: active.team.name, requestId: active.accessRequestId, applied: active.provisioning === "APPLIED" };
  }
  if (pending) {
    const ownersDone = pending.approvals.some((a) => a.step === "OWNER");
    return { state: "pending", requestId: pending.id, teamName: pending.consumerTeam.name, createdAt: pending.createdAt, awaiting: ownersDone ? "data protection" : "owners" };
  }
  if (last) return { state: "none", lastRequestId: last.id, lastStatus: last.status, lastReason: last.decisionReason ?? last.grants[0]?.endReason ?? null };
  return { state: "none" };
}
