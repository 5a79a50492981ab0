// A product's life: draft → active → deprecated (sunset date, optional successor) → retired.
// Pure rules, shared by the forms (verdicts as the owner types) and the server.

export type LifecycleState = "DRAFT" | "ACTIVE" | "DEPRECATED" | "RETIRED";

const DAY = 86_400_000;

/** The first day a sunset may be set to: consumers get at least `minNoticeDays` to move. */
export function earliestSunset(now: Date, minNoticeDays = 1): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + minNoticeDays * DAY);
  return d;
}

/** Why the product cannot be deprecated this way; empty when it can. Field errors keyed by form field. */
export function checkDeprecation(
  facts: { lifecycle: LifecycleState; sunsetAt: Date; successor?: { id: string; lifecycle: LifecycleState } | null; productId: string },
  now: Date,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (facts.lifecycle !== "ACTIVE") errors.form = `Only active products can be deprecated (this one is ${facts.lifecycle.toLowerCase()}).`;
  if (Number.isNaN(facts.sunsetAt.getTime())) errors.sunsetDate = "Enter a date.";
  else if (facts.sunsetAt < earliestSunset(now)) errors.sunsetDate = `The sunset must be after today, so consumers have time to move (from ${earliestSunset(now).toISOString().slice(0, 10)}).`;
  if (facts.successor) {
    if (facts.successor.id === facts.productId) errors.successorSlug = "A product cannot succeed itself.";
    else if (facts.successor.lifecycle !== "ACTIVE") errors.successorSlug = "The successor must be an active product.";
  }
  return errors;
}

/** Why the product cannot be retired now; empty when it can (the owner then confirms by typing its name). */
export function retirementBlockers(
  facts: { lifecycle: LifecycleState; sunsetAt: Date | null; activeConsumerGrants: number; name: string; confirmName: string },
  now: Date,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (facts.lifecycle === "RETIRED") errors.form = "The product is already retired.";
  else if (facts.lifecycle !== "DEPRECATED" || !facts.sunsetAt) errors.form = "Deprecate the product with a sunset date first.";
  else if (facts.sunsetAt > now) errors.form = `The product can be retired after its sunset on ${facts.sunsetAt.toISOString().slice(0, 10)}.`;
  if (facts.activeConsumerGrants > 0) {
    errors.form ??= `${facts.activeConsumerGrants} consumer grant${facts.activeConsumerGrants === 1 ? " is" : "s are"} still active: wait until ${facts.activeConsumerGrants === 1 ? "it ends" : "they end"}, or revoke ${facts.activeConsumerGrants === 1 ? "it" : "them"}.`;
  }
  if (facts.confirmName.trim() !== facts.name) errors.confirmName = `Type the product's name, ${facts.name}, to confirm.`;
  return errors;
}
