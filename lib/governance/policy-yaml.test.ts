import { describe, expect, it } from "vitest";
import { defaultPolicies } from "./policies";
import { parsePoliciesYaml, policiesToYaml } from "./policy-yaml";

const exported = policiesToYaml(defaultPolicies, null);
/** The export with one line replaced: `key: value` → `key: replacement`. */
const edit = (key: string, value: string) => exported.replace(new RegExp(`^${key}:.*(\\n  - .*)*$`, "m"), `${key}: ${value}`);
/** The 1-based number of the first line that is `needle` exactly. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l === needle) + 1;

describe("policiesToYaml → parsePoliciesYaml", () => {
  it("round-trips the defaults and a set with tags", () => {
    expect(parsePoliciesYaml(exported)).toEqual({ ok: true, policies: defaultPolicies });
    const tagged = { ...defaultPolicies, requiredTagsAnyOf: ["gold", "silver"], maxPartitions: 12 };
    const text = policiesToYaml(tagged, { version: 7, at: new Date("2026-12-03T05:00:00Z"), by: "Ada Okafor" });
    expect(text).toMatch(/^# Meshport governance policies, version 7 \(2026-12-03 05:00 UTC, Ada Okafor\)\./);
    expect(text).toContain("requiredTagsAnyOf:\n  - gold\n  - silver");
    expect(parsePoliciesYaml(text)).toEqual({ ok: true, policies: tagged });
  });

  it.each<[string, string, Record<string, unknown>]>([
    ["a number", edit("maxPartitions", "12"), { maxPartitions: 12 }],
    ["digits in quotes", edit("maxPartitions", '"12"'), { maxPartitions: 12 }],
    ["tags as a flow list", edit("requiredTagsAnyOf", "[Gold, silver]"), { requiredTagsAnyOf: ["gold", "silver"] }],
    ["tags as one string", edit("requiredTagsAnyOf", "gold, silver"), { requiredTagsAnyOf: ["gold", "silver"] }],
    ["keys in another order", `maxAccessDays: 30\n${exported.replace(/^maxAccessDays:.*$/m, "")}`, { maxAccessDays: 30 }],
  ])("accepts %s", (_what, text, expected) => {
    const parsed = parsePoliciesYaml(text);
    expect(parsed.ok && parsed.policies).toMatchObject(expected);
  });
});

describe("parsePoliciesYaml refuses, at the line and column", () => {
  const at = (needle: string, text: string) => lineOf(text, needle);
  it.each<[string, string, { line: number | ((t: string) => number); column: number; message: RegExp }]>([
    ["a value over the ceiling", edit("maxPartitions", "20000"), { line: (t) => at("maxPartitions: 20000", t), column: 16, message: /^maxPartitions: At most 10000\.$/ }],
    ["a fraction", edit("maxReplicationFactor", "2.5"), { line: (t) => at("maxReplicationFactor: 2.5", t), column: 23, message: /^maxReplicationFactor: Use a whole number\.$/ }],
    ["min above max retention", edit("minRetentionHours", "5000"), { line: (t) => at("maxRetentionHours: 2160", t), column: 20, message: /^maxRetentionHours: The maximum retention must not be below the minimum\.$/ }],
    ["an unknown classification", edit("piiMinClassification", "SECRET"), { line: (t) => at("piiMinClassification: SECRET", t), column: 23, message: /^piiMinClassification: Choose a classification\.$/ }],
    ["a bad tag", edit("requiredTagsAnyOf", "[gold, 'not a tag!']"), { line: (t) => at("requiredTagsAnyOf: [gold, 'not a tag!']", t), column: 20, message: /is not a tag/ }],
    ["an unknown key", `${exported}maxPartition: 4\n`, { line: (t) => at("maxPartition: 4", t), column: 1, message: /^Unknown policy "maxPartition"\./ }],
    ["a duplicate key", `${exported}maxPartitions: 4\n`, { line: (t) => at("maxPartitions: 4", t), column: 1, message: /Map keys must be unique/ }],
    // The parser notices the unclosed list where the next key starts, and says so there.
    ["broken YAML", edit("requiredTagsAnyOf", "[gold, silver"), { line: (t) => at("minSchemaCompatibility: BACKWARD", t), column: 1, message: /Flow sequence .* end with a \]/ }],
    ["a list instead of a map", "- maxPartitions: 4\n", { line: 1, column: 1, message: /must be a map of policy names/ }],
    ["an empty file", "   \n", { line: 1, column: 1, message: /must be a map of policy names/ }],
    ["a NUL character", exported.replace("maxAccessDays: 365", "maxAccessDays: 3\u000065"), { line: (t) => at("maxAccessDays: 3\u000065", t), column: 17, message: /control characters/ }],
  ])("%s", (_what, text, expected) => {
    const parsed = parsePoliciesYaml(text);
    expect(parsed.ok).toBe(false);
    const first = !parsed.ok ? parsed.problems[0] : undefined;
    const line = typeof expected.line === "function" ? expected.line(text) : expected.line;
    expect(first).toMatchObject({ line, column: expected.column });
    expect(first?.message).toMatch(expected.message);
  });

  it("names every missing key, at the end of the file", () => {
    const text = exported.replace(/^maxAccessDays:.*$/m, "").replace(/^unusedGrantDays:.*$/m, "");
    const parsed = parsePoliciesYaml(text);
    expect(!parsed.ok && parsed.problems.map((p) => p.message)).toEqual([
      '"maxAccessDays" is missing: a file holds every policy (start from the export).',
      '"unusedGrantDays" is missing: a file holds every policy (start from the export).',
    ]);
  });

  it("refuses a file over the size limit and alias bombs", () => {
    expect(parsePoliciesYaml(`# ${"x".repeat(64_000)}`)).toMatchObject({ ok: false, problems: [{ line: 1, column: 1, message: /too long/ }] });
    const bomb = `a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n`;
    expect(parsePoliciesYaml(bomb)).toMatchObject({ ok: false });
  });
});
