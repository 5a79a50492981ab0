// A sign-in through the identity provider applies the sign-in rules to the user's groups, on the
// real PostgreSQL: memberships and platform roles that came from the provider are added, changed
// and removed; those granted by hand are never touched; every change is an audit row; the rule set
// itself is written whole and audited, from the admin form and from YAML.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { addSignInRule, applyProviderGroups, applyRulesFile, applySignInRulesYaml, loadSignInRules, removeSignInRule, rulesToYaml, type SignInRule } from "@/lib/sign-in";
import { ruleKey } from "@/lib/sign-in/rules";
import { DomainError } from "@/lib/errors";
import { teamId, unique, viewerByEmail } from "../support/viewers";

let ada: Viewer, sam: Viewer;
let before: SignInRule[];
let sales: string, payments: string, inventory: string;
const group = (name: string) => `${name}-${unique("g")}`;
const G = { sales: group("sales"), salesLeads: group("sales-leads"), inventory: group("inventory"), admins: group("admins"), dpo: group("dpo") };

beforeAll(async () => {
  [ada, sam, sales, payments, inventory] = await Promise.all([viewerByEmail("ada@example.com"), viewerByEmail("sam@example.com"), teamId("sales"), teamId("payments"), teamId("inventory")]);
  before = await loadSignInRules();
  const yaml = rulesToYaml(
    [
      ...before,
      { group: G.sales, role: "member", team: "sales" },
      { group: G.salesLeads, role: "maintainer", team: "sales" },
      { group: G.inventory, role: "member", team: "inventory" },
      { group: G.inventory, role: "member", team: "payments" },
      { group: G.admins, role: "platform-admin", team: null },
      { group: G.dpo, role: "data-protection", team: null },
    ],
    "groups",
  );
  expect(await applySignInRulesYaml(ada, yaml)).toMatchObject({ ok: true, changed: true });
});

afterAll(async () => {
  await applyRulesFile({ tool: "test" }, rulesToYaml(before, "groups"), "cli");
});

async function newUser() {
  return db.user.create({ data: { email: `${unique("sso")}@idp.test`, name: "SSO Tester" } });
}

async function memberships(userId: string) {
  const rows = await db.membership.findMany({ where: { userId }, select: { teamId: true, role: true, source: true } });
  return Object.fromEntries(rows.map((r) => [r.teamId, `${r.role}/${r.source}`]));
}

async function auditOf(email: string) {
  const rows = await db.auditEvent.findMany({ where: { actorLabel: "identity-provider", OR: [{ after: { path: ["email"], equals: email } }, { before: { path: ["email"], equals: email } }] }, orderBy: { at: "asc" } });
  // One transaction's events share their time: compared as a sorted list.
  return rows.map((r) => `${r.action} ${r.targetId}`).sort();
}

describe("applying a sign-in's groups", () => {
  it("adds memberships from the provider, changes their role, and takes them back", async () => {
    const user = await newUser();
    await applyProviderGroups(user.id, [G.sales, "unmapped"]);
    expect(await memberships(user.id)).toEqual({ [sales]: "MEMBER/PROVIDER" });

    await applyProviderGroups(user.id, [G.sales, G.salesLeads, G.inventory]);
    expect(await memberships(user.id)).toEqual({ [sales]: "MAINTAINER/PROVIDER", [inventory]: "MEMBER/PROVIDER", [payments]: "MEMBER/PROVIDER" });

    await applyProviderGroups(user.id, []);
    expect(await memberships(user.id)).toEqual({});

    expect(await auditOf(user.email!)).toEqual(
      [
        `team.member-added ${sales}`,
        `team.member-role-changed ${sales}`,
        `team.member-added ${inventory}`,
        `team.member-added ${payments}`,
        `team.member-removed ${sales}`,
        `team.member-removed ${inventory}`,
        `team.member-removed ${payments}`,
      ].sort(),
    );
    const added = await db.auditEvent.findFirstOrThrow({ where: { actorLabel: "identity-provider", action: "team.member-added", targetId: sales, after: { path: ["email"], equals: user.email! } } });
    expect(added.actorId).toBeNull();
    expect(added.after).toMatchObject({ role: "MEMBER", source: "provider", groups: [G.sales, "unmapped"] });
  });

  it("never touches a membership granted by hand", async () => {
    const user = await newUser();
    await db.membership.create({ data: { userId: user.id, teamId: sales, role: "MEMBER" } });
    await db.membership.create({ data: { userId: user.id, teamId: payments, role: "MAINTAINER" } });
    await applyProviderGroups(user.id, [G.salesLeads]);
    await applyProviderGroups(user.id, []);
    expect(await memberships(user.id)).toEqual({ [sales]: "MEMBER/MANUAL", [payments]: "MAINTAINER/MANUAL" });
    expect(await auditOf(user.email!)).toEqual([]);
  });

  it("grants platform roles from groups and takes back only those", async () => {
    const user = await newUser();
    await applyProviderGroups(user.id, [G.admins, G.dpo]);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ isPlatformAdmin: true, isDataProtectionApprover: true, providerRoles: ["PLATFORM_ADMIN", "DATA_PROTECTION"] });
    // An admin grants data protection by hand as well: it stays when the group goes.
    await db.user.update({ where: { id: user.id }, data: { providerRoles: ["PLATFORM_ADMIN"] } });
    await applyProviderGroups(user.id, []);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ isPlatformAdmin: false, isDataProtectionApprover: true, providerRoles: [] });
    expect(await auditOf(user.email!)).toEqual([`user.platform-role-granted ${user.id}`, `user.platform-role-granted ${user.id}`, `user.platform-role-revoked ${user.id}`].sort());
  });

  it("changes nothing and writes nothing on a repeat sign-in", async () => {
    const user = await newUser();
    await applyProviderGroups(user.id, [G.sales]);
    const count = await db.auditEvent.count();
    const changes = await applyProviderGroups(user.id, [G.sales]);
    expect(changes).toEqual({ add: [], change: [], remove: [], grantRoles: [], revokeRoles: [] });
    expect(await db.auditEvent.count()).toBe(count);
  });
});

describe("editing the rules", () => {
  it("adds and removes a rule from the form, each audited with before and after", async () => {
    const rule = { group: group("form"), role: "member" as const, team: "marketing" };
    expect(await addSignInRule(ada, rule)).toEqual({ changed: true });
    expect(await addSignInRule(ada, rule)).toEqual({ changed: false });
    expect(await removeSignInRule(ada, ruleKey(rule))).toEqual({ changed: true });
    const events = await db.auditEvent.findMany({ where: { action: "sign-in-rules.updated", actorId: ada.id }, orderBy: { at: "desc" }, take: 2 });
    expect(events.map((e) => (e.after as { rules: SignInRule[] }).rules.some((r) => r.group === rule.group))).toEqual([false, true]);
  });

  it("refuses unknown teams at their line, and anyone but a platform admin", async () => {
    const result = await applySignInRulesYaml(ada, `rules:\n  - group: x\n    role: member\n    team: ${unique("nope")}\n`);
    expect(result).toMatchObject({ ok: false, problems: [{ line: 2, message: expect.stringContaining("no team has the slug") }] });
    await expect(addSignInRule(sam, { group: "x", role: "platform-admin", team: null })).rejects.toBeInstanceOf(DomainError);
    await expect(applySignInRulesYaml(sam, "rules: []\n")).rejects.toThrow(/manage:sign-in-rules/);
  });
});
