import { describe, expect, it } from "vitest";
import { safeRedirectUrl, safeReturnPath } from "./return-path";

// Known open-redirect spellings (OWASP, PortSwigger's URL validation bypass cheat sheet): each is
// read by some browser or server as another site, or is no plain path.
const BYPASSES = [
  "https://evil.example/",
  "http:evil.example",
  "https:evil.example",
  "//evil.example",
  "///evil.example",
  "////evil.example/",
  "/\\evil.example",
  "\\/\\/evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/\t/evil.example",
  "\t//evil.example",
  "/\r\n/evil.example",
  "/\n/evil.example",
  "/\u0000/evil.example",
  "/catalog\u0000",
  "/\u007f/evil.example",
  "/\u0085/evil.example",
  "/%09/evil.example",
  "/%2F%2Fevil.example",
  "/%2f%5cevil.example",
  "/%5Cevil.example",
  "%2F%2Fevil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "//meshport@evil.example",
  "https://meshport.invalid@evil.example",
  "//evil.example%2F@meshport.invalid",
  "/\uFF0F/evil.example",
  "\uFF0F\uFF0Fevil.example",
  "/\u2215\u2215evil.example",
  "//\u3002evil.example",
  "evil.example",
  "catalog",
  "?next=//evil.example",
  "#//evil.example",
  "/%E0%A4%A",
  "",
  " ",
];

describe("safeReturnPath", () => {
  it("keeps paths inside Meshport, with their query and fragment", () => {
    expect(safeReturnPath("/catalog?q=orders&domain=sales")).toBe("/catalog?q=orders&domain=sales");
    expect(safeReturnPath("/products/orders")).toBe("/products/orders");
    expect(safeReturnPath("/access/abc#comments")).toBe("/access/abc#comments");
    expect(safeReturnPath("/catalog?q=%2F%2Fevil")).toBe("/catalog?q=%2F%2Fevil");
  });

  it("normalises what the browser would normalise", () => {
    expect(safeReturnPath("/admin/../catalog")).toBe("/catalog");
    expect(safeReturnPath("/catalog?q=a b")).toBe("/catalog?q=a%20b");
  });

  it.each(BYPASSES.map((b) => [JSON.stringify(b), b]))("refuses %s", (_label, bad) => {
    expect(safeReturnPath(bad)).toBeNull();
  });

  it("refuses what is not a string, and very long values", () => {
    for (const bad of [null, undefined, 42, ["/catalog"], { toString: () => "/catalog" }]) expect(safeReturnPath(bad)).toBeNull();
    expect(safeReturnPath(`/${"a".repeat(5000)}`)).toBeNull();
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "http://localhost:3000";
  it("keeps paths and URLs of the own origin", () => {
    expect(safeRedirectUrl("/products/orders?tab=schema", base)).toBe(`${base}/products/orders?tab=schema`);
    expect(safeRedirectUrl(`${base}/access`, base)).toBe(`${base}/access`);
  });
  it.each([...BYPASSES, "http://localhost:3001/catalog", "https://localhost:3000/catalog", "http://user:pw@localhost:3000/catalog", "http://localhost:3000//evil.example"].map((b) => [JSON.stringify(b), b]))(
    "sends %s to the catalog",
    (_label, bad) => {
      expect(safeRedirectUrl(bad, base)).toBe(`${base}/catalog`);
    },
  );
});
