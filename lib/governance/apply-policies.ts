import "server-only";
import { assertCan, type Viewer } from "@/lib/auth";
import type { AuditActor } from "@/lib/audit";
import { invalid } from "@/lib/errors";
import { commitPolicies, type CommitResult, type PolicySource } from "./commit-policies";
import { loadComplianceFacts } from "./compliance";
import { loadPolicies } from "./load-policies";
import { diffPolicies, type PolicyChange } from "./policy-diff";
import { latestPolicyVersion } from "./policy-history";
import { parsePoliciesYaml, policiesToYaml, type YamlProblem } from "./policy-yaml";
import { countViolatingProducts, findViolations, newlyViolating } from "./violations";

export type PolicyPlan =
  | { ok: false; problems: YamlProblem[] }
  | {
      ok: true;
      /** The version the plan compares against; apply refuses if another one was written since. */
      baseVersion: number;
      changes: PolicyChange[];
      /** Products that would break at least one rule of the new set, and those among them that comply today. */
      violatingProducts: number;
      newlyViolating: string[];
    };

/** What applying `yaml` would change, and which products the new set would put in violation. Reads only. */
export async function planPoliciesFile(yaml: string): Promise<PolicyPlan> {
  const parsed = parsePoliciesYaml(yaml);
  if (!parsed.ok) return parsed;
  const [current, latest, facts] = await Promise.all([loadPolicies(), latestPolicyVersion(), loadComplianceFacts()]);
  return {
    ok: true,
    baseVersion: latest?.number ?? 0,
    changes: diffPolicies(current, parsed.policies),
    violatingProducts: countViolatingProducts(findViolations(facts, parsed.policies)),
    newlyViolating: newlyViolating(facts, current, parsed.policies),
  };
}

/** Applies a policies file as `actor` (callers authorize): a new version when it changes anything, none when it does not. */
export async function applyPoliciesFile(actor: AuditActor, yaml: string, options: { source: PolicySource; baseVersion?: number }): Promise<CommitResult> {
  const parsed = parsePoliciesYaml(yaml);
  if (!parsed.ok) {
    const first = parsed.problems[0]!;
    throw invalid("The file has problems: plan it to see them all.", { yaml: `Line ${first.line}, column ${first.column}: ${first.message}` });
  }
  return commitPolicies(actor, parsed.policies, options);
}

/** The admin page's Plan. */
export async function planPolicies(viewer: Viewer, yaml: string): Promise<PolicyPlan> {
  assertCan(viewer, { permission: "manage:policies" });
  return planPoliciesFile(yaml);
}

/** The admin page's Apply, against the version its plan was made on. */
export async function applyPolicies(viewer: Viewer, input: { yaml: string; baseVersion: number }): Promise<CommitResult> {
  assertCan(viewer, { permission: "manage:policies" });
  return applyPoliciesFile(viewer, input.yaml, { source: "yaml", baseVersion: input.baseVersion });
}

/** The set in force as a YAML file, headed by its version. */
export async function currentPoliciesYaml(): Promise<string> {
  const [policies, latest] = await Promise.all([loadPolicies(), latestPolicyVersion()]);
  return policiesToYaml(policies, latest ? { version: latest.number, at: latest.createdAt, by: latest.actorLabel } : null);
}

/** For the export download: admins only. */
export async function exportPoliciesYaml(viewer: Viewer): Promise<string> {
  assertCan(viewer, { permission: "manage:policies" });
  return currentPoliciesYaml();
}

