import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps paths inside Meshport, with their query", () => {
    expect(safeReturnPath("/catalog?q=orders&domain=sales")).toBe("/catalog?q=orders&domain=sales");
    expect(safeReturnPath("/products/orders")).toBe("/products/orders");
  });
  it("refuses anything that could leave the site", () => {
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "evil", "", null, undefined, 42]) {
      expect(safeReturnPath(bad)).toBeNull();
    }
  });
});
