import { z } from "zod";
import { singleLine } from "@/lib/validation";

// Sign-in rules (docs/decisions/0061): a platform admin maps the identity provider's groups to
// team memberships and platform roles; each sign-in turns the user's groups into what they should
// hold and plans the changes. Pure and client-safe: the admin page, the YAML file, the sign-in and
// the tests share it.

export const RULE_ROLES = ["member", "maintainer", "platform-admin", "data-protection"] as const;
export type RuleRole = (typeof RULE_ROLES)[number];
export const TEAM_ROLES: readonly RuleRole[] = ["member", "maintainer"];

export const RULE_ROLE_LABELS: Record<RuleRole, string> = {
  member: "Team member",
  maintainer: "Team maintainer",
  "platform-admin": "Platform admin",
  "data-protection": "Data-protection approver",
};

/** Far more than any organisation maps; keeps a rule set and its file small. */
export const MAX_SIGN_IN_RULES = 500;

/** One rule as an admin writes it (form and YAML): a team rule names the team by its slug. */
export const signInRuleSchema = z
  .object({
    group: singleLine().min(1, "Name the provider's group.").max(256, "At most 256 characters."),
    role: z.enum(RULE_ROLES, { error: `The role is one of: ${RULE_ROLES.join(", ")}.` }),
    team: singleLine().max(64, "At most 64 characters.").optional().nullable(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const forTeam = TEAM_ROLES.includes(rule.role);
    if (forTeam && !rule.team) ctx.addIssue({ code: "custom", path: ["team"], message: `A ${rule.role} rule names its team (its slug).` });
    if (!forTeam && rule.team) ctx.addIssue({ code: "custom", path: ["team"], message: `A ${rule.role} rule is for the whole platform: leave the team out.` });
  })
  .transform((rule) => ({ group: rule.group, role: rule.role, team: TEAM_ROLES.includes(rule.role) ? (rule.team ?? null) : null }));

export type SignInRule = z.output<typeof signInRuleSchema>;

export const signInRulesSchema = z
  .array(signInRuleSchema)
  .max(MAX_SIGN_IN_RULES, `At most ${MAX_SIGN_IN_RULES} rules.`)
  .transform(dedupeRules);

/** The same rule twice says nothing more: the first one stays, in the admin's order. */
export function dedupeRules(rules: SignInRule[]): SignInRule[] {
  const seen = new Set<string>();
  return rules.filter((r) => {
    const key = ruleKey(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const ruleKey = (r: SignInRule) => JSON.stringify([r.group, r.role, r.team]);

/**
 * The groups a sign-in's claims hold under `claimName`: an array of strings, or one string. A name
 * with dots reads a nested claim when no top-level claim has that name (Keycloak's
 * `realm_access.roles`). Anything else holds no groups.
 */
export function groupsFromClaims(claims: Record<string, unknown> | null | undefined, claimName: string): string[] {
  if (!claims) return [];
  let value: unknown = claims[claimName];
  if (value === undefined && claimName.includes(".")) {
    value = claimName.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), claims);
  }
  const list = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  return [...new Set(list.filter((g): g is string => typeof g === "string" && g.length > 0))];
}

export type PlatformRole = "PLATFORM_ADMIN" | "DATA_PROTECTION";
export type TeamRole = "MAINTAINER" | "MEMBER";

/** What a user's groups give them under the rules: teams (by slug) with a role each, and platform roles. */
export type ProviderGrants = { teams: Map<string, TeamRole>; roles: Set<PlatformRole> };

/** Exact, case-sensitive group names (Entra sends ids, Keycloak paths: both are compared as they come). */
export function grantsForGroups(rules: readonly SignInRule[], groups: readonly string[]): ProviderGrants {
  const held = new Set(groups);
  const grants: ProviderGrants = { teams: new Map(), roles: new Set() };
  for (const rule of rules) {
    if (!held.has(rule.group)) continue;
    if (rule.role === "platform-admin") grants.roles.add("PLATFORM_ADMIN");
    else if (rule.role === "data-protection") grants.roles.add("DATA_PROTECTION");
    else if (rule.team) {
      // Two rules for one team: the stronger role wins.
      const role: TeamRole = rule.role === "maintainer" ? "MAINTAINER" : "MEMBER";
      if (grants.teams.get(rule.team) !== "MAINTAINER") grants.teams.set(rule.team, role);
    }
  }
  return grants;
}

export type CurrentMembership = { teamSlug: string; role: TeamRole; source: "MANUAL" | "PROVIDER" };
export type CurrentRoles = { isPlatformAdmin: boolean; isDataProtectionApprover: boolean; providerRoles: readonly PlatformRole[] };

export type SignInChanges = {
  add: { teamSlug: string; role: TeamRole }[];
  change: { teamSlug: string; from: TeamRole; to: TeamRole }[];
  remove: { teamSlug: string; role: TeamRole }[];
  grantRoles: PlatformRole[];
  revokeRoles: PlatformRole[];
};

/**
 * What a sign-in changes: memberships and roles that came from the provider follow the grants
 * (added, changed, removed); anything granted by hand is never touched, and a grant the user
 * already holds by hand stays a manual one.
 */
export function planSignInChanges(memberships: readonly CurrentMembership[], roles: CurrentRoles, grants: ProviderGrants): SignInChanges {
  const changes: SignInChanges = { add: [], change: [], remove: [], grantRoles: [], revokeRoles: [] };
  const current = new Map(memberships.map((m) => [m.teamSlug, m]));
  for (const [teamSlug, role] of grants.teams) {
    const held = current.get(teamSlug);
    if (!held) changes.add.push({ teamSlug, role });
    else if (held.source === "PROVIDER" && held.role !== role) changes.change.push({ teamSlug, from: held.role, to: role });
  }
  for (const m of memberships) {
    if (m.source === "PROVIDER" && !grants.teams.has(m.teamSlug)) changes.remove.push({ teamSlug: m.teamSlug, role: m.role });
  }
  const holds: Record<PlatformRole, boolean> = { PLATFORM_ADMIN: roles.isPlatformAdmin, DATA_PROTECTION: roles.isDataProtectionApprover };
  for (const role of ["PLATFORM_ADMIN", "DATA_PROTECTION"] as const) {
    const fromProvider = roles.providerRoles.includes(role);
    if (grants.roles.has(role) && !holds[role]) changes.grantRoles.push(role);
    else if (!grants.roles.has(role) && holds[role] && fromProvider) changes.revokeRoles.push(role);
  }
  return changes;
}

export const hasChanges = (c: SignInChanges) => c.add.length + c.change.length + c.remove.length + c.grantRoles.length + c.revokeRoles.length > 0;
