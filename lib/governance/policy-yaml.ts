import { isMap, isScalar, LineCounter, parseDocument, stringify, type Document } from "yaml";
import { textProblem } from "@/lib/validation";
import { policiesSchema, type Policies } from "./policies";
import { POLICY_KEYS, POLICY_LABELS, type PolicyKey } from "./policy-diff";

// The policies as a YAML file a platform team reviews and applies (docs/decisions/0053): one key per
// policy, every key required (a file is the whole set, so a forgotten key never resets a policy to its
// default), unknown keys refused. Values are checked by the admin form's own schema, and every
// problem is reported at its line and column in the file. Pure: the page, the server and the CLI share it.

/** Larger than any real set (about 1 KB), small enough that parsing it costs nothing. */
export const MAX_POLICIES_YAML_CHARS = 64_000;

export type YamlProblem = { line: number; column: number; message: string };
export type ParsedPoliciesYaml = { ok: true; policies: Policies } | { ok: false; problems: YamlProblem[] };

export type YamlHeader = { version: number; at: Date; by: string } | null;

/** The set as the file an admin downloads: a comment names the version, each key is preceded by its label. */
export function policiesToYaml(policies: Policies, header: YamlHeader): string {
  const intro = [
    "# Meshport governance policies" +
      (header ? `, version ${header.version} (${header.at.toISOString().slice(0, 16).replace("T", " ")} UTC, ${header.by}).` : " (code defaults)."),
    "# Every key is required. Review the change, then: npm run policies -- plan FILE, and npm run policies -- apply FILE.",
  ];
  const body = POLICY_KEYS.map((key) => `# ${POLICY_LABELS[key]}\n${stringify({ [key]: policies[key] })}`);
  return `${intro.join("\n")}\n\n${body.join("\n")}`;
}

/** Parses and checks a policies file; every problem comes with its 1-based line and column. */
export function parsePoliciesYaml(text: string): ParsedPoliciesYaml {
  if (text.length > MAX_POLICIES_YAML_CHARS) {
    return fail([{ line: 1, column: 1, message: `The file is too long: at most ${MAX_POLICIES_YAML_CHARS} characters.` }]);
  }
  const unstorable = unstorableText(text);
  if (unstorable) return fail([unstorable]);

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return fail(doc.errors.map((e) => ({ ...at(e.pos[0]), message: e.message.replace(/ at line \d+, column \d+:?\s*$/s, "").trim() })));
  }
  if (!isMap(doc.contents)) {
    const offset = doc.contents?.range?.[0] ?? 0;
    return fail([{ ...at(offset), message: "The file must be a map of policy names to values, as the export writes it." }]);
  }

  const problems: YamlProblem[] = [];
  const seen = new Set<string>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : null;
    const offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? doc.contents.range?.[0] ?? 0;
    if (key === null || !(POLICY_KEYS as readonly string[]).includes(key)) {
      problems.push({ ...at(offset), message: `Unknown policy ${key === null ? "key" : `"${key}"`}. The policies are: ${POLICY_KEYS.join(", ")}.` });
    } else seen.add(key);
  }
  const end = at(doc.contents.range?.[1] ?? text.length);
  for (const key of POLICY_KEYS.filter((k) => !seen.has(k))) {
    problems.push({ ...end, message: `"${key}" is missing: a file holds every policy (start from the export).` });
  }
  if (problems.length > 0) return fail(problems);

  let values: unknown;
  try {
    // Aliases are of no use in this file; a low limit stops "billion laughs" expansion.
    values = doc.toJS({ maxAliasCount: 10 });
  } catch {
    return fail([{ line: 1, column: 1, message: "The file uses too many aliases (*name): write the values out." }]);
  }
  const parsed = policiesSchema.safeParse(values);
  if (parsed.success) return { ok: true, policies: parsed.data };
  return fail(
    parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "") as PolicyKey;
      return { ...at(valueOffset(doc, key)), message: `${key}: ${issue.message}` };
    }),
  );
}

/** Where a key's value starts (the value an issue is about), else the start of the file. */
function valueOffset(doc: Document, key: string): number {
  const node = doc.getIn([key], true) as { range?: [number, number, number] } | undefined;
  return node?.range?.[0] ?? 0;
}

/** Characters PostgreSQL cannot store or that hide in the text (NUL, control characters, broken surrogates), at their position. */
function unstorableText(text: string): YamlProblem | null {
  const problem = textProblem(text, "prose");
  if (!problem || !/\S/.test(text)) return null;
  const lines = text.split("\n");
  for (const [i, line] of lines.entries()) {
    const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Surrogate}/u.exec(line);
    if (bad) return { line: i + 1, column: bad.index + 1, message: problem };
  }
  return null;
}

function fail(problems: YamlProblem[]): ParsedPoliciesYaml {
  return { ok: false, problems: [...problems].sort((a, b) => a.line - b.line || a.column - b.column) };
}
