// Helpers for showing policy verdicts while the user types: the form's raw values turned into the
// facts lib/governance's pure checks take (the server parses the same values with zod).

/** "a, b c" as the tags field holds it → ["a", "b", "c"]. */
export function splitTags(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw.map(String) : String(raw ?? "").split(/[\s,]+/);
  return list.map((t) => t.trim().toLowerCase()).filter(Boolean);
}

/** A number field's raw value, or NaN when it is not a number yet (no verdict then; zod speaks). */
export function asNumber(raw: unknown): number {
  return raw === "" || raw === null || raw === undefined ? Number.NaN : Number(raw);
}
