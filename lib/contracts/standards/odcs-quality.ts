import { describeRule, qualityRuleSchema, type QualityRule } from "../quality";

// Meshport's quality rules as ODCS v3.0.2 property-level `library` rules and back. ODCS names
// `nullValues`, `validValues` and `duplicateCount` in its examples; range and pattern have no
// library name in v3.0.2, so Meshport writes `valueRange` (bounds in mustBeGreaterOrEqualTo /
// mustBeLessOrEqualTo) and `pattern` (the expression in a custom property); every rule carries its
// words in `description` for tools that know none of these.

export type OdcsQuality = {
  type?: string;
  rule?: string;
  description?: string;
  mustBe?: unknown;
  mustBeGreaterOrEqualTo?: number;
  mustBeLessOrEqualTo?: number;
  validValues?: unknown[];
  unit?: string;
  customProperties?: Array<{ property?: string; value?: unknown }>;
};

export function ruleToOdcs(rule: QualityRule): OdcsQuality {
  const base = { type: "library", description: describeRule(rule) };
  switch (rule.kind) {
    case "not_null":
      return { ...base, rule: "nullValues", mustBe: 0, unit: "rows" };
    case "unique":
      return { ...base, rule: "duplicateCount", mustBe: 0, unit: "rows" };
    case "allowed_values":
      return { ...base, rule: "validValues", validValues: rule.values };
    case "range":
      return {
        ...base,
        rule: "valueRange",
        ...(rule.min !== undefined ? { mustBeGreaterOrEqualTo: rule.min } : {}),
        ...(rule.max !== undefined ? { mustBeLessOrEqualTo: rule.max } : {}),
      };
    case "pattern":
      return { ...base, rule: "pattern", customProperties: [{ property: "pattern", value: rule.pattern }] };
  }
}

/** The Meshport rule an ODCS quality entry on `field` stands for; null for rules Meshport does not check (SQL, custom, text, others). */
export function ruleFromOdcs(field: string, q: OdcsQuality): QualityRule | null {
  if ((q.type ?? "library") !== "library") return null;
  const candidate = (() => {
    switch (q.rule) {
      case "nullValues":
      case "nullCheck":
        return { field, kind: "not_null" };
      case "duplicateCount":
      case "unique":
        return { field, kind: "unique" };
      case "validValues":
        return { field, kind: "allowed_values", values: (q.validValues ?? []).map(String) };
      case "valueRange":
        return { field, kind: "range", min: q.mustBeGreaterOrEqualTo, max: q.mustBeLessOrEqualTo };
      case "pattern":
        return { field, kind: "pattern", pattern: String(q.customProperties?.find((c) => c.property === "pattern")?.value ?? "") };
      default:
        return null;
    }
  })();
  if (!candidate) return null;
  const parsed = qualityRuleSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
