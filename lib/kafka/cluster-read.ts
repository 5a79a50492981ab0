import "server-only";
import kafkajs, { type Admin, type Kafka as KafkaClient } from "kafkajs";
import { kafkaBrokers, kafkaConfig } from "./client";
import { toKafkaError } from "./errors";

const { Kafka, logLevel } = kafkajs;

// One read of the whole cluster for the cluster index (lib/cluster-index): every topic's partitions
// with their log start and end offsets, every consumer group with its state, members and committed
// offsets. Batched so it stays a handful of requests per broker at 10,000 topics: kafkajs's public
// fetchTopicOffsets(topic) costs two ListOffsets requests per topic and, on a fresh client, a
// metadata refresh of every topic seen so far per new topic (quadratic). Its internal cluster
// object answers ListOffsets for all topics at once, per leader (docs/decisions/0040).

export type PartitionRead = { partition: number; leader: number; start: bigint; end: bigint };
export type TopicRead = { name: string; partitions: PartitionRead[] };
export type GroupOffsetRead = { topic: string; partition: number; offset: bigint };
export type GroupRead = { groupId: string; state: string; protocolType: string; members: number; offsets: GroupOffsetRead[] };
export type ClusterRead = { topics: TopicRead[]; groups: GroupRead[]; readAt: Date };

type ListOffsetsAnswer = { topic: string; partitions: { partition: number; offset: string }[] }[];
type InternalCluster = {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  brokerPool: { metadata?: { topicMetadata: { topic: string; partitionMetadata: { partitionId: number; leader: number }[] }[] } };
  isolationLevel: number;
  findBroker(node: { nodeId: string }): Promise<{
    listOffsets(request: { isolationLevel: number; topics: { topic: string; partitions: { partition: number; timestamp: number }[] }[] }): Promise<{ responses: ListOffsetsAnswer }>;
  }>;
};

/** kafkajs keeps its cluster factory behind a symbol; kafkajs 2.2.4 is pinned and unmaintained, so this does not move. */
function internalCluster(kafka: KafkaClient): InternalCluster {
  const key = Object.getOwnPropertySymbols(kafka).find((s) => s.description === "private:Kafka:createCluster");
  const create = key ? (kafka as unknown as Record<symbol, unknown>)[key] : undefined;
  if (typeof create !== "function") throw new Error("kafkajs internals changed: no cluster factory (is kafkajs still 2.2.4?)");
  return (create as (o: object) => InternalCluster)({ metadataMaxAge: 300_000, allowAutoTopicCreation: false });
}

const DESCRIBE_BATCH = 200;
const OFFSET_FETCH_CONCURRENCY = 16;

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

const LATEST = -1;
const EARLIEST = -2;
const key = (topic: string, partition: number) => `${partition}:${topic}`;
type TopicMeta = { topic: string; partitionMetadata: { partitionId: number; leader: number }[] };

/**
 * Every partition's earliest or latest offset: one ListOffsets request per leader broker. Not kafkajs's
 * fetchTopicsOffset, which merges the answers by copying an object per topic (quadratic: 75 s of
 * CPU at 10,000 topics, measured with a CPU profile of bench:index).
 */
async function listOffsets(cluster: InternalCluster, meta: TopicMeta[], timestamp: number): Promise<Map<string, string>> {
  const perLeader = new Map<number, Map<string, { partition: number; timestamp: number }[]>>();
  for (const t of meta) {
    for (const p of t.partitionMetadata) {
      const topics = perLeader.get(p.leader) ?? new Map<string, { partition: number; timestamp: number }[]>();
      perLeader.set(p.leader, topics);
      const list = topics.get(t.topic) ?? [];
      topics.set(t.topic, list);
      list.push({ partition: p.partitionId, timestamp });
    }
  }
  const answers = await Promise.all(
    [...perLeader].map(async ([nodeId, topics]) => {
      const broker = await cluster.findBroker({ nodeId: String(nodeId) });
      const { responses } = await broker.listOffsets({ isolationLevel: cluster.isolationLevel, topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })) });
      return responses;
    }),
  );
  const offsets = new Map<string, string>();
  for (const responses of answers) for (const t of responses) for (const p of t.partitions) offsets.set(key(t.topic, p.partition), p.offset);
  return offsets;
}

async function readTopics(cluster: InternalCluster): Promise<TopicRead[]> {
  await cluster.refreshMetadata(); // no target topics: metadata of every topic
  const meta: TopicMeta[] = (cluster.brokerPool.metadata?.topicMetadata ?? []).filter((t) => !t.topic.startsWith("__"));
  const [endOf, startOf] = await Promise.all([listOffsets(cluster, meta, LATEST), listOffsets(cluster, meta, EARLIEST)]);
  return meta.map((t) => ({
    name: t.topic,
    partitions: t.partitionMetadata
      .map((p) => ({
        partition: p.partitionId,
        leader: p.leader,
        start: BigInt(startOf.get(key(t.topic, p.partitionId)) ?? "0"),
        end: BigInt(endOf.get(key(t.topic, p.partitionId)) ?? "0"),
      }))
      .sort((a, b) => a.partition - b.partition),
  }));
}

async function readGroups(admin: Admin): Promise<GroupRead[]> {
  const { groups: listed } = await admin.listGroups();
  const ids = listed.map((g) => g.groupId).sort();
  const described = new Map<string, { state: string; protocolType: string; members: number }>();
  for (let i = 0; i < ids.length; i += DESCRIBE_BATCH) {
    const { groups } = await admin.describeGroups(ids.slice(i, i + DESCRIBE_BATCH));
    for (const g of groups) described.set(g.groupId, { state: g.state, protocolType: g.protocolType, members: g.members.length });
  }
  return mapLimit(ids, OFFSET_FETCH_CONCURRENCY, async (groupId) => {
    const topics = await admin.fetchOffsets({ groupId });
    const offsets: GroupOffsetRead[] = [];
    for (const t of topics) for (const p of t.partitions) offsets.push({ topic: t.topic, partition: p.partition, offset: BigInt(p.offset) });
    const d = described.get(groupId) ?? { state: "Unknown", protocolType: "", members: 0 };
    return { groupId, ...d, offsets };
  });
}

/**
 * Reads the whole cluster with the Meshport admin principal, on connections of its own (opened and
 * closed here), within `budgetMs`. Throws KafkaUnavailableError / KafkaOperationError; never returns a partial read.
 */
export async function readCluster(budgetMs: number): Promise<ClusterRead> {
  const brokers = kafkaBrokers();
  // One request may take the whole budget: metadata for 10,000 topics can outlast the user-facing
  // KAFKA_REQUEST_TIMEOUT_MS on a busy broker, and this read is background work bounded by budgetMs.
  const config = kafkaConfig();
  const kafka = new Kafka({ ...config, requestTimeout: Math.max(config.requestTimeout ?? 0, budgetMs), logLevel: logLevel.NOTHING });
  const cluster = internalCluster(kafka);
  const admin = kafka.admin();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(toKafkaError({ name: "KafkaJSRequestTimeoutError", message: `cluster read took longer than ${budgetMs} ms` }, brokers, "read cluster")), budgetMs);
  });
  try {
    const read = (async () => {
      await Promise.all([cluster.connect(), admin.connect()]);
      let readAt = new Date();
      const [topics, groups] = await Promise.all([
        readTopics(cluster).then((t) => ((readAt = new Date()), t)), // the time the end offsets were true
        readGroups(admin),
      ]);
      return { topics, groups, readAt };
    })();
    read.catch(() => {}); // its rejection is reported through the race below
    return await Promise.race([read, timeout]);
  } catch (e) {
    throw toKafkaError(e, brokers, "read cluster");
  } finally {
    clearTimeout(timer);
    await Promise.allSettled([cluster.disconnect(), admin.disconnect()]);
  }
}
