// How long from the approve click to the consumer actually reading, next to the raw kafkajs
// createAcls call it rests on. 20 runs against the Kafka and PostgreSQL in the environment
// (the demo mesh must be seeded: `npm run demo`, or the isolated setup in the README).
//   npm run bench:access            (RUNS=20 by default)
//
// Each run: Payments requests access to a fresh-per-bench product; Sales approves through the
// domain function the server action calls (decideAccessRequest: transaction, audit, createAcls,
// provisioning state); then a consumer authenticating as User:team-payments polls until it reads.
// In the same run, a raw `admin.createAcls` of the same three bindings for a throwaway principal is timed.
import kafkajs from "kafkajs";
import { db } from "@/lib/db";
import { loadViewer } from "@/lib/auth";
import { createDataProduct } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { decideAccessRequest, requestAccess, revokeAccess } from "@/lib/access";
import { aclBindingsFor, closeKafka, deleteAclBindings, kafkaConfig } from "@/lib/kafka";
import { consumeOne, produceAs } from "../tests/support/kafka-clients";
import { toolEnv } from "@/lib/env";

const { Kafka, AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;
const RUNS = toolEnv.RUNS;

const viewer = async (email: string) => (await loadViewer((await db.user.findUniqueOrThrow({ where: { email } })).id))!;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return { median, worst: s[s.length - 1]!, best: s[0]! };
};
const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

async function main() {
  const [sam, priya] = await Promise.all([viewer("sam@example.com"), viewer("priya@example.com")]);
  const payments = (await db.team.findUniqueOrThrow({ where: { slug: "payments" } })).id;
  const sales = (await db.team.findUniqueOrThrow({ where: { slug: "sales" } })).id;
  const slug = `bench-access-${Date.now().toString(36)}`;
  const { topic } = await createDataProduct(
    sam,
    createDataProductSchema.parse({
      ownerTeamId: sales, name: `Bench ${slug}`, slug, description: "Access latency bench.", classification: "INTERNAL", containsPii: false,
      lifecycle: "ACTIVE", tags: "bench", partitions: 1, replicationFactor: 1, retentionHours: 1, cleanupPolicy: "delete", schema: "",
    }),
  );
  if ((await produceAs("team-sales", topic, "bench")) !== "ok") throw new Error("could not produce the bench message");
  const productId = (await db.dataProduct.findUniqueOrThrow({ where: { slug } })).id;

  const admin = new Kafka({ ...kafkaConfig(), logLevel: kafkajs.logLevel.NOTHING }).admin();
  await admin.connect();
  const rawPrincipal = "User:bench-raw";
  const rawBindings = aclBindingsFor({ principal: rawPrincipal, topic, access: "CONSUME" });

  const clickToRead: number[] = [];
  const approveCall: number[] = [];
  const rawCreate: number[] = [];
  const attempts: number[] = [];
  console.log(`bench: ${RUNS} runs on ${topic}`);
  for (let i = 0; i < RUNS; i++) {
    const { requestId } = await requestAccess(priya, { dataProductId: productId, consumerTeamId: payments, purpose: "Latency bench run.", accessUntil: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10), note: "" });

    const t0 = performance.now();
    const decided = await decideAccessRequest(sam, { requestId, decision: "APPROVE" });
    const t1 = performance.now();
    if (decided.provisioningWarning) throw new Error(decided.provisioningWarning);
    let tries = 0;
    for (;;) {
      tries++;
      const r = await consumeOne("team-payments", topic, `team-payments.bench.${i}.${tries}`, 10_000);
      if ("value" in r) break;
      if (tries > 20) throw new Error(`still refused after ${tries} attempts: ${r.refused}`);
    }
    const t2 = performance.now();

    const r0 = performance.now();
    await admin.createAcls({
      acl: rawBindings.map((b) => ({
        resourceType: AclResourceTypes[b.resourceType as "TOPIC" | "GROUP"],
        resourceName: b.name,
        resourcePatternType: ResourcePatternTypes[b.patternType as "LITERAL" | "PREFIXED"],
        principal: b.principal,
        host: b.host,
        operation: AclOperationTypes[b.operation as "READ" | "DESCRIBE"],
        permissionType: AclPermissionTypes.ALLOW,
      })),
    });
    const r1 = performance.now();

    approveCall.push(t1 - t0);
    clickToRead.push(t2 - t0);
    rawCreate.push(r1 - r0);
    attempts.push(tries);
    console.log(`run ${String(i + 1).padStart(2)}: approve call ${ms(t1 - t0)} · approve→read ${ms(t2 - t0)} (${tries} consumer attempt(s)) · raw createAcls ${ms(r1 - r0)}`);

    await revokeAccess(sam, { requestId, reason: "Bench run finished." });
    await deleteAclBindings(rawBindings);
  }
  await admin.disconnect();

  // The consumer's own start-up (connect, join group, fetch) with access already in place, for scale.
  const { requestId } = await requestAccess(priya, { dataProductId: productId, consumerTeamId: payments, purpose: "Latency bench baseline.", accessUntil: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), note: "" });
  await decideAccessRequest(sam, { requestId, decision: "APPROVE" });
  const baseline: number[] = [];
  for (let i = 0; i < 5; i++) {
    const b0 = performance.now();
    await consumeOne("team-payments", topic, `team-payments.bench.baseline.${i}`);
    baseline.push(performance.now() - b0);
  }
  await revokeAccess(sam, { requestId, reason: "Bench finished." });

  const a = stats(clickToRead);
  const c = stats(approveCall);
  const r = stats(rawCreate);
  const b = stats(baseline);
  console.log("");
  console.log(`                          median      worst`);
  console.log(`approve → consumer reads ${ms(a.median)} ${ms(a.worst)}`);
  console.log(`  approve call only      ${ms(c.median)} ${ms(c.worst)}   (transaction + audit + createAcls + provisioning state)`);
  console.log(`  consumer start, no ACL wait ${ms(b.median)} ${ms(b.worst)}   (connect + join group + first fetch, access already granted; 5 runs)`);
  console.log(`raw kafkajs createAcls   ${ms(r.median)} ${ms(r.worst)}`);
  console.log(`ratio approve→read / createAcls: median ${(a.median / r.median).toFixed(1)}×, worst ${(a.worst / r.worst).toFixed(1)}×`);
  console.log(`consumer attempts until read: max ${Math.max(...attempts)} (1 = first try)`);
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    await closeKafka();
    await db.$disconnect();
  });
