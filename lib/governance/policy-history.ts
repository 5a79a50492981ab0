import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { parseStoredPolicies } from "./load-policies";
import type { Policies } from "./policies";
import { diffPolicies, POLICY_KEYS, POLICY_LABELS, type PolicyChange } from "./policy-diff";

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
  const rows = await db.policyVersion.findMany({ orderBy: { number: "desc" }, take: limit, select: { ...SUMMARY, changes: true } });
  return rows.map(({ changes, ...row }) => ({ ...row, changes: storedChanges(changes) }));
}

/** The changes a version recorded (written by commitPolicies); anything unreadable shows as none. */
function storedChanges(value: unknown): PolicyChange[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is PolicyChange =>
      typeof c === "object" && c !== null && (POLICY_KEYS as readonly unknown[]).includes((c as PolicyChange).key) && typeof (c as PolicyChange).before === "string" && typeof (c as PolicyChange).after === "string",
  ).map((c) => ({ key: c.key, label: POLICY_LABELS[c.key], before: c.before, after: c.after, tightened: Boolean(c.tightened) }));
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
