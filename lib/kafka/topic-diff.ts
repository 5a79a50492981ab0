// Pure: how an existing topic differs from the one Meshport would create. No I/O, unit-tested.

export type TopicLayout = { partitions: number; replicationFactor: number; configs: Record<string, string | undefined> };

export type TopicDifference = { setting: string; requested: string; actual: string };

// List-valued configs Kafka may print in another order ("compact,delete" = "delete,compact").
const LIST_CONFIGS = new Set(["cleanup.policy"]);

function normalised(name: string, value: string | undefined): string {
  if (value === undefined) return "(not set)";
  return LIST_CONFIGS.has(name) ? value.split(",").map((v) => v.trim()).filter(Boolean).sort().join(",") : value.trim();
}

/** Every setting the request names whose value on the existing topic is another one. Empty: the topic can be adopted. */
export function topicDifferences(requested: TopicLayout, actual: TopicLayout): TopicDifference[] {
  const out: TopicDifference[] = [];
  if (requested.partitions !== actual.partitions) out.push({ setting: "partitions", requested: String(requested.partitions), actual: String(actual.partitions) });
  if (requested.replicationFactor !== actual.replicationFactor) {
    out.push({ setting: "replication factor", requested: String(requested.replicationFactor), actual: String(actual.replicationFactor) });
  }
  for (const [name, value] of Object.entries(requested.configs)) {
    const want = normalised(name, value);
    const have = normalised(name, actual.configs[name]);
    if (want !== have) out.push({ setting: name, requested: want, actual: have });
  }
  return out;
}

/** "partitions 6 requested, 3 in Kafka; retention.ms 3600000 requested, 604800000 in Kafka". */
export function describeDifferences(differences: TopicDifference[]): string {
  return differences.map((d) => `${d.setting} ${d.requested} requested, ${d.actual} in Kafka`).join("; ");
}
