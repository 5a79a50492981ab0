import { describe, expect, it } from "vitest";
import { formatRuleLines, parseRuleLines, portContractFormSchema, toPortContract } from "./rule-lines";
import type { QualityRule } from "./quality";

describe("quality rules as lines", () => {
  const rules: QualityRule[] = [
    { field: "id", kind: "not_null" },
    { field: "id", kind: "unique" },
    { field: "status", kind: "allowed_values", values: ["NEW", "PAID"] },
    { field: "amount", kind: "range", min: 0, max: 10000.5 },
    { field: "qty", kind: "range", min: 1 },
    { field: "discount", kind: "range", max: -0.5 },
    { field: "customer.email", kind: "pattern", pattern: "^[^@]+@[^@]+$" },
  ];

  it("reads back what the portal writes, for every kind", () => {
    expect(parseRuleLines(formatRuleLines(rules))).toEqual({ ok: true, rules });
  });

  it("ignores blank lines and surrounding spaces", () => {
    expect(parseRuleLines("\n  id is not null  \n\n")).toEqual({ ok: true, rules: [{ field: "id", kind: "not_null" }] });
  });

  it.each([
    ["id is nul", "Line 1:"],
    ["id is unique\namount is between 10 and", "Line 2:"],
    ["code matches /[/", "Line 1: Not a valid regular expression."],
    ["status is one of ,", "Line 1:"],
  ])("names the line of %j", (text, message) => {
    const r = parseRuleLines(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(message);
  });

  it("refuses the form at the field it concerns, and turns a fit form into the stored contract", () => {
    const bad = portContractFormSchema.safeParse({ outputPortId: "p1", rules: "nonsense", personalDataFields: "email, na me" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["rules", "personalDataFields"]);
    const good = portContractFormSchema.parse({ outputPortId: "p1", rules: "id is unique", personalDataFields: "email, customer.name, email" });
    expect(toPortContract(good)).toEqual({ outputPortId: "p1", qualityRules: [{ field: "id", kind: "unique" }], personalDataFields: ["email", "customer.name"] });
  });
});
