-- DropIndex
DROP INDEX "DataProduct_name_idx";

-- AlterTable
ALTER TABLE "DataProduct" ADD COLUMN     "nameVector" tsvector,
ADD COLUMN     "sampleKey" DOUBLE PRECISION NOT NULL DEFAULT random();

-- CreateTable
CREATE TABLE "SearchTerm" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "SearchTerm_word_idx" ON "SearchTerm" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "DataProduct_nameVector_idx" ON "DataProduct" USING GIN ("nameVector");

-- CreateIndex
CREATE INDEX "DataProduct_sampleKey_idx" ON "DataProduct"("sampleKey");

-- CreateIndex
CREATE INDEX "DataProduct_name_id_idx" ON "DataProduct"("name", "id");

-- CreateIndex
CREATE INDEX "DataProduct_updatedAt_id_idx" ON "DataProduct"("updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "DataProduct_consumerCount_name_id_idx" ON "DataProduct"("consumerCount" DESC, "name", "id");

-- Hand-written from here (docs/decisions/0015-bounded-search.md): the search trigger also
-- keeps "nameVector" and the word list "SearchTerm" that misspelt queries are corrected against.
CREATE OR REPLACE FUNCTION meshport_product_search_fields() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  domain_name text;
  team_name text;
  field_names text;
BEGIN
  SELECT d."name" INTO domain_name FROM "Domain" d WHERE d."id" = NEW."domainId";
  SELECT t."name" INTO team_name FROM "Team" t WHERE t."id" = NEW."ownerTeamId";
  -- Field names of each output port's current (highest) schema version.
  SELECT string_agg(f.value ->> 'name', ' ') INTO field_names
  FROM "OutputPort" op
  CROSS JOIN LATERAL (
    SELECT sv."definition" FROM "SchemaVersion" sv
    WHERE sv."outputPortId" = op."id" ORDER BY sv."version" DESC LIMIT 1
  ) cur
  CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(cur."definition" -> 'fields') = 'array' THEN cur."definition" -> 'fields' ELSE '[]'::jsonb END
  ) f
  WHERE op."dataProductId" = NEW."id";

  NEW."searchVector" :=
       setweight(to_tsvector('english', coalesce(NEW."name", '')), 'A')
    || setweight(to_tsvector('english', array_to_string(NEW."tags", ' ')), 'B')
    || setweight(to_tsvector('english', coalesce(domain_name, '') || ' ' || coalesce(team_name, '')), 'B')
    -- Field names like order_id are split by the parser into order and id.
    || setweight(to_tsvector('english', coalesce(field_names, '')), 'B')
    || setweight(to_tsvector('english', coalesce(NEW."description", '')), 'C');
  NEW."nameVector" := setweight(to_tsvector('english', coalesce(NEW."name", '')), 'A');
  NEW."searchText" := lower(concat_ws(' ', NEW."name", array_to_string(NEW."tags", ' '), domain_name, team_name));
  NEW."consumerCount" := (
    SELECT count(DISTINCT g."teamId")::int FROM "Grant" g
    WHERE g."dataProductId" = NEW."id" AND g."kind" = 'CONSUME' AND g."status" = 'ACTIVE'
  );
  -- Words of three or more letters (numbers left out: "Orders 2024" adds nothing to correct
  -- against). Sorted, so two transactions adding the same new words cannot deadlock.
  INSERT INTO "SearchTerm" ("word")
  SELECT DISTINCT w
  FROM regexp_split_to_table(lower(concat_ws(' ', NEW."name", array_to_string(NEW."tags", ' '), domain_name, team_name, field_names)), '[^[:alnum:]]+') AS w
  WHERE length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9]+$'
  ORDER BY w
  ON CONFLICT ("word") DO NOTHING;
  RETURN NEW;
END
$$;

-- Backfill: fire the trigger once for every existing product.
UPDATE "DataProduct" SET "searchText" = "searchText";
