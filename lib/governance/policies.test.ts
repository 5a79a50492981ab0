import { describe, expect, it } from "vitest";
import { checkNewDataProduct, defaultPolicies, latestAccessUntil, topicNameFor, type NewDataProductFacts } from "./policies";

const ok: NewDataProductFacts = {
  allowedPrefixes: ["sales."],
  topic: "sales.orders.v1",
  classification: "INTERNAL",
  containsPii: false,
  tags: ["orders"],
  partitions: 6,
  replicationFactor: 1,
  retentionHours: 168,
  brokerCount: 1,
};

describe("topicNameFor", () => {
  it("names topics <domain>.<product>.v<major>", () => {
    expect(topicNameFor("customer-service", "returns")).toBe("customer-service.returns.v1");
    expect(topicNameFor("sales", "orders", 2)).toBe("sales.orders.v2");
  });
});

describe("checkNewDataProduct", () => {
  it("accepts a compliant product", () => {
    expect(checkNewDataProduct(ok, defaultPolicies)).toEqual({});
  });
  it("refuses topics outside the owning team's prefixes, or not named <prefix>.<name>.v<major>", () => {
    expect(checkNewDataProduct({ ...ok, topic: "payments.orders.v1" }, defaultPolicies).slug).toBe(
      'The topic "payments.orders.v1" must start with the team\'s prefix "sales.".',
    );
    expect(checkNewDataProduct({ ...ok, topic: "sales.Orders.v1" }, defaultPolicies).slug).toMatch(/must look like <prefix>.<name>.v<major>/);
    expect(checkNewDataProduct({ ...ok, topic: "sales.orders" }, defaultPolicies)).toHaveProperty("slug");
  });
  it("limits partitions and retention by policy", () => {
    const errors = checkNewDataProduct({ ...ok, partitions: 49, retentionHours: 24 * 91 }, defaultPolicies);
    expect(errors.partitions).toBe("At most 48 partitions are allowed by policy.");
    expect(errors.retentionHours).toBe("Retention must be between 1 and 2160 hours.");
  });
  it("caps the replication factor at the cluster's broker count", () => {
    expect(checkNewDataProduct({ ...ok, replicationFactor: 2 }, defaultPolicies).replicationFactor).toBe(
      "The cluster has 1 broker, so the replication factor can be at most 1.",
    );
    expect(checkNewDataProduct({ ...ok, replicationFactor: 3, brokerCount: 5 }, defaultPolicies)).toEqual({});
    expect(checkNewDataProduct({ ...ok, replicationFactor: 4, brokerCount: 5 }, defaultPolicies).replicationFactor).toBe(
      "At most 3 replicas are allowed by policy.",
    );
  });
  it("requires personal data to be classified high enough", () => {
    expect(checkNewDataProduct({ ...ok, containsPii: true }, defaultPolicies).classification).toMatch(/CONFIDENTIAL or higher/);
    expect(checkNewDataProduct({ ...ok, containsPii: true, classification: "RESTRICTED" }, defaultPolicies)).toEqual({});
  });
  it("enforces required tags when the policy names some", () => {
    const policies = { ...defaultPolicies, requiredTagsAnyOf: ["gold", "silver"] };
    expect(checkNewDataProduct(ok, policies).tags).toBe("Add at least one of these tags: gold, silver.");
    expect(checkNewDataProduct({ ...ok, tags: ["silver"] }, policies)).toEqual({});
  });
});

describe("latestAccessUntil", () => {
  it("adds the policy's maximum number of days", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(latestAccessUntil(now, { ...defaultPolicies, maxAccessDays: 30 }).toISOString()).toBe("2026-01-31T00:00:00.000Z");
  });
});
