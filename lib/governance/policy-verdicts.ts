import { policiesSchema, retentionRangeProblem, type Policies } from "./policies";
import { POLICY_KEYS, type PolicyKey } from "./policy-diff";
import { newlyViolating, type ProductComplianceFacts } from "./violations";

// What the policies form shows at each field while the admin types, from the same pure code the
// server runs: the schema's own field rules, the retention range, and how many existing products a
// tighter value would put in violation (they are listed, never changed).

export type PoliciesFormVerdicts = {
  /** Problems that block saving, at their field. */
  errors: Partial<Record<PolicyKey, string>>;
  /** Products a field's new value would newly catch: a warning, saving stays possible. */
  impact: Partial<Record<PolicyKey, string>>;
};

/** Verdicts on the raw form values, against the set in force and the existing products. */
export function policiesFormVerdicts(raw: Record<string, unknown>, saved: Policies, products: ProductComplianceFacts[]): PoliciesFormVerdicts {
  const typed: Partial<Policies> = {};
  for (const key of POLICY_KEYS) {
    const parsed = policiesSchema.shape[key].safeParse(raw[key]);
    if (parsed.success) Object.assign(typed, { [key]: parsed.data });
  }
  const errors: PoliciesFormVerdicts["errors"] = {};
  const range = retentionRangeProblem(typed.minRetentionHours ?? Number.NaN, typed.maxRetentionHours ?? Number.NaN);
  if (range) errors.maxRetentionHours = range;

  const impact: PoliciesFormVerdicts["impact"] = {};
  for (const key of POLICY_KEYS) {
    if (typed[key] === undefined) continue;
    // One field at a time: what this value alone would newly catch.
    const caught = newlyViolating(products, saved, { ...saved, [key]: typed[key] });
    if (caught.length > 0) impact[key] = impactMessage(caught, products);
  }
  return { errors, impact };
}

function impactMessage(slugs: string[], products: ProductComplianceFacts[]): string {
  const names = slugs.slice(0, 3).map((slug) => products.find((p) => p.slug === slug)?.name ?? slug);
  const more = slugs.length > 3 ? ` and ${slugs.length - 3} more` : "";
  const count = `${slugs.length} existing product${slugs.length === 1 ? "" : "s"}`;
  return `${count} would break this: ${names.join(", ")}${more}. They are listed under violations, not changed.`;
}
