import { describe, expect, it } from "vitest";
import { foldCondition, matches, type Condition } from "./conditions";

type Leaf = { is: number };
const leafMatches = (leaf: Leaf, n: number) => leaf.is === n;

describe("conditions", () => {
  it("reads anyOf, allOf, constants and leaves in memory", () => {
    const c: Condition<Leaf> = { anyOf: [{ leaf: { is: 1 } }, { allOf: [true, { leaf: { is: 2 } }] }] };
    expect([0, 1, 2, 3].map((n) => matches(c, n, leafMatches))).toEqual([false, true, true, false]);
    expect(matches(false, 1, leafMatches)).toBe(false);
    expect(matches({ allOf: [] }, 1, leafMatches)).toBe(true);
    expect(matches({ anyOf: [] }, 1, leafMatches)).toBe(false);
  });

  it("folds a condition into another language", () => {
    const text = foldCondition<Leaf, string>({ anyOf: [{ leaf: { is: 1 } }, { allOf: [true, { leaf: { is: 2 } }] }] }, {
      constant: (v) => String(v).toUpperCase(),
      anyOf: (p) => `(${p.join(" OR ")})`,
      allOf: (p) => `(${p.join(" AND ")})`,
      leaf: (l) => `n = ${l.is}`,
    });
    expect(text).toBe("(n = 1 OR (TRUE AND n = 2))");
  });
});
