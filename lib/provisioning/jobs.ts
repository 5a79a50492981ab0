import "server-only";
import PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { reconcileAcls } from "./reconcile";
import { syncGrant, syncOutputPort } from "./sync";

// Background provisioning runs on pg-boss: jobs live in PostgreSQL, so any
// number of Meshport instances can run workers and each job runs once.

const SYNC_QUEUE = "provisioning.sync";
const SWEEP_QUEUE = "provisioning.sweep";
/** The reconciler's loop (docs/decisions/0035): each run queues the next one RECONCILE_INTERVAL later. */
const RECONCILE_QUEUE = "provisioning.reconcile-loop";
/** The 5-minute cron queue of before (0022): its schedule is removed on start-up so it stops sending. */
const RETIRED_RECONCILE_QUEUE = "provisioning.reconcile";
/** pg-boss cron has minute resolution: it only restarts the loop should every instance running it have died. */
const RECONCILE_BACKSTOP_CRON = "* * * * *";
const RECONCILE_KEY = "acls";

type SyncJob = { kind: "output-port" | "grant"; id: string };

let started: Promise<PgBoss> | undefined;

/** The shared pg-boss instance (started on first use), for other modules' scheduled jobs. */
export function boss(): Promise<PgBoss> {
  started ??= (async () => {
    const b = new PgBoss({ connectionString: env.DATABASE_URL, schema: "pgboss" });
    b.on("error", (e: Error) => console.warn(`[provisioning] job queue: ${e.message}`));
    await b.start();
    // "stately": at most one queued and one running job per singletonKey.
    await b.createQueue(SYNC_QUEUE, { name: SYNC_QUEUE, policy: "stately" });
    await b.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "singleton" });
    // "stately": one queued and one running reconciliation at most, across every instance, so the loop never forks.
    // A run held by a crashed instance expires after two minutes and the queued one takes over.
    await b.createQueue(RECONCILE_QUEUE, { name: RECONCILE_QUEUE, policy: "stately", expireInSeconds: 120 });
    return b;
  })().catch((e: unknown) => {
    started = undefined;
    throw e;
  });
  return started;
}

/** Queues a retrying sync of one port or grant. Safe to call twice. */
export async function enqueueSync(job: SyncJob): Promise<void> {
  const b = await boss();
  await b.send(SYNC_QUEUE, job, {
    singletonKey: `${job.kind}:${job.id}`,
    retryLimit: 100,
    retryDelay: 2,
    retryBackoff: true,
  });
}

/** Queues every port and grant whose Kafka state is not yet applied. */
export async function sweepPending(): Promise<number> {
  const [ports, grants] = await Promise.all([
    // A port whose schema versions are not yet in the registry needs its sync too.
    db.outputPort.findMany({ where: { OR: [{ provisioning: "PENDING" }, { provisioning: "APPLIED", removedAt: null, schemaVersions: { some: { registryId: null } } }] }, select: { id: true } }),
    db.grant.findMany({ where: { provisioning: "PENDING" }, select: { id: true } }),
  ]);
  for (const p of ports) await enqueueSync({ kind: "output-port", id: p.id });
  for (const g of grants) await enqueueSync({ kind: "grant", id: g.id });
  return ports.length + grants.length;
}

/** How long from one reconciliation to the next, as configured (MESHPORT_RECONCILE_INTERVAL_SECONDS). */
export function reconcileIntervalSeconds(): number {
  return env.MESHPORT_RECONCILE_INTERVAL_SECONDS;
}

/** Queues the next reconciliation `afterSeconds` from now, unless one is queued already (then a no-op). */
async function queueReconcile(b: PgBoss, afterSeconds: number): Promise<void> {
  await b.send(RECONCILE_QUEUE, {}, { singletonKey: RECONCILE_KEY, startAfter: afterSeconds, retryLimit: 0 });
}

/**
 * Starts this instance's share of the background work. `reconcileIntervalSeconds` (default
 * MESHPORT_RECONCILE_INTERVAL_SECONDS): how long after one reconciliation the next one starts.
 */
export async function startProvisioningWorker(options: { reconcileIntervalSeconds?: number } = {}): Promise<void> {
  const interval = options.reconcileIntervalSeconds ?? reconcileIntervalSeconds();
  const b = await boss();
  await b.work<SyncJob>(SYNC_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    const outcome =
      job.data.kind === "grant" ? await syncGrant(job.data.id) : await syncOutputPort(job.data.id);
    // Throwing hands the job back to pg-boss, which retries with backoff.
    if (!outcome.ok && outcome.retryable) throw new Error(outcome.error);
  });
  // The sweep catches anything whose job was lost (e.g. a crash between commit and enqueue).
  await b.schedule(SWEEP_QUEUE, "* * * * *");
  await b.work(SWEEP_QUEUE, async () => {
    await sweepPending();
  });
  // Drift is repaired within interval + polling + one pass (~1 s at 1,000 grants): see docs/decisions/0035.
  // The queue is in PostgreSQL, so whichever instance is up runs the next pass, and only one runs at a time.
  await b.unschedule(RETIRED_RECONCILE_QUEUE).catch(() => {});
  await b.schedule(RECONCILE_QUEUE, RECONCILE_BACKSTOP_CRON, {}, { singletonKey: RECONCILE_KEY });
  await b.work(RECONCILE_QUEUE, { pollingIntervalSeconds: 1 }, async () => {
    try {
      const report = await reconcileAcls();
      if (report.restored || report.removed) console.warn(`[reconcile] restored ${report.restored}, removed ${report.removed} ACL(s)`);
    } finally {
      // Queued before this job completes, so the loop survives a failed pass (Kafka down: the next try comes).
      await queueReconcile(b, interval);
    }
  });
  await queueReconcile(b, 0);
}

export async function stopProvisioning(): Promise<void> {
  if (!started) return;
  const b = await started;
  started = undefined;
  await b.stop({ graceful: true, timeout: 5000 });
}
