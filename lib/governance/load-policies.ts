import "server-only";
import { db } from "@/lib/db";
import { defaultPolicies, policiesSchema, type Policies } from "./policies";

/** The policies in force: code defaults overlaid with what admins stored. */
export async function loadPolicies(): Promise<Policies> {
  const rows = await db.policy.findMany();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const merged = policiesSchema.safeParse({ ...defaultPolicies, ...stored });
  // A malformed stored value must not lock everyone out: fall back to defaults.
  return merged.success ? merged.data : defaultPolicies;
}
