import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWellFormedPath } from "./malformed-path";

describe("isWellFormedPath", () => {
  it("refuses paths that do not percent-decode", () => {
    for (const p of ["/products/%FF", "/access/%E0%A4%A", "/%", "/products/%ED%A0%80", "/a/%zz"]) expect(isWellFormedPath(p)).toBe(false);
  });
  it("accepts every path made by encoding text", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" }), { maxLength: 4 }), (segments) => {
        expect(isWellFormedPath(`/${segments.map(encodeURIComponent).join("/")}`)).toBe(true);
      }),
    );
  });
});
