import { describe, expect, it } from "vitest";
import { changedLayoutFields, checkTopicChange, type TopicLayout } from "./topic-change";
import { checkTopicLimits, defaultPolicies } from "./policies";

const live: TopicLayout = { partitions: 3, replicationFactor: 1, retentionHours: 168, cleanupPolicy: "delete" };

describe("checkTopicChange", () => {
  it.each<[string, Partial<TopicLayout>, Record<string, string>]>([
    ["longer retention", { retentionHours: 720 }, {}],
    ["compaction instead of deletion", { cleanupPolicy: "compact" }, {}],
    ["more partitions", { partitions: 6 }, {}],
    ["the same layout", {}, {}],
    ["fewer partitions", { partitions: 2 }, { partitions: "Kafka cannot remove partitions: this topic has 3, so keep 3 or more. To shrink, publish a new major version on a new output port." }],
    ["another replication factor", { replicationFactor: 3 }, { replicationFactor: "The replication factor stays 1: changing it is a partition reassignment, done by the platform team." }],
    ["an unknown cleanup policy", { cleanupPolicy: "archive" }, { cleanupPolicy: "The cleanup policy must be one of delete, compact." }],
  ])("%s", (_what, change, expected) => {
    expect(checkTopicChange(live, { ...live, ...change })).toEqual(expected);
  });

  it("the policies' limits still apply to an edit", () => {
    expect(checkTopicLimits({ ...live, retentionHours: 24 * 91 }, 1, defaultPolicies)).toEqual({ retentionHours: "Retention must be between 1 and 2160 hours." });
    expect(checkTopicLimits({ ...live, partitions: 49 }, 1, defaultPolicies)).toEqual({ partitions: "At most 48 partitions are allowed by policy." });
  });

  it("lists what changed", () => {
    expect(changedLayoutFields(live, { ...live, partitions: 6, retentionHours: 24 })).toEqual(["partitions", "retentionHours"]);
    expect(changedLayoutFields(live, live)).toEqual([]);
  });
});
