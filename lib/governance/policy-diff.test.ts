import { describe, expect, it } from "vitest";
import { defaultPolicies, type Policies } from "./policies";
import { canonicalPolicies, diffPolicies, isTightening, type PolicyKey } from "./policy-diff";

describe("diffPolicies", () => {
  it("is empty for the same set, and for required tags in another order", () => {
    expect(diffPolicies(defaultPolicies, { ...defaultPolicies })).toEqual([]);
    const a = { ...defaultPolicies, requiredTagsAnyOf: ["gold", "silver"] };
    expect(diffPolicies(a, { ...a, requiredTagsAnyOf: ["silver", "gold"] })).toEqual([]);
    expect(canonicalPolicies(a)).toBe(canonicalPolicies({ ...a, requiredTagsAnyOf: ["silver", "gold"] }));
  });

  it("lists each changed policy as before → after, in the page's order", () => {
    const after: Policies = { ...defaultPolicies, maxAccessDays: 90, maxPartitions: 12, requiredTagsAnyOf: ["gold"] };
    expect(diffPolicies(defaultPolicies, after)).toEqual([
      { key: "maxPartitions", label: "Maximum partitions", before: "48", after: "12", tightened: true },
      { key: "requiredTagsAnyOf", label: "Every product needs one of these tags", before: "none", after: "gold", tightened: true },
      { key: "maxAccessDays", label: "Longest access grant, days", before: "365", after: "90", tightened: true },
    ]);
  });
});

describe("isTightening", () => {
  it.each<[PolicyKey, unknown, unknown, boolean]>([
    ["maxPartitions", 48, 12, true],
    ["maxPartitions", 12, 48, false],
    ["maxReplicationFactor", 3, 2, true],
    ["minRetentionHours", 1, 24, true],
    ["minRetentionHours", 24, 1, false],
    ["maxRetentionHours", 2160, 720, true],
    ["maxRetentionHours", 720, 2160, false],
    ["maxAccessDays", 365, 30, true],
    ["unusedGrantDays", 14, 7, true],
    ["piiMinClassification", "CONFIDENTIAL", "RESTRICTED", true],
    ["piiMinClassification", "RESTRICTED", "INTERNAL", false],
    ["requiredTagsAnyOf", [], ["gold"], true],
    ["requiredTagsAnyOf", ["gold"], ["gold", "silver"], false],
    ["requiredTagsAnyOf", ["gold", "silver"], ["gold"], true],
    ["requiredTagsAnyOf", ["gold"], [], false],
    ["minSchemaCompatibility", "BACKWARD", "FULL", true],
    ["minSchemaCompatibility", "FULL", "BACKWARD", false],
    ["minSchemaCompatibility", "BACKWARD", "BACKWARD_TRANSITIVE", true],
    ["minSchemaCompatibility", "BACKWARD", "NONE", false],
  ])("%s %j → %j: %s", (key, before, after, expected) => {
    expect(isTightening(key, before as never, after as never)).toBe(expected);
  });
});
