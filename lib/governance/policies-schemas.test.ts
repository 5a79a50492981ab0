import { describe, expect, it } from "vitest";
import { applyPoliciesSchema, policyCompareSchema } from "./policies-schemas";

describe("policyCompareSchema (the policies page's ?from=&to=)", () => {
  it.each<[Record<string, unknown>, { from?: number; to?: number }]>([
    [{ from: "2", to: "5" }, { from: 2, to: 5 }],
    [{ from: ["3", "4"], to: "1" }, { from: 3, to: 1 }],
    [{ from: "x", to: "-1" }, { from: undefined, to: undefined }],
    [{ from: "1e3", to: "9999999999" }, { from: undefined, to: undefined }],
    [{}, { from: undefined, to: undefined }],
  ])("%j → %j", (raw, expected) => {
    expect(policyCompareSchema.parse(raw)).toEqual(expected);
  });
});

describe("applyPoliciesSchema", () => {
  it.each<[Record<string, unknown>, boolean]>([
    [{ yaml: "maxPartitions: 4\n", baseVersion: 3 }, true],
    [{ yaml: "  indented: text kept as typed\n", baseVersion: "0" }, true],
    [{ yaml: "", baseVersion: 3 }, false],
    [{ yaml: "x".repeat(64_001), baseVersion: 3 }, false],
    [{ yaml: "maxPartitions: 4\n", baseVersion: -1 }, false],
    [{ yaml: "maxPartitions: 4\n", baseVersion: "1.5" }, false],
  ])("%#", (raw, ok) => {
    const parsed = applyPoliciesSchema.safeParse(raw);
    expect(parsed.success).toBe(ok);
    if (parsed.success) expect(parsed.data.yaml).toBe(raw.yaml);
  });
});
