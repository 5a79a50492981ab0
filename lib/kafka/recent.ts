import "server-only";
import kafkajs from "kafkajs";
import { kafkaConfig, withAdmin } from "./client";

const { Kafka, logLevel } = kafkajs;

export type RecentMessage = { partition: number; offset: string; key: string | null; value: Buffer | null; timestamp: string };

/**
 * Up to `limit` of the latest messages of a topic, as Meshport's own principal, spread over its
 * partitions: each partition is read from (end - its share) to its end, then the consumer leaves.
 * Bounded in messages and in time (`budgetMs`); offsets are never committed.
 */
export async function readRecentMessages(topic: string, limit: number, budgetMs = 8000): Promise<RecentMessage[]> {
  const offsets = await withAdmin("fetch offsets", (admin) => admin.fetchTopicOffsets(topic));
  const live = offsets.filter((o) => BigInt(o.high) > BigInt(o.low));
  if (live.length === 0) return [];
  const share = BigInt(Math.max(1, Math.ceil(limit / live.length)));
  const starts = new Map(live.map((o) => [o.partition, BigInt(o.high) - share > BigInt(o.low) ? BigInt(o.high) - share : BigInt(o.low)]));
  const ends = new Map(live.map((o) => [o.partition, BigInt(o.high)]));

  const consumer = new Kafka({ ...kafkaConfig(), logLevel: logLevel.NOTHING }).consumer({
    groupId: `meshport.sampler.${topic}`,
    maxWaitTimeInMs: 200,
    sessionTimeout: 10_000,
  });
  const out: RecentMessage[] = [];
  const done = new Set<number>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: false });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, budgetMs);
      const finish = () => {
        clearTimeout(timer);
        resolve();
      };
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = ends.get(partition);
            if (end === undefined || done.has(partition)) return;
            if (BigInt(message.offset) >= (starts.get(partition) ?? 0n)) {
              out.push({ partition, offset: message.offset, key: message.key?.toString("utf8") ?? null, value: message.value, timestamp: message.timestamp });
            }
            if (BigInt(message.offset) + 1n >= end) done.add(partition);
            if (done.size === live.length || out.length >= limit) finish();
          },
        })
        .catch(reject);
      // Seek after run() has started, as kafkajs requires.
      for (const [partition, start] of starts) consumer.seek({ topic, partition, offset: start.toString() });
    });
  } finally {
    await consumer.disconnect().catch(() => {});
  }
  return out.slice(-limit);
}
