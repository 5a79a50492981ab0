import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { bindingKey, createAclBindings, deleteAclBindings, listAcls, type AclBinding } from "@/lib/kafka";
import { desiredForPrincipals, loadGrantFacts } from "./desired";
import { planReconcile } from "./reconcile-plan";

// The reconciler makes Kafka hold what Meshport's grants imply (docs/decisions/0023, 0034):
// - what Kafka should hold is computed from the database alone (planReconcile over the grants);
// - an ACL an active grant implies but Kafka lacks is re-applied (MISSING_RESTORED);
// - an ACL only an ended grant implies, for a principal Meshport manages, is removed (ORPHAN_REMOVED);
// - any other ACL (unknown principals, resources Meshport does not grant) is reported (UNMANAGED), never touched.

export type ReconcileReport = { checked: number; restored: number; removed: number; unmanaged: number };

export async function reconcileAcls(): Promise<ReconcileReport> {
  // Kafka first, then the database: a grant ended after the listing shows up as ended (its ACL is
  // then correctly removed); one approved after it was not yet applied, so nothing is missed wrongly.
  const listedAt = new Date();
  const current = await listAcls();
  const [grants, principals] = await Promise.all([loadGrantFacts(), db.kafkaPrincipal.findMany({ select: { principal: true } })]);
  const known = new Set(principals.map((p) => p.principal));
  const plan = planReconcile(grants, current, listedAt);
  const report: ReconcileReport = { checked: current.length, restored: 0, removed: 0, unmanaged: 0 };

  for (const [grantId, missing] of plan.restore) {
    const fresh = await db.grant.findUnique({ where: { id: grantId }, select: { status: true } });
    if (fresh?.status !== "ACTIVE") continue; // ended meanwhile: its removal is under way
    await createAclBindings(missing);
    await db.$transaction(async (tx) => {
      await tx.aclDrift.createMany({
        data: missing.map((b) => ({ kind: "MISSING_RESTORED" as const, ...identity(b), grantId, detail: "Missing in Kafka for an active grant; re-applied." })),
      });
      await recordAudit(tx, { actor: "system", action: "grant.acls-restored", targetType: "grant", targetId: grantId, after: { restored: missing } });
    });
    report.restored += missing.length;
  }

  for (const b of plan.unmanaged) await recordUnmanaged(b, known.has(b.principal));
  report.unmanaged = plan.unmanaged.length;

  if (plan.orphans.length > 0) {
    // Re-check against the grants as they are now: one approved since the first read may need these.
    const nowDesired = new Set((await desiredForPrincipals([...new Set(plan.orphans.map((o) => o.binding.principal))])).map(bindingKey));
    const remove = plan.orphans.filter((o) => !nowDesired.has(bindingKey(o.binding)));
    await deleteAclBindings(remove.map((o) => o.binding));
    if (remove.length > 0) {
      await db.$transaction(async (tx) => {
        await tx.aclDrift.createMany({
          data: remove.map(({ binding: b, grantId }) => ({ kind: "ORPHAN_REMOVED" as const, ...identity(b), grantId, detail: "Left in Kafka after its grant ended; removed." })),
        });
        for (const grantId of new Set(remove.map((o) => o.grantId))) {
          await recordAudit(tx, {
            actor: "system",
            action: "grant.orphan-acls-removed",
            targetType: "grant",
            targetId: grantId,
            after: { removed: remove.filter((o) => o.grantId === grantId).map((o) => o.binding) },
          });
        }
      });
    }
    report.removed = remove.length;
  }
  return report;
}

const identity = (b: AclBinding) => ({ principal: b.principal, resourceType: b.resourceType, resourceName: b.name, patternType: b.patternType, operation: b.operation });

/** Unmanaged ACLs are seen on every run: one row per binding identity, its lastSeenAt moved forward. */
async function recordUnmanaged(b: AclBinding, knownPrincipal: boolean): Promise<void> {
  const where = { kind: "UNMANAGED" as const, ...identity(b) };
  const detail = `${b.permission} from host ${b.host}. ${knownPrincipal ? "A Meshport team's principal, but no grant implies this ACL." : "Principal not managed by Meshport."}`;
  const existing = await db.aclDrift.findFirst({ where, select: { id: true } });
  if (existing) await db.aclDrift.update({ where: { id: existing.id }, data: { lastSeenAt: new Date(), detail } });
  else await db.aclDrift.create({ data: { ...where, detail } });
}

/** What the admin drift page shows. */
export async function listAclDrift(viewer: Viewer) {
  assertCan(viewer, { permission: "read:acl-drift" });
  const [changes, unmanaged] = await Promise.all([
    db.aclDrift.findMany({ where: { kind: { in: ["MISSING_RESTORED", "ORPHAN_REMOVED"] } }, orderBy: { detectedAt: "desc" }, take: 200 }),
    db.aclDrift.findMany({ where: { kind: "UNMANAGED" }, orderBy: [{ lastSeenAt: "desc" }, { principal: "asc" }], take: 500 }),
  ]);
  const grantIds = [...new Set(changes.map((c) => c.grantId).filter((id): id is string => Boolean(id)))];
  const grants = await db.grant.findMany({
    where: { id: { in: grantIds } },
    select: { id: true, accessRequestId: true, team: { select: { name: true } }, dataProduct: { select: { name: true, slug: true } } },
  });
  const byId = new Map(grants.map((g) => [g.id, g]));
  return { changes: changes.map((c) => ({ ...c, grant: c.grantId ? (byId.get(c.grantId) ?? null) : null })), unmanaged };
}
