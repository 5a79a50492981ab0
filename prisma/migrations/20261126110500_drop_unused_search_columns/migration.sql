-- Hand-written first (docs/decisions/0016): search no longer reads "nameVector" (relevance ranks
-- its sample and the names starting with the query) nor "searchText" (typos are corrected against
-- "SearchTerm"), so the trigger stops computing them before they go, with their GIN indexes.
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

-- Re-runs the product trigger for the given products (an UPDATE that changes nothing else);
-- it used to touch "searchText".
CREATE OR REPLACE FUNCTION meshport_touch_products(ids text[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE "DataProduct" SET "name" = "name" WHERE "id" = ANY(ids);
$$;

-- DropIndex
DROP INDEX "DataProduct_nameVector_idx";

-- DropIndex
DROP INDEX "DataProduct_searchText_idx";

-- AlterTable
ALTER TABLE "DataProduct" DROP COLUMN "nameVector",
DROP COLUMN "searchText";
