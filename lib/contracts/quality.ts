import { z } from "zod";

// Quality rules of a port's data contract, checked on sampled messages. Client-safe and pure.

const field = z.string().trim().min(1, "Name the field.").max(200);
export const qualityRuleSchema = z.discriminatedUnion("kind", [
  z.object({ field, kind: z.literal("not_null") }),
  z.object({ field, kind: z.literal("allowed_values"), values: z.array(z.string().max(200)).min(1, "List at least one value.").max(100) }),
  z.object({ field, kind: z.literal("range"), min: z.number().optional(), max: z.number().optional() }).refine((r) => r.min !== undefined || r.max !== undefined, {
    message: "Give a minimum, a maximum or both.",
  }),
  z.object({ field, kind: z.literal("pattern"), pattern: z.string().min(1).max(500).refine(isRegex, "Not a valid regular expression.") }),
  z.object({ field, kind: z.literal("unique") }),
]);
export type QualityRule = z.infer<typeof qualityRuleSchema>;
export const qualityRulesSchema = z.array(qualityRuleSchema).max(100);

function isRegex(p: string): boolean {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}

export function describeRule(r: QualityRule): string {
  switch (r.kind) {
    case "not_null":
      return `${r.field} is not null`;
    case "allowed_values":
      return `${r.field} is one of ${r.values.join(", ")}`;
    case "range":
      return `${r.field} is ${r.min !== undefined && r.max !== undefined ? `between ${r.min} and ${r.max}` : r.min !== undefined ? `at least ${r.min}` : `at most ${r.max}`}`;
    case "pattern":
      return `${r.field} matches /${r.pattern}/`;
    case "unique":
      return `${r.field} is unique`;
  }
}

/** A value at a dotted path of a decoded message (Avro unions decoded by avsc are plain values). */
export function valueAt(message: unknown, path: string): unknown {
  let v: unknown = message;
  for (const key of path.split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

const asNumber = (v: unknown): number | null => (typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v)) ? Number(v) : null);

/**
 * The rules one message breaks. `seen` carries the values of `unique` fields across the sample, so a
 * repeat fails on its second occurrence.
 */
export function brokenRules(message: unknown, rules: QualityRule[], seen: Map<string, Set<string>>): QualityRule[] {
  const broken: QualityRule[] = [];
  for (const rule of rules) {
    const v = valueAt(message, rule.field);
    if (rule.kind === "not_null") {
      if (v === null || v === undefined) broken.push(rule);
    } else if (v === null || v === undefined) {
      continue; // absent values are not_null's business
    } else if (rule.kind === "allowed_values") {
      if (!rule.values.includes(String(v))) broken.push(rule);
    } else if (rule.kind === "range") {
      const n = asNumber(v);
      if (n === null || (rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max)) broken.push(rule);
    } else if (rule.kind === "pattern") {
      if (!new RegExp(rule.pattern).test(String(v))) broken.push(rule);
    } else {
      const set = seen.get(rule.field) ?? new Set<string>();
      seen.set(rule.field, set);
      const key = JSON.stringify(v);
      if (set.has(key)) broken.push(rule);
      set.add(key);
    }
  }
  return broken;
}

/** Replaces personal-data fields' values with a mask (for viewers outside the owning team). */
export function maskPersonalData(message: unknown, fields: string[]): unknown {
  if (fields.length === 0 || message === null || typeof message !== "object") return message;
  const copy = structuredClone(message) as Record<string, unknown>;
  for (const path of fields) {
    const keys = path.split(".");
    let node: Record<string, unknown> | undefined = copy;
    for (const k of keys.slice(0, -1)) node = node && typeof node[k] === "object" && node[k] !== null ? (node[k] as Record<string, unknown>) : undefined;
    const last = keys[keys.length - 1]!;
    if (node && last in node && node[last] !== null) node[last] = "••••";
  }
  return copy;
}
