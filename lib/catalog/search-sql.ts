import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { SessionRef } from "@/lib/auth/viewer";
import type { VisibilityScope } from "@/lib/auth/visibility";
import { effectiveSort, PAGE_SIZE, type CatalogSearch, type Sort } from "./search-params";
import { visibleProductsSql } from "./visibility";

// The catalog search in SQL, in two steps (runSearch runs them):
//   1. prepareSql, when there is text or a domain or team filter: the tsquery (typos corrected)
//      and the ids of the ticked domains and teams;
//   2. searchSql (the page, the total, the facet counts over the results) and one facetSetSql
//      per ticked facet (its other values), all at once, each on its own pool connection.
// Kept apart from the Prisma client so the benchmark runs exactly these statements through `pg`
// (bench/search/run.ts). See docs/decisions/0010, 0011, 0015 and 0016.
//
// Work is bounded whatever the catalog size (0015). Every set the statement counts is read in
// "sampleKey" order (a random number fixed per product) and stops after EXACT_UP_TO + 1 rows:
//   - a set of at most EXACT_UP_TO products is then read whole: exact counts, exact ranking;
//   - a larger set has been sampled uniformly: counts are estimates (each sampled product stands
//     for 1 / cutoff products), flagged as such, and the page is read in index order instead
//     (sorts by name, recency, consumers) or ranked over the sample and the names that start
//     with the query (relevance);
//   - a set whose first LARGE_SAMPLE + 1 rows already show it is far larger (more than
//     LARGE_SET_ABOVE) stops there, and is estimated from that smaller sample (0026).
// The sets are read from a covering index in sampleKey order, never from the table (0016): one
// with searchVector for sets with text, a fifth of its size without for the others (0025).
//
// Every user value is a bind parameter; only fragments chosen by code (which filters are on,
// the sort order) are spliced in.

/** Who searches, as far as visibility goes: the scope of the one product visibility rule (lib/auth/visibility.ts). */
export type SearchScope = VisibilityScope;

/** Sets up to this many products are counted and ranked exactly; larger ones are estimated from a sample of this size (or of LARGE_SAMPLE). */
export const EXACT_UP_TO = 1000;
/**
 * Sets estimated above LARGE_SET_ABOVE products from their first LARGE_SAMPLE + 1 rows are
 * estimated from those (docs/decisions/0026): their scan, the costliest part of a search, stops
 * there. A set of at most EXACT_UP_TO is never taken for one: its 501st key would have to fall
 * 11 standard deviations below its mean.
 */
export const LARGE_SAMPLE = 500;
export const LARGE_SET_ABOVE = 1500;
/** Values listed per facet: the ticked ones, then the most frequent (a mesh may have hundreds of teams and tags). */
export const FACET_VALUES_LISTED = 40;
/** Sampled relevance searches also rank up to this many names starting with the query (per block of pages). */
export const RELEVANCE_POOL = 200;
/** Below this many full-text matches (visible to the viewer), misspelt words are corrected and the search widened. */
export const TYPO_FALLBACK_BELOW = 5;
/**
 * Words found in at least this share of the catalog are matched row by row rather than through
 * the full-text index, when the search reads its sets (see `match` in parts()).
 */
export const BROAD_TEXT_SHARE = 0.05;
/** Similar words tried per query word when correcting typos. */
const SPELLINGS_PER_WORD = 3;

/** The query's words: letters and digits only, lower case, at most eight. */
export function queryWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * The text query as a tsquery string, all words required, the last one as a prefix ("stock lev"
 * → stock & lev:*): the words before it are finished, and a whole word is one entry of the
 * full-text index where a prefix is a scan of every word it starts (Algolia's "prefixLast").
 * Only letters and digits survive, so the result is always a valid tsquery.
 */
export function toPrefixTsquery(q: string): string {
  const words = queryWords(q);
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ");
}

export type SearchRow = {
  total: number;
  totalIsEstimate: boolean;
  /** A sampled relevance search ranks this many candidates; null when every match is ranked. */
  rankedCount: number | null;
  items: SearchItemRow[];
  facets: FacetRow[] | null;
};
export type SearchItemRow = {
  id: string;
  slug: string;
  name: string;
  excerpt: string;
  lifecycle: string;
  classification: string;
  containsPii: boolean;
  tags: string[];
  consumerCount: number;
  updatedAt: string;
  /** Set on deprecated products: the day they stop being served (docs/decisions/0052). */
  sunsetAt: string | null;
  hasAccess: boolean;
  domain: { slug: string; name: string };
  team: { slug: string; name: string };
};
export type FacetKind = "domain" | "team" | "tag" | "classification" | "lifecycle" | "access";
export type FacetRow = { facet: FacetKind; value: string; label: string; count: number; estimate: boolean };


const ORDER: Record<Sort, Prisma.Sql> = {
  relevance: Prisma.sql`rank DESC, name ASC, id ASC`,
  name: Prisma.sql`name ASC, id ASC`,
  updated: Prisma.sql`"updatedAt" DESC, id ASC`,
  consumers: Prisma.sql`"consumerCount" DESC, name ASC, id ASC`,
};
/** The same orders on DataProduct columns, so the broad path can read them off an index. */
const INDEX_ORDER: Record<Exclude<Sort, "relevance">, Prisma.Sql> = {
  name: Prisma.sql`p."name" ASC, p."id" ASC`,
  updated: Prisma.sql`p."updatedAt" DESC, p."id" ASC`,
  consumers: Prisma.sql`p."consumerCount" DESC, p."name" ASC, p."id" ASC`,
};
const PAGE_ORDER: Record<Sort, Prisma.Sql> = {
  relevance: Prisma.sql`pg.rank DESC, pg.name ASC, pg.id ASC`,
  name: Prisma.sql`pg.name ASC, pg.id ASC`,
  updated: Prisma.sql`pg."updatedAt" DESC, pg.id ASC`,
  consumers: Prisma.sql`pg."consumerCount" DESC, pg.name ASC, pg.id ASC`,
};

const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`);

/**
 * Step 1, when the search has text or a domain or team filter: the tsquery to search for, whether
 * its words are common, and the ids of the ticked domains and teams, so that step 2 filters on
 * constants the planner can estimate (and an index-only scan can test without a join).
 *
 * The tsquery is the words as typed or, when they match fewer than TYPO_FALLBACK_BELOW products
 * outside drafts, each word OR'ed with its closest spellings among the catalog's own words
 * (pg_trgm over "SearchTerm"): "invnetory" → "(invnetory:* | inventory)". Drafts do not count
 * (every viewer may see the others), so step 1 needs no viewer: the endpoint runs it while it
 * looks the viewer up, and a draft the viewer may not see cannot change what it does. Corrections are whole words,
 * not prefixes: the planner estimates a plain lexeme from its statistics far better than a
 * prefix, and a wrong estimate is what makes a plan slow. The query (corrected, if it was) is
 * common when found in at least BROAD_TEXT_SHARE of a fixed 200-product sample of the catalog.
 */
export function prepareSql(s: CatalogSearch): Prisma.Sql {
  const q = s.q.trim().toLowerCase();
  const tsq = toPrefixTsquery(q);
  const ids = Prisma.sql`
  ARRAY(SELECT "id" FROM "Domain" WHERE "slug" = ANY(${s.domain}::text[])) AS "domainIds",
  ARRAY(SELECT "id" FROM "Team" WHERE "slug" = ANY(${s.team}::text[])) AS "ownerTeamIds"`;
  if (!tsq) return Prisma.sql`SELECT '' AS tsquery, FALSE AS broad, ${ids}`;
  return Prisma.sql`
WITH enough AS (
  SELECT (SELECT count(*) FROM (
           SELECT 1 FROM "DataProduct" p WHERE p."lifecycle" <> 'DRAFT' AND p."searchVector" @@ to_tsquery('english', ${tsq})
           LIMIT ${TYPO_FALLBACK_BELOW}) e) >= ${TYPO_FALLBACK_BELOW} AS yes
),
-- Materialized: both the answer and the probe read it, and "enough" costs a full-text index scan.
spelled AS MATERIALIZED (
  SELECT CASE
    WHEN (SELECT yes FROM enough) THEN ${tsq}
    ELSE (
      SELECT string_agg('(' || w || ':*' || coalesce((
          SELECT string_agg(' | ' || t."word", '')
          FROM (SELECT st."word" FROM "SearchTerm" st WHERE st."word" % w AND st."word" <> w
                ORDER BY similarity(st."word", w) DESC, st."word" LIMIT ${SPELLINGS_PER_WORD}) t), '') || ')', ' & ')
      FROM unnest(${queryWords(q)}::text[]) AS w)
  END AS tsquery
)
SELECT sp.tsquery,
  -- Of the search as it will run, corrections included ("invnetory" searches inventory, a common word).
  (SELECT count(*) FROM (SELECT p."searchVector" FROM "DataProduct" p ORDER BY p."sampleKey" LIMIT 200) probe
   WHERE probe."searchVector" @@ to_tsquery('english', sp.tsquery)) >= ${Math.ceil(200 * BROAD_TEXT_SHARE)} AS broad,
${ids}
FROM spelled sp`;
}

/** What step 1 found out: the tsquery to search for, whether its words are common, the ticked domains' and teams' ids. */
export type Prepared = { tsquery: string; broad: boolean; domainIds: string[]; ownerTeamIds: string[] };

/** The facets with a ticked value, which filter the results. */
function filteredFacets(s: CatalogSearch): FacetKind[] {
  const on: Record<FacetKind, boolean> = {
    domain: s.domain.length > 0,
    team: s.team.length > 0,
    tag: s.tag.length > 0,
    classification: s.classification.length > 0,
    lifecycle: s.lifecycle.length > 0,
    access: s.access === "mine",
  };
  return FACETS.filter((g) => on[g]);
}
/** The facets whose own filter is on, when facets are counted: each is counted over its own set, in a statement of its own. */
export function tickedFacets(s: CatalogSearch): FacetKind[] {
  return s.facets === "0" ? [] : filteredFacets(s);
}
const FACETS: FacetKind[] = ["domain", "team", "tag", "classification", "lifecycle", "access"];

/** The pieces every step-2 statement shares: the viewer's grants, the text match, the filters, sampled sets. */
function parts(scope: SearchScope, s: CatalogSearch, prepared: Prepared) {
  const effective = prepared.tsquery;
  const q = s.q.trim().toLowerCase();
  const hasQuery = toPrefixTsquery(q) !== "" && effective !== "";
  const teams = scope.teamIds;
  const visible = visibleProductsSql(scope);
  // Full-text match. The tsquery is a constant of the statement (not a subquery), so the planner
  // estimates from statistics how many rows it keeps: that choice between "read an index in
  // order and stop" and "collect all matches" is what bounds the work. Common words are wrapped
  // so the full-text index cannot be used: collecting tens of thousands of matches from it
  // (alone, or ANDed with a tag's index) costs more than testing rows read in the order the
  // search needs, and the planner under-prices it (docs/decisions/0015).
  const test = Prisma.sql`p."searchVector" @@ to_tsquery('english', ${effective})`;
  const match = !hasQuery ? Prisma.sql`TRUE` : prepared.broad ? Prisma.sql`coalesce(${test}, FALSE)` : test;

  const filterOf: Record<FacetKind, () => Prisma.Sql> = {
    domain: () => Prisma.sql`p."domainId" = ANY(${prepared.domainIds}::text[])`,
    team: () => Prisma.sql`p."ownerTeamId" = ANY(${prepared.ownerTeamIds}::text[])`,
    tag: () => Prisma.sql`p."tags" && ${s.tag}::text[]`,
    classification: () => Prisma.sql`p."classification" = ANY(${s.classification}::"Classification"[])`,
    lifecycle: () => Prisma.sql`p."lifecycle" = ANY(${s.lifecycle}::"Lifecycle"[])`,
    // A semi-join on one set (not an OR of two tests), so the planner sees how few rows it keeps.
    access: () =>
      Prisma.sql`p."id" IN (SELECT o."id" FROM "DataProduct" o WHERE o."ownerTeamId" = ANY(${teams}::text[]) UNION ALL SELECT "id" FROM granted)`,
  };
  const filtered = filteredFacets(s);
  const filtersExcept = (g: FacetKind | null) => and(filtered.filter((f) => f !== g).map((f) => filterOf[f]()));

  const granted = Prisma.sql`granted AS (
  -- "I have access" means: owned by one of the viewer's teams, or an active grant to one.
  SELECT g."dataProductId" AS id FROM "Grant" g
  WHERE g."teamId" = ANY(${teams}::text[]) AND g."status" = 'ACTIVE' AND g."kind" = 'CONSUME'
)`;

  /**
   * A set read in sampleKey order, stopping after EXACT_UP_TO + 1 rows (LARGE_SAMPLE + 1 for a
   * large one), and its weight. Every column it reads is in the covering indexes on sampleKey
   * (migrations search_sample_covering_index and search_sample_facets_index, the latter without
   * searchVector for sets without text), so it never visits the table (docs/decisions/0016,
   * 0025). Whether the viewer has access is only worked out in the set that counts the "I have
   * access" facet.
   */
  const sampledSet = (name: string, except: FacetKind | null, rank: Prisma.Sql, countsAccess: boolean, whole = false) => {
    const select = Prisma.sql`
  SELECT p."id", p."sampleKey" AS k, p."domainId", p."ownerTeamId", p."tags",
         p."classification"::text AS cls, p."lifecycle"::text AS lc, p."name", p."updatedAt", p."consumerCount",
         ${rank} AS rank,
         ${countsAccess ? Prisma.sql`(p."ownerTeamId" = ANY(${teams}::text[]) OR p."id" IN (SELECT "id" FROM granted))` : Prisma.sql`FALSE`} AS has_access
  FROM "DataProduct" p`;
    const rows = whole
      ? // Read whole, which only the results bounded by "I have access" are: the owned products
        // straight off the team's index, then the granted ones by id (the semi-join visited each
        // owned product twice).
        Prisma.sql`${select}
  WHERE p."ownerTeamId" = ANY(${teams}::text[]) AND ${visible} AND ${match} AND ${filtersExcept("access")}
  UNION ALL${select}
  WHERE p."id" IN (SELECT "id" FROM granted) AND NOT p."ownerTeamId" = ANY(${teams}::text[]) AND ${visible} AND ${match} AND ${filtersExcept("access")}`
      : Prisma.sql`${select}
  WHERE ${visible} AND ${match} AND ${filtersExcept(except)}`;
    // `whole`: the set is read once in full (${name}_all) and sampled from there, for a caller
    // that pages through it too (see searchSql).
    const scan = whole
      ? Prisma.sql`${Prisma.raw(name)}_all AS MATERIALIZED (${rows}
),
${Prisma.raw(name)}_scan AS MATERIALIZED (
  SELECT * FROM ${Prisma.raw(name)}_all ORDER BY k LIMIT ${EXACT_UP_TO + 1}
),`
      : Prisma.sql`${Prisma.raw(name)}_scan AS MATERIALIZED (${rows}
  ORDER BY p."sampleKey" LIMIT ${EXACT_UP_TO + 1}
),`;
    return Prisma.sql`
${scan}
-- A CTE is read lazily: when its first rows show a large set, the scan above stops there.
${Prisma.raw(name)}_head AS (
  SELECT count(*) > ${LARGE_SAMPLE} AND max(k) < ${LARGE_SAMPLE / LARGE_SET_ABOVE}::float8 AS large
  FROM (SELECT k FROM ${Prisma.raw(name)}_scan LIMIT ${LARGE_SAMPLE + 1}) h
),
${Prisma.raw(name)} AS MATERIALIZED (
  SELECT * FROM ${Prisma.raw(name)}_scan
  LIMIT (SELECT CASE WHEN large THEN ${LARGE_SAMPLE + 1}::int ELSE ${EXACT_UP_TO + 1}::int END FROM ${Prisma.raw(name)}_head)
),
${Prisma.raw(name)}_w AS (
  -- Sampled: all rows but the last (k below its key) stand for the whole set.
  SELECT n, sampled, CASE WHEN sampled THEN cutoff ELSE 2 END AS cutoff, CASE WHEN sampled THEN 1 / greatest(cutoff, 1e-9) ELSE 1 END AS weight
  FROM (SELECT count(*)::int AS n, count(*) > ${EXACT_UP_TO} OR (SELECT large FROM ${Prisma.raw(name)}_head) AS sampled, max(k) AS cutoff
        FROM ${Prisma.raw(name)}) s
)`;
  };

  return { q, hasQuery, effective, match, visible, teams, filtersExcept, granted, sampledSet };
}

/** The values a facet has ticked, as the statements compare them (the access facet's one value is "mine"). */
function tickedValues(s: CatalogSearch, g: FacetKind): string[] {
  return g === "access" ? (s.access === "mine" ? ["mine"] : []) : s[g];
}

/**
 * Which values of a facet a set counts: all of them (the facet's filter is off); only the ticked
 * ones (over the results: a ticked value's count is the results' own, so it agrees with the
 * total); or only the others (over the facet's own set, where each count is what ticking that
 * value too would add).
 */
type FacetCount = { g: FacetKind; values: "all" | "ticked" | "unticked" };

/** The counts of the given facets over a sampled set, as a JSON array of FacetRow: ticked values first, then the most frequent. */
function facetCountsSql(s: CatalogSearch, src: string, counts: FacetCount[]): Prisma.Sql {
  const from = Prisma.raw(`${src} x JOIN ${src}_w w ON x.k < w.cutoff`);
  const weights = Prisma.raw(`${src}_w`);
  const branches: Prisma.Sql[] = [];

  // The single-valued facets in one pass over the set (grouping sets), labelled after grouping:
  // a join per value, not per sampled row.
  const column: Partial<Record<FacetKind, string>> = { domain: `x."domainId"`, team: `x."ownerTeamId"`, classification: "x.cls", lifecycle: "x.lc" };
  const grouped = counts.filter((c) => column[c.g]).map((c) => ({ g: c.g, col: Prisma.raw(column[c.g]!) }));
  if (grouped.length) {
    branches.push(Prisma.sql`
      SELECT g.facet, coalesce(d."slug", t."slug", g.key) AS value, coalesce(d."name", t."name", g.key) AS label,
             round(g.n * w.weight)::int AS n, w.sampled AS estimate
      FROM (
        SELECT CASE ${Prisma.join(grouped.map(({ g, col }) => Prisma.sql`WHEN GROUPING(${col}) = 0 THEN ${Prisma.raw(`'${g}'`)}`), " ")} END AS facet,
               coalesce(${Prisma.join(grouped.map(({ col }) => col), ", ")}) AS key, count(*) AS n
        FROM ${from}
        GROUP BY GROUPING SETS (${Prisma.join(grouped.map(({ col }) => Prisma.sql`(${col})`), ", ")})
      ) g
      CROSS JOIN ${weights} w
      LEFT JOIN "Domain" d ON g.facet = 'domain' AND d."id" = g.key
      LEFT JOIN "Team" t ON g.facet = 'team' AND t."id" = g.key`);
  }
  for (const c of counts) {
    // unnest() in the select list: one pass, where a lateral function scan is set up per row;
    // when only the ticked tags are kept, only they are counted.
    if (c.g === "tag") {
      branches.push(Prisma.sql`
      SELECT 'tag' AS facet, tag AS value, tag AS label, round(count(*) * weight)::int AS n, sampled AS estimate
      FROM (SELECT unnest(x."tags") AS tag, w.weight, w.sampled FROM ${from}) x
      ${c.values === "ticked" ? Prisma.sql`WHERE tag = ANY(${s.tag}::text[])` : Prisma.empty}
      GROUP BY tag, weight, sampled`);
    }
    // Over the results with "I have access" ticked, every product counts.
    if (c.g === "access") {
      branches.push(Prisma.sql`
      SELECT 'access' AS facet, 'mine' AS value, 'I have access' AS label, round(count(*) * w.weight)::int AS n, w.sampled AS estimate
      FROM ${from} ${c.values === "ticked" ? Prisma.empty : Prisma.sql`WHERE x.has_access`}
      GROUP BY w.weight, w.sampled`);
    }
  }

  // Per facet: whether a value is ticked, which values this set keeps, and how many it lists (a
  // facet set lists fewer, so that with the ticked ones, counted over the results, the facet
  // lists FACET_VALUES_LISTED).
  const perFacet = (value: (c: FacetCount, ticked: string[]) => Prisma.Sql) =>
    Prisma.sql`CASE f.facet ${Prisma.join(
      counts.map((c) => Prisma.sql`WHEN ${Prisma.raw(`'${c.g}'`)} THEN ${value(c, tickedValues(s, c.g))}`),
      " ",
    )} END`;
  const isTicked = perFacet((_, ticked) => Prisma.sql`f.value = ANY(${ticked}::text[])`);
  const keeps = perFacet((c, ticked) =>
    c.values === "all" ? Prisma.sql`TRUE` : c.values === "ticked" ? Prisma.sql`f.value = ANY(${ticked}::text[])` : Prisma.sql`NOT f.value = ANY(${ticked}::text[])`,
  );
  const listed = perFacet((c, ticked) => Prisma.raw(String(c.values === "unticked" ? Math.max(0, FACET_VALUES_LISTED - ticked.length) : FACET_VALUES_LISTED)));
  return Prisma.sql`(
      SELECT coalesce(json_agg(json_build_object('facet', f.facet, 'value', f.value, 'label', f.label, 'count', f.n, 'estimate', f.estimate)), '[]'::json)
      FROM (
        -- Each facet lists its ticked values and then the most frequent ones.
        SELECT f.*, row_number() OVER (PARTITION BY f.facet ORDER BY f.ticked DESC, f.n DESC, f.value) AS pos
        FROM (
          SELECT f.*, ${isTicked} AS ticked, ${listed} AS listed
          FROM (${Prisma.join(branches, " UNION ALL ")}) f
          WHERE f.n > 0 AND ${keeps}
        ) f
      ) f
      WHERE f.pos <= f.listed
    )`;
}

/**
 * Step 2: the page, the total, and the counts over the results: every value of the facets whose
 * own filter is off, and the ticked values of the others. The other values of a ticked facet
 * are counted by a statement of its own (facetSetSql), which runSearch runs at the same time on
 * another connection.
 */
export function searchSql(scope: SearchScope, s: CatalogSearch, prepared: Prepared): Prisma.Sql {
  const { q, hasQuery, effective, match, visible, teams, filtersExcept, granted, sampledSet } = parts(scope, s, prepared);
  const limit = s.limit ?? PAGE_SIZE;
  const offset = (s.page - 1) * limit;
  const sort = effectiveSort(s);
  const allFilters = filtersExcept(null);

  // Weighted full-text rank (a name match outweighs a tag, a tag a description mention), and
  // the name typed in full, or its start, above everything else. Cheap enough to rank a whole
  // sample from the index (a trigram similarity to the name cost ten times as much).
  const rank = hasQuery
    ? Prisma.sql`(ts_rank(p."searchVector", to_tsquery('english', ${effective}))
        + CASE WHEN lower(p."name") = ${q} THEN 1.0 WHEN starts_with(lower(p."name"), ${q}) THEN 0.5 ELSE 0 END)`
    : Prisma.sql`0::real`;
  const ranked = sort === "relevance" && hasQuery;
  // "I have access" bounds the results by what the viewer's teams own or were granted, and they
  // are found by id, not in an index order: read them once, then sample and page from that
  // (rather than finding them twice, ~6 ms each at 1,600 products).
  const readWhole = filteredFacets(s).includes("access");

  // The page when the results were read whole: sort them in memory.
  const exactPage = Prisma.sql`
    SELECT r."id", r.rank, r."name", r."updatedAt", r."consumerCount" FROM r
    ORDER BY ${ORDER[sort]} LIMIT ${limit} OFFSET ${offset}`;
  // The page when they were sampled. Sorts by name, recency or consumers read their b-tree in
  // order and stop after the page. Relevance ranks the sample itself (already read, ranked from
  // the index) together with the names that start with the query, read in order from an index
  // on lower(name) (so "Payments", typed in full, is first however many products mention
  // payments). The sample is uniform, so its best matches stand for the best of the set;
  // beyond them, pages of a sampled relevance search end (rankedCount says where).
  const pool = Math.ceil((offset + limit) / RELEVANCE_POOL) * RELEVANCE_POOL;
  const likePrefix = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const candidates = ranked
    ? Prisma.sql`candidates AS MATERIALIZED (
  SELECT r."id", r.rank, r."name", r."updatedAt", r."consumerCount" FROM r JOIN r_w w ON r.k < w.cutoff WHERE w.sampled
  UNION
  SELECT p."id", ${rank} AS rank, p."name", p."updatedAt", p."consumerCount"
  FROM (SELECT p."id", p."name", p."searchVector", p."updatedAt", p."consumerCount"
        FROM "DataProduct" p
        WHERE (SELECT sampled FROM r_w) AND lower(p."name") COLLATE "C" LIKE ${likePrefix} AND ${visible} AND ${match} AND ${allFilters}
        ORDER BY lower(p."name") COLLATE "C" LIMIT ${pool}) p
),`
    : Prisma.empty;
  const sampledPage = ranked
    ? Prisma.sql`
    SELECT c."id", c.rank, c."name", c."updatedAt", c."consumerCount" FROM candidates c
    ORDER BY ${ORDER.relevance} LIMIT ${limit} OFFSET ${offset}`
    : readWhole
      ? Prisma.sql`
    SELECT r."id", 0::real AS rank, r."name", r."updatedAt", r."consumerCount" FROM r_all r
    ORDER BY ${ORDER[sort === "relevance" ? "name" : sort]} LIMIT ${limit} OFFSET ${offset}`
      : Prisma.sql`
    SELECT p."id", 0::real AS rank, p."name", p."updatedAt", p."consumerCount"
    FROM "DataProduct" p
    WHERE ${visible} AND ${match} AND ${allFilters}
    ORDER BY ${INDEX_ORDER[sort === "relevance" ? "name" : sort]} LIMIT ${limit} OFFSET ${offset}`;

  // Over the results: every value of the facets whose filter is off, and the ticked values of the others.
  const ticked = tickedFacets(s);
  const counts: FacetCount[] = s.facets === "0" ? [] : FACETS.map((g) => ({ g, values: ticked.includes(g) ? "ticked" : "all" }));

  return Prisma.sql`
WITH
${granted},
${sampledSet("r", null, ranked ? rank : Prisma.sql`0::real`, counts.some((c) => c.g === "access" && c.values === "all"), readWhole)},
${candidates}
page AS (
  SELECT * FROM (${exactPage}) exact WHERE NOT (SELECT sampled FROM r_w)
  UNION ALL
  SELECT * FROM (${sampledPage}) sampled WHERE (SELECT sampled FROM r_w)
)
SELECT
  (SELECT CASE WHEN sampled THEN round((n - 1) * weight)::int ELSE n END FROM r_w) AS total,
  (SELECT sampled FROM r_w) AS "totalIsEstimate",
  ${ranked ? Prisma.sql`(SELECT CASE WHEN sampled THEN (SELECT count(*)::int FROM candidates) END FROM r_w)` : Prisma.sql`NULL::int`} AS "rankedCount",
  (
    SELECT coalesce(json_agg(json_build_object(
      'id', p."id", 'slug', p."slug", 'name', p."name",
      'excerpt', left(regexp_replace(p."description", '[#*_\`>\\[\\]]', '', 'g'), 280),
      'lifecycle', p."lifecycle", 'classification', p."classification", 'containsPii', p."containsPii",
      'tags', p."tags", 'consumerCount', p."consumerCount", 'updatedAt', p."updatedAt", 'sunsetAt', p."sunsetAt",
      -- IN, not EXISTS: a hashed lookup, where EXISTS scanned the whole "granted" list per listed product (~1 ms a page).
      'hasAccess', (p."ownerTeamId" = ANY(${teams}::text[]) OR p."id" IN (SELECT "id" FROM granted)),
      'domain', json_build_object('slug', d."slug", 'name', d."name"),
      'team', json_build_object('slug', t."slug", 'name', t."name")
    ) ORDER BY ${PAGE_ORDER[sort]}), '[]'::json)
    FROM page pg
    JOIN "DataProduct" p ON p."id" = pg.id
    JOIN "Domain" d ON d."id" = p."domainId"
    JOIN "Team" t ON t."id" = p."ownerTeamId"
  ) AS items,
  ${counts.length ? facetCountsSql(s, "r", counts) : Prisma.sql`NULL::json`} AS facets`;
}

/**
 * The counts of a ticked facet's other values (disjunctive: the results without that facet's own
 * filter, so each count is what ticking the value too would give), over a sampled set of their own.
 */
export function facetSetSql(scope: SearchScope, s: CatalogSearch, prepared: Prepared, g: FacetKind): Prisma.Sql {
  const { granted, sampledSet } = parts(scope, s, prepared);
  return Prisma.sql`
WITH
${granted},
${sampledSet("f", g, Prisma.sql`0::real`, g === "access")}
SELECT ${facetCountsSql(s, "f", [{ g, values: "unticked" }])} AS facets`;
}

/** Runs a statement and returns its rows: Prisma's $queryRaw in the app, `pg` in the benchmark. */
export type RunSql = <T>(sql: Prisma.Sql) => Promise<T[]>;

/** Step 1 as the app runs it: only when there is text or a domain or team filter. */
async function prepareSearch(run: RunSql, s: CatalogSearch): Promise<Prepared> {
  const tsq = toPrefixTsquery(s.q.trim().toLowerCase());
  if (!tsq && !s.domain.length && !s.team.length) return { tsquery: "", broad: false, domainIds: [], ownerTeamIds: [] };
  const [row] = await run<Prepared>(prepareSql(s));
  return { tsquery: row?.tsquery ?? tsq, broad: row?.broad ?? false, domainIds: row?.domainIds ?? [], ownerTeamIds: row?.ownerTeamIds ?? [] };
}

/**
 * A search as the app runs it: step 1 (unless the caller ran it already), then the results and
 * one statement per ticked facet, all at once (on a pool, each on its own connection: the sets
 * are independent, and on several cores they are read in parallel).
 */
export async function runSearch(run: RunSql, scope: SearchScope, s: CatalogSearch, preparedBefore?: Prepared): Promise<SearchRow | undefined> {
  const prepared = preparedBefore ?? (await prepareSearch(run, s));
  const [results, ...facetSets] = await Promise.all([
    run<SearchRow>(searchSql(scope, s, prepared)),
    ...tickedFacets(s).map((g) => run<{ facets: FacetRow[] }>(facetSetSql(scope, s, prepared, g))),
  ]);
  const row = results[0];
  if (!row) return undefined;
  const facets = s.facets === "0" ? null : [...(row.facets ?? []), ...facetSets.flatMap(([f]) => f?.facets ?? [])];
  return { ...row, facets };
}

/**
 * The search scope of a session's user, straight from the database: no row unless the session is
 * live and its user enabled (docs/decisions/0030), checked in the statement that reads the scope.
 */
function scopeOfSessionSql({ userId, sessionId }: SessionRef): Prisma.Sql {
  return Prisma.sql`
    SELECT u."isPlatformAdmin" AS "isPlatformAdmin",
           coalesce(array_agg(m."teamId") FILTER (WHERE m."teamId" IS NOT NULL), '{}') AS "teamIds"
    FROM "User" u LEFT JOIN "Membership" m ON m."userId" = u."id"
    WHERE u."id" = ${userId} AND u."disabledAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Session" s WHERE s."sessionToken" = ${sessionId} AND s."userId" = u."id" AND s."expires" > now())
    GROUP BY u."id"`;
}

/**
 * A search for the session a cookie names (the search endpoint's): the user's scope is read while
 * step 1 runs, since step 1 needs no viewer, so the user waits one round trip less as they type.
 * Undefined unless the session is live.
 */
export async function runSearchForUser(run: RunSql, session: SessionRef, s: CatalogSearch): Promise<{ row: SearchRow | undefined } | undefined> {
  const [[scope], prepared] = await Promise.all([run<SearchScope>(scopeOfSessionSql(session)), prepareSearch(run, s)]);
  return scope ? { row: await runSearch(run, scope, s, prepared) } : undefined;
}

/** The naive baseline the benchmark compares against: ILIKE over the same columns, no index help. */
export function naiveSearchSql(scope: SearchScope, s: CatalogSearch): Prisma.Sql {
  const pattern = `%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const limit = s.limit ?? PAGE_SIZE;
  const visible = visibleProductsSql(scope);
  return Prisma.sql`
SELECT p."id", p."slug", p."name", count(*) OVER () AS total
FROM "DataProduct" p
JOIN "Domain" d ON d."id" = p."domainId"
JOIN "Team" t ON t."id" = p."ownerTeamId"
WHERE ${visible} AND (p."name" ILIKE ${pattern} OR p."description" ILIKE ${pattern} OR d."name" ILIKE ${pattern}
  OR t."name" ILIKE ${pattern} OR array_to_string(p."tags", ' ') ILIKE ${pattern})
ORDER BY p."updatedAt" DESC, p."id"
LIMIT ${limit} OFFSET ${(s.page - 1) * limit}`;
}
