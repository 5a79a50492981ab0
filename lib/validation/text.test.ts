import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileText, invisibleText, unfitText } from "@/tests/support/hostile-input";
import { multiLine, recordId, singleLine, TEXT_MESSAGES } from "./text";
import { calendarDate } from "./date";
import { tagList } from "./tags";
import { NUMBER_MESSAGE, pageParam, wholeNumber } from "./number";
import { dateString, hostileNumber } from "@/tests/support/hostile-input";

const line = singleLine().max(200);
const prose = multiLine().max(2000);

describe("text primitives", () => {
  it("accept only text fit to store and show, NFC-normalised and trimmed (generated)", () => {
    fc.assert(
      fc.property(hostileText(), (s) => {
        for (const [schema, kind] of [[line, "line"], [prose, "prose"]] as const) {
          const r = schema.safeParse(s);
          if (r.success) expect(unfitText(r.data, kind), JSON.stringify(r.data)).toBeNull();
          else expect(Object.values(TEXT_MESSAGES)).toContain(r.error.issues[0]?.message);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it("accept ordinary text of any language unchanged but for NFC and trimming", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", minLength: 1, maxLength: 30 }), (s) => {
        const expected = s.normalize("NFC").trim();
        fc.pre(unfitText(expected, "line") === null);
        expect(line.parse(s)).toBe(expected);
      }),
    );
  });
  it("refuse text made only of invisible characters, with a message that says so", () => {
    fc.assert(
      fc.property(invisibleText, (s) => {
        const r = prose.min(1).safeParse(s);
        expect(r.success).toBe(false);
      }),
    );
    expect(line.safeParse("\u200b\u200b\u202e").error?.issues[0]?.message).toBe(TEXT_MESSAGES.bidi);
    expect(prose.safeParse("\u200b\u200b").error?.issues[0]?.message).toBe(TEXT_MESSAGES.invisible);
  });
  it("name the problem: NUL, a lone surrogate, a control character", () => {
    expect(line.safeParse("a\u0000b").error?.issues[0]?.message).toBe(TEXT_MESSAGES.control);
    expect(prose.safeParse("a\ud800b").error?.issues[0]?.message).toBe(TEXT_MESSAGES.surrogate);
    expect(prose.safeParse("two\nlines\tand a tab").data).toBe("two\nlines\tand a tab");
    expect(line.safeParse("two\nlines").success).toBe(false);
    expect(prose.safeParse("bell\u0007").error?.issues[0]?.message).toBe(TEXT_MESSAGES.controlInProse);
  });
  it("ids are short plain ASCII", () => {
    fc.assert(
      fc.property(hostileText(80), (s) => {
        const r = recordId().safeParse(s);
        if (r.success) expect(r.data).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      }),
    );
    expect(recordId().safeParse("cmiabc123def456ghi789jkl0").success).toBe(true);
  });
});

describe("numbers", () => {
  const n = wholeNumber({ min: [1, "low"], max: [100, "high"] });
  it("accept JSON numbers and plain decimal digits only (generated)", () => {
    fc.assert(
      fc.property(hostileNumber, (v) => {
        const r = n.safeParse(v);
        const plain = (typeof v === "number" && Number.isInteger(v)) || (typeof v === "string" && /^-?[0-9]{1,16}$/.test(v.trim()));
        if (r.success) {
          expect(plain).toBe(true);
          expect(Number.isInteger(r.data) && r.data >= 1 && r.data <= 100).toBe(true);
        } else expect(r.error.issues[0]?.message).toBeTruthy();
      }),
      { numRuns: 1000 },
    );
  });
  it("refuse true, [1], 0x10 and 1e3 with one message", () => {
    for (const v of [true, [1], "0x10", "1e3", "", " 1_0", {}]) expect(n.safeParse(v).error?.issues[0]?.message).toBe(NUMBER_MESSAGE);
    expect(n.parse(" 42 ")).toBe(42);
  });
  it("a page parameter never fails and stays within its bounds", () => {
    const page = pageParam(500);
    fc.assert(
      fc.property(fc.oneof(hostileNumber, fc.array(fc.string())), (v) => {
        const p = page.parse(v);
        expect(Number.isInteger(p) && p >= 1 && p <= 500).toBe(true);
      }),
    );
    expect(page.parse(["7", "9"])).toBe(7);
    expect(page.parse("1".repeat(400))).toBe(500);
  });
});

describe("dates", () => {
  it("accept a day exactly when it exists (generated, against an independent calendar)", () => {
    const date = calendarDate();
    fc.assert(
      fc.property(dateString, ({ text, exists }) => {
        expect(date.safeParse(text).success, text).toBe(exists);
      }),
      { numRuns: 2000 },
    );
    expect(date.safeParse("2027-02-30").success).toBe(false);
    expect(date.safeParse("2028-02-29").success).toBe(true);
  });
});

describe("tags", () => {
  it("name the bad tag at the field, for any input (generated)", () => {
    const tags = tagList(10);
    fc.assert(
      fc.property(fc.oneof(hostileText(), fc.array(hostileText(12), { maxLength: 12 })), (v) => {
        const r = tags.safeParse(v);
        if (r.success) for (const t of r.data) expect(t).toMatch(/^[a-z0-9][a-z0-9-]{0,30}$/);
        else expect(r.error.issues[0]?.path).toEqual([]);
      }),
      { numRuns: 1000 },
    );
    expect(tags.safeParse("ok, BAD!").error?.issues[0]?.message).toMatch(/^“bad!” is not a tag/);
  });
});
