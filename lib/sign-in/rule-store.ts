import "server-only";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { invalid } from "@/lib/errors";
import { ruleKey, signInRuleSchema, signInRulesSchema, type SignInRule } from "./rules";
import { parseRulesYaml, rulesToYaml, type YamlProblem } from "./rules-yaml";

// The sign-in rules in PostgreSQL (docs/decisions/0061). The set is written whole, under one
// advisory lock, with its `sign-in-rules.updated` audit event (before and after) in the same
// transaction; a change that changes nothing writes nothing.

const LOCK = "meshport.sign-in-rules";

const GRANT_OF = { member: "TEAM_MEMBER", maintainer: "TEAM_MAINTAINER", "platform-admin": "PLATFORM_ADMIN", "data-protection": "DATA_PROTECTION" } as const;
const ROLE_OF = { TEAM_MEMBER: "member", TEAM_MAINTAINER: "maintainer", PLATFORM_ADMIN: "platform-admin", DATA_PROTECTION: "data-protection" } as const;

/** The rules in force, in the admin's order (team rules name their team by slug). */
export async function loadSignInRules(tx: Tx | typeof db = db): Promise<SignInRule[]> {
  const rows = await tx.signInRule.findMany({ orderBy: { position: "asc" }, select: { group: true, grant: true, team: { select: { slug: true } } } });
  return rows.map((r) => ({ group: r.group, role: ROLE_OF[r.grant], team: r.team?.slug ?? null }));
}

/** For the admin page: the rules with their teams' names, the teams a rule may name, and the claim read. */
export async function listSignInRules(viewer: Viewer) {
  assertCan(viewer, { permission: "manage:sign-in-rules" });
  const [rules, teams] = await Promise.all([loadSignInRules(), db.team.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } })]);
  const names = new Map(teams.map((t) => [t.slug, t.name]));
  return {
    claim: env.AUTH_OIDC_GROUPS_CLAIM,
    rules: rules.map((r) => ({ ...r, key: ruleKey(r), teamName: r.team ? (names.get(r.team) ?? r.team) : null })),
    teams,
  };
}

export async function exportSignInRulesYaml(viewer: Viewer): Promise<string> {
  assertCan(viewer, { permission: "manage:sign-in-rules" });
  return rulesToYaml(await loadSignInRules(), env.AUTH_OIDC_GROUPS_CLAIM);
}

export type RulesResult = { ok: true; changed: boolean; rules: number } | { ok: false; problems: YamlProblem[] };

/** The admin form: one rule more, at the end. */
export async function addSignInRule(viewer: Viewer, input: unknown): Promise<{ changed: boolean }> {
  assertCan(viewer, { permission: "manage:sign-in-rules" });
  const rule = signInRuleSchema.parse(input);
  return writeRules(viewer, "form", (current) => [...current, rule]);
}

/** The admin list: one rule less, named by its key (group, role, team). */
export async function removeSignInRule(viewer: Viewer, key: string): Promise<{ changed: boolean }> {
  assertCan(viewer, { permission: "manage:sign-in-rules" });
  return writeRules(viewer, "form", (current) => current.filter((r) => ruleKey(r) !== key));
}

/** A whole rules file (the admin page's YAML editor, or the CLI as `policies-cli`'s sibling tool). */
export async function applySignInRulesYaml(viewer: Viewer, yaml: string): Promise<RulesResult> {
  assertCan(viewer, { permission: "manage:sign-in-rules" });
  return applyRulesFile(viewer, yaml, "yaml");
}

/** For callers that authorize themselves (the CLI, whose actor is a tool). */
export async function applyRulesFile(actor: AuditActor, yaml: string, source: "yaml" | "cli"): Promise<RulesResult> {
  const parsed = parseRulesYaml(yaml);
  if (!parsed.ok) return parsed;
  const unknown = await unknownTeams(parsed.rules);
  if (unknown.size > 0) {
    return {
      ok: false,
      problems: parsed.rules.flatMap((r, i) => (r.team && unknown.has(r.team) ? [{ line: parsed.lines[i]!, column: 1, message: `rule ${i + 1}: no team has the slug "${r.team}".` }] : [])),
    };
  }
  const { changed } = await writeRules(actor, source, () => parsed.rules);
  return { ok: true, changed, rules: parsed.rules.length };
}

async function unknownTeams(rules: readonly SignInRule[]): Promise<Set<string>> {
  const slugs = [...new Set(rules.flatMap((r) => (r.team ? [r.team] : [])))];
  const found = await db.team.findMany({ where: { slug: { in: slugs } }, select: { slug: true } });
  const known = new Set(found.map((t) => t.slug));
  return new Set(slugs.filter((s) => !known.has(s)));
}

async function writeRules(actor: AuditActor, source: "form" | "yaml" | "cli", next: (current: SignInRule[]) => SignInRule[]): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${LOCK}))`;
    const before = await loadSignInRules(tx);
    const after = signInRulesSchema.parse(next(before));
    if (JSON.stringify(after.map(ruleKey)) === JSON.stringify(before.map(ruleKey))) return { changed: false };
    const teams = await tx.team.findMany({ where: { slug: { in: after.flatMap((r) => (r.team ? [r.team] : [])) } }, select: { id: true, slug: true } });
    const teamId = new Map(teams.map((t) => [t.slug, t.id]));
    const missing = after.find((r) => r.team && !teamId.has(r.team));
    if (missing) throw invalid(`No team has the slug "${missing.team}".`, { team: `No team has the slug "${missing.team}".` });
    await tx.signInRule.deleteMany({});
    await tx.signInRule.createMany({
      data: after.map((r, position) => ({ position, group: r.group, grant: GRANT_OF[r.role], teamId: r.team ? teamId.get(r.team)! : null })),
    });
    await recordAudit(tx, { actor, action: "sign-in-rules.updated", targetType: "sign-in-rules", targetId: "global", before: { rules: before }, after: { rules: after, source } });
    return { changed: true };
  });
}
