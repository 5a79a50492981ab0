import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { retirementBlockers } from "@/lib/governance";
import { provisionNow } from "@/lib/provisioning";
import { invalid, notFound } from "@/lib/errors";
import { transition } from "./lifecycle";

export type RetiredProduct = { lifecycle: "RETIRED"; topics: string[]; pending: string[] };

const END_REASON = "The product was retired.";

/**
 * DEPRECATED → RETIRED, after the sunset and once every consumer grant has ended; the owner confirms by
 * typing the product's name. One transaction: the product RETIRED, each port marked for removal (PENDING,
 * `removedAt`), the owning team's PRODUCE grants ended, requests still pending refused, the audit event.
 * Then the retried, idempotent provisioning deletes the topics and their ACLs in Kafka (lib/provisioning);
 * the product's row, ports, grants and audit trail stay, so its page still says what it was.
 */
export async function retireProduct(viewer: Viewer, input: { productId: string; confirmName: string }): Promise<RetiredProduct> {
  const product = await db.dataProduct.findUnique({ where: { id: input.productId }, include: { outputPorts: { select: { id: true, topic: true } } } });
  if (!product) throw notFound("Data product");
  assertCan(viewer, { permission: "change:product-lifecycle", product, transition: "retire" });
  const consumers = () => db.grant.count({ where: { dataProductId: product.id, kind: "CONSUME", status: "ACTIVE" } });
  const refused = retirementBlockers({ ...product, activeConsumerGrants: await consumers(), confirmName: input.confirmName }, new Date());
  if (Object.keys(refused).length > 0) throw invalid(refused.form ?? "The retirement needs attention.", refused);

  const now = new Date();
  const grantIds = await db.$transaction(async (tx) => {
    await transition(tx, product, { lifecycle: "RETIRED", retiredAt: now });
    // A grant approved since the check above would lose its topic: count again inside the transaction.
    const late = await tx.grant.count({ where: { dataProductId: product.id, kind: "CONSUME", status: "ACTIVE" } });
    if (late > 0) throw invalid(`${late} consumer grant${late === 1 ? " was" : "s were"} approved meanwhile; the product was not retired.`);
    await tx.outputPort.updateMany({ where: { dataProductId: product.id }, data: { removedAt: now, provisioning: "PENDING", provisioningError: null } });
    const producing = await tx.grant.findMany({ where: { dataProductId: product.id, status: "ACTIVE" }, select: { id: true } });
    await tx.grant.updateMany({
      where: { id: { in: producing.map((g) => g.id) } },
      data: { status: "REVOKED", endedAt: now, endedById: viewer.id, endReason: END_REASON, provisioning: "PENDING", provisioningError: null },
    });
    const pending = await tx.accessRequest.updateMany({
      where: { dataProductId: product.id, status: "PENDING" },
      data: { status: "REJECTED", pendingKey: null, decidedAt: now, decisionReason: END_REASON },
    });
    await recordAudit(tx, {
      actor: viewer,
      action: "data-product.retired",
      targetType: "data-product",
      targetId: product.id,
      before: { lifecycle: product.lifecycle, topics: product.outputPorts.map((p) => p.topic) },
      after: { lifecycle: "RETIRED", topicsToDelete: product.outputPorts.map((p) => p.topic), grantsEnded: producing.length, pendingRequestsRefused: pending.count },
    });
    return producing.map((g) => g.id);
  });

  // Kafka now: the topics (with their ACLs), then what is left of the ended grants' ACLs. Anything that fails
  // stays PENDING and the retrying job (or the minute sweep) finishes it.
  const pending: string[] = [];
  for (const port of product.outputPorts) {
    const outcome = await provisionNow({ kind: "output-port", id: port.id });
    if (!outcome.ok) pending.push(`${port.topic}: ${outcome.error}`);
  }
  for (const id of grantIds) await provisionNow({ kind: "grant", id });
  return { lifecycle: "RETIRED", topics: product.outputPorts.map((p) => p.topic), pending };
}
