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
const RECONCILE_QUEUE = "provisioning.reconcile";
/** Every five minutes: often enough that drift does not last, rarely enough that listing all ACLs stays cheap. */
export const RECONCILE_CRON = "*/5 * * * *";

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
    await b.createQueue(RECONCILE_QUEUE, { name: RECONCILE_QUEUE, policy: "singleton" });
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
    db.outputPort.findMany({ where: { OR: [{ provisioning: "PENDING" }, { provisioning: "APPLIED", schemaVersions: { some: { registryId: null } } }] }, select: { id: true } }),
    db.grant.findMany({ where: { provisioning: "PENDING" }, select: { id: true } }),
  ]);
  for (const p of ports) await enqueueSync({ kind: "output-port", id: p.id });
  for (const g of grants) await enqueueSync({ kind: "grant", id: g.id });
  return ports.length + grants.length;
}

/** Starts this instance's share of the background work. */
export async function startProvisioningWorker(): Promise<void> {
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
  // pg-boss schedules through PostgreSQL: each cron tick sends one job, whichever instance is up,
  // and the singleton queue runs one reconciliation at a time.
  await b.schedule(RECONCILE_QUEUE, RECONCILE_CRON);
  await b.work(RECONCILE_QUEUE, async () => {
    const report = await reconcileAcls();
    if (report.restored || report.removed) console.warn(`[reconcile] restored ${report.restored}, removed ${report.removed} ACL(s)`);
  });
}

export async function stopProvisioning(): Promise<void> {
  if (!started) return;
  const b = await started;
  started = undefined;
  await b.stop({ graceful: true, timeout: 5000 });
}
