// prisma/migrations applied by scripts/db/migrate.ts (Prisma's WASM schema
// engine) to a throw-away database on the PostgreSQL at DATABASE_URL.
import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../scripts/db/migrate";
import { MIGRATIONS_DIR, readMigrationFolders, SCHEMA_PATH, SQL_ONLY_INDEXES } from "../../scripts/db/migrations";
import { diffMigrationsToSchema, withoutSqlOnlyIndexDrops } from "../../scripts/db/new-migration";
import { embeddedDatabaseUrl } from "../../scripts/db/pg";
import { adminQuery, withDatabase } from "../../scripts/db/schema-engine";

const baseUrl = process.env.DATABASE_URL || embeddedDatabaseUrl();
const database = `meshport_migrations_test_${randomBytes(6).toString("hex")}`;
const url = withDatabase(baseUrl, database);
let client: pg.Client;

beforeAll(async () => {
  await adminQuery(baseUrl, `CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
});

describe("prisma migrations", () => {
  it("applies every migration folder once, recorded as prisma migrate deploy records it", async () => {
    const folders = await readMigrationFolders(MIGRATIONS_DIR);
    expect(folders.length).toBeGreaterThanOrEqual(2);

    const first = await migrate(url);
    expect(first.applied).toEqual(folders.map((f) => f.name));

    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
    }>("SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM _prisma_migrations ORDER BY migration_name");
    expect(rows.map((r) => r.migration_name)).toEqual(folders.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      const folder = folders[i]!;
      // Prisma's checksum: sha256 of the migration.sql bytes, hex.
      const file = await readFile(`${MIGRATIONS_DIR}/${folder.name}/migration.sql`);
      expect(row.checksum, folder.name).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at, folder.name).toBeInstanceOf(Date);
      expect(row.rolled_back_at, folder.name).toBeNull();
      expect(row.applied_steps_count, folder.name).toBe(1);
      expect(row.logs, folder.name).toBeNull();
    }
  });

  it("applies nothing the second time", async () => {
    const again = await migrate(url);
    expect(again.applied).toEqual([]);
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations");
    expect(rows[0]?.n).toBe(again.total);
  });

  it("creates a table for every model and the search extensions", async () => {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const models = [...schema.matchAll(/^model\s+(\w+)\s*\{/gm)].map((m) => m[1]!);
    expect(models).toContain("Domain");
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const tables = rows.map((r) => r.table_name);
    for (const model of models) expect(tables, model).toContain(model);

    const ext = await client.query<{ extname: string }>("SELECT extname FROM pg_extension");
    expect(ext.rows.map((r) => r.extname)).toEqual(expect.arrayContaining(["pg_trgm", "citext", "btree_gin"]));
  });

  it("creates the indexes the schema cannot declare, which diffs then leave alone", async () => {
    const { rows } = await client.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'");
    expect(rows.map((r) => r.indexname)).toEqual(expect.arrayContaining(SQL_ONLY_INDEXES));
    const drop = `-- DropIndex\nDROP INDEX "${SQL_ONLY_INDEXES[0]}";\n\n-- DropIndex\nDROP INDEX "Other_idx";\n`;
    expect(withoutSqlOnlyIndexDrops(drop)).toBe(`\n-- DropIndex\nDROP INDEX "Other_idx";\n`);
  });

  it("matches prisma/schema.prisma (no migration missing)", async () => {
    const sql = await diffMigrationsToSchema(baseUrl);
    expect(sql, "schema.prisma differs from the migrations: run npm run db:migration:new -- <name>").toBeNull();
  });
});
