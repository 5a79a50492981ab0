import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { parseStoredPolicies } from "./load-policies";
import type { Policies } from "./policies";
import { diffPolicies, type PolicyChange } from "./policy-diff";

export type PolicyVersionSummary = { number: number; createdAt: Date; actorLabel: string; source: string };
export type PolicyVersionView = PolicyVersionSummary & {
  /** What this version changed from the one before (empty for the first). */
  changes: PolicyChange[];
};

const SUMMARY = { number: true, createdAt: true, actorLabel: true, source: true } as const;

/** The newest version (the set in force), or null before any exists. */
export async function latestPolicyVersion(): Promise<PolicyVersionSummary | null> {
  return db.policyVersion.findFirst({ orderBy: { number: "desc" }, select: SUMMARY });
}

/** The newest `limit` versions, newest first, each with what it changed (before → after per policy). Admins only. */
export async function listPolicyVersions(viewer: Viewer, limit = 50): Promise<PolicyVersionView[]> {
  assertCan(viewer, { permission: "manage:policies" });
  // One more than shown: the oldest shown version's changes are against the one before it.
  const rows = await db.policyVersion.findMany({ orderBy: { number: "desc" }, take: limit + 1, select: { ...SUMMARY, policies: true } });
  return rows.slice(0, limit).map((row, i) => {
    const previous = rows[i + 1];
    return {
      number: row.number,
      createdAt: row.createdAt,
      actorLabel: row.actorLabel,
      source: row.source,
      changes: previous ? diffPolicies(parseStoredPolicies(previous.policies), parseStoredPolicies(row.policies)) : [],
    };
  });
}

/** What changed from version `from` to version `to` (either direction), or null when one does not exist. Admins only. */
export async function comparePolicyVersions(viewer: Viewer, from: number, to: number): Promise<PolicyChange[] | null> {
  assertCan(viewer, { permission: "manage:policies" });
  const rows = await db.policyVersion.findMany({ where: { number: { in: [from, to] } }, select: { number: true, policies: true } });
  const set = (n: number): Policies | null => {
    const row = rows.find((r) => r.number === n);
    return row ? parseStoredPolicies(row.policies) : null;
  };
  const [a, b] = [set(from), set(to)];
  return a && b ? diffPolicies(a, b) : null;
}
