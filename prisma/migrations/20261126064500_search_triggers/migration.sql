-- Search columns of "DataProduct", kept in sync by the database itself
-- (docs/decisions/0010-search-in-postgresql.md). Hand-written: Prisma's schema
-- language cannot express functions or triggers.
--
--   searchVector  weighted tsvector: name (A); tags, domain, owner team, schema
--                 field names (B); description (C)
--   searchText    lower-case name, tags, domain and team, for pg_trgm typo matching
--   consumerCount distinct teams with an ACTIVE CONSUME grant
--
-- The BEFORE trigger on "DataProduct" computes all three; changes elsewhere
-- (domain or team renamed, schema version added, grant changed) "touch" the
-- affected products so that trigger runs again.

-- Typo tolerance: "invnetory" vs "inventory" has a word similarity of 0.43;
-- pg_trgm's default threshold (0.6) would miss it. Per database, so every
-- connection (app, tests, benchmark) searches the same way.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET pg_trgm.word_similarity_threshold = 0.4', current_database());
END
$$;
SET pg_trgm.word_similarity_threshold = 0.4;

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
  NEW."searchText" := lower(concat_ws(' ', NEW."name", array_to_string(NEW."tags", ' '), domain_name, team_name));
  NEW."consumerCount" := (
    SELECT count(DISTINCT g."teamId")::int FROM "Grant" g
    WHERE g."dataProductId" = NEW."id" AND g."kind" = 'CONSUME' AND g."status" = 'ACTIVE'
  );
  RETURN NEW;
END
$$;

CREATE TRIGGER "DataProduct_search_fields"
BEFORE INSERT OR UPDATE ON "DataProduct"
FOR EACH ROW EXECUTE FUNCTION meshport_product_search_fields();

-- Re-runs the trigger above for the given products (an UPDATE that changes nothing else).
CREATE OR REPLACE FUNCTION meshport_touch_products(ids text[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE "DataProduct" SET "searchText" = "searchText" WHERE "id" = ANY(ids);
$$;

CREATE OR REPLACE FUNCTION meshport_domain_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM meshport_touch_products(ARRAY(SELECT p."id" FROM "DataProduct" p WHERE p."domainId" = NEW."id"));
  RETURN NULL;
END
$$;
CREATE TRIGGER "Domain_search_sync"
AFTER UPDATE OF "name" ON "Domain"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
EXECUTE FUNCTION meshport_domain_search_sync();

CREATE OR REPLACE FUNCTION meshport_team_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM meshport_touch_products(ARRAY(SELECT p."id" FROM "DataProduct" p WHERE p."ownerTeamId" = NEW."id"));
  RETURN NULL;
END
$$;
CREATE TRIGGER "Team_search_sync"
AFTER UPDATE OF "name" ON "Team"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name")
EXECUTE FUNCTION meshport_team_search_sync();

CREATE OR REPLACE FUNCTION meshport_schema_version_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  port_ids text[];
BEGIN
  IF TG_OP = 'DELETE' THEN
    port_ids := ARRAY[OLD."outputPortId"];
  ELSIF TG_OP = 'UPDATE' THEN
    port_ids := ARRAY[OLD."outputPortId", NEW."outputPortId"];
  ELSE
    port_ids := ARRAY[NEW."outputPortId"];
  END IF;
  PERFORM meshport_touch_products(ARRAY(
    SELECT DISTINCT op."dataProductId" FROM "OutputPort" op WHERE op."id" = ANY(port_ids)
  ));
  RETURN NULL;
END
$$;
CREATE TRIGGER "SchemaVersion_search_sync"
AFTER INSERT OR UPDATE OR DELETE ON "SchemaVersion"
FOR EACH ROW EXECUTE FUNCTION meshport_schema_version_search_sync();

CREATE OR REPLACE FUNCTION meshport_grant_consumer_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM meshport_touch_products(ARRAY[OLD."dataProductId"]);
  ELSIF TG_OP = 'UPDATE' THEN
    IF OLD."status" IS DISTINCT FROM NEW."status" OR OLD."kind" IS DISTINCT FROM NEW."kind"
       OR OLD."teamId" IS DISTINCT FROM NEW."teamId" OR OLD."dataProductId" IS DISTINCT FROM NEW."dataProductId" THEN
      PERFORM meshport_touch_products(ARRAY[OLD."dataProductId", NEW."dataProductId"]);
    END IF;
  ELSIF NEW."kind" = 'CONSUME' THEN
    PERFORM meshport_touch_products(ARRAY[NEW."dataProductId"]);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "Grant_consumer_sync"
AFTER INSERT OR UPDATE OR DELETE ON "Grant"
FOR EACH ROW EXECUTE FUNCTION meshport_grant_consumer_sync();

-- Facets and sorts the catalog offers.
CREATE INDEX "DataProduct_tags_idx" ON "DataProduct" USING GIN ("tags");
CREATE INDEX "DataProduct_name_idx" ON "DataProduct" ("name");

-- Backfill: fire the trigger once for every existing product.
UPDATE "DataProduct" SET "searchText" = "searchText";
