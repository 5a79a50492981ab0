import { describe, expect, it } from "vitest";
import { checkOutputPorts, portTopic } from "./output-ports";
import { defaultPolicies } from "./policies";

describe("portTopic", () => {
  it.each([
    ["the first port, no topic typed", { name: "events", topic: "" }, 0, "sales.orders.v1"],
    ["another port, no topic typed", { name: "snapshot", topic: "" }, 1, "sales.orders.snapshot.v1"],
    ["a port without a name yet", { name: "", topic: "" }, 2, "sales.orders.port3.v1"],
    ["a typed topic wins", { name: "events", topic: " sales.orders-raw.v1 " }, 0, "sales.orders-raw.v1"],
  ])("%s", (_what, port, index, expected) => {
    expect(portTopic("sales.", "orders", port, index)).toBe(expected);
  });
});

describe("checkOutputPorts", () => {
  const port = { name: "events", topic: "sales.orders.v1", partitions: 3, replicationFactor: 1, retentionHours: 24 };
  const ctx = { allowedPrefixes: ["sales."], brokerCount: 1 };
  it.each<[string, (typeof port)[], { names: string[]; topics: string[] } | undefined, Record<string, string>]>([
    ["two good ports", [port, { ...port, name: "snapshot", topic: "sales.orders.snapshot.v1" }], undefined, {}],
    [
      "the second port outside the team's prefix",
      [port, { ...port, name: "snapshot", topic: "marketing.orders.v1" }],
      undefined,
      { "ports.1.topic": 'The topic "marketing.orders.v1" must start with the team\'s prefix "sales.".' },
    ],
    [
      "a topic that breaks the naming rule",
      [{ ...port, topic: "sales.Orders" }],
      undefined,
      { "ports.0.topic": 'The topic name "sales.Orders" must look like <prefix>.<name>.v<major>, in lowercase.' },
    ],
    ["too many partitions on one port", [port, { ...port, name: "snapshot", topic: "sales.orders.snapshot.v1", partitions: 100 }], undefined, { "ports.1.partitions": "At most 48 partitions are allowed by policy." }],
    ["two ports with one topic", [port, { ...port, name: "snapshot" }], undefined, { "ports.1.topic": 'Another output port already uses the topic "sales.orders.v1".' }],
    ["two ports with one name", [port, { ...port, topic: "sales.orders.b.v1" }], undefined, { "ports.1.name": 'Another output port of this product is already called "events".' }],
    ["a name the product already has", [port], { names: ["events"], topics: [] }, { "ports.0.name": 'Another output port of this product is already called "events".' }],
    ["replication above the cluster's brokers", [{ ...port, replicationFactor: 2 }], undefined, { "ports.0.replicationFactor": "The cluster has 1 broker, so the replication factor can be at most 1." }],
  ])("%s", (_what, ports, existing, expected) => {
    expect(checkOutputPorts(ports, ctx, defaultPolicies, existing)).toEqual(expected);
  });
});
