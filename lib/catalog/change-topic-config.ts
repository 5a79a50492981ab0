import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { changedLayoutFields, checkTopicChange, checkTopicLimits, loadPolicies } from "@/lib/governance";
import { provisionNow } from "@/lib/provisioning";
import { invalid, notFound } from "@/lib/errors";

export type TopicChangeOutcome = { changed: string[]; status: "APPLIED" | "PENDING" | "FAILED"; warning?: string };

const HOUR_MS = 3_600_000n;

/**
 * Changes an output port's topic where Kafka allows it. Refusals (fewer partitions, another replication
 * factor, a policy's limits) come before anything is written. The new layout and PENDING go in one
 * transaction with the audit event; that row is the durable intent, applied by the retried, idempotent
 * provisioning (now, else by the job it queues or the minute sweep), which reads the topic back.
 */
export async function changeTopicConfig(
  viewer: Viewer,
  input: { portId: string; partitions: number; retentionHours: number; cleanupPolicy: string },
): Promise<TopicChangeOutcome> {
  const port = await db.outputPort.findUnique({ where: { id: input.portId }, include: { dataProduct: { select: { ownerTeamId: true, lifecycle: true } } } });
  if (!port) throw notFound("Output port");
  assertCan(viewer, { permission: "edit:data-product", product: port.dataProduct });
  if (port.dataProduct.lifecycle === "RETIRED") throw invalid("This product is retired.");

  const current = { partitions: port.partitions, replicationFactor: port.replicationFactor, retentionHours: Number(port.retentionMs / HOUR_MS), cleanupPolicy: port.cleanupPolicy };
  const next = { ...current, partitions: input.partitions, retentionHours: input.retentionHours, cleanupPolicy: input.cleanupPolicy };
  const refusals = { ...checkTopicChange(current, next), ...checkTopicLimits(next, undefined, await loadPolicies()) };
  if (Object.keys(refusals).length > 0) throw invalid("Kafka or the policies do not allow this change; nothing was changed.", refusals);
  const changed = changedLayoutFields(current, next);
  if (changed.length === 0) return { changed, status: port.provisioning };

  const { count } = await db.$transaction(async (tx) => {
    const updated = await tx.outputPort.updateMany({
      where: { id: port.id, updatedAt: port.updatedAt },
      data: { partitions: next.partitions, retentionMs: BigInt(next.retentionHours) * HOUR_MS, cleanupPolicy: next.cleanupPolicy, provisioning: "PENDING", provisioningError: null },
    });
    if (updated.count === 1) {
      await recordAudit(tx, {
        actor: viewer,
        action: "output-port.config-changed",
        targetType: "output-port",
        targetId: port.id,
        before: Object.fromEntries(changed.map((k) => [k, current[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
      });
    }
    return updated;
  });
  if (count === 0) throw invalid("Someone changed this output port meanwhile. Reload the page and make your change again.");

  const outcome = await provisionNow({ kind: "output-port", id: port.id });
  if (outcome.ok) return { changed, status: "APPLIED" };
  return {
    changed,
    status: outcome.retryable ? "PENDING" : "FAILED",
    warning: `Saved, but Kafka has not applied it yet: ${outcome.error}.${outcome.retryable ? " Meshport keeps retrying." : ""}`,
  };
}

/** Tries a failed or pending port again now (the retry button on the product page). */
export async function retryOutputPort(viewer: Viewer, portId: string): Promise<TopicChangeOutcome> {
  const port = await db.outputPort.findUnique({ where: { id: portId }, include: { dataProduct: { select: { ownerTeamId: true, lifecycle: true } } } });
  if (!port) throw notFound("Output port");
  assertCan(viewer, { permission: "edit:data-product", product: port.dataProduct });
  if (port.provisioning === "APPLIED") return { changed: [], status: "APPLIED" };
  await db.$transaction(async (tx) => {
    await tx.outputPort.update({ where: { id: port.id }, data: { provisioning: "PENDING" } });
    await recordAudit(tx, { actor: viewer, action: "output-port.retried", targetType: "output-port", targetId: port.id, before: { provisioning: port.provisioning, error: port.provisioningError }, after: { provisioning: "PENDING" } });
  });
  const outcome = await provisionNow({ kind: "output-port", id: port.id });
  return outcome.ok ? { changed: [], status: "APPLIED" } : { changed: [], status: outcome.retryable ? "PENDING" : "FAILED", warning: outcome.error };
}
