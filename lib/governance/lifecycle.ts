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
  facts: { lifecycle: LifecycleState; sunsetAt: Date; successor?: { id: string; lifecycle: LifecycleState } | null; productId: string; currentSunsetAt?: Date | null },
  now: Date,
): Record<string, string> {
  const errors: Record<string, string> = {};
  // A product deprecated before sunset dates existed (currentSunsetAt null) gets its date the same way.
  const undated = facts.lifecycle === "DEPRECATED" && facts.currentSunsetAt === null;
  if (facts.lifecycle !== "ACTIVE" && !undated) errors.form = `Only active products can be deprecated (this one is ${facts.lifecycle.toLowerCase()}).`;
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

/** Why a product cannot be published now; empty when it can (only drafts are published). */
export function checkPublish(facts: { lifecycle: LifecycleState; ports: number }): Record<string, string> {
  if (facts.lifecycle !== "DRAFT") return { form: `Only drafts are published (this product is ${facts.lifecycle.toLowerCase()}).` };
  if (facts.ports === 0) return { form: "Add an output port before publishing." };
  return {};
}

/** Where each transition leads, and from where (the rules above say when). */
export const TRANSITIONS = {
  publish: { from: "DRAFT", to: "ACTIVE" },
  deprecate: { from: "ACTIVE", to: "DEPRECATED" },
  retire: { from: "DEPRECATED", to: "RETIRED" },
} as const satisfies Record<string, { from: LifecycleState; to: LifecycleState }>;

/** The transitions the owner may try from a state (the page offers these; the server checks them again). */
export function transitionsFrom(state: LifecycleState): (keyof typeof TRANSITIONS)[] {
  return (Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[]).filter((t) => TRANSITIONS[t].from === state);
}

/**
 * Why a product takes no new access requests, or null: drafts are not published yet, retired products
 * are gone, and a deprecated product closes on its sunset (consumers were told to move).
 */
export function accessClosedReason(product: { lifecycle: string; sunsetAt?: Date | null }, now: Date): string | null {
  if (product.lifecycle === "DRAFT" || product.lifecycle === "RETIRED") return "Access can only be requested to published products.";
  if (product.lifecycle === "DEPRECATED" && product.sunsetAt && product.sunsetAt <= now) return "The product is past its sunset: it takes no new access requests.";
  return null;
}
