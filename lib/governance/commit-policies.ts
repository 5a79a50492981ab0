import "server-only";
import { db, type Prisma } from "@/lib/db";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { conflict } from "@/lib/errors";
import { readPolicies } from "./load-policies";
import type { Policies } from "./policies";
import { diffPolicies, type PolicyChange } from "./policy-diff";

export type PolicySource = "form" | "yaml" | "cli";

export type CommitResult = { version: number; changes: PolicyChange[]; created: boolean };

/** The CLI's identity in versions and the audit log: it runs with the database's credentials, not a user's. */
export const POLICIES_CLI: AuditActor = { tool: "policies-cli" };

// One lock for every writer of the policies: two admins (or an admin and CI) cannot both read
// version n and both write version n+1 over each other.
const LOCK = "meshport:policies";

/**
 * Makes `next` the policies in force: the changed Policy rows, version n+1 and the audit event in one
 * transaction. Writes nothing when `next` equals the set in force (so applying the same file twice
 * makes one version). With `baseVersion`, refuses when someone changed the policies after that
 * version was planned against. Callers authorize.
 */
export async function commitPolicies(
  actor: AuditActor,
  next: Policies,
  options: { source: PolicySource; baseVersion?: number },
): Promise<CommitResult> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${LOCK}))`;
    const latest = (await tx.policyVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true, actorLabel: true } })) ?? { number: 0, actorLabel: "" };
    if (options.baseVersion !== undefined && options.baseVersion !== latest.number) {
      throw conflict(
        `The policies changed since this plan (now version ${latest.number}, by ${latest.actorLabel}, planned against version ${options.baseVersion}): plan again.`,
      );
    }
    const before = await readPolicies(tx);
    const changes = diffPolicies(before, next);
    if (changes.length === 0) return { version: latest.number, changes, created: false };

    for (const { key } of changes) {
      const value = next[key] as Prisma.InputJsonValue;
      const updatedById = actorId(actor);
      await tx.policy.upsert({ where: { key }, update: { value, updatedById }, create: { key, value, updatedById } });
    }
    const version = latest.number + 1;
    await tx.policyVersion.create({
      data: {
        number: version,
        policies: next as Prisma.InputJsonValue,
        // Against the set in force, so the history says what this version did even if rows were edited outside Meshport.
        changes: changes as Prisma.InputJsonValue,
        source: options.source,
        createdById: actorId(actor),
        actorLabel: actorLabel(actor),
      },
    });
    await recordAudit(tx, {
      actor,
      action: "policies.updated",
      targetType: "policy",
      targetId: changes.map((c) => c.key).join(","),
      before: Object.fromEntries(changes.map(({ key }) => [key, before[key]])),
      after: { ...Object.fromEntries(changes.map(({ key }) => [key, next[key]])), version, source: options.source },
    });
    return { version, changes, created: true };
  });
}

const actorId = (actor: AuditActor) => (actor === "system" || "tool" in actor ? null : actor.id);
const actorLabel = (actor: AuditActor) => (actor === "system" ? "system" : "tool" in actor ? actor.tool : actor.name);
