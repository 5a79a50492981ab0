import { describe, expect, it } from "vitest";
import { parseCatalogSearch } from "./search-params";
import { EXACT_UP_TO, queryWords, searchSql, spellingSql, toPrefixTsquery, type SearchScope } from "./search-sql";

const analyst: SearchScope = { isPlatformAdmin: false, teamIds: ["team-a"] };
const sql = (params: Record<string, string | string[]>, broad = false) => {
  const s = parseCatalogSearch(params);
  return searchSql(analyst, s, { tsquery: toPrefixTsquery(s.q), broad });
};
/** How many sets the statement reads in sampleKey order (each stops after EXACT_UP_TO + 1 rows). */
const sampledSets = (text: string) => text.split(`ORDER BY p."sampleKey" LIMIT`).length - 1;

describe("query words", () => {
  it("keeps letters and digits only, so any input is a valid tsquery", () => {
    expect(toPrefixTsquery("orders & !payments | (refunds)")).toBe("orders:* & payments:* & refunds:*");
    expect(toPrefixTsquery("Straße 2024")).toBe("straße:* & 2024:*");
    expect(toPrefixTsquery("  ':*<->  ")).toBe("");
  });

  it("searches at most eight words", () => {
    expect(queryWords("a b c d e f g h i j")).toHaveLength(8);
  });
});

describe("search statement", () => {
  it("binds every user value instead of splicing it into the SQL", () => {
    const evil = "x'); DROP TABLE \"DataProduct\"; --";
    const statement = sql({ q: evil, tag: "pii" });
    expect(statement.text).not.toContain("DROP TABLE");
    expect(statement.values).toContain(toPrefixTsquery(evil));
    expect(spellingSql(analyst, parseCatalogSearch({ q: evil })).text).not.toContain("DROP TABLE");
  });

  it("reads one bounded set for the results and one per facet with a ticked value", () => {
    expect(sampledSets(sql({}).text)).toBe(1);
    expect(sampledSets(sql({ q: "orders", tag: "pii", classification: "RESTRICTED" }).text)).toBe(3);
    expect(sampledSets(sql({ domain: ["sales", "finance"], access: "mine" }).text)).toBe(3);
    expect(sql({}).values).toContain(EXACT_UP_TO + 1);
  });

  it("skips the facet sets when the caller asks for no facets (the quick-jump palette)", () => {
    expect(sampledSets(sql({ q: "orders", tag: "pii", facets: "0" }).text)).toBe(1);
  });

  it("keeps common words away from the full-text index and uses it for rare ones", () => {
    expect(sql({ q: "orders" }, true).text).toContain(`coalesce(p."searchVector" @@`);
    expect(sql({ q: "kestrel" }, false).text).not.toContain(`coalesce(p."searchVector" @@`);
  });

  it("ranks a sampled set with the names that start with the query, the query escaped for LIKE", () => {
    const statement = sql({ q: "50%_off" });
    expect(statement.text).toContain(`lower(p."name") COLLATE "C" LIKE`);
    expect(statement.values).toContain("50\\%\\_off%");
    // Other sorts read their own index; they rank nothing.
    expect(sql({ q: "50%_off", sort: "name" }).text).not.toContain("candidates");
  });

  it("applies visibility to every set, and not at all for platform admins", () => {
    const statement = sql({ q: "orders", tag: "pii" });
    const visibility = `p."lifecycle" <> 'DRAFT' OR p."ownerTeamId" = ANY(`;
    expect(statement.text.split(visibility).length - 1).toBeGreaterThanOrEqual(sampledSets(statement.text));
    const admin = searchSql({ isPlatformAdmin: true, teamIds: [] }, parseCatalogSearch({ q: "orders" }), { tsquery: "orders:*", broad: false });
    expect(admin.text).not.toContain(visibility);
  });
});
