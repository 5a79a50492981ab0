import { describe, expect, it } from "vitest";
import { grantsForGroups, groupsFromClaims, hasChanges, planSignInChanges, signInRuleSchema, signInRulesSchema, type SignInRule } from "./rules";

const rules: SignInRule[] = [
  { group: "sales-engineers", role: "member", team: "sales" },
  { group: "sales-leads", role: "maintainer", team: "sales" },
  { group: "payments", role: "member", team: "payments" },
  { group: "platform", role: "platform-admin", team: null },
  { group: "dpo", role: "data-protection", team: null },
];
const noRoles = { isPlatformAdmin: false, isDataProtectionApprover: false, providerRoles: [] };

describe("groupsFromClaims", () => {
  it("reads an array, a single string, or a nested claim; ignores what is not a group", () => {
    expect(groupsFromClaims({ groups: ["a", "b", "a", 3, ""] }, "groups")).toEqual(["a", "b"]);
    expect(groupsFromClaims({ groups: "a" }, "groups")).toEqual(["a"]);
    expect(groupsFromClaims({ realm_access: { roles: ["x"] } }, "realm_access.roles")).toEqual(["x"]);
    expect(groupsFromClaims({ "team.names": ["flat"] }, "team.names")).toEqual(["flat"]);
    expect(groupsFromClaims({ groups: { a: 1 } }, "groups")).toEqual([]);
    expect(groupsFromClaims({}, "groups")).toEqual([]);
    expect(groupsFromClaims(null, "groups")).toEqual([]);
  });
});

describe("grantsForGroups", () => {
  it("matches groups exactly and case-sensitively", () => {
    const g = grantsForGroups(rules, ["Sales-Engineers", "sales-engineers "]);
    expect(g.teams.size).toBe(0);
    expect(grantsForGroups(rules, ["sales-engineers"]).teams).toEqual(new Map([["sales", "MEMBER"]]));
  });
  it("gives the stronger role when two rules name one team, in either order", () => {
    expect(grantsForGroups(rules, ["sales-leads", "sales-engineers"]).teams.get("sales")).toBe("MAINTAINER");
    expect(grantsForGroups([...rules].reverse(), ["sales-leads", "sales-engineers"]).teams.get("sales")).toBe("MAINTAINER");
  });
  it("gives platform roles", () => {
    expect([...grantsForGroups(rules, ["platform", "dpo"]).roles].sort()).toEqual(["DATA_PROTECTION", "PLATFORM_ADMIN"]);
  });
  it("gives nothing to a user in no mapped group", () => {
    const g = grantsForGroups(rules, ["marketing"]);
    expect(g.teams.size + g.roles.size).toBe(0);
  });
});

describe("planSignInChanges", () => {
  it("adds, changes and removes memberships that came from the provider", () => {
    const plan = planSignInChanges(
      [
        { teamSlug: "sales", role: "MEMBER", source: "PROVIDER" },
        { teamSlug: "inventory", role: "MEMBER", source: "PROVIDER" },
      ],
      noRoles,
      grantsForGroups(rules, ["sales-leads", "payments"]),
    );
    expect(plan.add).toEqual([{ teamSlug: "payments", role: "MEMBER" }]);
    expect(plan.change).toEqual([{ teamSlug: "sales", from: "MEMBER", to: "MAINTAINER" }]);
    expect(plan.remove).toEqual([{ teamSlug: "inventory", role: "MEMBER" }]);
  });
  it("never touches a membership granted by hand, even when a rule names its team", () => {
    const plan = planSignInChanges(
      [
        { teamSlug: "sales", role: "MEMBER", source: "MANUAL" },
        { teamSlug: "inventory", role: "MAINTAINER", source: "MANUAL" },
      ],
      noRoles,
      grantsForGroups(rules, ["sales-leads"]),
    );
    expect(hasChanges(plan)).toBe(false);
  });
  it("grants platform roles and takes back only those the provider gave", () => {
    expect(planSignInChanges([], noRoles, grantsForGroups(rules, ["platform"])).grantRoles).toEqual(["PLATFORM_ADMIN"]);
    const fromProvider = { isPlatformAdmin: true, isDataProtectionApprover: true, providerRoles: ["PLATFORM_ADMIN" as const] };
    const plan = planSignInChanges([], fromProvider, grantsForGroups(rules, []));
    expect(plan.revokeRoles).toEqual(["PLATFORM_ADMIN"]); // data protection was granted by hand
    expect(plan.grantRoles).toEqual([]);
  });
  it("leaves a role the user already holds by hand as it is", () => {
    const manual = { isPlatformAdmin: true, isDataProtectionApprover: false, providerRoles: [] };
    expect(hasChanges(planSignInChanges([], manual, grantsForGroups(rules, ["platform"])))).toBe(false);
  });
  it("is idempotent: applying a plan and planning again changes nothing", () => {
    const grants = grantsForGroups(rules, ["sales-engineers", "dpo"]);
    const first = planSignInChanges([], noRoles, grants);
    const after = planSignInChanges(
      first.add.map((a) => ({ ...a, source: "PROVIDER" as const })),
      { isPlatformAdmin: false, isDataProtectionApprover: true, providerRoles: first.grantRoles },
      grants,
    );
    expect(hasChanges(after)).toBe(false);
  });
});

describe("signInRuleSchema", () => {
  it("needs a team for team roles and refuses one for platform roles", () => {
    expect(signInRuleSchema.safeParse({ group: "g", role: "member" }).success).toBe(false);
    expect(signInRuleSchema.safeParse({ group: "g", role: "platform-admin", team: "sales" }).success).toBe(false);
    expect(signInRuleSchema.parse({ group: " g ", role: "data-protection" })).toEqual({ group: "g", role: "data-protection", team: null });
  });
  it("refuses unknown roles, unknown keys and invisible groups", () => {
    expect(signInRuleSchema.safeParse({ group: "g", role: "owner", team: "sales" }).success).toBe(false);
    expect(signInRuleSchema.safeParse({ group: "g", role: "member", team: "sales", extra: 1 }).success).toBe(false);
    expect(signInRuleSchema.safeParse({ group: "\u200b", role: "platform-admin" }).success).toBe(false);
  });
  it("drops a repeated rule", () => {
    expect(signInRulesSchema.parse([rules[0], rules[0], rules[3]])).toEqual([rules[0], rules[3]]);
  });
});
