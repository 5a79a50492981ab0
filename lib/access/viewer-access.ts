import "server-only";
import { db } from "@/lib/db";
import { teamIds, type Viewer } from "@/lib/auth";

/** Where the viewer's teams stand with one product: what the product page's access panel shows. */
export type ViewerAccess =
  | { state: "owner" }
  | { state: "active"; until: Date | null; teamName: string }
  | { state: "pending"; requestId: string; teamName: string; createdAt: Date }
  | { state: "none" };

export async function getViewerAccess(viewer: Viewer, product: { id: string; ownerTeamId: string }): Promise<ViewerAccess> {
  const myTeams = teamIds(viewer);
  if (myTeams.includes(product.ownerTeamId)) return { state: "owner" };
  const [active, pending] = await Promise.all([
    db.grant.findFirst({
      where: { dataProductId: product.id, teamId: { in: myTeams }, kind: "CONSUME", status: "ACTIVE" },
      include: { team: { select: { name: true } } },
    }),
    db.accessRequest.findFirst({
      where: { dataProductId: product.id, consumerTeamId: { in: myTeams }, status: "PENDING" },
      include: { consumerTeam: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  if (active) return { state: "active", until: active.validUntil, teamName: active.team.name };
  if (pending) return { state: "pending", requestId: pending.id, teamName: pending.consumerTeam.name, createdAt: pending.createdAt };
  return { state: "none" };
}
