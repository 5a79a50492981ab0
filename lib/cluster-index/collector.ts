import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { newestMessageTimes, readCluster, type ClusterRead } from "@/lib/kafka";
import { deriveSnapshot, type Snapshot } from "./derive";
import { rollUpAndPrune } from "./history";
import { loadPrevious, writeSnapshot } from "./store";

// The collector: every MESHPORT_INDEX_INTERVAL_SECONDS one instance reads the cluster and writes
// the index. Instances coordinate through a lease on the state row (PostgreSQL's clock, one
// conditional UPDATE): whoever takes it refreshes; a refresh longer than the interval keeps the
// lease, so refreshes never overlap or queue up, and a crashed holder's lease runs out
// (docs/decisions/0040).

export type RefreshOutcome =
  | { ran: false; reason: "not-due" }
  | { ran: true; ok: true; durationMs: number; topics: number; groups: number }
  | { ran: true; ok: false; durationMs: number; error: string };

export type CollectorOptions = {
  intervalMs?: number;
  /** Identifies this instance in the lease. */
  holder?: string;
  /** Replaces the Kafka read (tests: a failing or slow cluster). */
  read?: (budgetMs: number) => Promise<ClusterRead>;
};

const intervalOf = (o: CollectorOptions) => o.intervalMs ?? env.MESHPORT_INDEX_INTERVAL_SECONDS * 1000;
/** A refresh may take up to three intervals (at least a minute) before it is abandoned. */
const budgetOf = (intervalMs: number) => Math.max(60_000, 3 * intervalMs);

/** Takes the lease when a refresh is due and nobody holds it. */
async function takeLease(holder: string, intervalMs: number): Promise<boolean> {
  const leaseMs = budgetOf(intervalMs) + 30_000;
  await db.$executeRaw`INSERT INTO "ClusterIndexState" (id) VALUES (1) ON CONFLICT DO NOTHING`;
  // 0.9: a tick a little early (timers drift) still counts as due.
  const taken = await db.$executeRaw`
    UPDATE "ClusterIndexState"
    SET "leaseHolder" = ${holder}, "leaseUntil" = timezone('UTC', now()) + make_interval(secs => ${leaseMs / 1000}),
        "refreshStartedAt" = timezone('UTC', now())
    WHERE id = 1
      AND ("leaseUntil" IS NULL OR "leaseUntil" < timezone('UTC', now()))
      AND ("refreshStartedAt" IS NULL OR "refreshStartedAt" <= timezone('UTC', now()) - make_interval(secs => ${(0.9 * intervalMs) / 1000}))`;
  return taken === 1;
}

async function releaseLease(holder: string): Promise<void> {
  await db.clusterIndexState.updateMany({ where: { id: 1, leaseHolder: holder }, data: { leaseHolder: null, leaseUntil: null } });
}

/** At most this many topics a refresh asks Kafka for their newest message's time. */
const NEWEST_LOOKUPS_PER_REFRESH = 20;

/**
 * A data product's topic first seen with messages in it has no last-message time yet (the index dates
 * messages it sees arrive): ask Kafka once, so a stale product shows as stale from the first refresh.
 */
async function dateNewestMessages(read: ClusterRead, snapshot: Snapshot): Promise<void> {
  const undated = snapshot.topics.filter((t) => t.lastMessageAt === null && t.endSum > t.startSum);
  if (!undated.length) return;
  const declared = new Set(
    (await db.outputPort.findMany({ where: { topic: { in: undated.map((t) => t.name) } }, select: { topic: true } })).map((p) => p.topic),
  );
  const wanted = undated.filter((t) => declared.has(t.name)).slice(0, NEWEST_LOOKUPS_PER_REFRESH);
  if (!wanted.length) return;
  const partitions = new Map(read.topics.map((t) => [t.name, t.partitions]));
  const times = await newestMessageTimes(
    wanted.map((t) => ({ topic: t.name, ends: new Map((partitions.get(t.name) ?? []).map((p) => [p.partition, p.end.toString()])) })),
  ).catch(() => new Map<string, Date>());
  for (const t of wanted) {
    const at = times.get(t.name);
    if (at) t.lastMessageAt = at > read.readAt ? read.readAt : at;
  }
}

/** Reads Kafka first, then writes: a failed read writes nothing but the failure. */
export async function refreshIndex(options: CollectorOptions = {}): Promise<RefreshOutcome> {
  const holder = options.holder ?? "manual";
  const intervalMs = intervalOf(options);
  if (!(await takeLease(holder, intervalMs))) return { ran: false, reason: "not-due" };
  const started = Date.now();
  try {
    const read = await (options.read ?? readCluster)(budgetOf(intervalMs));
    const [previous, principals] = await Promise.all([
      loadPrevious(),
      db.kafkaPrincipal.findMany({ select: { principal: true, teamId: true } }),
    ]);
    const snapshot = deriveSnapshot(read, previous, principals);
    if (!options.read) await dateNewestMessages(read, snapshot);
    await writeSnapshot(snapshot, Date.now() - started);
    await rollUpAndPrune(read.readAt);
    return { ran: true, ok: true, durationMs: Date.now() - started, topics: snapshot.topics.length, groups: snapshot.groups.length };
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    await db.$executeRaw`
      UPDATE "ClusterIndexState" SET "failingSince" = coalesce("failingSince", timezone('UTC', now())), "lastError" = ${error.slice(0, 1000)}
      WHERE id = 1`;
    return { ran: true, ok: false, durationMs: Date.now() - started, error };
  } finally {
    await releaseLease(holder);
  }
}

/**
 * Runs this instance's collector loop: every few seconds it asks for the lease, so whichever instance
 * is up refreshes on time. Returns a function that stops the loop (and waits for a running refresh).
 */
export function startCollector(options: CollectorOptions & { onRefresh?: (o: RefreshOutcome) => void } = {}): () => Promise<void> {
  const holder = options.holder ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const intervalMs = intervalOf(options);
  const tickMs = Math.max(200, Math.min(5000, Math.floor(intervalMs / 3)));
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = refreshIndex({ ...options, holder, intervalMs })
      .then((o) => {
        if (o.ran && !o.ok) console.warn(`[cluster-index] refresh failed: ${o.error}`);
        options.onRefresh?.(o);
      })
      .catch((e: unknown) => console.warn(`[cluster-index] ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, tickMs);
      });
  };
  tick();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
