import "server-only";
import { assertCan, type Viewer } from "@/lib/auth";
import { commitPolicies } from "./commit-policies";
import type { Policies } from "./policies";

/** Sets the global policies from the admin form (platform admins only): a new version when anything changed, audited. */
export async function updatePolicies(viewer: Viewer, next: Policies): Promise<Policies> {
  assertCan(viewer, { permission: "manage:policies" });
  await commitPolicies(viewer, next, { source: "form" });
  return next;
}
