import { describe, expect, it } from "vitest";
import { filePathErrors, reservedKeyErrors, sourceTopics, topicPolicyErrors } from "./policy";

const team = { owned: new Set(["sales.orders.v1"]), granted: new Set(["payments.refunds.v1"]) };

describe("topicPolicyErrors", () => {
  it("lets a sink read owned and granted topics, and nothing else", () => {
    expect(topicPolicyErrors("SINK", ["sales.orders.v1", "payments.refunds.v1"], team)).toBeNull();
    expect(topicPolicyErrors("SINK", ["sales.orders.v1", "hr.salaries.v1"], team)?.topics).toMatch(/no access to hr\.salaries\.v1/);
  });

  it("lets a source write only to the team's own topics, not even granted ones", () => {
    expect(topicPolicyErrors("SOURCE", ["sales.orders.v1"], team)).toBeNull();
    expect(topicPolicyErrors("SOURCE", ["payments.refunds.v1"], team)?.topics).toMatch(/own topics/);
  });

  it("needs a topic", () => {
    expect(topicPolicyErrors("SINK", [], team)?.topics).toMatch(/at least one/);
    expect(topicPolicyErrors("SOURCE", [], team)?.topics).toMatch(/Name the topic/);
  });
});

describe("reservedKeyErrors", () => {
  it("refuses settings that would change identity, topics or escape the policy", () => {
    for (const key of ["name", "topics", "topics.regex", "consumer.override.sasl.jaas.config", "producer.override.bootstrap.servers", "errors.deadletterqueue.topic.name", "transforms"]) {
      expect(reservedKeyErrors({ [key]: "x" }), key).toEqual({ [`config.${key}`]: expect.stringMatching(/set by Meshport/) });
    }
    expect(reservedKeyErrors({ file: "/tmp/x", "tasks.max": "1" })).toBeNull();
  });
});

describe("filePathErrors", () => {
  it("keeps file connectors inside the workers' folder", () => {
    expect(filePathErrors({ file: "/data/connect/files/orders.txt" }, "/data/connect/files")).toBeNull();
    expect(filePathErrors({ file: "/data/connect/team-credentials.properties" }, "/data/connect/files")?.["config.file"]).toMatch(/inside/);
    expect(filePathErrors({ file: "/data/connect/files/../team-credentials.properties" }, "/data/connect/files/")?.["config.file"]).toMatch(/inside/);
    expect(filePathErrors({ file: "/etc/passwd" }, "")?.["config.file"]).toMatch(/no folder/);
    expect(filePathErrors({ "tasks.max": "1" }, "")).toBeNull();
  });
});

describe("sourceTopics", () => {
  it("reads the topic a source names in its settings", () => {
    expect(sourceTopics({ topic: "sales.orders.v1", file: "x" })).toEqual(["sales.orders.v1"]);
    expect(sourceTopics({ "kafka.topic": "a, b" })).toEqual(["a", "b"]);
    expect(sourceTopics({ file: "x" })).toEqual([]);
  });
});
