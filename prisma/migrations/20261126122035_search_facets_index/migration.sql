-- One GIN index over every facet filter, so that a view ticking two facets (a tag and a
-- classification, a domain and a tag…) reads only the products that pass both, instead of every
-- product that passes one (docs/decisions/0025). btree_gin gives the scalar columns GIN operator
-- classes; it ships with PostgreSQL's contrib modules, like pg_trgm.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- DropIndex
DROP INDEX "DataProduct_tags_idx";

-- CreateIndex
CREATE INDEX "DataProduct_facets_idx" ON "DataProduct" USING GIN ("tags", "classification" enum_ops, "lifecycle" enum_ops, "domainId" text_ops, "ownerTeamId" text_ops);
