import { describe, expect, it } from "vitest";
import { aclBindingsFor, aclDiff, bindingKey, bindingsToRemove, defaultConsumerGroupPrefix, desiredBindings, type AclBinding, type AclSpec } from "./acl-spec";

const allow = { host: "*", permission: "ALLOW" as const };
const names = (bs: AclBinding[]) => bs.map((b) => `${b.resourceType}:${b.name}:${b.operation}`);

describe("aclBindingsFor", () => {
  it("PRODUCE (the owner) is WRITE, READ and DESCRIBE on the literal topic and READ on its group prefix", () => {
    const b = aclBindingsFor({ principal: "User:team-sales", topic: "sales.orders", access: "PRODUCE" });
    expect(b[0]).toEqual({ ...allow, principal: "User:team-sales", resourceType: "TOPIC", name: "sales.orders", patternType: "LITERAL", operation: "WRITE" });
    expect(b.map((x) => `${x.resourceType}:${x.patternType}:${x.name}:${x.operation}`)).toEqual([
      "TOPIC:LITERAL:sales.orders:WRITE",
      "TOPIC:LITERAL:sales.orders:READ",
      "TOPIC:LITERAL:sales.orders:DESCRIBE",
      "GROUP:PREFIXED:team-sales.:READ",
    ]);
  });

  it("CONSUME is READ and DESCRIBE on the topic and READ on the prefixed group, defaulting to '<user>.'", () => {
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

const consumeA: AclSpec = { principal: "User:p", topic: "a", access: "CONSUME" };
const consumeB: AclSpec = { principal: "User:p", topic: "b", access: "CONSUME" };
const produceA: AclSpec = { principal: "User:p", topic: "a", access: "PRODUCE" };

describe("desiredBindings", () => {
  it("is the union of the grants' bindings, each shared binding once", () => {
    expect(names(desiredBindings([consumeA, consumeB]))).toEqual(["TOPIC:a:READ", "TOPIC:a:DESCRIBE", "GROUP:p.:READ", "TOPIC:b:READ", "TOPIC:b:DESCRIBE"]);
    expect(desiredBindings([])).toEqual([]);
  });
});

describe("bindingsToRemove", () => {
  it("removes everything when no active grant needs it", () => {
    const r = bindingsToRemove(consumeA, desiredBindings([]));
    expect(names(r.remove)).toEqual(["TOPIC:a:READ", "TOPIC:a:DESCRIBE", "GROUP:p.:READ"]);
    expect(r.keep).toEqual([]);
  });

  it("keeps the group READ while another topic is consumed, and READ and DESCRIBE while the topic is owned", () => {
    expect(names(bindingsToRemove(consumeA, desiredBindings([consumeB])).keep)).toEqual(["GROUP:p.:READ"]);
    const owned = bindingsToRemove(consumeA, desiredBindings([produceA]));
    expect(owned.remove).toEqual([]);
    expect(names(bindingsToRemove(produceA, desiredBindings([consumeA])).remove)).toEqual(["TOPIC:a:WRITE"]);
  });

  it("depends on the grants alone: the same answer whatever Kafka holds", () => {
    // The decision takes no broker state at all; two grants of one principal keep their shared group ACL.
    expect(bindingsToRemove(consumeA, desiredBindings([consumeB]))).toEqual(bindingsToRemove(consumeA, desiredBindings([consumeB, consumeB])));
  });
});

describe("aclDiff", () => {
  const desired = desiredBindings([consumeB]);
  const managed = new Set(desiredBindings([consumeA, consumeB]).map(bindingKey));
  const isManaged = (b: AclBinding) => managed.has(bindingKey(b));
  const outsider = aclBindingsFor({ principal: "User:outsider", topic: "a", access: "CONSUME" });

  it("adds what is missing and removes only managed bindings no active grant implies", () => {
    const actual = [...aclBindingsFor(consumeA), ...outsider];
    const { add, remove } = aclDiff(desired, actual, isManaged);
    expect(names(add)).toEqual(["TOPIC:b:READ", "TOPIC:b:DESCRIBE"]);
    expect(names(remove)).toEqual(["TOPIC:a:READ", "TOPIC:a:DESCRIBE"]); // the shared group READ stays, the outsider is not ours
  });

  it("is empty when Kafka holds exactly the desired set", () => {
    expect(aclDiff(desired, [...desired].reverse(), isManaged)).toEqual({ add: [], remove: [] });
  });
});
