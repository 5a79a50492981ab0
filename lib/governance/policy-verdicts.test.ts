import { describe, expect, it } from "vitest";
import { defaultPolicies } from "./policies";
import { policiesFormVerdicts } from "./policy-verdicts";
import type { ProductComplianceFacts } from "./violations";

const port = { topic: "sales.orders.v1", partitions: 6, replicationFactor: 1, retentionHours: 168, compatibility: "BACKWARD" as const };
const orders: ProductComplianceFacts = {
  slug: "orders", name: "Orders", teamName: "Sales", lifecycle: "ACTIVE", classification: "INTERNAL", containsPii: false, tags: ["orders"], consumerCount: 2,
  ports: [port, { ...port, topic: "sales.orders-snapshot.v1", partitions: 12 }],
};

describe("policiesFormVerdicts", () => {
  const raw = (over: Record<string, unknown>) => ({ ...defaultPolicies, requiredTagsAnyOf: "", ...over });
  it.each<[string, Record<string, unknown>, Record<string, string>, Record<string, RegExp>]>([
    ["the saved set", {}, {}, {}],
    ["min retention above max, while typing", { minRetentionHours: "500", maxRetentionHours: "100" }, { maxRetentionHours: "The maximum retention must not be below the minimum." }, { minRetentionHours: /^1 existing product would break this: Orders\./, maxRetentionHours: /^1 existing product/ }],
    ["a field still empty gives no verdict", { maxPartitions: "" }, {}, {}],
    ["a lower partition ceiling names the products it catches", { maxPartitions: "8" }, {}, { maxPartitions: /^1 existing product would break this: Orders\. They are listed under violations, not changed\.$/ }],
    ["a looser value catches nothing", { maxPartitions: "100", maxRetentionHours: "5000" }, {}, {}],
    ["a required tag", { requiredTagsAnyOf: "gold, silver" }, {}, { requiredTagsAnyOf: /^1 existing product/ }],
  ])("%s", (_what, over, errors, impact) => {
    const verdicts = policiesFormVerdicts(raw(over), defaultPolicies, [orders]);
    expect(verdicts.errors).toEqual(errors);
    expect(Object.keys(verdicts.impact).sort()).toEqual(Object.keys(impact).sort());
    for (const [key, pattern] of Object.entries(impact)) expect(verdicts.impact[key as keyof typeof verdicts.impact]).toMatch(pattern);
  });
});
