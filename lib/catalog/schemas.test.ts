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
    expect(r.ports).toMatchObject([{ name: "events", topic: "", partitions: 6, cleanupPolicy: "delete", schemaFormat: "AVRO" }]);
    expect(r.tags).toEqual(["orders", "real-time"]);
    expect(r.freshnessSlaMinutes).toBeNull();
  });
  it("accepts its own output, so a form can send parsed values", () => {
    // A one-port product sent flat comes out as `ports`; that output, sent again, is the same product.
    const once = createDataProductSchema.parse({ ...valid, freshnessSlaMinutes: "15" });
    expect(createDataProductSchema.parse(once)).toEqual({ ...once, portFieldsAtTop: false });
    const none = createDataProductSchema.parse(valid);
    expect(createDataProductSchema.parse(none)).toEqual({ ...none, portFieldsAtTop: false });
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
    expect(createDataProductSchema.parse({ ...valid, schemaFormat: "PROTOBUF", schema: 'syntax = "proto3";' }).ports[0]).toMatchObject({ schemaFormat: "PROTOBUF", compatibility: "BACKWARD" });
    expect(fieldErrors({ ...valid, compatibility: "SOMETIMES" }).compatibility).toMatch(/compatibility mode/);
    expect(fieldErrors({ ...valid, schema: '{"type":"record","name":"X","fields":[{"name":"id","type":"string"}]}' })).toEqual({});
  });
});

describe("several output ports", () => {
  const { partitions: _p, replicationFactor: _r, retentionHours: _h, cleanupPolicy: _c, schema: _s, ...product } = valid;
  const port = { name: "events", topic: "", partitions: "3", replicationFactor: "1", retentionHours: "24", cleanupPolicy: "delete", schema: "" };
  it("takes a list of ports, each with its own layout", () => {
    const r = createDataProductSchema.parse({ ...product, ports: [port, { ...port, name: "snapshot", cleanupPolicy: "compact", topic: "sales.orders.snapshot.v1" }] });
    expect(r.ports.map((p) => [p.name, p.topic, p.cleanupPolicy])).toEqual([["events", "", "delete"], ["snapshot", "sales.orders.snapshot.v1", "compact"]]);
    expect(r.portFieldsAtTop).toBe(false);
  });
  it("reports a port's bad field at that port", () => {
    expect(fieldErrors({ ...product, ports: [port, { ...port, name: "Snap shot", partitions: "0" }] })).toEqual({
      "ports.1.name": "Use lowercase letters, digits and dashes, starting with a letter.",
      "ports.1.partitions": "At least 1 partition.",
    });
  });
  it("needs a port: in the list, or sent flat", () => {
    expect(fieldErrors({ ...product, ports: [] })).toEqual({ ports: "Add at least one output port." });
    expect(Object.keys(fieldErrors(product))).toEqual(["partitions", "replicationFactor", "retentionHours", "cleanupPolicy"]);
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
