import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify } from "yaml";
import { z } from "zod";
import { textProblem } from "@/lib/validation";
import { MAX_SIGN_IN_RULES, ruleKey, signInRuleSchema, type SignInRule } from "./rules";

// The sign-in rules as a YAML file (docs/decisions/0061), like the policies (0053): the file is the
// whole set, checked by the same schema as the admin form, every problem at its line and column.
// Pure: the admin page, the export route and the CLI share it.

export const MAX_RULES_YAML_CHARS = 100_000;

export type YamlProblem = { line: number; column: number; message: string };
/** `lines[i]` is where rule i starts, to report a problem found later (an unknown team) at its place. */
export type ParsedRulesYaml = { ok: true; rules: SignInRule[]; lines: number[] } | { ok: false; problems: YamlProblem[] };

export function rulesToYaml(rules: readonly SignInRule[], claimName: string): string {
  const intro = [
    "# Meshport sign-in rules: users whose identity provider groups (claim " + JSON.stringify(claimName) + ") include `group`",
    "# get `role`, on `team` (its slug) for member and maintainer. Roles: member, maintainer, platform-admin, data-protection.",
    "# Applied at each sign-in; memberships granted by hand in Meshport are never changed. The file is the whole set.",
  ];
  const body = stringify({ rules: rules.map((r) => (r.team ? { group: r.group, role: r.role, team: r.team } : { group: r.group, role: r.role })) });
  return `${intro.join("\n")}\n${body}`;
}

export function parseRulesYaml(text: string): ParsedRulesYaml {
  if (text.length > MAX_RULES_YAML_CHARS) return fail([{ line: 1, column: 1, message: `The file is too long: at most ${MAX_RULES_YAML_CHARS} characters.` }]);
  const unstorable = textProblem(text, "prose");
  if (unstorable && /\S/.test(text)) return fail([{ line: 1, column: 1, message: unstorable }]);

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return fail(doc.errors.map((e) => ({ ...at(e.pos[0]), message: e.message.replace(/ at line \d+, column \d+:?\s*$/s, "").trim() })));
  }
  const root = doc.contents;
  const list = isMap(root) ? root.get("rules", true) : undefined;
  if (!isMap(root) || !(isSeq(list) || (isScalar(list) && list.value === null))) {
    return fail([{ ...at(root?.range?.[0] ?? 0), message: "The file must hold `rules:`, a list of rules, as the export writes it." }]);
  }
  const unknownKeys = root.items.filter((pair) => String((pair.key as { value?: unknown })?.value) !== "rules");
  if (unknownKeys.length > 0) {
    return fail(unknownKeys.map((pair) => ({ ...at((pair.key as { range?: number[] })?.range?.[0] ?? 0), message: "Only `rules:` belongs at the top of the file." })));
  }

  let values: unknown;
  try {
    values = doc.toJS({ maxAliasCount: 10 });
  } catch {
    return fail([{ line: 1, column: 1, message: "The file uses too many aliases (*name): write the values out." }]);
  }
  const raw = (values as { rules?: unknown }).rules ?? [];
  const parsed = z.array(signInRuleSchema).max(MAX_SIGN_IN_RULES, `At most ${MAX_SIGN_IN_RULES} rules.`).safeParse(raw);
  // Where the node a problem is about starts; for a missing key, the rule that lacks it.
  const startOf = (path: (string | number)[]): number => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(["rules", ...path.slice(0, n)], true) as { range?: number[] } | undefined;
      if (node?.range?.[0] !== undefined) return node.range[0];
    }
    return 0;
  };
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p === "string" || typeof p === "number");
        const where = path.length > 0 ? `rule ${Number(path[0]) + 1}${path[1] ? ` ${String(path[1])}` : ""}: ` : "";
        return { ...at(startOf(path)), message: `${where}${issue.message}` };
      }),
    );
  }
  // The same rule twice says nothing more: the first stays, with the line it came from.
  const seen = new Set<string>();
  const kept: { rule: SignInRule; line: number }[] = [];
  parsed.data.forEach((rule, i) => {
    if (seen.has(ruleKey(rule))) return;
    seen.add(ruleKey(rule));
    kept.push({ rule, line: at(startOf([i])).line });
  });
  return { ok: true, rules: kept.map((k) => k.rule), lines: kept.map((k) => k.line) };
}

function fail(problems: YamlProblem[]): ParsedRulesYaml {
  return { ok: false, problems: [...problems].sort((a, b) => a.line - b.line || a.column - b.column) };
}
