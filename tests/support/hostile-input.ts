import fc from "fast-check";

// Generated input as a tester or a careless client would send it (issue 11): text with NUL,
// other control characters, lone surrogates, invisible and text-direction characters, odd
// normalisation; numbers as JSON would carry them; dates that do not exist.

/** Characters that break storage or display, each on its own (fast-check mixes them into text). */
export const NASTY_CHARS = [
  "\u0000", "\u0001", "\u0007", "\u0008", "\u001b", "\u007f", "\u0085", "\u009b", "\t", "\n", "\r", "\u000b", "\u000c",
  "\ud800", "\udbff", "\udc00", "\udfff", // lone surrogate halves
  "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u3164", "\u2800", // invisible
  "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", // direction
  "\u00a0", "\u2028", "\u2029", "\u3000", " ",
  "e\u0301", "\u212b", // not NFC
  "'", '"', "\\", "%", "_", "%00", "%FF", "<script>", "😀", "\u{1F3F3}\u{FE0F}\u200d\u{1F308}",
] as const;

const nasty = fc.constantFrom(...NASTY_CHARS);
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Text mixing ordinary words with the characters above and with any UTF-16 code unit. */
export const hostileText = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 3, arbitrary: nasty }, { weight: 1, arbitrary: anyCodeUnit }), {
      maxLength,
    })
    .map((parts) => parts.join(""));

/** Only invisible characters and spaces: must never be stored as a name, purpose or reason. */
export const invisibleText = fc
  .array(fc.constantFrom("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u3164", "\u2800", "\u00a0", " ", "\u3000", "\u00ad"), { minLength: 1, maxLength: 20 })
  .map((p) => p.join(""));

/** What a JSON body or a form may carry in place of a number. */
export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(true, false, null, [1], [], {}, "0x10", "1e3", "1_0", "", " ", "+5", "Infinity", "NaN", "١٢", "1.5", "-0", "00", "9".repeat(40)),
  fc.double(),
  fc.integer(),
  fc.bigInt().map(String),
  fc.string({ maxLength: 6 }),
);

/** YYYY-MM-DD strings, existing or not, with an oracle that does not use the code under test. */
export const dateString = fc
  .record({ y: fc.integer({ min: 1970, max: 2200 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }) })
  .map(({ y, m, d }) => ({ text: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, exists: dayExists(y, m, d) }));

function dayExists(y: number, m: number, d: number): boolean {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= lengths[m - 1]!;
}

/** Any JSON-ish value, for fields that expect something else entirely. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(hostileText(), hostileNumber, fc.jsonValue({ maxDepth: 2 }));

/**
 * The reasons a stored or accepted string is not fit to keep: the same rules as lib/validation,
 * written again here on purpose (an oracle must not be the code it checks).
 */
export function unfitText(s: string, kind: "line" | "prose" | "json" = "prose"): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return "lone high surrogate";
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return "lone low surrogate";
    const allowed = kind !== "line" && (c === 9 || c === 10 || c === 13);
    if ((c < 0x20 || (c >= 0x7f && c <= 0x9f)) && !allowed) return `control U+${c.toString(16)}`;
    if (kind === "line" && (c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))) return `U+${c.toString(16)} in one line`;
  }
  if (kind === "json") return null;
  if (s !== s.trim()) return "not trimmed";
  if (s !== s.normalize("NFC")) return "not NFC";
  if (s.length > 0 && /^[\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\uffa0\u2800\u202a-\u202e\u2066-\u2069\ufe00-\ufe0f]*$/u.test(s)) return "only invisible";
  return null;
}

/** Counts kept by a generated-input suite and printed at its end, for the figures. */
export class Tally {
  readonly counts = new Map<string, number>();
  constructor(
    readonly suite: string,
    zeroes: string[] = [],
  ) {
    for (const z of zeroes) this.counts.set(z, 0);
  }
  add(what: string, n = 1) {
    this.counts.set(what, (this.counts.get(what) ?? 0) + n);
  }
  get(what: string) {
    return this.counts.get(what) ?? 0;
  }
  print() {
    const figures = [...this.counts].map(([k, v]) => `${k}=${v}`).join(" ");
    console.log(`[generated-input] ${this.suite}: ${figures}`);
  }
}
