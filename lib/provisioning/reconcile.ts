import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { aclBindingsFor, applyAcls, deleteAclBindings, listAcls, type AclBinding, type AclSpec } from "@/lib/kafka";

// The reconciler compares what Meshport's grants say with the ACLs Kafka holds:
// - an ACL an active grant implies but Kafka lacks is re-applied (MISSING_RESTORED);
// - an ACL only an ended grant implies, for a principal Meshport manages, is removed (ORPHAN_REMOVED);
// - any other ACL (unknown principals, resources Meshport does not grant) is reported (UNMANAGED), never touched.
// See docs/decisions/0023-acl-reconciliation.md.

const key = (b: Pick<AclBinding, "principal" | "resourceType" | "name" | "patternType" | "operation" | "permission" | "host">) =>
  [b.principal, b.resourceType, b.name, b.patternType, b.operation, b.permission, b.host].join("|");

type GrantRow = Awaited<ReturnType<typeof loadGrants>>[number];

function loadGrants() {
  return db.grant.findMany({ include: { principal: true, outputPort: { select: { topic: true } } } });
}

function specOf(g: GrantRow): AclSpec {
  return { principal: g.principal.principal, topic: g.outputPort.topic, access: g.kind === "PRODUCE" ? "PRODUCE" : "CONSUME" };
}

export type ReconcileReport = { checked: number; restored: number; removed: number; unmanaged: number };

export async function reconcileAcls(): Promise<ReconcileReport> {
  // Kafka first, then the database: a grant ended after the listing shows up as ended (its ACL is
  // then correctly removed); one approved after it was not yet applied, so nothing is missed wrongly.
  const listedAt = new Date();
  const current = await listAcls();
  const [grants, principals] = await Promise.all([loadGrants(), db.kafkaPrincipal.findMany({ select: { principal: true } })]);
  const known = new Set(principals.map((p) => p.principal));

  const expected = new Map<string, AclBinding>();
  const endedImplies = new Map<string, string>(); // binding key → an ended grant implying it
  for (const g of grants) {
    for (const b of aclBindingsFor(specOf(g))) {
      if (g.status === "ACTIVE") expected.set(key(b), b);
      else if (!endedImplies.has(key(b))) endedImplies.set(key(b), g.id);
    }
  }
  const present = new Set(current.map(key));
  const report: ReconcileReport = { checked: current.length, restored: 0, removed: 0, unmanaged: 0 };

  // 1. Missing ACLs of active grants whose provisioning had completed before the listing.
  for (const g of grants) {
    if (g.status !== "ACTIVE" || g.provisioning !== "APPLIED" || !g.provisionedAt || g.provisionedAt > listedAt) continue;
    const missing = aclBindingsFor(specOf(g)).filter((b) => !present.has(key(b)));
    if (missing.length === 0) continue;
    const fresh = await db.grant.findUnique({ where: { id: g.id }, select: { status: true } });
    if (fresh?.status !== "ACTIVE") continue; // ended meanwhile: its removal is under way
    await applyAcls(specOf(g));
    await db.$transaction(async (tx) => {
      await tx.aclDrift.createMany({
        data: missing.map((b) => ({
          kind: "MISSING_RESTORED" as const,
          principal: b.principal,
          resourceType: b.resourceType,
          resourceName: b.name,
          patternType: b.patternType,
          operation: b.operation,
          grantId: g.id,
          detail: "Missing in Kafka for an active grant; re-applied.",
        })),
      });
      await recordAudit(tx, { actor: "system", action: "grant.acls-restored", targetType: "grant", targetId: g.id, after: { restored: missing } });
    });
    for (const b of missing) present.add(key(b));
    report.restored += missing.length;
  }

  // 2. ACLs no active grant implies.
  const orphans: { binding: AclBinding; grantId: string }[] = [];
  for (const b of current) {
    const k = key(b);
    if (expected.has(k)) continue;
    const endedGrant = endedImplies.get(k);
    if (known.has(b.principal) && endedGrant) orphans.push({ binding: b, grantId: endedGrant });
    else {
      await recordUnmanaged(b, known.has(b.principal));
      report.unmanaged++;
    }
  }

  if (orphans.length > 0) {
    // Re-check against the grants as they are now: one approved since the first read may need these.
    const nowActive = new Set(
      (await db.grant.findMany({ where: { status: "ACTIVE", principal: { principal: { in: orphans.map((o) => o.binding.principal) } } }, include: { principal: true, outputPort: { select: { topic: true } } } }))
        .flatMap((g) => aclBindingsFor(specOf(g)).map(key)),
    );
    const remove = orphans.filter((o) => !nowActive.has(key(o.binding)));
    await deleteAclBindings(remove.map((o) => o.binding));
    if (remove.length > 0) {
      await db.$transaction(async (tx) => {
        await tx.aclDrift.createMany({
          data: remove.map(({ binding: b, grantId }) => ({
            kind: "ORPHAN_REMOVED" as const,
            principal: b.principal,
            resourceType: b.resourceType,
            resourceName: b.name,
            patternType: b.patternType,
            operation: b.operation,
            grantId,
            detail: "Left in Kafka after its grant ended; removed.",
          })),
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

/** Unmanaged ACLs are seen on every run: one row per binding identity, its lastSeenAt moved forward. */
async function recordUnmanaged(b: AclBinding, knownPrincipal: boolean): Promise<void> {
  const identity = { kind: "UNMANAGED" as const, principal: b.principal, resourceType: b.resourceType, resourceName: b.name, patternType: b.patternType, operation: b.operation };
  const detail = `${b.permission} from host ${b.host}. ${knownPrincipal ? "A Meshport team's principal, but no grant implies this ACL." : "Principal not managed by Meshport."}`;
  const existing = await db.aclDrift.findFirst({ where: identity, select: { id: true } });
  if (existing) await db.aclDrift.update({ where: { id: existing.id }, data: { lastSeenAt: new Date(), detail } });
  else await db.aclDrift.create({ data: { ...identity, detail } });
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
