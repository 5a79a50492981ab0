import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { getProductHealth, type ProductHealth } from "./product-health";

export type MyGrant = { requestId: string | null; product: { slug: string; name: string }; team: string; topic: string; validUntil: string | null; grantedAt: string };
export type MyAccess = { grants: MyGrant[]; products: ProductHealth[] };

/** "My access": the viewer's teams' active grants, and their own consumer groups' lag per product (24 h). */
export async function getMyAccess(viewer: Viewer): Promise<MyAccess> {
  const grants = await db.grant.findMany({
    where: { teamId: { in: viewer.memberships.map((m) => m.teamId) }, kind: "CONSUME", status: "ACTIVE" },
    select: {
      accessRequestId: true, validUntil: true, createdAt: true,
      dataProduct: { select: { slug: true, name: true } }, team: { select: { name: true } }, outputPort: { select: { topic: true } },
    },
    orderBy: [{ dataProduct: { name: "asc" } }, { team: { name: "asc" } }],
  });
  const slugs = [...new Set(grants.map((g) => g.dataProduct.slug))];
  const products = await Promise.all(slugs.map((slug) => getProductHealth(viewer, slug, "24h", { ownOnly: true })));
  return {
    grants: grants.map((g) => ({
      requestId: g.accessRequestId, product: g.dataProduct, team: g.team.name, topic: g.outputPort.topic,
      validUntil: g.validUntil?.toISOString() ?? null, grantedAt: g.createdAt.toISOString(),
    })),
    products,
  };
}
