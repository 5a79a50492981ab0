import { describe, expect, it } from "vitest";
import { parseCatalogSearch } from "./search-params";
import { EXACT_UP_TO, LARGE_SAMPLE, facetSetSql, prepareSql, queryWords, searchSql, tickedFacets, toPrefixTsquery, type FacetKind, type Prepared, type SearchScope } from "./search-sql";

const analyst: SearchScope = { isPlatformAdmin: false, teamIds: ["team-a"] };
const prepared = (q: string, broad = false): Prepared => ({ tsquery: toPrefixTsquery(q), broad, domainIds: ["d1"], ownerTeamIds: ["t1"] });
const sql = (params: Record<string, string | string[]>, broad = false) => {
  const s = parseCatalogSearch(params);
  return searchSql(analyst, s, prepared(s.q, broad));
};
/** Every statement step 2 runs: the results, then one per ticked facet. */
const statements = (params: Record<string, string | string[]>) => {
  const s = parseCatalogSearch(params);
  return [searchSql(analyst, s, prepared(s.q)), ...tickedFacets(s).map((g: FacetKind) => facetSetSql(analyst, s, prepared(s.q), g))];
};
/** How many sets the statement samples in sampleKey order (each stops after EXACT_UP_TO + 1 rows), from the table or from a set read whole. */
const sampledSets = (text: string) => text.match(/ORDER BY (p\."sampleKey"|k) LIMIT/g)?.length ?? 0;

describe("query words", () => {
  it("keeps letters and digits only, so any input is a valid tsquery", () => {
    expect(toPrefixTsquery("orders & !payments | (refunds)")).toBe("orders & payments & refunds:*");
    expect(toPrefixTsquery("Straße 2024")).toBe("straße & 2024:*");
    expect(toPrefixTsquery("inv")).toBe("inv:*");
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
    expect(prepareSql(parseCatalogSearch({ q: evil, domain: evil })).text).not.toContain("DROP TABLE");
    for (const st of statements({ q: evil, tag: evil, domain: evil })) expect(st.text).not.toContain("DROP TABLE");
  });

  it("reads one bounded set for the results and one per facet with a ticked value, each in a statement of its own", () => {
    const sets = (params: Record<string, string | string[]>) => statements(params).map((st) => sampledSets(st.text));
    expect(sets({})).toEqual([1]);
    expect(sets({ q: "orders", tag: "pii", classification: "RESTRICTED" })).toEqual([1, 1, 1]);
    expect(sets({ domain: ["sales", "finance"], access: "mine" })).toEqual([1, 1, 1]);
    // With "I have access" ticked, the results are read whole once, then sampled and paged from there.
    const [results] = statements({ access: "mine" });
    expect(results!.text).toContain("r_all AS MATERIALIZED");
    expect(results!.text).toContain("FROM r_all r");
    expect(sql({}).values).toContain(EXACT_UP_TO + 1);
    // Each set looks at its first LARGE_SAMPLE + 1 rows first, and stops there for a large set.
    for (const st of statements({ q: "orders", tag: "pii" })) {
      expect(st.text).toMatch(/\b[rf]_head AS \(/);
      expect(st.values).toContain(LARGE_SAMPLE + 1);
    }
  });

  it("filters domains and teams by the ids step 1 found, not by a join", () => {
    const [results] = statements({ domain: "sales", team: "crew" });
    expect(results!.text).toContain(`p."domainId" = ANY(`);
    expect(results!.values).toContainEqual(["d1"]);
    expect(results!.values).toContainEqual(["t1"]);
  });

  it("skips the facet sets when the caller asks for no facets (the quick-jump palette)", () => {
    expect(tickedFacets(parseCatalogSearch({ q: "orders", tag: "pii", facets: "0" }))).toEqual([]);
    expect(sql({ q: "orders", tag: "pii", facets: "0" }).text).not.toContain("json_build_object('facet'");
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
    const visibility = `p."lifecycle" <> 'DRAFT' OR p."ownerTeamId" = ANY(`;
    for (const st of statements({ q: "orders", tag: "pii" })) expect(st.text.split(visibility).length - 1).toBeGreaterThanOrEqual(sampledSets(st.text));
    const admin = searchSql({ isPlatformAdmin: true, teamIds: [] }, parseCatalogSearch({ q: "orders" }), prepared("orders"));
    expect(admin.text).not.toContain(visibility);
  });
});
