"use server";

import { revalidatePath } from "next/cache";
import { addSignInRule, applySignInRulesYaml, removeSignInRule } from "@/lib/sign-in";
import { addSignInRuleSchema, applySignInRulesYamlSchema, removeSignInRuleSchema } from "@/lib/sign-in/schemas";
import { action } from "@/lib/server-action";

export const addSignInRuleAction = action(addSignInRuleSchema, async (viewer, input) => {
  const result = await addSignInRule(viewer, input);
  revalidatePath("/admin/sign-in");
  return result;
});

export const removeSignInRuleAction = action(removeSignInRuleSchema, async (viewer, input) => {
  const result = await removeSignInRule(viewer, input.key);
  revalidatePath("/admin/sign-in");
  return result;
});

export const applySignInRulesYamlAction = action(applySignInRulesYamlSchema, async (viewer, input) => {
  const result = await applySignInRulesYaml(viewer, input.yaml);
  revalidatePath("/admin/sign-in");
  return result;
});
