import { z } from "zod";
import { recordId } from "@/lib/validation";
import { describeRule, qualityRuleSchema, type QualityRule } from "./quality";

// A port's quality rules as owners write them, one per line, in the words the portal shows them
// (describeRule): "amount is between 0 and 10000", "status is one of NEW, PAID", "id is unique".
// Client-safe: the form checks as the owner types, the server parses the same text again.

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
const LINE_FORMS: [RegExp, (m: RegExpMatchArray) => unknown][] = [
  [/^(\S+) is not null$/i, (m) => ({ field: m[1], kind: "not_null" })],
  [/^(\S+) is unique$/i, (m) => ({ field: m[1], kind: "unique" })],
  [/^(\S+) is one of (.+)$/i, (m) => ({ field: m[1], kind: "allowed_values", values: m[2]!.split(",").map((v) => v.trim()).filter(Boolean) })],
  [new RegExp(`^(\\S+) is between ${NUMBER} and ${NUMBER}$`, "i"), (m) => ({ field: m[1], kind: "range", min: Number(m[2]), max: Number(m[3]) })],
  [new RegExp(`^(\\S+) is at least ${NUMBER}$`, "i"), (m) => ({ field: m[1], kind: "range", min: Number(m[2]) })],
  [new RegExp(`^(\\S+) is at most ${NUMBER}$`, "i"), (m) => ({ field: m[1], kind: "range", max: Number(m[2]) })],
  [/^(\S+) matches \/(.+)\/$/, (m) => ({ field: m[1], kind: "pattern", pattern: m[2] })],
];

export const RULE_LINE_HINT = 'One rule per line: "field is not null", "field is unique", "field is one of A, B", "field is between 0 and 100", "field is at least 0", "field matches /^[A-Z]+$/".';

/** The rules in `text`, or the first problem with its line number. */
export function parseRuleLines(text: string): { ok: true; rules: QualityRule[] } | { ok: false; problem: string } {
  const rules: QualityRule[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const form = LINE_FORMS.find(([re]) => re.test(line));
    if (!form) return { ok: false, problem: `Line ${i + 1}: "${line.slice(0, 60)}" is not a rule. ${RULE_LINE_HINT}` };
    const parsed = qualityRuleSchema.safeParse(form[1](line.match(form[0])!));
    if (!parsed.success) return { ok: false, problem: `Line ${i + 1}: ${parsed.error.issues[0]?.message ?? "not a valid rule"}` };
    rules.push(parsed.data);
  }
  if (rules.length > 100) return { ok: false, problem: "At most 100 rules per port." };
  return { ok: true, rules };
}

export const formatRuleLines = (rules: QualityRule[]) => rules.map(describeRule).join("\n");

const fieldList = (text: string) => [...new Set(text.split(",").map((f) => f.trim()).filter(Boolean))];

/** The owners' form for a port's contract: rules as lines, personal-data fields comma-separated. */
export const portContractFormSchema = z.object({
  outputPortId: recordId(),
  rules: z.string().max(20_000).superRefine((text, ctx) => {
    const r = parseRuleLines(text);
    if (!r.ok) ctx.addIssue({ code: "custom", message: r.problem });
  }),
  personalDataFields: z
    .string()
    .max(5_000)
    .refine((t) => fieldList(t).every((f) => /^[\w.$-]{1,200}$/.test(f)), "Field names, separated by commas (letters, digits, _ . $ -).")
    .refine((t) => fieldList(t).length <= 100, "At most 100 fields."),
});
export type PortContractFormInput = z.input<typeof portContractFormSchema>;

/** The form's values as the stored contract (the form has been checked by the schema). */
export function toPortContract(input: z.output<typeof portContractFormSchema>) {
  const r = parseRuleLines(input.rules);
  return { outputPortId: input.outputPortId, qualityRules: r.ok ? r.rules : [], personalDataFields: fieldList(input.personalDataFields) };
}
