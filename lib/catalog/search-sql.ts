import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import { effectiveSort, PAGE_SIZE, type CatalogSearch, type Sort } from "./search-params";

// The catalog search as one SQL statement: results, total and facet counts in
// one round trip. Kept apart from the Prisma client so the benchmark can run
// exactly this SQL through `pg` (bench/search/run.ts). See docs/decisions/0010.
//
// Every user value is a bind parameter; only fragments chosen by code (sort
// order, "no query" shortcuts) are spliced in.

/** Who searches, as far as visibility goes: mirrors `read:data-product` (lib/catalog/visibility.ts). */
export type SearchScope = { isPlatformAdmin: boolean; teamIds: string[] };

/**
 * The text query as a tsquery string: every word as a prefix ("inv" → inv:*), all required.
 * Only letters and digits survive, so the result is always a valid tsquery.
 */
export function toPrefixTsquery(q: string): string {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.map((w) => `${w}:*`).join(" & ");
}

const ORDER: Record<Sort, Prisma.Sql> = {
  relevance: Prisma.sql`rank DESC, name ASC, id ASC`,
  name: Prisma.sql`name ASC, id ASC`,
  updated: Prisma.sql`"updatedAt" DESC, id ASC`,
  consumers: Prisma.sql`"consumerCount" DESC, name ASC, id ASC`,
};

/** The same orders over the `page` CTE (aliased pg), where "name" alone would be ambiguous. */
const PAGE_ORDER: Record<Sort, Prisma.Sql> = {
  relevance: Prisma.sql`pg.rank DESC, pg.name ASC, pg.id ASC`,
  name: Prisma.sql`pg.name ASC, pg.id ASC`,
  updated: Prisma.sql`pg."updatedAt" DESC, pg.id ASC`,
  consumers: Prisma.sql`pg."consumerCount" DESC, pg.name ASC, pg.id ASC`,
};

export type SearchRow = {
  total: number;
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
  hasAccess: boolean;
  domain: { slug: string; name: string };
  team: { slug: string; name: string };
};
export type FacetRow = { facet: "domain" | "team" | "tag" | "classification" | "lifecycle" | "access"; value: string; label: string; count: number };

/** Below this many full-text matches (visible to the viewer), typo-tolerant trigram matching widens the search. */
export const TYPO_FALLBACK_BELOW = 5;

export function searchSql(scope: SearchScope, s: CatalogSearch): Prisma.Sql {
  const q = s.q.trim().toLowerCase();
  const tsq = toPrefixTsquery(q);
  const hasQuery = tsq !== "";
  const limit = s.limit ?? PAGE_SIZE;
  const offset = (s.page - 1) * limit;
  const withFacets = s.facets !== "0";
  const teams = scope.teamIds;

  const visible = scope.isPlatformAdmin
    ? Prisma.sql`TRUE`
    : Prisma.sql`(p."lifecycle" <> 'DRAFT' OR p."ownerTeamId" = ANY(${teams}::text[]))`;
  // A name match beats a description mention: ts_rank weighs A (name) 1.0, B 0.4, C (description) 0.2;
  // the name's own prefix and trigram similarity add to that, and carry typos that the tsquery misses.
  //
  // Typo matching is a fallback (docs/decisions/0014): the trigram branch only joins in when the
  // full-text match finds fewer than TYPO_FALLBACK_BELOW visible products (facet filters aside,
  // so the facet counts stay over one well-defined set). The count is an InitPlan that stops at
  // that many rows; when it says "enough", the `<%` test is never evaluated, which spares every
  // well-spelt query a trigram bitmap and recheck over the whole catalog.
  const visibleP2 = scope.isPlatformAdmin
    ? Prisma.sql`TRUE`
    : Prisma.sql`(p2."lifecycle" <> 'DRAFT' OR p2."ownerTeamId" = ANY(${teams}::text[]))`;
  const match = hasQuery
    ? Prisma.sql`(p."searchVector" @@ to_tsquery('english', ${tsq}) OR (
        (SELECT count(*) FROM (
           SELECT 1 FROM "DataProduct" p2
           WHERE ${visibleP2} AND p2."searchVector" @@ to_tsquery('english', ${tsq})
           LIMIT ${TYPO_FALLBACK_BELOW}) enough) < ${TYPO_FALLBACK_BELOW}
        AND ${q} <% p."searchText"))`
    : Prisma.sql`TRUE`;
  // Only computed when results are sorted by relevance: over tens of thousands of matches it is
  // the statement's most expensive part. The name terms are cheap (short strings).
  const rank =
    hasQuery && effectiveSort(s) === "relevance"
      ? Prisma.sql`(ts_rank(p."searchVector", to_tsquery('english', ${tsq}))
        + CASE WHEN lower(p."name") = ${q} THEN 1.0 WHEN starts_with(lower(p."name"), ${q}) THEN 0.5 ELSE 0 END
        + 0.5 * word_similarity(${q}, lower(p."name")))`
      : Prisma.sql`0::real`;

  const facetsSql = withFacets
    ? Prisma.sql`(
      SELECT coalesce(json_agg(json_build_object('facet', x.facet, 'value', x.value, 'label', x.label, 'count', x.n)), '[]'::json)
      FROM (
        SELECT 'domain' AS facet, d."slug" AS value, d."name" AS label, g.n_d AS n
          FROM grouped g JOIN "Domain" d ON d."id" = g."domainId" WHERE g.gs = 'domain' AND g.n_d > 0
        UNION ALL
        SELECT 'team', t."slug", t."name", g.n_t
          FROM grouped g JOIN "Team" t ON t."id" = g."ownerTeamId" WHERE g.gs = 'team' AND g.n_t > 0
        UNION ALL
        SELECT 'classification', g.cls, g.cls, g.n_c FROM grouped g WHERE g.gs = 'classification' AND g.n_c > 0
        UNION ALL
        SELECT 'lifecycle', g.lc, g.lc, g.n_l FROM grouped g WHERE g.gs = 'lifecycle' AND g.n_l > 0
        UNION ALL
        SELECT 'access', 'mine', 'I have access', g.n_a FROM grouped g WHERE g.gs = 'access' AND g.has_access
        UNION ALL
        SELECT * FROM (
          SELECT 'tag', tag, tag, count(*) AS n
          FROM f CROSS JOIN LATERAL unnest(f.tags) AS tag
          WHERE f.fd AND f.ft AND f.fc AND f.fl AND f.fa
          GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 40
        ) tags
      ) x
    )`
    : Prisma.sql`NULL::json`;

  return Prisma.sql`
WITH sel AS (
  SELECT
    coalesce((SELECT array_agg("id") FROM "Domain" WHERE "slug" = ANY(${s.domain}::text[])), '{}') AS domain_ids,
    coalesce((SELECT array_agg("id") FROM "Team" WHERE "slug" = ANY(${s.team}::text[])), '{}') AS team_ids
),
acc AS (
  SELECT DISTINCT g."dataProductId" AS id FROM "Grant" g
  WHERE g."teamId" = ANY(${teams}::text[]) AND g."kind" = 'CONSUME' AND g."status" = 'ACTIVE'
),
f AS MATERIALIZED (
  SELECT p."id", p."name", p."updatedAt", p."consumerCount", p."domainId", p."ownerTeamId", p."tags",
         p."classification"::text AS cls, p."lifecycle"::text AS lc,
         (p."ownerTeamId" = ANY(${teams}::text[]) OR acc.id IS NOT NULL) AS has_access,
         ${rank} AS rank,
         (cardinality(${s.domain}::text[]) = 0 OR p."domainId" = ANY(sel.domain_ids)) AS fd,
         (cardinality(${s.team}::text[]) = 0 OR p."ownerTeamId" = ANY(sel.team_ids)) AS ft,
         (cardinality(${s.tag}::text[]) = 0 OR p."tags" && ${s.tag}::text[]) AS ftag,
         (cardinality(${s.classification}::text[]) = 0 OR p."classification"::text = ANY(${s.classification}::text[])) AS fc,
         (cardinality(${s.lifecycle}::text[]) = 0 OR p."lifecycle"::text = ANY(${s.lifecycle}::text[])) AS fl,
         (${s.access === "mine"} = FALSE OR p."ownerTeamId" = ANY(${teams}::text[]) OR acc.id IS NOT NULL) AS fa
  FROM "DataProduct" p
  CROSS JOIN sel
  LEFT JOIN acc ON acc.id = p."id"
  WHERE ${visible} AND ${match}
),
hits AS (
  SELECT * FROM f WHERE fd AND ft AND ftag AND fc AND fl AND fa
),
page AS (
  -- A plain ORDER BY … LIMIT is a top-N heap sort; a window function over it would sort every hit.
  SELECT id, has_access, rank, name, "updatedAt", "consumerCount"
  FROM hits ORDER BY ${ORDER[effectiveSort(s)]} LIMIT ${limit} OFFSET ${offset}
),
grouped AS (
  -- One pass for five facets. Each facet counts the hits of every OTHER facet's filter,
  -- so a value's count is what you get by adding it to the selection.
  SELECT CASE
           WHEN GROUPING("domainId") = 0 THEN 'domain'
           WHEN GROUPING("ownerTeamId") = 0 THEN 'team'
           WHEN GROUPING(cls) = 0 THEN 'classification'
           WHEN GROUPING(lc) = 0 THEN 'lifecycle'
           ELSE 'access' END AS gs,
         "domainId", "ownerTeamId", cls, lc, has_access,
         count(*) FILTER (WHERE ft AND ftag AND fc AND fl AND fa)::int AS n_d,
         count(*) FILTER (WHERE fd AND ftag AND fc AND fl AND fa)::int AS n_t,
         count(*) FILTER (WHERE fd AND ft AND ftag AND fl AND fa)::int AS n_c,
         count(*) FILTER (WHERE fd AND ft AND ftag AND fc AND fa)::int AS n_l,
         count(*) FILTER (WHERE fd AND ft AND ftag AND fc AND fl)::int AS n_a
  FROM f
  WHERE ${withFacets}
  GROUP BY GROUPING SETS (("domainId"), ("ownerTeamId"), (cls), (lc), (has_access))
)
SELECT
  (SELECT count(*)::int FROM hits) AS total,
  (
    SELECT coalesce(json_agg(json_build_object(
      'id', p."id", 'slug', p."slug", 'name', p."name",
      'excerpt', left(regexp_replace(p."description", '[#*_\`>\\[\\]]', '', 'g'), 280),
      'lifecycle', p."lifecycle", 'classification', p."classification", 'containsPii', p."containsPii",
      'tags', p."tags", 'consumerCount', p."consumerCount", 'updatedAt', p."updatedAt", 'hasAccess', pg.has_access,
      'domain', json_build_object('slug', d."slug", 'name', d."name"),
      'team', json_build_object('slug', t."slug", 'name', t."name")
    ) ORDER BY ${PAGE_ORDER[effectiveSort(s)]}), '[]'::json)
    FROM page pg
    JOIN "DataProduct" p ON p."id" = pg.id
    JOIN "Domain" d ON d."id" = p."domainId"
    JOIN "Team" t ON t."id" = p."ownerTeamId"
  ) AS items,
  ${facetsSql} AS facets`;
}

/** The naive baseline the benchmark compares against: ILIKE over the same columns, no index help. */
export function naiveSearchSql(scope: SearchScope, s: CatalogSearch): Prisma.Sql {
  const pattern = `%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const limit = s.limit ?? PAGE_SIZE;
  const visible = scope.isPlatformAdmin
    ? Prisma.sql`TRUE`
    : Prisma.sql`(p."lifecycle" <> 'DRAFT' OR p."ownerTeamId" = ANY(${scope.teamIds}::text[]))`;
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
