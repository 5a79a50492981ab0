import { describe, expect, it } from "vitest";
import { createDataProductSchema } from "./schemas";
import { requestAccessSchema, decideAccessRequestSchema } from "@/lib/access/schemas";

const valid = {
  ownerTeamId: "team1",
  name: "Orders",
  slug: "orders",
  description: "Every order placed on the web shop.",
  classification: "INTERNAL",
  containsPii: false,
  lifecycle: "ACTIVE",
  tags: "orders, Real-Time  orders",
  partitions: "6",
  replicationFactor: "1",
  retentionHours: "168",
  cleanupPolicy: "delete",
  freshnessSlaMinutes: "",
  schema: "",
};

const fieldErrors = (input: unknown) => {
  const r = createDataProductSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("createDataProductSchema", () => {
  it("parses form strings into numbers, tags into a de-duplicated lowercase list", () => {
    const r = createDataProductSchema.parse(valid);
    expect(r.partitions).toBe(6);
    expect(r.tags).toEqual(["orders", "real-time"]);
    expect(r.freshnessSlaMinutes).toBeNull();
  });
  it("accepts its own output, so a form can send parsed values", () => {
    const once = createDataProductSchema.parse({ ...valid, freshnessSlaMinutes: "15" });
    expect(createDataProductSchema.parse(once)).toEqual(once);
    const none = createDataProductSchema.parse(valid);
    expect(createDataProductSchema.parse(none)).toEqual(none);
  });
  it("explains a bad identifier at the slug field", () => {
    expect(fieldErrors({ ...valid, slug: "Orders!" }).slug).toMatch(/lowercase letters/);
    expect(fieldErrors({ ...valid, slug: "ab" }).slug).toMatch(/at least 3/);
  });
  it("refuses non-numbers and zero partitions", () => {
    expect(fieldErrors({ ...valid, partitions: "abc" }).partitions).toBeDefined();
    expect(fieldErrors({ ...valid, partitions: "0" }).partitions).toBe("At least 1 partition.");
  });
  it("takes the schema text with its format and compatibility mode (the server parses the text)", () => {
    expect(createDataProductSchema.parse({ ...valid, schemaFormat: "PROTOBUF", schema: 'syntax = "proto3";' })).toMatchObject({ schemaFormat: "PROTOBUF", compatibility: "BACKWARD" });
    expect(fieldErrors({ ...valid, compatibility: "SOMETIMES" }).compatibility).toMatch(/compatibility mode/);
    expect(fieldErrors({ ...valid, schema: '{"type":"record","name":"X","fields":[{"name":"id","type":"string"}]}' })).toEqual({});
  });
});

describe("access request schemas", () => {
  it("requires a purpose of some substance", () => {
    const r = requestAccessSchema.safeParse({ dataProductId: "p", consumerTeamId: "t", purpose: "x", accessUntil: "2027-01-01" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["purpose"]);
  });
  it("requires a reason to reject but not to approve", () => {
    expect(decideAccessRequestSchema.safeParse({ requestId: "r", decision: "APPROVE" }).success).toBe(true);
    expect(decideAccessRequestSchema.safeParse({ requestId: "r", decision: "REJECT", reason: "" }).success).toBe(false);
  });
});
