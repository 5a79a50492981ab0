"use server";

import { revalidatePath } from "next/cache";
import { applyPolicies, applyPoliciesSchema, planPolicies, planPoliciesSchema, policiesFormSchema, updatePolicies } from "@/lib/governance";
import { action } from "@/lib/server-action";

export const updatePoliciesAction = action(policiesFormSchema, async (viewer, input) => {
  const policies = await updatePolicies(viewer, input);
  revalidatePath("/admin/policies");
  return policies;
});

/** Reads only: what the pasted file would change. */
export const planPoliciesAction = action(planPoliciesSchema, async (viewer, input) => await planPolicies(viewer, input.yaml));

export const applyPoliciesAction = action(applyPoliciesSchema, async (viewer, input) => {
  const result = await applyPolicies(viewer, input);
  revalidatePath("/admin/policies");
  return result;
});
