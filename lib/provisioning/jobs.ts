import "server-only";
import PgBoss from "pg-boss";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { syncGrant, syncOutputPort } from "./sync";

// Background provisioning runs on pg-boss: jobs live in PostgreSQL, so any
// number of Meshport instances can run workers and each job runs once.

const SYNC_QUEUE = "provisioning.sync";
const SWEEP_QUEUE = "provisioning.sweep";

type SyncJob = { kind: "output-port" | "grant"; id: string };

let started: Promise<PgBoss> | undefined;

function boss(): Promise<PgBoss> {
  started ??= (async () => {
    const b = new PgBoss({ connectionString: env.DATABASE_URL, schema: "pgboss" });
    b.on("error", (e: Error) => console.warn(`[provisioning] job queue: ${e.message}`));
    await b.start();
    // "stately": at most one queued and one running job per singletonKey.
    await b.createQueue(SYNC_QUEUE, { name: SYNC_QUEUE, policy: "stately" });
    await b.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "singleton" });
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
    db.outputPort.findMany({ where: { provisioning: "PENDING" }, select: { id: true } }),
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
}

export async function stopProvisioning(): Promise<void> {
  if (!started) return;
  const b = await started;
  started = undefined;
  await b.stop({ graceful: true, timeout: 5000 });
}
