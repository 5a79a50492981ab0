import "server-only";
import kafkajs from "kafkajs";
import { withAdmin } from "./client";
import { KafkaOperationError } from "./errors";
import type { TopicSpec } from "./topics";

// Default import: see client.ts.
const { ConfigResourceTypes } = kafkajs;

export type AlignTopicResult =
  | { outcome: "missing" }
  | { outcome: "aligned"; partitionsAdded: number };

/**
 * Brings an existing topic to the spec where Kafka allows it: adds partitions up to `spec.partitions`
 * and sets the given topic configs. Idempotent: a second call finds nothing to add and sets the same
 * values. Never removes partitions (Kafka cannot): a topic with more than the spec is an error.
 *
 * AlterConfigs (kafkajs has no IncrementalAlterConfigs) replaces the topic's own configs with the
 * given set; Meshport owns retention.ms and cleanup.policy on its topics, so that is the set it sends.
 */
export async function alignTopic(spec: TopicSpec): Promise<AlignTopicResult> {
  return withAdmin(`change topic ${spec.topic}`, async (admin) => {
    if (!(await admin.listTopics()).includes(spec.topic)) return { outcome: "missing" as const };
    const { topics } = await admin.fetchTopicMetadata({ topics: [spec.topic] });
    const current = topics[0]?.partitions.length ?? 0;
    if (current > spec.partitions) {
      throw new KafkaOperationError(`change topic ${spec.topic}`, "INVALID_PARTITIONS", 37, `the topic has ${current} partitions, more than the ${spec.partitions} recorded`);
    }
    if (current < spec.partitions) await admin.createPartitions({ topicPartitions: [{ topic: spec.topic, count: spec.partitions }] });
    const entries = Object.entries(spec.configs ?? {});
    if (entries.length > 0) {
      await admin.alterConfigs({
        validateOnly: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: spec.topic, configEntries: entries.map(([name, value]) => ({ name, value })) }],
      });
    }
    return { outcome: "aligned" as const, partitionsAdded: spec.partitions - current };
  });
}
