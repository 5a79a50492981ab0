import { describe, expect, it } from "vitest";
import { describeDifferences, topicDifferences } from "./topic-diff";

const requested = { partitions: 3, replicationFactor: 1, configs: { "retention.ms": "3600000", "cleanup.policy": "delete" } };

describe("topicDifferences", () => {
  it("finds none for a topic with the requested layout and configs (Kafka's other configs do not matter)", () => {
    expect(topicDifferences(requested, { partitions: 3, replicationFactor: 1, configs: { "retention.ms": "3600000", "cleanup.policy": "delete", "segment.ms": "1" } })).toEqual([]);
  });

  it("names each setting that differs, requested against actual", () => {
    const d = topicDifferences(requested, { partitions: 6, replicationFactor: 1, configs: { "retention.ms": "604800000", "cleanup.policy": "delete" } });
    expect(d).toEqual([
      { setting: "partitions", requested: "3", actual: "6" },
      { setting: "retention.ms", requested: "3600000", actual: "604800000" },
    ]);
    expect(describeDifferences(d)).toBe("partitions 3 requested, 6 in Kafka; retention.ms 3600000 requested, 604800000 in Kafka");
  });

  it("reads cleanup.policy as a set and reports a config missing on the topic", () => {
    const both = { ...requested, configs: { "cleanup.policy": "compact,delete" } };
    expect(topicDifferences(both, { partitions: 3, replicationFactor: 1, configs: { "cleanup.policy": "delete, compact" } })).toEqual([]);
    expect(topicDifferences(both, { partitions: 3, replicationFactor: 2, configs: {} })).toEqual([
      { setting: "replication factor", requested: "1", actual: "2" },
      { setting: "cleanup.policy", requested: "compact,delete", actual: "(not set)" },
    ]);
  });
});
