-- The sampleKey covering index without searchVector: 15 MB instead of 68 MB at 100k products.
-- A set without text (browse, facet-only views, the facet sets of those views) reads 1,001
-- matches in sampleKey order from it, index-only, over a fifth of the pages: the scan itself,
-- not the filters, was the cost (21,000 entries: 6.5 → 2.1 ms). Sets with text still read
-- "DataProduct_sampleKey_idx", which carries searchVector; the planner picks the smaller index
-- that covers the statement (docs/decisions/0025). As for that index, the schema declares what
-- Prisma reads back (INCLUDE columns as key columns).
CREATE INDEX "DataProduct_sampleKey_facets_idx" ON "DataProduct" ("sampleKey")
  INCLUDE ("id", "lifecycle", "ownerTeamId", "domainId", "classification", "tags", "consumerCount", "name", "updatedAt");
