import "server-only";
import kafkajs, { type Admin } from "kafkajs";
import { env } from "@/lib/env";
import { kafkaBrokers, withAdmin } from "./client";
import { KafkaOperationError, toKafkaError } from "./errors";
import { describeDifferences, topicDifferences, type TopicDifference, type TopicLayout } from "./topic-diff";

// Default import: see client.ts.
const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ConfigResourceTypes, ConfigSource, ResourcePatternTypes } = kafkajs;

export type KafkaHealth =
  | { ok: true; brokers: number; controller: number | null; clusterId: string; latencyMs: number }
  | { ok: false; error: string; brokers: string[] };

/** Never throws: for health checks and status banners. */
export async function checkKafka(): Promise<KafkaHealth> {
  const started = Date.now();
  try {
    const cluster = await withAdmin("describe cluster", (admin) => admin.describeCluster());
    return { ok: true, brokers: cluster.brokers.length, controller: cluster.controller, clusterId: cluster.clusterId, latencyMs: Date.now() - started };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e), brokers: kafkaBrokers() };
  }
}

export type TopicSpec = {
  topic: string;
  partitions: number;
  replicationFactor: number;
  /** Topic-level configs, e.g. { "retention.ms": "604800000", "cleanup.policy": "delete" }. */
  configs?: Record<string, string>;
};

export type EnsureTopicResult =
  | { outcome: "created" }
  /** The topic already existed with the requested layout and configs: Meshport takes it over as it is. */
  | { outcome: "adopted" }
  /** The topic exists with another layout or configs; Meshport does not change it (partitions cannot shrink, data is someone's). */
  | { outcome: "conflict"; differences: TopicDifference[]; message: string };

/** Create the topic unless it exists. An existing topic is never changed: adopted when it matches, else reported with the difference. */
export async function ensureTopic(spec: TopicSpec): Promise<EnsureTopicResult> {
  return withAdmin(`create topic ${spec.topic}`, async (admin) => {
    const created = await admin.createTopics({
      // Waited for below: kafkajs' own wait gives up after the client's short retry budget.
      waitForLeaders: false,
      topics: [{
        topic: spec.topic,
        numPartitions: spec.partitions,
        replicationFactor: spec.replicationFactor,
        configEntries: Object.entries(spec.configs ?? {}).map(([name, value]) => ({ name, value })),
      }],
    });
    await waitForLeaders(admin, spec.topic);
    if (created) return { outcome: "created" };
    // kafkajs returns false (not an error) for TOPIC_ALREADY_EXISTS.
    const differences = topicDifferences(
      { partitions: spec.partitions, replicationFactor: spec.replicationFactor, configs: spec.configs ?? {} },
      await existingLayout(admin, spec.topic),
    );
    if (differences.length === 0) return { outcome: "adopted" };
    return { outcome: "conflict", differences, message: `Topic ${spec.topic} already exists with other settings: ${describeDifferences(differences)}.` };
  });
}

async function existingLayout(admin: Admin, topic: string): Promise<TopicLayout> {
  const [{ topics }, described] = await Promise.all([
    admin.fetchTopicMetadata({ topics: [topic] }),
    admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }], includeSynonyms: false }),
  ]);
  const resource = described.resources[0];
  if (resource?.errorCode) throw new KafkaOperationError(`describe configs of ${topic}`, "DESCRIBE_CONFIGS_FAILED", resource.errorCode, resource.errorMessage);
  const partitions = topics[0]?.partitions ?? [];
  return {
    partitions: partitions.length,
    replicationFactor: partitions[0]?.replicas.length ?? 0,
    configs: Object.fromEntries((resource?.configEntries ?? []).map((c) => [c.configName, c.configValue])),
  };
}

const TRANSIENT = new Set(["UNKNOWN_TOPIC_OR_PARTITION", "LEADER_NOT_AVAILABLE"]);
const isTransient = (e: unknown) => {
  const err = e as { type?: string; originalError?: { type?: string } };
  return TRANSIENT.has(err.type ?? "") || TRANSIENT.has(err.originalError?.type ?? "");
};

/**
 * A new topic's partitions get leaders a moment after the create call returns; until then the
 * brokers answer UNKNOWN_TOPIC_OR_PARTITION (seen on a broker that had just started). Polls the
 * metadata for up to `waitMs`, then lets the caller go on: the topic exists either way.
 */
async function waitForLeaders(admin: Admin, topic: string, waitMs = 3000): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      const partitions = topics[0]?.partitions ?? [];
      if (partitions.length > 0 && partitions.every((p) => p.leader >= 0)) return;
    } catch (e) {
      if (!isTransient(e)) throw e;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

export type PartitionInfo = {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  /** Offsets as decimal strings (Kafka offsets are int64). */
  startOffset: string;
  endOffset: string;
};

export type TopicDescription = {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** Effective retention.ms and cleanup.policy, plus every config set on the topic itself. */
  configs: Record<string, string>;
  partitionDetails: PartitionInfo[];
  /** Approximate: sum of (end - start) offsets; exact for plain topics, an upper bound for compacted/transactional ones. */
  messageCount: number;
  /** Timestamp of the newest record (to max(1 s, age/1000)); null when the topic is empty or { lastMessage: false }. */
  lastMessageAt: Date | null;
};

const ALWAYS_SHOWN = ["retention.ms", "cleanup.policy"];

/** Layout, configs and offsets of a topic, or null when it does not exist. */
export async function describeTopic(topic: string, options: { lastMessage?: boolean } = {}): Promise<TopicDescription | null> {
  const description = await withAdmin(`describe topic ${topic}`, async (admin) => {
    if (!(await admin.listTopics()).includes(topic)) return null; // cheap, and avoids kafkajs retrying UNKNOWN_TOPIC
    const [{ topics }, configs, offsets] = await Promise.all([
      admin.fetchTopicMetadata({ topics: [topic] }),
      admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }], includeSynonyms: false }),
      admin.fetchTopicOffsets(topic),
    ]);
    const meta = topics[0]?.partitions ?? [];
    const offsetOf = new Map(offsets.map((o) => [o.partition, o]));
    const partitionDetails = meta
      .map((p): PartitionInfo => ({
        partition: p.partitionId,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
        startOffset: offsetOf.get(p.partitionId)?.low ?? "0",
        endOffset: offsetOf.get(p.partitionId)?.high ?? "0",
      }))
      .sort((a, b) => a.partition - b.partition);
    const resource = configs.resources[0];
    if (resource?.errorCode) {
      throw new KafkaOperationError(`describe configs of ${topic}`, "DESCRIBE_CONFIGS_FAILED", resource.errorCode, resource.errorMessage);
    }
    const configMap: Record<string, string> = {};
    for (const c of resource?.configEntries ?? []) {
      if (c.isSensitive) continue;
      if (ALWAYS_SHOWN.includes(c.configName) || c.configSource === ConfigSource.TOPIC_CONFIG) configMap[c.configName] = c.configValue;
    }
    const ends = new Map(partitionDetails.map((p) => [p.partition, p.endOffset]));
    const messageCount = partitionDetails.reduce((n, p) => n + Number(BigInt(p.endOffset) - BigInt(p.startOffset)), 0);
    const result: TopicDescription = {
      name: topic,
      partitions: partitionDetails.length,
      replicationFactor: partitionDetails[0]?.replicas.length ?? 0,
      configs: configMap,
      partitionDetails,
      messageCount,
      lastMessageAt: options.lastMessage === false || messageCount === 0 ? null : await newestTimestamp(admin, topic, ends),
    };
    return result;
  });
  return description;
}

/**
 * Timestamp of the newest record without reading any: ListOffsets-by-timestamp answers "first offset with
 * timestamp >= t" (kafkajs gives the end offset when there is none), so "is there a record at or after t?" is
 * monotone in t and can be searched. ~15-40 small requests, no consumer group. Precision: max(1 s, age/1000).
 * (ListOffsets v7's MAX_TIMESTAMP would do it in one request, but kafkajs stops at v3.)
 */
async function newestTimestamp(admin: Admin, topic: string, ends: Map<number, string>, now = Date.now()): Promise<Date | null> {
  const anyAtOrAfter = async (t: number) =>
    (await admin.fetchTopicOffsetsByTimestamp(topic, t)).some((o) => BigInt(o.offset) < BigInt(ends.get(o.partition) ?? "0"));
  if (!(await anyAtOrAfter(0))) return null;
  let hi = now + 60_000; // a record at or after hi (clock skew, producer-set CreateTime) is reported as hi
  if (await anyAtOrAfter(hi)) return new Date(hi);
  // Gallop back from now until some record is at or after lo, then bisect [lo, hi).
  let lo = now;
  for (let step = 1000; !(await anyAtOrAfter(lo)); step *= 8) {
    hi = lo;
    lo = Math.max(0, now - step);
  }
  while (hi - lo > Math.max(1000, (now - lo) / 1000)) {
    const mid = Math.floor((lo + hi) / 2);
    if (await anyAtOrAfter(mid)) lo = mid;
    else hi = mid;
  }
  return new Date(lo);
}

/**
 * Newest record timestamps of a few topics (the binary search above, per topic), for topics the
 * cluster index has not yet seen receive a message. Topics that are empty or fail are left out.
 */
export async function newestMessageTimes(topics: { topic: string; ends: Map<number, string> }[]): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  await withAdmin("read newest message times", async (admin) => {
    for (const t of topics) {
      const at = await newestTimestamp(admin, t.topic, t.ends).catch(() => null);
      if (at) out.set(t.topic, at);
    }
  }, Math.max(env.KAFKA_REQUEST_TIMEOUT_MS, 3000 * topics.length));
  return out;
}

/**
 * Delete a topic and (unless keepAcls) the LITERAL ACLs on its name: Kafka keeps ACLs of deleted topics, so a
 * topic re-created under the same name would silently inherit old grants. Returns false when the topic did not exist.
 */
export async function deleteTopic(topic: string, options: { keepAcls?: boolean } = {}): Promise<boolean> {
  return withAdmin(`delete topic ${topic}`, async (admin) => {
    let deleted = false;
    if ((await admin.listTopics()).includes(topic)) {
      try {
        await admin.deleteTopics({ topics: [topic] });
        deleted = true;
      } catch (e) {
        const err = toKafkaError(e, kafkaBrokers(), `delete topic ${topic}`);
        if (!(err instanceof KafkaOperationError && err.type === "UNKNOWN_TOPIC_OR_PARTITION")) throw err; // else: deleted meanwhile
      }
    }
    if (!options.keepAcls) {
      await admin.deleteAcls({
        filters: [{
          resourceType: AclResourceTypes.TOPIC,
          resourceName: topic,
          resourcePatternType: ResourcePatternTypes.LITERAL,
          operation: AclOperationTypes.ANY,
          permissionType: AclPermissionTypes.ANY,
        }],
      });
    }
    return deleted;
  });
}
