// Two Meshport instances on one database, both running the background worker; one is killed (SIGKILL)
// holding a job, while they work through 120 queued ACL syncs. Promised: every job still runs, and runs once (each grant's
// ACLs applied once in the audit log, Kafka exactly as the grants say), and the reconciler stays one loop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeKafka } from "@/lib/kafka";
import { stopProvisioning, sweepPending } from "@/lib/provisioning";
import { inParallel, newProduct, newTeam, type Product, type Team } from "./support/mesh";
import { aclsOf } from "./support/kafka-state";
import { startPortal, stopAllPortals, type Portal } from "./support/portal";
import { freezeService, waitFor } from "./support/services";

let a: Portal;
let b: Portal;
let consumers: Team[];
let products: Product[];
let startedAt: Date;

beforeAll(async () => {
  const owner = await newTeam("own");
  products = await inParallel(Array.from({ length: 4 }), 2, () => newProduct(owner));
  consumers = await inParallel(Array.from({ length: 30 }), 4, () => newTeam("con"));
  startedAt = new Date();
  // Reconciling every 5 s, so both instances compete for the loop while the test runs.
  [a, b] = await Promise.all([startPortal(0, { MESHPORT_RECONCILE_INTERVAL_SECONDS: "5" }), startPortal(1, { MESHPORT_RECONCILE_INTERVAL_SECONDS: "5" })]);
});

afterAll(async () => {
  await stopAllPortals();
  await stopProvisioning();
  await closeKafka();
});

describe("two instances, one killed mid-job", () => {
  it("runs every queued job exactly once", async () => {
    // 120 approved grants whose ACLs are not in Kafka yet, queued at once: what a burst of approvals leaves.
    const principals = await db.kafkaPrincipal.findMany({ where: { teamId: { in: consumers.map((c) => c.id) } } });
    const ports = await db.outputPort.findMany({ where: { dataProductId: { in: products.map((p) => p.id) } } });
    await db.grant.createMany({
      data: principals.flatMap((pr) =>
        ports.map((port) => ({ kind: "CONSUME" as const, dataProductId: port.dataProductId, outputPortId: port.id, teamId: pr.teamId, principalId: pr.id, validUntil: new Date(Date.now() + 30 * 86_400_000) })),
      ),
    });
    const grants = await db.grant.findMany({ where: { principalId: { in: principals.map((p) => p.id) } }, select: { id: true } });
    expect(grants.length).toBe(120);
    const ids = grants.map((g) => g.id);
    const applied = () => db.grant.count({ where: { id: { in: ids }, provisioning: "APPLIED" } });
    const activeSyncs = async () => Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'provisioning.sync' AND state = 'active'`)[0]!.n);

    // Instance A dies holding jobs: the broker hangs (SIGSTOP) as the syncs are queued, so each instance's
    // batch (ten at most) waits on Kafka; more than ten active means both hold some. A is killed then, and
    // the broker resumes.
    freezeService("kafka", true);
    let appliedWhenKilled: number;
    let killedAt = 0;
    let held: string[] = [];
    try {
      await sweepPending();
      const keys = ids.map((id) => `grant:${id}`);
      const queued = await db.$queryRaw<{ n: bigint }[]>`SELECT count(DISTINCT singleton_key) AS n FROM pgboss.job WHERE name = 'provisioning.sync' AND singleton_key = ANY(${keys}) AND state IN ('created', 'retry', 'active')`;
      expect(Number(queued[0]!.n)).toBe(120);
      await waitFor("both instances to hold jobs", activeSyncs, (n) => n > 10, 30_000, 100);
      await a.kill();
      killedAt = Date.now();
      held = (await db.$queryRaw<{ key: string }[]>`SELECT singleton_key AS key FROM pgboss.job WHERE name = 'provisioning.sync' AND state = 'active'`).map((r) => r.key.replace(/^grant:/, ""));
      appliedWhenKilled = await applied();
    } finally {
      freezeService("kafka", false);
    }
    expect(appliedWhenKilled).toBeLessThan(120);

    // B finishes the queue, including the jobs A held when it died (those run again once they expire).
    await waitFor("every grant to be applied", applied, (n) => n === 120, 300_000, 1000);
    const heldGrants = () => db.grant.count({ where: { id: { in: held }, provisioning: "APPLIED" } });
    await waitFor("the grants of the jobs held at the kill to be applied", heldGrants, (n) => n === held.length, 300_000, 1000);
    const drainedIn = Date.now() - killedAt;
    expect(() => process.kill(b.pid, 0)).not.toThrow();

    // Once each: one "ACLs applied" per grant, and Kafka exactly as the grants say.
    const all = [...new Set([...ids, ...held])];
    const audit = await db.auditEvent.groupBy({ by: ["targetId"], where: { action: "grant.acls-applied", targetId: { in: all } }, _count: true });
    expect(audit.length).toBe(all.length);
    expect(audit.filter((e) => e._count !== 1)).toEqual([]);
    for (const c of consumers) {
      const { live, desired } = await aclsOf(c.principal);
      expect(live).toEqual(desired);
      expect(live.length).toBe(4 * 2 + 1); // READ and DESCRIBE per topic, READ on the group prefix
    }

    // The reconciler's loop (every 5 s here) ran through both instances' queue as one loop, not one per
    // instance: no more runs than the interval allows over the span (two loops would make about twice as many).
    const runs = await db.$queryRaw<{ started_on: Date }[]>`
      SELECT started_on FROM pgboss.job
      WHERE name = 'provisioning.reconcile-loop' AND state = 'completed' AND started_on > ${startedAt}
      ORDER BY started_on`;
    expect(runs.length).toBeGreaterThan(2);
    const spanSeconds = (runs.at(-1)!.started_on.getTime() - runs[0]!.started_on.getTime()) / 1000;
    expect(runs.length).toBeLessThanOrEqual(Math.floor(spanSeconds / 5) + 2);
    console.info(`[faults] two instances: A killed holding jobs with ${appliedWhenKilled}/120 grants applied; B finished the rest ${drainedIn} ms later, the ${held.length} jobs held at the kill included; ${runs.length} reconciliations in ${spanSeconds.toFixed(0)} s (one loop)`);
  });
});
