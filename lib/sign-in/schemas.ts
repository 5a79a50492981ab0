// Inputs of the sign-in rules actions; client-safe.
import { z } from "zod";
import { signInRuleSchema } from "./rules";
import { MAX_RULES_YAML_CHARS } from "./rules-yaml";

export const addSignInRuleSchema = signInRuleSchema;
/** A rule is named by its key: JSON of [group, role, team] (lib/sign-in/rules.ts `ruleKey`). */
export const removeSignInRuleSchema = z.object({ key: z.string().min(1).max(1000) });
export const applySignInRulesYamlSchema = z.object({ yaml: z.string().max(MAX_RULES_YAML_CHARS, `The file is too long: at most ${MAX_RULES_YAML_CHARS} characters.`) });
