import "server-only";
import { queryRows } from "@/lib/db";
import { teamIds, type SessionRef, type Viewer } from "@/lib/auth";
import { effectiveSort, MAX_PAGE, PAGE_SIZE, type CatalogSearch, type Sort } from "./search-params";
import { runSearch, runSearchForUser, type FacetRow, type SearchItemRow, type SearchScope, type SearchRow } from "./search-sql";

export type CatalogHit = SearchItemRow;
/** `estimate`: counted over a sample of a large match set (docs/decisions/0015), shown as "about". */
export type FacetValue = { value: string; label: string; count: number; selected: boolean; estimate?: boolean };
export type CatalogFacets = Record<FacetRow["facet"], FacetValue[]>;

/** What the search endpoint returns and the catalog page renders: JSON-safe. */
export type CatalogResult = {
  /** The text this answer is for (the box may already hold newer words while it is on screen). */
  query: string;
  total: number;
  /** True when more than EXACT_UP_TO products match: `total` and most facet counts are then estimates. */
  totalIsEstimate: boolean;
  /**
   * Set when relevance ranked a sample of a large match set (docs/decisions/0016): how many
   * matches it ranked, and so where its pages end. Other sorts page through every match.
   */
  rankedCount: number | null;
  page: number;
  pageSize: number;
  pages: number;
  sort: Sort;
  items: CatalogHit[];
  facets: CatalogFacets | null;
};

export function searchScope(viewer: Viewer): SearchScope {
  return { isPlatformAdmin: viewer.isPlatformAdmin, teamIds: teamIds(viewer) };
}

const CLASSIFICATION_ORDER = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"];
const LIFECYCLE_ORDER = ["ACTIVE", "DRAFT", "DEPRECATED", "RETIRED"];

function shapeFacets(rows: FacetRow[], s: CatalogSearch): CatalogFacets {
  const selected: Record<FacetRow["facet"], string[]> = {
    domain: s.domain,
    team: s.team,
    tag: s.tag,
    classification: s.classification,
    lifecycle: s.lifecycle,
    access: s.access ? [s.access] : [],
  };
  const facets: CatalogFacets = { domain: [], team: [], tag: [], classification: [], lifecycle: [], access: [] };
  for (const r of rows) {
    facets[r.facet].push({ value: r.value, label: r.label, count: r.count, selected: selected[r.facet].includes(r.value), ...(r.estimate ? { estimate: true } : {}) });
  }
  // A selected value with no hits left stays listed (count 0), so it can be unticked.
  for (const key of Object.keys(facets) as FacetRow["facet"][]) {
    for (const v of selected[key]) {
      if (!facets[key].some((f) => f.value === v)) facets[key].push({ value: v, label: key === "access" ? "I have access" : v, count: 0, selected: true });
    }
  }
  const byOrder = (order: string[]) => (a: FacetValue, b: FacetValue) => order.indexOf(a.value) - order.indexOf(b.value);
  facets.domain.sort((a, b) => a.label.localeCompare(b.label));
  facets.team.sort((a, b) => a.label.localeCompare(b.label));
  facets.tag.sort((a, b) => Number(b.selected) - Number(a.selected) || b.count - a.count || a.label.localeCompare(b.label));
  facets.classification.sort(byOrder(CLASSIFICATION_ORDER));
  facets.lifecycle.sort(byOrder(LIFECYCLE_ORDER));
  if (facets.access.length === 0) facets.access.push({ value: "mine", label: "I have access", count: 0, selected: false });
  return facets;
}

/**
 * Searches the products the viewer may see: ranked full-text and typo-tolerant
 * matching, facet counts over the same visible rows, one page of results. Above
 * EXACT_UP_TO matches the counts are estimated from a uniform sample (docs/decisions/0015).
 */
export async function searchCatalog(viewer: Viewer, s: CatalogSearch): Promise<CatalogResult> {
  return shapeResult(await runSearch(queryRows, searchScope(viewer), s), s);
}

/** The search endpoint's search, for the session named by the cookie; null unless it is live. */
export async function searchCatalogForUser(session: SessionRef, s: CatalogSearch): Promise<CatalogResult | null> {
  const found = await runSearchForUser(queryRows, session, s);
  return found ? shapeResult(found.row, s) : null;
}

function shapeResult(row: SearchRow | undefined, s: CatalogSearch): CatalogResult {
  const total = row?.total ?? 0;
  const pageSize = s.limit ?? PAGE_SIZE;
  return {
    query: s.q,
    total,
    totalIsEstimate: row?.totalIsEstimate ?? false,
    rankedCount: row?.rankedCount ?? null,
    page: s.page,
    pageSize,
    pages: Math.min(MAX_PAGE, Math.max(1, Math.ceil(Math.min(total, row?.rankedCount ?? total) / pageSize))),
    sort: effectiveSort(s),
    items: (row?.items ?? []).map((i) => ({ ...i, updatedAt: new Date(i.updatedAt).toISOString() })),
    facets: row?.facets ? shapeFacets(row.facets, s) : null,
  };
}
