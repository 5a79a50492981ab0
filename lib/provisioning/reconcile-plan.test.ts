import { describe, expect, it } from "vitest";
import { aclBindingsFor, type AclSpec } from "@/lib/kafka/acl-spec";
import { planReconcile, type GrantFacts } from "./reconcile-plan";

const listedAt = new Date("2026-12-01T12:00:00Z");
const before = new Date("2026-12-01T11:00:00Z");
const grant = (id: string, spec: AclSpec, over: Partial<GrantFacts> = {}): GrantFacts => ({ id, status: "ACTIVE", provisioning: "APPLIED", provisionedAt: before, spec, ...over });
const a: AclSpec = { principal: "User:team-payments", topic: "sales.a", access: "CONSUME" };
const b: AclSpec = { principal: "User:team-payments", topic: "sales.b", access: "CONSUME" };
const names = (bs: { name: string; operation: string }[]) => bs.map((x) => `${x.name}:${x.operation}`);

describe("planReconcile", () => {
  it("does nothing when Kafka holds exactly what the active grants imply", () => {
    const grants = [grant("g1", a), grant("g2", b)];
    const plan = planReconcile(grants, [...aclBindingsFor(a), ...aclBindingsFor(b)], listedAt);
    expect(plan).toEqual({ restore: new Map(), orphans: [], unmanaged: [] });
  });

  it("keeps the shared group ACL for the other grant after one is revoked, even with the other's READ drifted away", () => {
    const grants = [grant("g1", a, { status: "REVOKED" }), grant("g2", b)];
    const listed = [...aclBindingsFor(a), ...aclBindingsFor(b).filter((x) => !(x.name === "sales.b" && x.operation === "READ"))];
    const plan = planReconcile(grants, listed, listedAt);
    expect(names(plan.orphans.map((o) => o.binding))).toEqual(["sales.a:READ", "sales.a:DESCRIBE"]);
    expect(plan.orphans.every((o) => o.grantId === "g1")).toBe(true);
    expect([...plan.restore.entries()].map(([id, bs]) => [id, names(bs)])).toEqual([["g2", ["sales.b:READ"]]]);
  });

  it("restores only for grants provisioned before the listing", () => {
    const grants = [grant("pending", a, { provisioning: "PENDING", provisionedAt: null }), grant("late", b, { provisionedAt: new Date(listedAt.getTime() + 1) })];
    expect(planReconcile(grants, [], listedAt).restore.size).toBe(0);
  });

  it("restores a binding shared by two grants once", () => {
    const plan = planReconcile([grant("g1", a), grant("g2", b)], [...aclBindingsFor(a), ...aclBindingsFor(b)].filter((x) => x.resourceType !== "GROUP"), listedAt);
    expect([...plan.restore.entries()].map(([id, bs]) => [id, names(bs)])).toEqual([["g1", ["team-payments.:READ"]]]);
  });

  it("reports what no grant implies and never plans to touch it", () => {
    const outsider = aclBindingsFor({ principal: "User:outsider", topic: "sales.a", access: "CONSUME" });
    const handMade = aclBindingsFor({ principal: "User:team-payments", topic: "other", access: "PRODUCE" });
    const plan = planReconcile([grant("g1", a)], [...aclBindingsFor(a), ...outsider, ...handMade], listedAt);
    expect(plan.orphans).toEqual([]);
    expect(plan.unmanaged).toEqual([...outsider, ...handMade.filter((x) => x.resourceType !== "GROUP")]);
  });
});
