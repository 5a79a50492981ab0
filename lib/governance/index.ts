import "server-only";
// lib/governance: the organisation's rules as data admins set, checked by code on every change.
export * from "./policies";
export * from "./prefixes";
export * from "./topic-change";
export * from "./output-ports";
export * from "./lifecycle";
export * from "./policy-diff";
export * from "./policy-yaml";
export * from "./violations";
export * from "./policies-schemas";
export { loadPolicies } from "./load-policies";
export { updatePolicies } from "./update-policies";
export { commitPolicies, POLICIES_CLI, type CommitResult, type PolicySource } from "./commit-policies";
export { latestPolicyVersion, listPolicyVersions, comparePolicyVersions, type PolicyVersionView, type PolicyVersionSummary } from "./policy-history";
export { listPolicyViolations, loadComplianceFacts } from "./compliance";
export { applyPolicies, applyPoliciesFile, currentPoliciesYaml, exportPoliciesYaml, planPolicies, planPoliciesFile, type PolicyPlan } from "./apply-policies";
export * from "./policy-verdicts";
