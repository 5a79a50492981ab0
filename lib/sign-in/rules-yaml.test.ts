import { describe, expect, it } from "vitest";
import { parseRulesYaml, rulesToYaml } from "./rules-yaml";
import type { SignInRule } from "./rules";

const rules: SignInRule[] = [
  { group: "sales-engineers", role: "member", team: "sales" },
  { group: "platform", role: "platform-admin", team: null },
];

describe("sign-in rules YAML", () => {
  it("round-trips the export", () => {
    const parsed = parseRulesYaml(rulesToYaml(rules, "groups"));
    expect(parsed).toEqual({ ok: true, rules, lines: [5, 8] });
  });
  it("reads an empty set", () => {
    expect(parseRulesYaml("rules: []\n")).toMatchObject({ ok: true, rules: [] });
    expect(parseRulesYaml("rules:\n")).toMatchObject({ ok: true, rules: [] });
  });
  it("reports each problem at its line and column", () => {
    const text = "rules:\n  - group: a\n    role: member\n  - group: b\n    role: owner\n";
    const parsed = parseRulesYaml(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      { line: 2, column: 5, message: "rule 1 team: A member rule names its team (its slug)." },
      { line: 5, column: 11, message: expect.stringContaining("rule 2 role: The role is one of") },
    ]);
  });
  it("refuses a file that is not a rules list, unknown top-level keys and broken YAML", () => {
    expect(parseRulesYaml("- group: a\n").ok).toBe(false);
    expect(parseRulesYaml("rules: []\nclaim: groups\n")).toMatchObject({ ok: false, problems: [{ line: 2, column: 1 }] });
    expect(parseRulesYaml("rules: [\n").ok).toBe(false);
    expect(parseRulesYaml("rules:\n  - group: a\n    group: b\n").ok).toBe(false);
  });
  it("keeps the first of repeated rules with its line", () => {
    const text = "rules:\n  - { group: p, role: platform-admin }\n  - { group: p, role: platform-admin }\n  - { group: q, role: data-protection }\n";
    expect(parseRulesYaml(text)).toEqual({ ok: true, rules: [{ group: "p", role: "platform-admin", team: null }, { group: "q", role: "data-protection", team: null }], lines: [2, 4] });
  });
});
