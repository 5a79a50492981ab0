import { describe, expect, it } from "vitest";
import { brokenRules, describeRule, maskPersonalData, qualityRulesSchema, type QualityRule } from "./quality";

const rules: QualityRule[] = [
  { field: "id", kind: "not_null" },
  { field: "status", kind: "allowed_values", values: ["PAID", "SHIPPED"] },
  { field: "amount", kind: "range", min: 0, max: 1000 },
  { field: "email", kind: "pattern", pattern: "^[^@]+@[^@]+$" },
  { field: "id", kind: "unique" },
];

describe("quality rules", () => {
  it.each([
    [{ id: "a", status: "PAID", amount: 10, email: "x@y" }, []],
    [{ id: null, status: "PAID", amount: 10, email: "x@y" }, ["id is not null"]],
    [{ id: "b", status: "LOST", amount: 10, email: "x@y" }, ["status is one of PAID, SHIPPED"]],
    [{ id: "c", status: "PAID", amount: -1, email: "x@y" }, ["amount is between 0 and 1000"]],
    [{ id: "d", status: "PAID", amount: "12.50", email: "nope" }, ["email matches /^[^@]+@[^@]+$/"]],
  ])("%j breaks %j", (message, expected) => {
    expect(brokenRules(message, rules, new Map()).map(describeRule)).toEqual(expected);
  });

  it("fails a unique field on its repeat within the sample", () => {
    const seen = new Map<string, Set<string>>();
    const unique: QualityRule[] = [{ field: "order.id", kind: "unique" }];
    expect(brokenRules({ order: { id: 1 } }, unique, seen)).toEqual([]);
    expect(brokenRules({ order: { id: 2 } }, unique, seen)).toEqual([]);
    expect(brokenRules({ order: { id: 1 } }, unique, seen).map(describeRule)).toEqual(["order.id is unique"]);
  });

  it("validates rules at the field", () => {
    const r = qualityRulesSchema.safeParse([{ field: "a", kind: "range" }, { field: "b", kind: "pattern", pattern: "(" }]);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["0", "Give a minimum, a maximum or both."],
      ["1.pattern", "Not a valid regular expression."],
    ]);
  });

  it("masks personal data, nested too, leaving the original alone", () => {
    const original = { email: "a@b", customer: { name: "Ann", id: 1 }, note: null };
    expect(maskPersonalData(original, ["email", "customer.name", "note"])).toEqual({ email: "••••", customer: { name: "••••", id: 1 }, note: null });
    expect(original.email).toBe("a@b");
  });
});
