import { describe, expect, it } from "vitest";
import { defaultPolicies, type Policies } from "./policies";
import { countViolatingProducts, findViolations, newlyViolating, type ProductComplianceFacts } from "./violations";

const port = { topic: "sales.orders.v1", partitions: 6, replicationFactor: 1, retentionHours: 168, compatibility: "BACKWARD" as const };
const orders: ProductComplianceFacts = {
  slug: "orders", name: "Orders", teamName: "Sales", lifecycle: "ACTIVE", classification: "INTERNAL", containsPii: false, tags: ["orders"], consumerCount: 2,
  ports: [port, { ...port, topic: "sales.orders-snapshot.v1", partitions: 12 }],
};
const under = (over: Partial<Policies>) => ({ ...defaultPolicies, ...over });

describe("findViolations", () => {
  it.each<[string, Partial<ProductComplianceFacts>, Partial<Policies>, Array<[string | null, string, string]>]>([
    ["a compliant product", {}, {}, []],
    ["fewer partitions allowed: only the port above the limit", {}, { maxPartitions: 8 }, [["sales.orders-snapshot.v1", "partitions", "At most 8 partitions are allowed by policy."]]],
    ["a longer minimum retention: both ports", {}, { minRetentionHours: 720 }, [
      ["sales.orders.v1", "retentionHours", "Retention must be between 720 and 2160 hours."],
      ["sales.orders-snapshot.v1", "retentionHours", "Retention must be between 720 and 2160 hours."],
    ]],
    ["fewer replicas allowed", { ports: [{ ...port, replicationFactor: 3 }] }, { maxReplicationFactor: 2 }, [["sales.orders.v1", "replicationFactor", "At most 2 replicas are allowed by policy."]]],
    ["a required tag it lacks", {}, { requiredTagsAnyOf: ["gold"] }, [[null, "tags", "Add at least one of these tags: gold."]]],
    ["personal data classified too low", { containsPii: true, classification: "CONFIDENTIAL" }, { piiMinClassification: "RESTRICTED" }, [[null, "classification", "Products with personal data must be classified RESTRICTED or higher."]]],
    ["a stronger compatibility floor with consumers", { ports: [port] }, { minSchemaCompatibility: "FULL" }, [["sales.orders.v1", "compatibility", "Active products with consumers must keep at least FULL compatibility (this port has BACKWARD)."]]],
    ["the floor without consumers", { ports: [port], consumerCount: 0 }, { minSchemaCompatibility: "FULL" }, []],
    ["a retired product is never listed", { lifecycle: "RETIRED" }, { maxPartitions: 1, requiredTagsAnyOf: ["gold"] }, []],
  ])("%s", (_what, product, policies, expected) => {
    const found = findViolations([{ ...orders, ...product }], under(policies));
    expect(found.map((v) => [v.topic, v.field, v.rule])).toEqual(expected);
    expect(found.every((v) => v.productSlug === "orders" && v.productName === "Orders" && v.teamName === "Sales")).toBe(true);
  });

  it("counts products, not rules, and names those a tightening newly catches", () => {
    const returns: ProductComplianceFacts = { ...orders, slug: "returns", name: "Returns", ports: [{ ...port, topic: "sales.returns.v1", partitions: 48 }] };
    const tight = under({ maxPartitions: 8, requiredTagsAnyOf: ["orders"] });
    expect(countViolatingProducts(findViolations([orders, returns], tight))).toBe(2);
    const before = under({ maxPartitions: 24 });
    expect(newlyViolating([orders, returns], before, tight)).toEqual(["orders"]);
    expect(newlyViolating([orders, returns], tight, tight)).toEqual([]);
  });
});
