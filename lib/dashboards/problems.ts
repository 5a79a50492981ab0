import "server-only";
import { db } from "@/lib/db";

const PENDING_TOO_LONG_MS = 5 * 60_000;
const DRIFT_WINDOW_MS = 24 * 3600_000;

/** Provisioning and ACL drift problems per product: what an owner should look at. */
export async function productProblems(productIds: string[], now: Date): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!productIds.length) return out;
  const add = (id: string, problem: string) => out.set(id, [...(out.get(id) ?? []), problem]);
  const [ports, grants] = await Promise.all([
    db.outputPort.findMany({ where: { dataProductId: { in: productIds } }, select: { dataProductId: true, topic: true, provisioning: true, updatedAt: true } }),
    db.grant.findMany({
      where: { dataProductId: { in: productIds }, status: "ACTIVE", provisioning: { not: "APPLIED" } },
      select: { dataProductId: true, provisioning: true, updatedAt: true, team: { select: { name: true } } },
    }),
  ]);
  const topicOwner = new Map(ports.map((p) => [p.topic, p.dataProductId]));
  const drift = await db.aclDrift.findMany({
    where: { resourceType: "TOPIC", resourceName: { in: [...topicOwner.keys()] }, OR: [{ kind: "UNMANAGED" }, { detectedAt: { gte: new Date(now.getTime() - DRIFT_WINDOW_MS) } }] },
    select: { kind: true, resourceName: true, principal: true },
  });
  for (const p of ports) {
    if (p.provisioning === "FAILED") add(p.dataProductId, `Topic ${p.topic}: provisioning failed.`);
    else if (p.provisioning === "PENDING" && now.getTime() - p.updatedAt.getTime() > PENDING_TOO_LONG_MS) add(p.dataProductId, `Topic ${p.topic}: still being provisioned.`);
  }
  for (const g of grants) {
    if (g.provisioning === "FAILED") add(g.dataProductId, `ACLs for ${g.team.name}: provisioning failed.`);
    else if (now.getTime() - g.updatedAt.getTime() > PENDING_TOO_LONG_MS) add(g.dataProductId, `ACLs for ${g.team.name}: still being applied.`);
  }
  const seen = new Set<string>();
  for (const d of drift) {
    const id = topicOwner.get(d.resourceName);
    const key = `${id}:${d.kind}:${d.principal}`;
    if (!id || seen.has(key)) continue;
    seen.add(key);
    add(id, d.kind === "UNMANAGED" ? `ACL drift: ${d.principal} has an ACL Meshport does not manage.` : d.kind === "MISSING_RESTORED" ? `ACL drift: ${d.principal}'s ACL was missing (restored).` : `ACL drift: an ACL of ${d.principal} outlived its grant (removed).`);
  }
  return out;
}
