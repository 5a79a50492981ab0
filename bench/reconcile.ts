// What one ACL reconciliation pass costs at a realistic size, and how long drift lasts against the real broker.
// Runs against the Kafka and PostgreSQL in the environment (the demo's, or the test services: see README).
//   npm run bench:reconcile            (GRANTS=1000 PASSES=10 REPAIRS=3 INTERVAL=MESHPORT_RECONCILE_INTERVAL_SECONDS)
//
// 1. Adds GRANTS synthetic grants (a quarter the owners' PRODUCE grants, the rest CONSUME, one in ten of those
//    ended) over GRANTS/10 teams with their own principals, and creates in Kafka the ACLs the active ones imply.
// 2. Times PASSES reconcile passes with nothing to repair: describeAcls (every ACL in the cluster), the database
//    read (every grant), the pure plan, and the whole pass; prints what each cycle length would cost.
// 3. Starts the real worker loop, deletes one grant's topic READ with a plain kafkajs admin at a random moment,
//    and polls describeAcls until it is back: REPAIRS times. Then removes everything it added.
import kafkajs from "kafkajs";
import { db } from "@/lib/db";
import { env, toolEnv } from "@/lib/env";
import { aclBindingsFor, closeKafka, createAclBindings, deleteAclBindings, desiredBindings, kafkaConfig, listAcls, type AclBinding } from "@/lib/kafka";
import { reconcileAcls, startProvisioningWorker, stopProvisioning } from "@/lib/provisioning";
import { loadGrantFacts } from "@/lib/provisioning/desired";
import { planReconcile } from "@/lib/provisioning/reconcile-plan";

const { Kafka, AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;
const { GRANTS, PASSES, REPAIRS } = toolEnv;
const INTERVAL = toolEnv.INTERVAL ?? env.MESHPORT_RECONCILE_INTERVAL_SECONDS;

const run = `bench-rec-${Date.now().toString(36)}`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const worst = (xs: number[]) => Math.max(...xs);
const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};

async function seed() {
  const domain = await db.domain.findFirstOrThrow({ orderBy: { slug: "asc" } });
  const teams = Math.max(2, Math.ceil(GRANTS / 10));
  const products = Math.max(1, Math.ceil(GRANTS / 4));
  await db.team.createMany({ data: Array.from({ length: teams }, (_, i) => ({ id: `${run}-t${i}`, slug: `${run}-t${i}`, name: `Bench ${run} ${i}`, domainId: domain.id })) });
  await db.kafkaPrincipal.createMany({ data: Array.from({ length: teams }, (_, i) => ({ id: `${run}-p${i}`, teamId: `${run}-t${i}`, principal: `User:${run}-t${i}` })) });
  await db.dataProduct.createMany({
    data: Array.from({ length: products }, (_, j) => ({ id: `${run}-d${j}`, slug: `${run}-d${j}`, name: `Bench ${run} ${j}`, domainId: domain.id, ownerTeamId: `${run}-t${j % teams}` })),
  });
  await db.outputPort.createMany({
    data: Array.from({ length: products }, (_, j) => ({
      id: `${run}-o${j}`, dataProductId: `${run}-d${j}`, name: "events", topic: `${run}.d${j}.v1`, partitions: 1, replicationFactor: 1, retentionMs: 3_600_000n,
      provisioning: "APPLIED" as const, provisionedAt: new Date(),
    })),
  });
  const provisionedAt = new Date(Date.now() - 60_000);
  const grants = Array.from({ length: GRANTS }, (_, k) => {
    const owner = k < products;
    const j = owner ? k : k % products;
    const team = owner ? j % teams : (j % teams + 1 + (k % (teams - 1))) % teams;
    const row = {
      id: `${run}-g${k}`, kind: owner ? ("PRODUCE" as const) : ("CONSUME" as const), dataProductId: `${run}-d${j}`, outputPortId: `${run}-o${j}`,
      teamId: `${run}-t${team}`, principalId: `${run}-p${team}`, status: !owner && k % 10 === 0 ? ("REVOKED" as const) : ("ACTIVE" as const),
      provisioning: "APPLIED" as const, provisionedAt,
    };
    return { row, spec: { principal: `User:${run}-t${team}`, topic: `${run}.d${j}.v1`, access: row.kind } };
  });
  await db.grant.createMany({ data: grants.map((g) => g.row) });
  const active = grants.filter((g) => g.row.status === "ACTIVE").map((g) => g.spec);
  const bindings = desiredBindings(active);
  for (let i = 0; i < bindings.length; i += 1000) await createAclBindings(bindings.slice(i, i + 1000));
  return { bindings, consumeSpec: active.find((s) => s.access === "CONSUME")! };
}

async function cleanup(bindings: AclBinding[]) {
  for (let i = 0; i < bindings.length; i += 1000) await deleteAclBindings(bindings.slice(i, i + 1000)).catch(() => {});
  await db.dataProduct.deleteMany({ where: { id: { startsWith: `${run}-` } } });
  await db.aclDrift.deleteMany({ where: { principal: { startsWith: `User:${run}-` } } });
  await db.team.deleteMany({ where: { id: { startsWith: `${run}-` } } });
}

async function main() {
  console.log(`bench:reconcile — ${GRANTS} synthetic grants (run ${run}), ${PASSES} passes, ${REPAIRS} repairs at a ${INTERVAL} s interval`);
  const [{ bindings, consumeSpec }, seedMs] = await time(seed);
  console.log(`seeded ${GRANTS} grants and ${bindings.length} ACLs in ${(seedMs / 1000).toFixed(1)} s`);
  try {
    await reconcileAcls(); // first pass records whatever else the cluster holds as unmanaged; steady state after
    const list: number[] = [], read: number[] = [], plan: number[] = [], pass: number[] = [];
    let acls = 0, grants = 0;
    for (let i = 0; i < PASSES; i++) {
      const listedAt = new Date();
      const [current, tList] = await time(() => listAcls());
      const [facts, tRead] = await time(async () => (await Promise.all([loadGrantFacts(), db.kafkaPrincipal.findMany({ select: { principal: true } })]))[0]);
      const [, tPlan] = await time(async () => planReconcile(facts, current, listedAt));
      const [report, tPass] = await time(reconcileAcls);
      if (report.restored || report.removed) throw new Error(`a steady-state pass changed Kafka: ${JSON.stringify(report)}`);
      list.push(tList); read.push(tRead); plan.push(tPlan); pass.push(tPass);
      acls = current.length; grants = facts.length;
    }
    console.log(`\none pass over ${acls} ACLs in the cluster and ${grants} grants in the database (median / worst of ${PASSES}):`);
    console.log(`  describeAcls (all)     ${ms(median(list))} / ${ms(worst(list))}`);
    console.log(`  database read (grants) ${ms(median(read))} / ${ms(worst(read))}`);
    console.log(`  plan (pure diff)       ${ms(median(plan))} / ${ms(worst(plan))}`);
    console.log(`  whole pass             ${ms(median(pass))} / ${ms(worst(pass))}`);
    console.log(`\ncycle   passes/hour   describeAcls/min   share of time reconciling   worst drift`);
    for (const cycle of [10, 30, 60, 300]) {
      const p = median(pass);
      console.log(`${String(cycle).padStart(4)} s ${String(Math.round(3600 / (cycle + p / 1000))).padStart(12)} ${(60 / (cycle + p / 1000)).toFixed(1).padStart(18)} ${`${((100 * p) / (cycle * 1000 + p)).toFixed(2)} %`.padStart(27)} ${`${(cycle + p / 1000 + 1).toFixed(0)} s`.padStart(13)}`);
    }

    // Repair against the real broker: a plain kafkajs admin deletes one ACL; the worker loop puts it back.
    if (REPAIRS > 0) {
      await startProvisioningWorker({ reconcileIntervalSeconds: INTERVAL });
      const admin = new Kafka({ ...kafkaConfig(), logLevel: kafkajs.logLevel.NOTHING }).admin();
      await admin.connect();
      const read = aclBindingsFor(consumeSpec).find((b) => b.operation === "READ")!;
      const filter = {
        resourceType: AclResourceTypes.TOPIC, resourceName: read.name, resourcePatternType: ResourcePatternTypes.LITERAL,
        principal: read.principal, host: "*", operation: AclOperationTypes.READ, permissionType: AclPermissionTypes.ALLOW,
      };
      const present = async () => (await listAcls({ principal: read.principal, resourceType: "TOPIC", name: read.name })).some((b) => b.operation === "READ");
      const repairs: number[] = [];
      for (let i = 0; i < REPAIRS; i++) {
        await new Promise((r) => setTimeout(r, Math.random() * INTERVAL * 1000)); // at a random moment of the cycle
        await admin.deleteAcls({ filters: [filter] });
        const t0 = performance.now();
        while (await present()) await new Promise((r) => setTimeout(r, 100)); // the deletion reaches the broker's metadata
        while (!(await present())) {
          if (performance.now() - t0 > 10 * 60_000) throw new Error("not repaired within 10 minutes");
          await new Promise((r) => setTimeout(r, 250));
        }
        repairs.push((performance.now() - t0) / 1000);
        console.log(`repair ${i + 1}: deleted ${read.name} READ for ${read.principal}; back after ${repairs[i]!.toFixed(1)} s`);
      }
      await admin.disconnect();
      console.log(`repair time at a ${INTERVAL} s interval: median ${median(repairs).toFixed(1)} s, worst ${worst(repairs).toFixed(1)} s (bound: interval + ~2 s)`);
    }
  } finally {
    await stopProvisioning();
    await cleanup(bindings);
    await closeKafka();
    await db.$disconnect();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
