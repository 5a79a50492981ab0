import { describe, expect, it } from "vitest";
import { productContractSchema, retentionProblem, shortestRetentionHours, supportChannelProblem } from "./contract-model";

const base = { productId: "p1", availabilityPercent: "", retentionObjectiveHours: "", termsOfUse: "", supportChannel: "" };
const errorAt = (input: Record<string, unknown>) => {
  const r = productContractSchema.safeParse({ ...base, ...input });
  return r.success ? null : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("the product contract's input", () => {
  it("empty fields mean no objective, no terms, the team as support", () => {
    expect(productContractSchema.parse(base)).toEqual({ productId: "p1", availabilityPercent: null, retentionObjectiveHours: null, termsOfUse: "", supportChannel: null });
  });

  it.each([
    ["99.9", 99.9],
    ["100", 100],
    [" 99.95 ", 99.95],
    [99.999, 99.999],
  ])("availability %j is %d percent", (typed, value) => {
    expect(productContractSchema.parse({ ...base, availabilityPercent: typed }).availabilityPercent).toBe(value);
  });

  it.each(["0", "100.1", "1e2", "99,9", "-5", "abc", "99.9999", true])("availability %j is refused at its field", (typed) => {
    expect(errorAt({ availabilityPercent: typed })).toEqual({ availabilityPercent: "Enter a percentage such as 99.9 (up to 3 decimals)." });
  });

  it.each([
    ["help@example.com", "help@example.com"],
    ["mailto:help@example.com", "help@example.com"],
    ["https://support.example.com/orders", "https://support.example.com/orders"],
  ])("support channel %j is kept as %j", (typed, kept) => {
    expect(productContractSchema.parse({ ...base, supportChannel: typed }).supportChannel).toBe(kept);
    expect(supportChannelProblem(kept)).toBeNull();
  });

  it.each(["javascript:alert(1)", "ftp://example.com", "help@", "https://localhost", "just words"])("support channel %j is refused at its field", (typed) => {
    expect(errorAt({ supportChannel: typed })?.supportChannel).toBe("Enter an https:// link or an e-mail address.");
  });

  it("terms of use follow the text rules (no NUL)", () => {
    expect(errorAt({ termsOfUse: "ok\u0000" })?.termsOfUse).toBeTruthy();
  });
});

describe("retention objective", () => {
  it("is bounded by the shortest retention of the ports", () => {
    const shortest = shortestRetentionHours([{ retentionMs: 48n * 3_600_000n }, { retentionMs: 72n * 3_600_000n }]);
    expect(shortest).toBe(48);
    expect(retentionProblem(48, shortest)).toBeNull();
    expect(retentionProblem(49, shortest)).toMatch(/keep data 48 hours/);
    expect(retentionProblem(null, shortest)).toBeNull();
    expect(shortestRetentionHours([])).toBeNull();
  });
});
