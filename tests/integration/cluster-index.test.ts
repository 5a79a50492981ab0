// The cluster index against the real Kafka and PostgreSQL: real producers and consumers, lag on
// the right partitions, rates and time lag within stated tolerances, a stopped consumer's lag
// growing, one collector across two workers, Kafka unreachable mid-refresh.
import { randomUUID } from "node:crypto";
import kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { closeKafka, deleteTopic, ensureTopic, kafkaConfig, producer } from "@/lib/kafka";
import { getIndexFreshness, refreshIndex, startCollector, type RefreshOutcome } from "@/lib/cluster-index";

const topics: string[] = [];
async function newTopic(partitions: number): Promise<string> {
  const t = `it.index.${randomUUID().slice(0, 8)}`;
  topics.push(t);
  await ensureTopic({ topic: t, partitions, replicationFactor: 1 });
  return t;
}

async function produce(topic: string, perPartition: Record<number, number>): Promise<number> {
  const p = await producer();
  try {
    for (const [partition, n] of Object.entries(perPartition)) {
      await p.send({ topic, messages: Array.from({ length: n }, (_, i) => ({ partition: Number(partition), value: `m${i}` })) });
    }
  } finally {
    await p.disconnect();
  }
  return Date.now();
}

/** A real consumer group that reads `count` messages of `topic` from the start, commits, and stops. */
async function consume(topic: string, groupId: string, count: number): Promise<void> {
  const consumer = new kafkajs.Kafka({ ...kafkaConfig(), logLevel: kafkajs.logLevel.NOTHING }).consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let seen = 0;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`consumed ${seen} of ${count}`)), 30_000);
    void consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic: t, partition, message }) => {
        seen++;
        await consumer.commitOffsets([{ topic: t, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
        if (seen >= count) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
}

/** Refreshes now (an interval of 1 ms is always due). */
async function refresh(): Promise<Extract<RefreshOutcome, { ran: true }>> {
  const o = await refreshIndex({ intervalMs: 1, holder: "test" });
  if (!o.ran) throw new Error("refresh did not run");
  if (!o.ok) throw new Error(o.error);
  return o;
}

async function groupTopic(groupId: string, topic: string) {
  return db.indexedGroupTopic.findFirstOrThrow({
    where: { groupId: (await db.indexedGroup.findUniqueOrThrow({ where: { groupId } })).id, topicId: (await db.indexedTopic.findUniqueOrThrow({ where: { name: topic } })).id },
  });
}

async function readAt(): Promise<number> {
  return (await db.clusterIndexState.findUniqueOrThrow({ where: { id: 1 } })).lastRefreshedAt!.getTime();
}

beforeAll(async () => {
  await db.clusterIndexState.deleteMany();
});

afterAll(async () => {
  for (const t of topics) await deleteTopic(t).catch(() => {});
  await closeKafka();
});

describe("cluster index", () => {
  it("shows lag N − M on the right partitions, rates, time lag, and a stopped consumer's lag growing", async () => {
    const topic = await newTopic(3);
    const group = `it-index-${randomUUID().slice(0, 8)}`;
    await produce(topic, { 0: 30, 1: 20, 2: 10 });
    await consume(topic, group, 60); // M = N: caught up, then stopped
    await refresh();
    let gt = await groupTopic(group, topic);
    expect(gt.lag).toBe(0n);
    expect(gt.timeLagSeconds).toBe(0);

    const before = await readAt();
    const producedAt = await produce(topic, { 1: 7 });
    await refresh();
    const after = await readAt();
    gt = await groupTopic(group, topic);
    expect(gt.lag).toBe(7n);
    expect(gt.worstPartition).toBe(1);
    expect(gt.worstPartitionLag).toBe(7n);
    const parts = await db.indexedGroupPartition.findMany({ where: { groupTopicId: gt.id }, orderBy: { partition: "asc" } });
    expect(parts.map((p) => [p.partition, p.lag])).toEqual([[0, 0n], [1, 7n], [2, 0n]]);
    const indexed = await db.indexedTopic.findUniqueOrThrow({ where: { name: topic } });
    expect(indexed.endOffsetSum).toBe(67n);
    // Produce rate between the two reads: exactly 7 messages over their distance (1 % for rounding).
    expect(indexed.produceRate).toBeCloseTo((7 * 1000) / (after - before), 1);
    expect(indexed.lastMessageAt?.getTime()).toBe(after);

    // Time lag: the unread message was appended at producedAt; the index knows it only to within the
    // reads around it, so the tolerance is their distance (plus a second of rounding).
    await new Promise((r) => setTimeout(r, 3000));
    await produce(topic, { 2: 5 });
    await refresh();
    const now = await readAt();
    gt = await groupTopic(group, topic);
    expect(gt.lag).toBe(12n); // stopped consumer: lag grows with every message produced
    const trueLag = (now - producedAt) / 1000;
    const tolerance = (after - before) / 1000 + 1;
    expect(Math.abs(gt.timeLagSeconds - trueLag)).toBeLessThanOrEqual(tolerance);
    console.info(`[cluster-index] time lag estimated ${gt.timeLagSeconds} s, true ${trueLag.toFixed(2)} s, tolerance ${tolerance.toFixed(2)} s`);
    expect(gt.consumeRate).toBe(0);
    // History: the topic's and the group's minute points exist.
    expect(await db.topicPoint.count({ where: { topicId: indexed.id } })).toBeGreaterThan(0);
    expect(await db.groupTopicPoint.count({ where: { groupTopicId: gt.id } })).toBeGreaterThan(0);
  });

  it("measures a live consumer's consumption rate", async () => {
    const topic = await newTopic(1);
    const group = `it-index-${randomUUID().slice(0, 8)}`;
    await produce(topic, { 0: 10 });
    await consume(topic, group, 10);
    await refresh();
    const before = await readAt();
    await produce(topic, { 0: 25 });
    await consume(topic, group, 25);
    await refresh();
    const after = await readAt();
    const gt = await groupTopic(group, topic);
    expect(gt.lag).toBe(0n);
    expect(gt.consumeRate).toBeCloseTo((25 * 1000) / (after - before), 1);
    expect(gt.lastCommitAt?.getTime()).toBe(after);
    expect(await db.consumerActivity.findUnique({ where: { groupId_topic: { groupId: group, topic } } })).not.toBeNull();
  });

  it("writes nothing but the failure when Kafka is unreachable, and says since when it is stale", async () => {
    await refresh();
    const good = await db.clusterIndexState.findUniqueOrThrow({ where: { id: 1 } });
    const topicsBefore = await db.indexedTopic.count();
    const brokers = env.KAFKA_BROKERS;
    (env as { KAFKA_BROKERS: string }).KAFKA_BROKERS = "localhost:1"; // nothing listens there
    try {
      const o = await refreshIndex({ intervalMs: 1, holder: "test" });
      expect(o).toMatchObject({ ran: true, ok: false });
    } finally {
      (env as { KAFKA_BROKERS: string }).KAFKA_BROKERS = brokers;
    }
    const failed = await db.clusterIndexState.findUniqueOrThrow({ where: { id: 1 } });
    expect(failed.lastRefreshedAt).toEqual(good.lastRefreshedAt);
    expect(failed.refreshes).toBe(good.refreshes);
    expect(failed.failingSince).not.toBeNull();
    expect(failed.lastError).toMatch(/unreachable/i);
    expect(await db.indexedTopic.count()).toBe(topicsBefore);
    const freshness = await getIndexFreshness();
    expect(freshness).toMatchObject({ stale: true, failingSince: failed.failingSince!.toISOString() });

    // A snapshot that fails half-way through writing (no topics: all deleted; then a group id PostgreSQL
    // refuses) leaves the previous snapshot whole.
    const o = await refreshIndex({
      intervalMs: 1,
      holder: "test",
      read: async () => ({ readAt: new Date(), topics: [], groups: [{ groupId: "bad\u0000group", state: "Empty", protocolType: "consumer", members: 0, offsets: [] }] }),
    });
    expect(o).toMatchObject({ ran: true, ok: false });
    expect(await db.indexedTopic.count()).toBe(topicsBefore);
    expect((await db.clusterIndexState.findUniqueOrThrow({ where: { id: 1 } })).lastRefreshedAt).toEqual(good.lastRefreshedAt);

    await refresh();
    expect((await getIndexFreshness()).failingSince).toBeNull();
  });

  it("runs one collector across two workers, and a slow refresh does not pile up", async () => {
    const runs: { holder: string; start: number; end: number }[] = [];
    const slowRead = (holder: string) => async () => {
      const start = Date.now();
      await new Promise((r) => setTimeout(r, 1500)); // longer than the interval
      runs.push({ holder, start, end: Date.now() });
      return { readAt: new Date(), groups: [], topics: [] };
    };
    const opts = (holder: string) => ({ intervalMs: 1000, holder, read: slowRead(holder) });
    const stopA = startCollector(opts("worker-a"));
    const stopB = startCollector(opts("worker-b"));
    await new Promise((r) => setTimeout(r, 6000));
    await Promise.all([stopA(), stopB()]);
    runs.sort((a, b) => a.start - b.start);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(4); // 6 s of 1.5 s refreshes, one at a time
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.start).toBeGreaterThanOrEqual(runs[i - 1]!.end);
    await refresh(); // the real cluster back in the index for the tests after this file
  });
});
