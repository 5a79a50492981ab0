import { describe, expect, it } from "vitest";
import { productVisibleTo } from "@/lib/auth/visibility";
import { conditionWhere, visibleProductsSql } from "./visibility";

// The search was tuned on this exact SQL (decisions 0015-0026): generating it from the rule must not change it.
describe("the product visibility rule read as SQL and as a Prisma filter", () => {
  it("gives the search the fragment it was tuned with, team ids as one bind parameter", () => {
    const sql = visibleProductsSql({ isPlatformAdmin: false, teamIds: ["t1", "t2"] });
    expect(sql.text).toBe(`(p."lifecycle" <> 'DRAFT' OR p."ownerTeamId" = ANY($1::text[]))`);
    expect(sql.values).toEqual([["t1", "t2"]]);
    expect(visibleProductsSql({ isPlatformAdmin: true, teamIds: ["t1"] }).text).toBe("TRUE");
  });

  it("gives Prisma the same condition", () => {
    expect(conditionWhere(productVisibleTo({ isPlatformAdmin: false, teamIds: ["t1"] }))).toEqual({ OR: [{ lifecycle: { not: "DRAFT" } }, { ownerTeamId: { in: ["t1"] } }] });
    expect(conditionWhere(productVisibleTo({ isPlatformAdmin: true, teamIds: [] }))).toEqual({});
  });
});
