import { describe, expect, it } from "vitest";
import { connectConfig, redacted, sinkGroupId } from "./worker-config";

const security = { credentialsFile: "/w/team-credentials.properties", saslMechanism: "SCRAM-SHA-512", securityProtocol: "SASL_PLAINTEXT" };

describe("connectConfig", () => {
  it("runs a sink as the team's principal in a group under the principal's prefix", () => {
    const c = connectConfig(
      { name: "sales.to-lake", kind: "SINK", connectorClass: "org.example.Sink", topics: ["a", "b"], principal: "User:team-sales", settings: { file: "/x" } },
      security,
    );
    expect(c).toMatchObject({ name: "sales.to-lake", "connector.class": "org.example.Sink", topics: "a,b", file: "/x" });
    expect(c["consumer.override.group.id"]).toBe("team-sales.connect.sales.to-lake");
    expect(c["consumer.override.sasl.jaas.config"]).toContain('username="team-sales" password="${file:/w/team-credentials.properties:team-sales}"');
    expect(c["producer.override.sasl.jaas.config"]).toBeUndefined();
  });

  it("runs a source's producer as the team and never names a topic list of its own", () => {
    const c = connectConfig({ name: "s", kind: "SOURCE", connectorClass: "C", topics: ["t"], principal: "User:team-sales", settings: { topic: "t" } }, security);
    expect(c.topics).toBeUndefined();
    expect(c["producer.override.sasl.mechanism"]).toBe("SCRAM-SHA-512");
    expect(c["admin.override.security.protocol"]).toBe("SASL_PLAINTEXT");
  });

  it("refuses a principal that is not a plain user", () => {
    expect(() => sinkGroupId("Group:x", "n")).toThrow();
  });
});

describe("redacted", () => {
  it("hides secret values only", () => {
    expect(redacted({ "db.password": "hunter2", "db.user": "app" }, ["db.password"])).toEqual({ "db.password": "(secret)", "db.user": "app" });
  });
});
