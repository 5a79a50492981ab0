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

/**
 * How long a running job may stay active before pg-boss hands it to another instance: a job whose instance
 * died (SIGKILL, OOM, a lost VM) stays "active" until then, and blocks its singleton key meanwhile. A sync is
 * a few Kafka calls bounded by their timeouts; the other jobs get ten minutes (pg-boss's default is fifteen).
 * Expiry is checked at each maintenance, so a dead instance's sync runs elsewhere within about 90 s.
 */
const SYNC_EXPIRE_SECONDS = 60;
const DEFAULT_EXPIRE_SECONDS = 600;
const MAINTENANCE_INTERVAL_SECONDS = 30;
/** Jobs per fetch: distinct ports and grants (the queue's policy keeps one per key in a batch). */
const SYNC_BATCH_SIZE = 10;

let started: Promise<PgBoss> | undefined;

/** The shared pg-boss instance (started on first use), for other modules' scheduled jobs. */
export function boss(): Promise<PgBoss> {
  started ??= (async () => {
    const b = new PgBoss({
      connectionString: env.DATABASE_URL,
      schema: "pgboss",
      expireInSeconds: DEFAULT_EXPIRE_SECONDS,
      maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
    });
    b.on("error", (e: Error) => console.warn(`[provisioning] job queue: ${e.message}`));
    await b.start();
    // "stately": at most one queued and one running job per singletonKey.
    const sync = { name: SYNC_QUEUE, policy: "stately", expireInSeconds: SYNC_EXPIRE_SECONDS } as const;
    await b.createQueue(SYNC_QUEUE, sync);
    await b.updateQueue(SYNC_QUEUE, sync); // a queue created before the expiry was set gets it too
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

const syncKey = (job: SyncJob) => `${job.kind}:${job.id}`;
const syncOptions = (job: SyncJob) => ({ singletonKey: syncKey(job), retryLimit: 100, retryDelay: 2, retryBackoff: true });

/** Queues a retrying sync of one port or grant, unless one is queued or running already. Safe to call twice. */
export async function enqueueSync(job: SyncJob): Promise<void> {
  const b = await boss();
  if ((await keysInFlight([syncKey(job)])).size > 0) return;
  await b.send(SYNC_QUEUE, job, syncOptions(job));
}

/**
 * The ports and grants (of `keys`, or all) that have a sync queued or running. pg-boss's fetch takes a batch
 * in one statement, and a "stately" key may be active only once: a job fetched for a key that is running
 * fails that statement, pg-boss returns nothing, and the whole queue waits until the running one ends (a
 * dead instance's: until its expiry). So no second job is queued for a key that has one; a running sync
 * re-reads its grant or port before it records the result, so it also covers a change made meanwhile.
 * A job waiting to retry does not count: its backoff may be long, and a fresh job should not wait for it.
 */
async function keysInFlight(keys?: string[]): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT singleton_key AS key FROM pgboss.job
    WHERE name = ${SYNC_QUEUE} AND state IN ('created', 'active') AND singleton_key IS NOT NULL
      AND (${keys ?? null}::text[] IS NULL OR singleton_key = ANY(${keys ?? null}::text[]))`;
  return new Set(rows.map((r) => r.key));
}

/** Queues every port and grant whose Kafka state is not yet applied and that no job is on already. */
export async function sweepPending(): Promise<number> {
  const b = await boss();
  const [ports, grants, inFlight] = await Promise.all([
    // A port whose schema versions are not yet in the registry needs its sync too.
    db.outputPort.findMany({ where: { OR: [{ provisioning: "PENDING" }, { provisioning: "APPLIED", removedAt: null, schemaVersions: { some: { registryId: null } } }] }, select: { id: true } }),
    db.grant.findMany({ where: { provisioning: "PENDING" }, select: { id: true } }),
    keysInFlight(),
  ]);
  const jobs = [...ports.map((p) => ({ kind: "output-port" as const, id: p.id })), ...grants.map((g) => ({ kind: "grant" as const, id: g.id }))].filter(
    (job) => !inFlight.has(syncKey(job)),
  );
  for (const job of jobs) await b.send(SYNC_QUEUE, job, syncOptions(job));
  return jobs.length;
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
  // A batch per fetch, synced side by side: pg-boss waits its polling interval between fetches, so one job
  // per fetch capped a worker at one sync a second (a backlog after an outage took minutes to drain).
  await b.work<SyncJob>(SYNC_QUEUE, { pollingIntervalSeconds: 1, batchSize: SYNC_BATCH_SIZE }, async (jobs) => {
    await Promise.all(
      jobs.map(async (job) => {
        const outcome = await (job.data.kind === "grant" ? syncGrant(job.data.id) : syncOutputPort(job.data.id)).catch(
          (e: unknown) => ({ ok: false, retryable: true, error: e instanceof Error ? e.message : String(e) }) as const,
        );
        // Failing the one job hands it back to pg-boss, which retries it with backoff; the rest complete.
        if (!outcome.ok && outcome.retryable) await b.fail(SYNC_QUEUE, job.id, { message: outcome.error });
      }),
    );
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
  await runQueuedReconcileNow();
  await queueReconcile(b, 0);
}

/**
 * A starting instance runs a pass at once. A pass already queued (by an instance with a longer interval, or
 * by this one before a restart with a new setting) would make `queueReconcile(b, 0)` a no-op and hold the
 * next pass back by up to that interval: it is brought forward instead.
 */
async function runQueuedReconcileNow(): Promise<void> {
  await db.$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE name = ${RECONCILE_QUEUE} AND state = 'created' AND start_after > now()`;
}

export async function stopProvisioning(): Promise<void> {
  if (!started) return;
  const b = await started;
  started = undefined;
  await b.stop({ graceful: true, timeout: 5000 });
}
