import "server-only";
import { enqueueSync } from "./jobs";
import { syncGrant, syncOutputPort, type SyncOutcome } from "./sync";

export { startProvisioningWorker, stopProvisioning, sweepPending, boss, reconcileIntervalSeconds } from "./jobs";
export { reconcileAcls, listAclDrift, type ReconcileReport } from "./reconcile";
export { reconcileNow } from "./reconcile-now";
export { syncGrant, syncOutputPort, type SyncOutcome } from "./sync";

/**
 * Provisions right away so the user sees the result, and queues a retrying job
 * when that fails (Kafka down, say): the change still lands once Kafka is back.
 */
export async function provisionNow(
  target: { kind: "output-port" | "grant"; id: string },
): Promise<SyncOutcome> {
  const outcome = target.kind === "grant" ? await syncGrant(target.id) : await syncOutputPort(target.id);
  if (!outcome.ok && outcome.retryable) {
    await enqueueSync(target).catch((e: unknown) =>
      // The periodic sweep will pick it up even if queueing fails now.
      console.warn(`[provisioning] could not queue ${target.kind} ${target.id}: ${String(e)}`),
    );
  }
  return outcome;
}
