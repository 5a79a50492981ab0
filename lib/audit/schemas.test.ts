import { describe, expect, it } from "vitest";
import { auditExportFormat, auditFilterSchema, auditSearchSchema, filterParams, ignoredFilters } from "./schemas";

describe("audit log URL", () => {
  it("keeps fit filters, drops unfit ones and says which", () => {
    const raw = { actor: "cm1abc", action: "data-product.created", targetType: "data-product", target: "abc", from: "2026-02-28", to: "2026-02-30", q: "retention" };
    const parsed = auditFilterSchema.parse(raw);
    expect(parsed).toEqual({ actor: "cm1abc", action: "data-product.created", targetType: "data-product", target: "abc", from: "2026-02-28", q: "retention" });
    expect(ignoredFilters(raw, parsed)).toEqual(["to"]);
  });

  it.each([
    ["actor", "x y"],
    ["actor", "a".repeat(65)],
    ["action", "DROP TABLE;"],
    ["from", "2026-13-01"],
    ["from", "yesterday"],
    ["q", "\u0000"],
    ["q", "\u200b\u200b"],
    ["target", "a\nb"],
  ])("drops %s=%j", (key, value) => {
    const parsed = auditFilterSchema.parse({ [key]: value });
    expect(parsed).toEqual({});
    expect(ignoredFilters({ [key]: value }, parsed)).toEqual([key]);
  });

  it("takes the first of repeated values, and `system` as who", () => {
    expect(auditFilterSchema.parse({ actor: ["system", "cm1"], q: ["a", "b"] })).toEqual({ actor: "system", q: "a" });
  });

  it("round-trips through filterParams, page left out", () => {
    const search = auditSearchSchema.parse({ action: "team.created", from: "2026-01-01", page: "3" });
    expect(search.page).toBe(3);
    expect(filterParams(search).toString()).toBe("action=team.created&from=2026-01-01");
    expect(auditFilterSchema.parse(Object.fromEntries(filterParams(search)))).toEqual({ action: "team.created", from: "2026-01-01" });
  });

  it("exports CSV unless JSON Lines is asked for", () => {
    expect(auditExportFormat.parse(undefined)).toBe("csv");
    expect(auditExportFormat.parse("jsonl")).toBe("jsonl");
    expect(auditExportFormat.parse(["xml", "jsonl"])).toBe("csv");
  });
});
