import "server-only";
import { db, type Tx } from "@/lib/db";
import { defaultPolicies, policiesSchema, type Policies } from "./policies";

/** The policies in force: code defaults overlaid with what admins stored. */
export async function loadPolicies(): Promise<Policies> {
  return readPolicies(db);
}

/** loadPolicies inside a transaction (the write path reads the set it is about to replace under its lock). */
export async function readPolicies(client: Pick<Tx, "policy">): Promise<Policies> {
  const rows = await client.policy.findMany();
  return parseStoredPolicies(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

/** A stored set (Policy rows or a PolicyVersion): a malformed value must not lock everyone out, so it falls back to defaults. */
export function parseStoredPolicies(stored: unknown): Policies {
  const merged = policiesSchema.safeParse({ ...defaultPolicies, ...(stored && typeof stored === "object" ? stored : {}) });
  return merged.success ? merged.data : defaultPolicies;
}
