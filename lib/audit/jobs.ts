import "server-only";
import { env } from "@/lib/env";
import { boss } from "@/lib/provisioning";
import { pruneAuditLog } from "./retention";

const PRUNE_QUEUE = "audit.prune";
/** Daily, at a quiet hour: retention is counted in days. */
export const PRUNE_CRON = "17 3 * * *";

/**
 * Prunes the audit log daily when MESHPORT_AUDIT_RETENTION_DAYS is set (default: keep everything).
 * pg-boss sends one job per tick across instances; the singleton queue runs one at a time.
 */
export async function startAuditJobs(): Promise<void> {
  const b = await boss();
  const days = env.MESHPORT_AUDIT_RETENTION_DAYS;
  if (days === undefined) {
    await b.unschedule(PRUNE_QUEUE).catch(() => {});
    return;
  }
  await b.createQueue(PRUNE_QUEUE, { name: PRUNE_QUEUE, policy: "singleton" });
  await b.schedule(PRUNE_QUEUE, PRUNE_CRON);
  await b.work(PRUNE_QUEUE, async () => {
    const r = await pruneAuditLog(new Date(), days);
    console.info(`[audit] pruned ${r.deleted} event(s) older than ${r.cutoff.toISOString()}`);
  });
}
