"use server";

import { revalidatePath } from "next/cache";
import { policiesFormSchema, updatePolicies } from "@/lib/governance";
import { action } from "@/lib/server-action";

export const updatePoliciesAction = action(policiesFormSchema, async (viewer, input) => {
  const policies = await updatePolicies(viewer, input);
  revalidatePath("/admin/policies");
  return policies;
});
