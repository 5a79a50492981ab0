import { describe, expect, it } from "vitest";
import { aclBindingsFor, bindingsToRemove, defaultConsumerGroupPrefix, type AclBinding } from "./acl-spec";

const allow = { host: "*", permission: "ALLOW" as const };

describe("aclBindingsFor", () => {
  it("PRODUCE is WRITE + DESCRIBE on the literal topic", () => {
    expect(aclBindingsFor({ principal: "User:team-sales", topic: "sales.orders", access: "PRODUCE" })).toEqual([
      { ...allow, principal: "User:team-sales", resourceType: "TOPIC", name: "sales.orders", patternType: "LITERAL", operation: "WRITE" },
      { ...allow, principal: "User:team-sales", resourceType: "TOPIC", name: "sales.orders", patternType: "LITERAL", operation: "DESCRIBE" },
    ]);
  });

  it("CONSUME adds READ on the prefixed group, defaulting to '<user>.'", () => {
    const b = aclBindingsFor({ principal: "User:team-payments", topic: "sales.orders", access: "CONSUME" });
    expect(b.map((x) => `${x.resourceType}:${x.patternType}:${x.name}:${x.operation}`)).toEqual([
      "TOPIC:LITERAL:sales.orders:READ",
      "TOPIC:LITERAL:sales.orders:DESCRIBE",
      "GROUP:PREFIXED:team-payments.:READ",
    ]);
    expect(aclBindingsFor({ principal: "User:x", topic: "t", access: "CONSUME", consumerGroupPrefix: "custom-" })[2]?.name).toBe("custom-");
  });

  it("rejects non-user principals and empty prefixes", () => {
    expect(() => aclBindingsFor({ principal: "team-sales", topic: "t", access: "PRODUCE" })).toThrow(/User:/);
    expect(() => aclBindingsFor({ principal: "User:a", topic: "t", access: "CONSUME", consumerGroupPrefix: "" })).toThrow(/empty/);
    expect(defaultConsumerGroupPrefix("User:team-sales")).toBe("team-sales.");
  });
});

describe("bindingsToRemove", () => {
  const consumeA = aclBindingsFor({ principal: "User:p", topic: "a", access: "CONSUME" });
  const consumeB = aclBindingsFor({ principal: "User:p", topic: "b", access: "CONSUME" });
  const produceA = aclBindingsFor({ principal: "User:p", topic: "a", access: "PRODUCE" });
  const names = (bs: AclBinding[]) => bs.map((b) => `${b.resourceType}:${b.name}:${b.operation}`);

  it("removes everything when nothing else needs it", () => {
    const r = bindingsToRemove({ principal: "User:p", topic: "a", access: "CONSUME" }, consumeA);
    expect(names(r.remove)).toEqual(["TOPIC:a:READ", "TOPIC:a:DESCRIBE", "GROUP:p.:READ"]);
    expect(r.keep).toEqual([]);
  });

  it("keeps the group READ while another topic is consumed, and DESCRIBE while the topic is produced", () => {
    const current = [...consumeA, ...consumeB, ...produceA.filter((b) => b.operation === "WRITE")];
    const r = bindingsToRemove({ principal: "User:p", topic: "a", access: "CONSUME" }, current);
    expect(names(r.remove)).toEqual(["TOPIC:a:READ"]);
    expect(names(r.keep)).toEqual(["TOPIC:a:DESCRIBE", "GROUP:p.:READ"]);
  });
});
