import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { deleteTopic } from "@/lib/kafka";
import { classifyFailure } from "./failure";
import type { SyncOutcome } from "./sync";

/**
 * The sync of a port whose product was retired (`removedAt` set): deletes the topic and the LITERAL ACLs on
 * its name (lib/kafka deleteTopic), then marks the port APPLIED with the audit event, once. Idempotent: a topic
 * already gone is no error, so the retrying job and the minute sweep may run it again safely. The ended grants'
 * other ACLs (the consumer-group prefix) are removed by their own grant syncs, from the database's view (0034).
 */
export async function removePortTopic(port: { id: string; topic: string; provisioning: string; updatedAt: Date }): Promise<SyncOutcome> {
  try {
    const existed = await deleteTopic(port.topic);
    await db.$transaction(async (tx) => {
      const { count } = await tx.outputPort.updateMany({
        where: { id: port.id, updatedAt: port.updatedAt },
        data: { provisioning: "APPLIED", provisioningError: null, provisionedAt: new Date() },
      });
      if (count === 1 && port.provisioning !== "APPLIED") {
        await recordAudit(tx, {
          actor: "system",
          action: "output-port.topic-deleted",
          targetType: "output-port",
          targetId: port.id,
          before: { provisioning: port.provisioning, topic: port.topic },
          after: { provisioning: "APPLIED", topicDeleted: existed, aclsDeleted: true },
        });
      }
    });
    return { ok: true };
  } catch (e) {
    const outcome = classifyFailure(e);
    await db.outputPort.updateMany({
      where: { id: port.id, updatedAt: port.updatedAt },
      data: { provisioning: outcome.retryable ? "PENDING" : "FAILED", provisioningError: outcome.error },
    });
    return { ok: false, ...outcome };
  }
}
