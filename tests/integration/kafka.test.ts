// lib/kafka against a real broker: `bash scripts/kafka/kafka.sh start`, then
// `set -a; . .meshport/kafka/env; set +a; npx vitest run --project integration tests/integration/kafka.test.ts`.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  aclBindingsFor,
  applyAcls,
  checkKafka,
  closeKafka,
  deleteAclBindings,
  deleteTopic,
  desiredBindings,
  describeTopic,
  ensureTopic,
  listAcls,
  producer,
  removeAcls,
  type AclSpec,
} from "@/lib/kafka";
import { desiredForPrincipals } from "@/lib/provisioning/desired";
import { consumeOne, eventually, produceAs } from "../support/kafka-clients";

const topics: string[] = [];
const grants: AclSpec[] = [];
function newTopic(label: string): string {
  const t = `it.${label}.${randomUUID().slice(0, 8)}`;
  topics.push(t);
  return t;
}
async function grant(spec: AclSpec) {
  grants.push(spec);
  return applyAcls(spec);
}


// kafkajs 2.2.4 loses GROUP_AUTHORIZATION_FAILED from FindCoordinator (its broker pool swallows the error)
// and reports KafkaJSGroupCoordinatorNotFound; with one healthy broker that only happens on a group denial.
const GROUP_DENIED = /^(GROUP_AUTHORIZATION_FAILED|KafkaJSGroupCoordinatorNotFound: .*)$/;
const REFUSED = /^(TOPIC_AUTHORIZATION_FAILED|GROUP_AUTHORIZATION_FAILED|KafkaJSGroupCoordinatorNotFound: .*)$/;

beforeAll(async () => {
  const health = await checkKafka();
  if (!health.ok) throw new Error(`No broker (${health.error}). Run: bash scripts/kafka/kafka.sh start; set -a; . .meshport/kafka/env; set +a`);
  // Leftovers of an interrupted run would change what removeAcls may delete (shared bindings).
  const stale = new Set((await listAcls({ resourceType: "TOPIC" })).filter((b) => b.name.startsWith("it.")).map((b) => b.name));
  for (const t of stale) await deleteTopic(t);
});

afterEach(async () => {
  // What the principals' real grants (the demo seed's) imply stays: the desired set comes from the database.
  for (const spec of grants.splice(0)) await removeAcls(spec, await desiredForPrincipals([spec.principal])).catch(() => {});
  for (const t of topics.splice(0)) await deleteTopic(t).catch(() => {});
});

afterAll(async () => {
  await closeKafka();
});

describe("lib/kafka against a real broker", () => {
  it("checkKafka reports the single local broker", async () => {
    const h = await checkKafka();
    expect(h).toMatchObject({ ok: true, brokers: 1, controller: 1 });
  });

  it("ensureTopic creates, adopts a matching topic, reports each difference of another; describeTopic reads it back", async () => {
    const topic = newTopic("layout");
    const spec = { topic, partitions: 3, replicationFactor: 1, configs: { "retention.ms": "7200000", "cleanup.policy": "delete", "max.message.bytes": "200000" } };
    expect(await ensureTopic(spec)).toEqual({ outcome: "created" });
    expect(await ensureTopic(spec)).toEqual({ outcome: "adopted" });
    const conflict = await ensureTopic({ ...spec, partitions: 6, configs: { ...spec.configs, "retention.ms": "3600000" } });
    expect(conflict).toMatchObject({
      outcome: "conflict",
      differences: [{ setting: "partitions", requested: "6", actual: "3" }, { setting: "retention.ms", requested: "3600000", actual: "7200000" }],
    });

    const empty = await describeTopic(topic);
    expect(empty).toMatchObject({
      name: topic,
      partitions: 3,
      replicationFactor: 1,
      configs: { "retention.ms": "7200000", "cleanup.policy": "delete", "max.message.bytes": "200000" },
      messageCount: 0,
      lastMessageAt: null,
    });
    expect(empty!.partitionDetails.map((p) => p.partition)).toEqual([0, 1, 2]);

    const sent = Date.now() - 3_600_000; // an explicit record timestamp an hour ago
    const p = await producer();
    await p.send({ topic, messages: [{ key: "a", value: "1", timestamp: String(sent) }, { key: "b", value: "2", timestamp: String(sent - 60_000) }] });
    await p.disconnect();
    const started = Date.now();
    const full = await describeTopic(topic);
    const took = Date.now() - started;
    expect(full!.messageCount).toBe(2);
    expect(full!.partitionDetails.reduce((n, x) => n + Number(x.endOffset), 0)).toBe(2);
    // Precision is max(1 s, age/1000): 3.6 s for an hour-old record.
    expect(Math.abs(full!.lastMessageAt!.getTime() - sent)).toBeLessThanOrEqual(4_000);
    expect(took).toBeLessThan(1_000);
  });

  it("deleteTopic removes the topic's ACLs too, so a re-created topic starts closed", async () => {
    const topic = newTopic("recreate");
    await ensureTopic({ topic, partitions: 1, replicationFactor: 1 });
    await applyAcls({ principal: "User:team-inventory", topic, access: "PRODUCE" });
    expect(await deleteTopic(topic)).toBe(true);
    // KRaft applies ACL changes to the broker's metadata image a moment after the call returns.
    expect(await eventually(() => listAcls({ resourceType: "TOPIC", name: topic }), (left) => left.length === 0, 5000)).toEqual([]);
  });

  it("describeTopic and deleteTopic of a missing topic", async () => {
    expect(await describeTopic(`it.missing.${randomUUID()}`)).toBeNull();
    expect(await deleteTopic(`it.missing.${randomUUID()}`)).toBe(false);
  });

  it("CONSUME: refused before applyAcls, reads after, refused again after removeAcls", async () => {
    const topic = newTopic("consume");
    await ensureTopic({ topic, partitions: 1, replicationFactor: 1 });
    const p = await producer();
    await p.send({ topic, messages: [{ value: "hello platform" }] });
    await p.disconnect();

    expect((await consumeOne("team-data-platform", topic, `team-data-platform.${randomUUID()}`)) as { refused: string }).toMatchObject({ refused: expect.stringMatching(REFUSED) });

    const spec: AclSpec = { principal: "User:team-data-platform", topic, access: "CONSUME" };
    await grant(spec);
    await grant(spec); // idempotent
    // The broker's authorizer applies ACL records shortly after the controller commits them (KRaft).
    const bindings = await eventually(() => listAcls({ principal: "User:team-data-platform" }), (b) => b.some((x) => x.name === topic && x.operation === "READ"), 5000);
    expect(bindings.filter((b) => b.name === topic).map((b) => b.operation).sort()).toEqual(["DESCRIBE", "READ"]);
    expect(bindings).toContainEqual({ resourceType: "GROUP", name: "team-data-platform.", patternType: "PREFIXED", principal: "User:team-data-platform", host: "*", operation: "READ", permission: "ALLOW" });

    expect(await consumeOne("team-data-platform", topic, `team-data-platform.${randomUUID()}`)).toEqual({ value: "hello platform" });
    // A group outside the granted prefix stays closed.
    expect((await consumeOne("team-data-platform", topic, `elsewhere.${randomUUID()}`)) as { refused: string }).toMatchObject({ refused: expect.stringMatching(GROUP_DENIED) });

    const { removed } = await removeAcls(spec, await desiredForPrincipals([spec.principal]));
    expect(removed).toHaveLength(3);
    const mine = (b: { name: string }) => b.name === topic || b.name === "team-data-platform.";
    expect((await eventually(() => listAcls({ principal: "User:team-data-platform" }), (left) => !left.some(mine), 5000)).filter(mine)).toEqual([]);
    expect((await consumeOne("team-data-platform", topic, `team-data-platform.${randomUUID()}`)) as { refused: string }).toMatchObject({ refused: expect.stringMatching(REFUSED) });
  });

  it("removeAcls keeps what the desired set holds, whatever Kafka holds (drift on the other grant's ACLs)", async () => {
    const [a, b] = [newTopic("shared-a"), newTopic("shared-b")];
    await ensureTopic({ topic: a, partitions: 1, replicationFactor: 1 });
    await ensureTopic({ topic: b, partitions: 1, replicationFactor: 1 });
    const principal = "User:team-marketing";
    await grant({ principal, topic: a, access: "CONSUME" });
    const other: AclSpec = { principal, topic: b, access: "CONSUME" };
    await grant(other);
    // Drift: someone deletes the other grant's topic READ; the old broker-based decision then dropped the group ACL.
    await deleteAclBindings(aclBindingsFor(other).filter((x) => x.resourceType === "TOPIC" && x.operation === "READ"));
    const desired = [...(await desiredForPrincipals([principal])), ...desiredBindings([other])];
    const r = await removeAcls({ principal, topic: a, access: "CONSUME" }, desired);
    expect(r.removed.map((x) => `${x.name}:${x.operation}`)).toEqual([`${a}:READ`, `${a}:DESCRIBE`]);
    expect(r.kept.map((x) => `${x.name}:${x.operation}`)).toEqual(["team-marketing.:READ"]);
    const left = await listAcls({ principal });
    expect(left.some((x) => x.name === a)).toBe(false);
    expect(left.some((x) => x.resourceType === "GROUP" && x.name === "team-marketing.")).toBe(true);
  });

  it("PRODUCE lets the owning team write and read back its own topic with its group prefix", async () => {
    const topic = newTopic("produce");
    await ensureTopic({ topic, partitions: 1, replicationFactor: 1 });
    expect(await produceAs("team-sales", topic, "before")).toBe("TOPIC_AUTHORIZATION_FAILED");

    await grant({ principal: "User:team-sales", topic, access: "PRODUCE" });
    expect(await produceAs("team-sales", topic, "from sales")).toBe("ok");
    expect((await describeTopic(topic))!.messageCount).toBe(1);
    expect(await consumeOne("team-sales", topic, `team-sales.${randomUUID()}`)).toEqual({ value: "from sales" });
    expect((await consumeOne("team-sales", topic, `elsewhere.${randomUUID()}`)) as { refused: string }).toMatchObject({ refused: expect.stringMatching(GROUP_DENIED) });
  });

  it("an unreachable cluster fails fast with KafkaUnavailableError", async () => {
    const saved = process.env.KAFKA_BROKERS;
    process.env.KAFKA_BROKERS = "localhost:1";
    vi.resetModules(); // lib/env parses the environment once per module instance
    try {
      const fresh = await import("@/lib/kafka");
      let started = Date.now();
      const err = await fresh.ensureTopic({ topic: "never", partitions: 1, replicationFactor: 1 }).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(6_000);
      expect(err).toBeInstanceOf(fresh.KafkaUnavailableError);
      expect((err as Error).message).toContain("localhost:1");

      started = Date.now();
      const health = await fresh.checkKafka();
      expect(health).toMatchObject({ ok: false, brokers: ["localhost:1"] });
      expect(Date.now() - started).toBeLessThan(6_000);
      await fresh.closeKafka();
    } finally {
      process.env.KAFKA_BROKERS = saved;
      vi.resetModules();
    }
  });
});
