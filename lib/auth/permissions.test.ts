import { describe, expect, it } from "vitest";
import { can, assertCan, denialReason } from "./permissions";
import type { Viewer } from "./viewer";

const viewer = (over: Partial<Viewer> = {}): Viewer => ({
  id: "u1",
  name: "Test",
  email: null,
  isPlatformAdmin: false,
  isDataProtectionApprover: false,
  memberships: [],
  ...over,
});
const member = (teamId: string, role: "MAINTAINER" | "MEMBER" = "MEMBER") => ({
  teamId,
  teamSlug: teamId,
  teamName: teamId,
  domainId: "d",
  role,
});

const published = { ownerTeamId: "sales", lifecycle: "ACTIVE" };
const draft = { ownerTeamId: "sales", lifecycle: "DRAFT" };

describe("read:data-product", () => {
  it("lets anyone signed in read published products", () => {
    expect(can(viewer(), { permission: "read:data-product", product: published })).toBe(true);
  });
  it("hides drafts from other teams but not from the owning team or admins", () => {
    expect(can(viewer({ memberships: [member("payments")] }), { permission: "read:data-product", product: draft })).toBe(false);
    expect(can(viewer({ memberships: [member("sales")] }), { permission: "read:data-product", product: draft })).toBe(true);
    expect(can(viewer({ isPlatformAdmin: true }), { permission: "read:data-product", product: draft })).toBe(true);
  });
});

describe("create:data-product", () => {
  it("requires membership of the owning team", () => {
    expect(can(viewer({ memberships: [member("sales")] }), { permission: "create:data-product", ownerTeamId: "sales" })).toBe(true);
    expect(can(viewer({ memberships: [member("sales")] }), { permission: "create:data-product", ownerTeamId: "payments" })).toBe(false);
  });
});

describe("request:access", () => {
  const payments = viewer({ memberships: [member("payments")] });
  it("allows a member to request for their own team", () => {
    expect(can(payments, { permission: "request:access", product: published, consumerTeamId: "payments" })).toBe(true);
  });
  it("refuses requesting for a team one is not in", () => {
    expect(denialReason(payments, { permission: "request:access", product: published, consumerTeamId: "marketing" })).toMatch(/team you belong to/);
  });
  it("refuses the owning team and unpublished products", () => {
    const sales = viewer({ memberships: [member("sales")] });
    expect(can(sales, { permission: "request:access", product: published, consumerTeamId: "sales" })).toBe(false);
    expect(can(payments, { permission: "request:access", product: draft, consumerTeamId: "payments" })).toBe(false);
    expect(can(payments, { permission: "request:access", product: { ownerTeamId: "sales", lifecycle: "RETIRED" }, consumerTeamId: "payments" })).toBe(false);
  });
});

describe("decide:access-request", () => {
  it("lets maintainers of the owning team decide, not plain members", () => {
    expect(can(viewer({ memberships: [member("sales", "MAINTAINER")] }), { permission: "decide:access-request", product: published, requesterId: "u2" })).toBe(true);
    expect(can(viewer({ memberships: [member("sales", "MEMBER")] }), { permission: "decide:access-request", product: published, requesterId: "u2" })).toBe(false);
    expect(can(viewer({ memberships: [member("payments", "MAINTAINER")] }), { permission: "decide:access-request", product: published, requesterId: "u2" })).toBe(false);
  });
  it("never lets anyone decide their own request, admins included (four eyes)", () => {
    const admin = viewer({ isPlatformAdmin: true, memberships: [member("sales", "MAINTAINER")] });
    expect(denialReason(admin, { permission: "decide:access-request", product: published, requesterId: admin.id })).toMatch(/your own/);
  });
});

describe("decide:access-request, routing", () => {
  const maintainer = viewer({ id: "m", memberships: [member("sales", "MAINTAINER")] });
  const domainOwner = viewer({ id: "d" });
  const dpo = viewer({ id: "dp", isDataProtectionApprover: true });
  const check = (over: Record<string, unknown> = {}) =>
    ({ permission: "decide:access-request", product: published, requesterId: "u2", ...over }) as const;

  it("lets a domain owner decide only when the product's maintainers are absent", () => {
    expect(can(domainOwner, check({ isDomainOwner: true, ownersAbsent: true }))).toBe(true);
    expect(denialReason(domainOwner, check({ isDomainOwner: true, ownersAbsent: false }))).toMatch(/maintainers are absent/);
    expect(can(domainOwner, check({ isDomainOwner: false, ownersAbsent: true }))).toBe(false);
  });
  it("gives the data-protection step to data-protection approvers only, never to the owner's approver", () => {
    expect(can(dpo, check({ step: "DATA_PROTECTION", ownerApproverId: "m" }))).toBe(true);
    expect(can(maintainer, check({ step: "DATA_PROTECTION", ownerApproverId: "x" }))).toBe(false);
    expect(can(viewer({ isPlatformAdmin: true }), check({ step: "DATA_PROTECTION" }))).toBe(false);
    const both = viewer({ id: "m", isDataProtectionApprover: true, memberships: [member("sales", "MAINTAINER")] });
    expect(can(both, check({ step: "OWNER" }))).toBe(true);
    expect(denialReason(both, check({ step: "DATA_PROTECTION", ownerApproverId: "m" }))).toMatch(/another person/);
  });
  it("keeps four eyes on the data-protection step too", () => {
    expect(denialReason(dpo, check({ step: "DATA_PROTECTION", requesterId: "dp" }))).toMatch(/your own/);
  });
});

describe("revoke:grant", () => {
  it("lets owners, domain owners and admins revoke; not members or consumers", () => {
    const p = { permission: "revoke:grant", product: published } as const;
    expect(can(viewer({ memberships: [member("sales", "MAINTAINER")] }), p)).toBe(true);
    expect(can(viewer({ isPlatformAdmin: true }), p)).toBe(true);
    expect(can(viewer(), { ...p, isDomainOwner: true })).toBe(true);
    expect(can(viewer({ memberships: [member("sales", "MEMBER")] }), p)).toBe(false);
    expect(can(viewer({ memberships: [member("payments", "MAINTAINER")] }), p)).toBe(false);
  });
});

describe("manage:contract", () => {
  it("lets the owning team's maintainers, domain owners and admins change the contract; not members or others", () => {
    const p = { permission: "manage:contract", product: published } as const;
    expect(can(viewer({ memberships: [member("sales", "MAINTAINER")] }), p)).toBe(true);
    expect(can(viewer({ isPlatformAdmin: true }), p)).toBe(true);
    expect(can(viewer(), { ...p, isDomainOwner: true })).toBe(true);
    expect(denialReason(viewer({ memberships: [member("sales", "MEMBER")] }), p)).toMatch(/owners/);
    expect(can(viewer({ memberships: [member("payments", "MAINTAINER")] }), p)).toBe(false);
  });
});

describe("read:sample-data", () => {
  it("lets the owning team and teams with an active grant read samples; not others, not even admins", () => {
    const p = { permission: "read:sample-data", product: published, consumerTeamIds: ["payments"] } as const;
    expect(can(viewer({ memberships: [member("sales")] }), p)).toBe(true);
    expect(can(viewer({ memberships: [member("payments")] }), p)).toBe(true);
    expect(denialReason(viewer({ memberships: [member("marketing")] }), p)).toMatch(/teams with access/);
    expect(can(viewer({ isPlatformAdmin: true }), p)).toBe(false);
  });
});

describe("read:access-request and comment:access-request", () => {
  const request = { requesterId: "r", consumerTeamId: "payments", requiresDataProtection: false, product: published };
  it("lets both teams, the requester and admins in, and nobody else", () => {
    for (const perm of ["read:access-request", "comment:access-request"] as const) {
      expect(can(viewer({ id: "r" }), { permission: perm, request })).toBe(true);
      expect(can(viewer({ memberships: [member("payments")] }), { permission: perm, request })).toBe(true);
      expect(can(viewer({ memberships: [member("sales")] }), { permission: perm, request })).toBe(true);
      expect(can(viewer({ isPlatformAdmin: true }), { permission: perm, request })).toBe(true);
      expect(can(viewer({ memberships: [member("marketing")] }), { permission: perm, request })).toBe(false);
    }
  });
  it("lets data protection in only where its approval is needed", () => {
    const dpo = viewer({ isDataProtectionApprover: true });
    expect(can(dpo, { permission: "read:access-request", request })).toBe(false);
    expect(can(dpo, { permission: "read:access-request", request: { ...request, requiresDataProtection: true } })).toBe(true);
  });
});

describe("renew:access", () => {
  it("is for members of the consuming team", () => {
    expect(can(viewer({ memberships: [member("payments")] }), { permission: "renew:access", consumerTeamId: "payments" })).toBe(true);
    expect(can(viewer({ memberships: [member("sales", "MAINTAINER")] }), { permission: "renew:access", consumerTeamId: "payments" })).toBe(false);
  });
});

describe("admin permissions", () => {
  it("restricts ACL drift to platform admins", () => {
    expect(can(viewer(), { permission: "read:acl-drift" })).toBe(false);
    expect(can(viewer({ isPlatformAdmin: true }), { permission: "read:acl-drift" })).toBe(true);
  });

  it("restricts the audit log and policies to platform admins", () => {
    expect(can(viewer(), { permission: "read:audit-log" })).toBe(false);
    expect(can(viewer({ isPlatformAdmin: true }), { permission: "read:audit-log" })).toBe(true);
    expect(can(viewer(), { permission: "manage:policies" })).toBe(false);
  });
});

describe("read:product-health", () => {
  it("shows a product's whole health to its owning team (any role) and admins only", () => {
    expect(can(viewer({ memberships: [member("sales")] }), { permission: "read:product-health", product: published })).toBe(true);
    expect(can(viewer({ isPlatformAdmin: true }), { permission: "read:product-health", product: published })).toBe(true);
    expect(can(viewer({ memberships: [member("payments", "MAINTAINER")] }), { permission: "read:product-health", product: published })).toBe(false);
  });
  it("keeps the cluster index's admin view to platform admins", () => {
    expect(can(viewer({ memberships: [member("sales", "MAINTAINER")] }), { permission: "read:cluster-index" })).toBe(false);
    expect(can(viewer({ isPlatformAdmin: true }), { permission: "read:cluster-index" })).toBe(true);
  });
});

describe("assertCan", () => {
  it("throws a FORBIDDEN error naming the permission", () => {
    expect(() => assertCan(viewer(), { permission: "read:audit-log" })).toThrow(/missing permission read:audit-log/);
    expect(() => assertCan(viewer({ isPlatformAdmin: true }), { permission: "read:audit-log" })).not.toThrow();
  });
});

describe("organisation and product life", () => {
  const product = { ownerTeamId: "sales", lifecycle: "ACTIVE" };
  it.each<[string, Parameters<typeof viewer>[0], boolean]>([
    ["a platform admin", { isPlatformAdmin: true }, true],
    ["a maintainer of the team", { memberships: [member("sales", "MAINTAINER")] }, true],
    ["a plain member of the team", { memberships: [member("sales")] }, false],
    ["a maintainer of another team", { memberships: [member("payments", "MAINTAINER")] }, false],
  ])("manage:team-members and edit:data-product for %s → %s", (_who, facts, allowed) => {
    expect(can(viewer(facts), { permission: "manage:team-members", teamId: "sales" })).toBe(allowed);
    expect(can(viewer(facts), { permission: "edit:data-product", product })).toBe(allowed);
  });
  it("keeps domains, teams, principals and prefixes to platform admins", () => {
    expect(can(viewer({ memberships: [member("sales", "MAINTAINER")] }), { permission: "manage:organisation" })).toBe(false);
    expect(can(viewer({ isPlatformAdmin: true }), { permission: "manage:organisation" })).toBe(true);
  });
  it("refuses any change to a retired product, even to admins", () => {
    expect(denialReason(viewer({ isPlatformAdmin: true }), { permission: "edit:data-product", product: { ...product, lifecycle: "RETIRED" } })).toBe(
      "A retired product can no longer be changed.",
    );
  });
});

describe("change:product-lifecycle", () => {
  const maintainer = viewer({ memberships: [member("sales", "MAINTAINER")] });
  it.each<[string, Viewer, string, "publish" | "deprecate" | "retire", string | null]>([
    ["the owning team's maintainer publishes", maintainer, "DRAFT", "publish", null],
    ["the owning team's maintainer deprecates", maintainer, "ACTIVE", "deprecate", null],
    ["the owning team's maintainer retires", maintainer, "DEPRECATED", "retire", null],
    ["a platform admin retires", viewer({ isPlatformAdmin: true }), "DEPRECATED", "retire", null],
    ["a plain member of the team", viewer({ memberships: [member("sales")] }), "ACTIVE", "deprecate", "Only maintainers of the owning team can deprecate this product."],
    ["another team's maintainer", viewer({ memberships: [member("payments", "MAINTAINER")] }), "DEPRECATED", "retire", "Only maintainers of the owning team can retire this product."],
    ["anyone, on a retired product", maintainer, "RETIRED", "deprecate", "A retired product can no longer be changed."],
  ])("%s", (_what, who, lifecycle, transition, reason) => {
    expect(denialReason(who, { permission: "change:product-lifecycle", product: { ownerTeamId: "sales", lifecycle }, transition })).toBe(reason);
  });
});

describe("request:access across the product's life", () => {
  const now = new Date("2026-12-10T12:00:00Z");
  const consumer = viewer({ memberships: [member("payments")] });
  it.each<[string, { lifecycle: string; sunsetAt?: Date | null }, string | null]>([
    ["active", { lifecycle: "ACTIVE" }, null],
    ["deprecated before its sunset", { lifecycle: "DEPRECATED", sunsetAt: new Date("2026-12-31T23:59:59Z") }, null],
    ["deprecated past its sunset", { lifecycle: "DEPRECATED", sunsetAt: new Date("2026-12-09T23:59:59Z") }, "The product is past its sunset: it takes no new access requests."],
    ["retired", { lifecycle: "RETIRED" }, "Access can only be requested to published products."],
  ])("%s", (_what, facts, reason) => {
    expect(denialReason(consumer, { permission: "request:access", product: { ownerTeamId: "sales", ...facts }, consumerTeamId: "payments", now })).toBe(reason);
  });
});

describe("manage:connector", () => {
  it("lets any member of the owning team and admins run a connector; nobody else", () => {
    const p = { permission: "manage:connector", teamId: "sales" } as const;
    expect(can(viewer({ memberships: [member("sales", "MEMBER")] }), p)).toBe(true);
    expect(can(viewer({ isPlatformAdmin: true }), p)).toBe(true);
    expect(can(viewer({ memberships: [member("payments", "MAINTAINER")] }), p)).toBe(false);
    expect(can(viewer({ isDataProtectionApprover: true }), p)).toBe(false);
    expect(can(viewer({ memberships: [member("sales", "MEMBER")] }), { permission: "manage:processor", teamId: "sales" })).toBe(true);
    expect(can(viewer({ memberships: [member("payments", "MEMBER")] }), { permission: "manage:processor", teamId: "sales" })).toBe(false);
  });
});
