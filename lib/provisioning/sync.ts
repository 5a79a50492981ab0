import "server-only";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { notify, teamMemberIds } from "@/lib/notifications";
import { alignTopic, applyAcls, bindingKey, createAclBindings, describeTopic, ensureTopic, removeAcls, type AclBinding } from "@/lib/kafka";
import { desiredForPrincipals, specOf } from "./desired";
import { classifyFailure, ProvisioningRefusedError, type FailureVerdict } from "./failure";
import { syncPortSchemas } from "@/lib/contracts/registry-sync";
import { removePortTopic } from "./remove-port";

// Provisioning makes Kafka match what the database says should exist.
// Every step is idempotent, so a retry (by a job, or by a later sweep) is always safe.

export type SyncOutcome =
  | { ok: true }
  | { ok: false; retryable: boolean; error: string };

/**
 * Creates the port's topic (or adopts an existing one with the same layout and configs) and the owning team's
 * PRODUCE ACLs, then registers the port's schemas (lib/contracts). An existing topic with other settings is never changed: the port is FAILED with the difference.
 * A port Kafka already had and that was edited since (retention, cleanup policy, more partitions) is first
 * brought to its recorded layout, then read back. If the port changed while Kafka was being called (another
 * edit), it syncs again from the new state instead of marking the old one applied.
 */
export async function syncOutputPort(portId: string, attempt = 0): Promise<SyncOutcome> {
  const port = await db.outputPort.findUnique({
    where: { id: portId },
    include: { grants: { where: { kind: "PRODUCE", status: "ACTIVE" }, include: { principal: true } } },
  });
  if (!port) return { ok: true }; // deleted meanwhile: nothing left to do
  // A retired product's port: the intent is that the topic is gone (docs/decisions/0052).
  if (port.removedAt) return removePortTopic(port);
  try {
    const spec = {
      topic: port.topic,
      partitions: port.partitions,
      replicationFactor: port.replicationFactor,
      configs: { "retention.ms": port.retentionMs.toString(), "cleanup.policy": port.cleanupPolicy },
    };
    const edit = port.provisionedAt !== null && port.provisioning !== "APPLIED";
    if (edit) await alignTopic(spec);
    const topic = await ensureTopic(spec);
    if (topic.outcome === "conflict") throw new ProvisioningRefusedError(`${topic.message} Meshport does not change a topic it did not create: delete or fix it in Kafka, or choose another topic name.`);
    if (edit) await readBack(spec);
    for (const grant of port.grants) {
      await applyAcls({ principal: grant.principal.principal, topic: port.topic, access: "PRODUCE" });
    }
    await syncPortSchemas(port.id);
    const now = new Date();
    const stale = await db.$transaction(async (tx) => {
      const { count } = await tx.outputPort.updateMany({
        where: { id: port.id, updatedAt: port.updatedAt },
        data: { provisioning: "APPLIED", provisioningError: null, provisionedAt: now },
      });
      if (count === 0) return true;
      await tx.grant.updateMany({
        where: { id: { in: port.grants.map((g) => g.id) } },
        data: { provisioning: "APPLIED", provisioningError: null, provisionedAt: now },
      });
      if (port.provisioning !== "APPLIED") {
        await recordAudit(tx, {
          actor: "system",
          action: edit ? "output-port.config-applied" : "output-port.provisioned",
          targetType: "output-port",
          targetId: port.id,
          before: { provisioning: port.provisioning },
          after: edit
            ? { provisioning: "APPLIED", topic: port.topic, partitions: port.partitions, ...spec.configs }
            : { provisioning: "APPLIED", topic: port.topic, topicAdopted: topic.outcome === "adopted", producers: port.grants.map((g) => g.principal.principal) },
        });
      }
      return false;
    });
    if (stale) return attempt < 3 ? syncOutputPort(portId, attempt + 1) : { ok: false, retryable: true, error: "the output port kept changing while it was provisioned" };
    return { ok: true };
  } catch (e) {
    const outcome = classifyFailure(e);
    await db.$transaction(async (tx) => {
      const { count } = await tx.outputPort.updateMany({
        where: { id: port.id, updatedAt: port.updatedAt },
        data: { provisioning: outcome.retryable ? "PENDING" : "FAILED", provisioningError: outcome.error },
      });
      if (count === 1 && !outcome.retryable && port.provisioning !== "FAILED") await recordFailed(tx, "output-port", port.id, port.provisioning, outcome);
    });
    return { ok: false, ...outcome };
  }
}

/** An edit counts as applied only once Kafka itself reports it (configs go through the controller first). */
async function readBack(spec: { topic: string; partitions: number; configs: Record<string, string> }): Promise<void> {
  const live = await describeTopic(spec.topic, { lastMessage: false });
  const differs = !live
    ? ["the topic is missing"]
    : [
        live.partitions !== spec.partitions ? `${live.partitions} partitions` : null,
        ...Object.entries(spec.configs).map(([k, v]) => (live.configs[k] !== v ? `${k}=${live.configs[k] ?? "unset"}` : null)),
      ].filter(Boolean);
  if (differs.length > 0) throw new Error(`Kafka does not report the change yet (${differs.join(", ")})`);
}

/** A failure no retry can fix is a state change like any other: audited once, when the target becomes FAILED. */
async function recordFailed(tx: Tx, targetType: "output-port" | "grant", targetId: string, before: string, outcome: FailureVerdict): Promise<void> {
  await recordAudit(tx, {
    actor: "system",
    action: `${targetType}.provisioning-failed`,
    targetType,
    targetId,
    before: { provisioning: before },
    after: { provisioning: "FAILED", error: outcome.error },
  });
}

/**
 * Removes an ended grant's ACLs except those the principal's active grants imply (read from the database).
 * A grant approved while this ran may need a binding just deleted: read the active grants again and put those back.
 */
async function removeEndedGrantAcls(spec: ReturnType<typeof specOf>): Promise<AclBinding[]> {
  const { removed } = await removeAcls(spec, await desiredForPrincipals([spec.principal]));
  if (removed.length === 0) return removed;
  const nowDesired = new Set((await desiredForPrincipals([spec.principal])).map((b) => bindingKey(b)));
  const putBack = removed.filter((b) => nowDesired.has(bindingKey(b)));
  await createAclBindings(putBack);
  return removed.filter((b) => !nowDesired.has(bindingKey(b)));
}

/**
 * Applies an active grant's ACLs, or removes those of an ended one. When the ACLs are in place for
 * every grant of an approved request, the request becomes ACTIVE. If the grant's status changed while
 * Kafka was being called (a revoke racing the approval's provisioning), it syncs again from the new state.
 */
export async function syncGrant(grantId: string, attempt = 0): Promise<SyncOutcome> {
  const grant = await db.grant.findUnique({
    where: { id: grantId },
    include: { principal: true, outputPort: true, dataProduct: { select: { name: true } } },
  });
  if (!grant) return { ok: true };
  const spec = specOf(grant);
  try {
    if (grant.status === "ACTIVE") await applyAcls(spec);
    else await removeEndedGrantAcls(spec);
    const stale = await db.$transaction(async (tx) => {
      const { count } = await tx.grant.updateMany({
        where: { id: grant.id, status: grant.status },
        data: { provisioning: "APPLIED", provisioningError: null, provisionedAt: new Date() },
      });
      if (count === 0) return true;
      if (grant.provisioning !== "APPLIED") {
        await recordAudit(tx, {
          actor: "system",
          action: grant.status === "ACTIVE" ? "grant.acls-applied" : "grant.acls-removed",
          targetType: "grant",
          targetId: grant.id,
          before: { provisioning: grant.provisioning },
          after: { provisioning: "APPLIED", ...spec },
        });
      }
      if (grant.status === "ACTIVE" && grant.accessRequestId) await activateWhenApplied(tx, grant.accessRequestId, grant.dataProduct.name);
      return false;
    });
    if (stale) return attempt < 3 ? syncGrant(grantId, attempt + 1) : { ok: false, retryable: true, error: "the grant kept changing while it was provisioned" };
    return { ok: true };
  } catch (e) {
    const outcome = classifyFailure(e);
    await db.$transaction(async (tx) => {
      const { count } = await tx.grant.updateMany({
        where: { id: grant.id, status: grant.status },
        data: { provisioning: outcome.retryable ? "PENDING" : "FAILED", provisioningError: outcome.error },
      });
      if (count > 0 && !outcome.retryable && grant.provisioning !== "FAILED") await recordFailed(tx, "grant", grant.id, grant.provisioning, outcome);
    });
    return { ok: false, ...outcome };
  }
}

/** APPROVED → ACTIVE once every active grant of the request has its ACLs in Kafka. */
async function activateWhenApplied(tx: Tx, requestId: string, productName: string): Promise<void> {
  const waiting = await tx.grant.count({ where: { accessRequestId: requestId, status: "ACTIVE", provisioning: { not: "APPLIED" } } });
  if (waiting > 0) return;
  const { count } = await tx.accessRequest.updateMany({ where: { id: requestId, status: "APPROVED" }, data: { status: "ACTIVE" } });
  if (count === 0) return;
  const request = await tx.accessRequest.findUniqueOrThrow({ where: { id: requestId }, select: { requesterId: true, consumerTeamId: true } });
  await recordAudit(tx, {
    actor: "system",
    action: "access-request.activated",
    targetType: "access-request",
    targetId: requestId,
    before: { status: "APPROVED" },
    after: { status: "ACTIVE" },
  });
  await notify(tx, [request.requesterId, ...(await teamMemberIds(tx, [request.consumerTeamId]))], {
    kind: "access-request.active",
    title: `Access to ${productName} is active`,
    body: "The ACLs are in place in Kafka: the team's principal can read now.",
    href: `/access/${requestId}`,
  });
}
