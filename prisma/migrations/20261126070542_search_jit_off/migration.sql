-- JIT off for Meshport's database (docs/decisions/0014-search-at-scale.md).
-- Hand-written: a database setting, nothing Prisma's schema language describes.
--
-- Meshport is an OLTP portal: short statements, answered in milliseconds. PostgreSQL's
-- JIT compiles a plan once its estimated cost passes jit_above_cost, and the catalog
-- search (one statement with facets, lib/catalog/search-sql.ts) passes it at 10k+
-- products: compiling cost 200-1200 ms per call on the 100k benchmark catalog, more
-- than running the statement. JIT only pays off for long analytical queries, which
-- the portal does not run.
--
-- ALTER DATABASE ... SET applies to new connections; the SET below covers this one.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
END
$$;
SET jit = off;
