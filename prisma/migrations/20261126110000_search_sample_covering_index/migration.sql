-- Search reads every counted set in "sampleKey" order and stops after 1,001 matches
-- (docs/decisions/0015). With every column those reads test or return carried in the index,
-- they are index-only scans over pages already in sampleKey order, instead of one random heap
-- page per product visited: about 3x less work for a set that matches one product in ten
-- (docs/decisions/0016). Prisma's schema cannot say INCLUDE, so the index keeps the name Prisma
-- gives @@index([sampleKey]), and Prisma sees the index it expects.
DROP INDEX "DataProduct_sampleKey_idx";
CREATE INDEX "DataProduct_sampleKey_idx" ON "DataProduct" ("sampleKey")
  INCLUDE ("id", "lifecycle", "ownerTeamId", "domainId", "classification", "tags", "consumerCount", "name", "updatedAt", "searchVector");

-- Sampled relevance searches rank the names that start with the query, read in order ("C" so a
-- prefix LIKE can use it whatever the database's collation).
CREATE INDEX "DataProduct_name_prefix_idx" ON "DataProduct" ((lower("name") COLLATE "C"));

-- An index-only scan still reads the table for pages changed since the last vacuum; vacuum
-- the catalog after 2 % of it changed (default 20 %) so search stays index-only.
ALTER TABLE "DataProduct" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
