import type { CompatibilityMode } from "@/lib/schema-registry/types";
import { satisfiesFloor } from "@/lib/contracts/compatibility";
import { rank, type Policies } from "./policies";

// What changed between two sets of policies, key by key, and whether a change makes the rules
// stricter (a product that complied before may not now). Pure: the history, the YAML plan and the
// CLI all describe changes with it (docs/decisions/0053).

export type PolicyKey = keyof Policies;

/** Every policy, in the order the admin page, the YAML file and the plan list them. */
export const POLICY_KEYS = [
  "maxPartitions",
  "maxReplicationFactor",
  "minRetentionHours",
  "maxRetentionHours",
  "piiMinClassification",
  "requiredTagsAnyOf",
  "minSchemaCompatibility",
  "maxAccessDays",
  "unusedGrantDays",
] as const satisfies readonly PolicyKey[];

export const POLICY_LABELS: Record<PolicyKey, string> = {
  maxPartitions: "Maximum partitions",
  maxReplicationFactor: "Maximum replication factor",
  minRetentionHours: "Minimum retention, hours",
  maxRetentionHours: "Maximum retention, hours",
  piiMinClassification: "Personal data: lowest classification",
  requiredTagsAnyOf: "Every product needs one of these tags",
  minSchemaCompatibility: "Weakest schema compatibility",
  maxAccessDays: "Longest access grant, days",
  unusedGrantDays: "Flag a grant as unused after, days",
};

export type PolicyChange = { key: PolicyKey; label: string; before: string; after: string; tightened: boolean };

/** A policy's value as people read it: numbers, names, tags joined by commas ("none" when empty). */
export function formatPolicyValue(value: Policies[PolicyKey]): string {
  if (Array.isArray(value)) return value.length > 0 ? value.join(", ") : "none";
  return String(value);
}

/** Whether going from `before` to `after` on this key can turn a compliant product or request into a violation. */
export function isTightening<K extends PolicyKey>(key: K, before: Policies[K], after: Policies[K]): boolean {
  switch (key) {
    case "minRetentionHours":
      return (after as number) > (before as number);
    case "maxPartitions":
    case "maxReplicationFactor":
    case "maxRetentionHours":
    case "maxAccessDays":
    case "unusedGrantDays":
      return (after as number) < (before as number);
    case "piiMinClassification":
      return rank(after as Policies["piiMinClassification"]) > rank(before as Policies["piiMinClassification"]);
    case "requiredTagsAnyOf": {
      // Any one required tag suffices: stricter when a requirement appears, or an accepted tag is dropped.
      const [b, a] = [before as string[], after as string[]];
      return a.length > 0 && (b.length === 0 || b.some((t) => !a.includes(t)));
    }
    case "minSchemaCompatibility": {
      const [b, a] = [before as CompatibilityMode, after as CompatibilityMode];
      return !satisfiesFloor(b, a);
    }
    default:
      return false;
  }
}

/** The policies that differ between two sets, in POLICY_KEYS order; empty when they are the same. */
export function diffPolicies(before: Policies, after: Policies): PolicyChange[] {
  return POLICY_KEYS.filter((key) => canonicalValue(before[key]) !== canonicalValue(after[key])).map((key) => ({
    key,
    label: POLICY_LABELS[key],
    before: formatPolicyValue(before[key]),
    after: formatPolicyValue(after[key]),
    tightened: isTightening(key, before[key], after[key]),
  }));
}

// Required tags are a set (any one suffices): their order is no change.
function canonicalValue(value: Policies[PolicyKey]): string {
  return JSON.stringify(Array.isArray(value) ? [...value].sort() : value);
}

/** The set as canonical JSON (keys in POLICY_KEYS order, tags sorted): equal sets give equal text, hence equal digests. */
export function canonicalPolicies(policies: Policies): string {
  return `{${POLICY_KEYS.map((k) => `${JSON.stringify(k)}:${canonicalValue(policies[k])}`).join(",")}}`;
}
