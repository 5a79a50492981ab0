import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { loadSignInRules } from "./rule-store";
import { grantsForGroups, hasChanges, planSignInChanges, type PlatformRole, type SignInChanges } from "./rules";

// At each sign-in through the identity provider, the user's groups (a claim of the ID token) are
// turned into team memberships and platform roles by the sign-in rules (docs/decisions/0061).
// Only what came from the provider is added, changed or taken back; memberships and roles granted
// in Meshport are never touched. Each change is an audit event in the same transaction, by the
// `identity-provider` actor, with the groups that decided it.

const ACTOR = { tool: "identity-provider" };

/** Applies the sign-in rules to a user's groups; returns what changed (nothing on a repeat sign-in). */
export async function applyProviderGroups(userId: string, groups: readonly string[]): Promise<SignInChanges> {
  return db.$transaction(async (tx) => {
    // One sign-in at a time per user: two tabs signing in at once must not both add a membership.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`meshport.sign-in:${userId}`}))`;
    const [rules, user] = await Promise.all([
      loadSignInRules(tx),
      tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { email: true, isPlatformAdmin: true, isDataProtectionApprover: true, providerRoles: true, memberships: { select: { role: true, source: true, team: { select: { id: true, slug: true } } } } },
      }),
    ]);
    const changes = planSignInChanges(
      user.memberships.map((m) => ({ teamSlug: m.team.slug, role: m.role, source: m.source })),
      user,
      grantsForGroups(rules, groups),
    );
    if (!hasChanges(changes)) return changes;

    const slugs = [...changes.add, ...changes.change, ...changes.remove].map((c) => c.teamSlug);
    const teams = new Map((await tx.team.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
    const teamId = (slug: string) => teams.get(slug)!;
    const why = { email: user.email, source: "provider", groups };

    for (const { teamSlug, role } of changes.add) {
      await tx.membership.create({ data: { userId, teamId: teamId(teamSlug), role, source: "PROVIDER" } });
      await recordAudit(tx, { actor: ACTOR, action: "team.member-added", targetType: "team", targetId: teamId(teamSlug), after: { ...why, role } });
    }
    for (const { teamSlug, from, to } of changes.change) {
      await tx.membership.update({ where: { userId_teamId: { userId, teamId: teamId(teamSlug) } }, data: { role: to } });
      await recordAudit(tx, { actor: ACTOR, action: "team.member-role-changed", targetType: "team", targetId: teamId(teamSlug), before: { email: user.email, role: from }, after: { ...why, role: to } });
    }
    for (const { teamSlug, role } of changes.remove) {
      await tx.membership.delete({ where: { userId_teamId: { userId, teamId: teamId(teamSlug) } } });
      await recordAudit(tx, { actor: ACTOR, action: "team.member-removed", targetType: "team", targetId: teamId(teamSlug), before: { email: user.email, role }, after: why });
    }
    if (changes.grantRoles.length + changes.revokeRoles.length > 0) {
      const providerRoles = [...new Set<PlatformRole>([...user.providerRoles, ...changes.grantRoles])].filter((r) => !changes.revokeRoles.includes(r));
      const holds = (role: PlatformRole, now: boolean) => (changes.grantRoles.includes(role) ? true : changes.revokeRoles.includes(role) ? false : now);
      await tx.user.update({
        where: { id: userId },
        data: { providerRoles, isPlatformAdmin: holds("PLATFORM_ADMIN", user.isPlatformAdmin), isDataProtectionApprover: holds("DATA_PROTECTION", user.isDataProtectionApprover) },
      });
      for (const role of changes.grantRoles) await recordAudit(tx, { actor: ACTOR, action: "user.platform-role-granted", targetType: "user", targetId: userId, after: { ...why, role } });
      for (const role of changes.revokeRoles) await recordAudit(tx, { actor: ACTOR, action: "user.platform-role-revoked", targetType: "user", targetId: userId, before: { role }, after: why });
    }
    return changes;
  });
}
