import type { FieldErrors } from "@/lib/errors";

// What Kafka can change on a live topic, judged before anything is written (pure, table-tested).

export const CLEANUP_POLICIES = ["delete", "compact"] as const;
export type CleanupPolicy = (typeof CLEANUP_POLICIES)[number];

export type TopicLayout = { partitions: number; replicationFactor: number; retentionHours: number; cleanupPolicy: string };

/**
 * Refusals for changes Kafka does not allow on an existing topic: fewer partitions (Kafka cannot remove
 * them; keys would also move) and another replication factor (a partition reassignment, which is the
 * platform team's operation, not a self-service one). Retention, cleanup policy and more partitions are fine.
 */
export function checkTopicChange(current: TopicLayout, next: TopicLayout): FieldErrors {
  const errors: FieldErrors = {};
  if (next.partitions < current.partitions) {
    errors.partitions = `Kafka cannot remove partitions: this topic has ${current.partitions}, so keep ${current.partitions} or more. To shrink, publish a new major version on a new output port.`;
  }
  if (next.replicationFactor !== current.replicationFactor) {
    errors.replicationFactor = `The replication factor stays ${current.replicationFactor}: changing it is a partition reassignment, done by the platform team.`;
  }
  if (!(CLEANUP_POLICIES as readonly string[]).includes(next.cleanupPolicy)) {
    errors.cleanupPolicy = `The cleanup policy must be one of ${CLEANUP_POLICIES.join(", ")}.`;
  }
  return errors;
}

/** The fields that differ, in a stable order. */
export function changedLayoutFields(current: TopicLayout, next: TopicLayout): (keyof TopicLayout)[] {
  return (["partitions", "replicationFactor", "retentionHours", "cleanupPolicy"] as const).filter((k) => current[k] !== next[k]);
}
