import "server-only";
import { db, type Prisma } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { loadPolicies } from "./load-policies";
import type { Policies } from "./policies";

/** Sets the global policies (platform admins only); stores only what differs from before, audited. */
export async function updatePolicies(viewer: Viewer, next: Policies): Promise<Policies> {
  assertCan(viewer, { permission: "manage:policies" });
  const before = await loadPolicies();
  const changed = (Object.keys(next) as (keyof Policies)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]));
  if (changed.length === 0) return before;
  await db.$transaction(async (tx) => {
    for (const key of changed) {
      const value = next[key] as Prisma.InputJsonValue;
      await tx.policy.upsert({ where: { key }, update: { value, updatedById: viewer.id }, create: { key, value, updatedById: viewer.id } });
    }
    await recordAudit(tx, {
      actor: viewer,
      action: "policies.updated",
      targetType: "policy",
      targetId: changed.join(","),
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
    });
  });
  return next;
}
