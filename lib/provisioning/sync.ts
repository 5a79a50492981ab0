import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { applyAcls, ensureTopic, KafkaUnavailableError, removeAcls } from "@/lib/kafka";

// Provisioning makes Kafka match what the database says should exist.
// Every step is idempotent, so a retry (by a job, or by a later sweep) is always safe.

export type SyncOutcome =
  | { ok: true }
  | { ok: false; retryable: boolean; error: string };

function describe(e: unknown): { retryable: boolean; error: string } {
  if (e instanceof KafkaUnavailableError) return { retryable: true, error: e.message };
  return { retryable: true, error: e instanceof Error ? e.message : String(e) };
}

/** Creates the port's topic and the owning team's PRODUCE ACLs. */
export async function syncOutputPort(portId: string): Promise<SyncOutcome> {
  const port = await db.outputPort.findUnique({
    where: { id: portId },
    include: { grants: { where: { kind: "PRODUCE", status: "ACTIVE" }, include: { principal: true } } },
  });
  if (!port) return { ok: true }; // deleted meanwhile: nothing left to do
  try {
    await ensureTopic({
      topic: port.topic,
      partitions: port.partitions,
      replicationFactor: port.replicationFactor,
      configs: { "retention.ms": port.retentionMs.toString(), "cleanup.policy": port.cleanupPolicy },
    });
    for (const grant of port.grants) {
      await applyAcls({ principal: grant.principal.principal, topic: port.topic, access: "PRODUCE" });
    }
    const now = new Date();
    await db.$transaction(async (tx) => {
      await tx.outputPort.update({
        where: { id: port.id },
        data: { provisioning: "APPLIED", provisioningError: null, provisionedAt: now },
      });
      await tx.grant.updateMany({
        where: { id: { in: port.grants.map((g) => g.id) } },
        data: { provisioning: "APPLIED", provisioningError: null, provisionedAt: now },
      });
      if (port.provisioning !== "APPLIED") {
        await recordAudit(tx, {
          actor: "system",
          action: "output-port.provisioned",
          targetType: "output-port",
          targetId: port.id,
          before: { provisioning: port.provisioning },
          after: { provisioning: "APPLIED", topic: port.topic, producers: port.grants.map((g) => g.principal.principal) },
        });
      }
    });
    return { ok: true };
  } catch (e) {
    const outcome = describe(e);
    await db.outputPort.update({
      where: { id: port.id },
      data: { provisioning: outcome.retryable ? "PENDING" : "FAILED", provisioningError: outcome.error },
    });
    return { ok: false, ...outcome };
  }
}

/** Applies an active grant's ACLs, or removes those of an ended one. */
export async function syncGrant(grantId: string): Promise<SyncOutcome> {
  const grant = await db.grant.findUnique({
    where: { id: grantId },
    include: { principal: true, outputPort: true },
  });
  if (!grant) return { ok: true };
  const spec = {
    principal: grant.principal.principal,
    topic: grant.outputPort.topic,
    access: grant.kind === "PRODUCE" ? ("PRODUCE" as const) : ("CONSUME" as const),
  };
  try {
    if (grant.status === "ACTIVE") await applyAcls(spec);
    else await removeAcls(spec);
    await db.$transaction(async (tx) => {
      await tx.grant.update({
        where: { id: grant.id },
        data: { provisioning: "APPLIED", provisioningError: null, provisionedAt: new Date() },
      });
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
    });
    return { ok: true };
  } catch (e) {
    const outcome = describe(e);
    await db.grant.update({
      where: { id: grant.id },
      data: { provisioning: outcome.retryable ? "PENDING" : "FAILED", provisioningError: outcome.error },
    });
    return { ok: false, ...outcome };
  }
}
