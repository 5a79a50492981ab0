// lib/sign-in: the rules that turn an identity provider's groups into teams and platform roles
// (docs/decisions/0061). Pure rules and the YAML file are client-safe in ./rules and ./rules-yaml.
export { addSignInRule, applyRulesFile, applySignInRulesYaml, exportSignInRulesYaml, listSignInRules, loadSignInRules, removeSignInRule, type RulesResult } from "./rule-store";
export { applyProviderGroups } from "./apply-groups";
export { groupsFromClaims, RULE_ROLES, RULE_ROLE_LABELS, signInRuleSchema, type RuleRole, type SignInRule } from "./rules";
export { parseRulesYaml, rulesToYaml, type YamlProblem } from "./rules-yaml";
