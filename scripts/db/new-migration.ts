// Writes a new migration: the SQL that takes a database from the existing
// migrations to prisma/schema.prisma (computed by the schema engine on a
// throw-away shadow database). Like `prisma migrate dev --create-only`.
//
//   npx tsx scripts/db/new-migration.ts <name> [--apply]     (npm run db:migration:new -- <name>)
//
// Needs a running PostgreSQL at DATABASE_URL (default: the embedded server's
// URL) that may create databases. With --apply it also runs db:migrate.
// Hand-written SQL (extensions, triggers, ...) goes into a migration of its
// own: create an empty folder with a migration.sql by hand.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { embeddedDatabaseUrl } from "./pg";
import { ensureLockfile, MIGRATIONS_DIR, MIGRATION_FILE, readMigrationsList, REPO_ROOT, SCHEMA_PATH, SQL_ONLY_INDEXES } from "./migrations";
import { migrate, redact } from "./migrate";
import { createSchemaEngine, engineErrorMessage, exitOnEnginePanic, NO_FILTERS } from "./schema-engine";

/** The migration SQL from the migrations folder to the schema; null when there is nothing to do. */
export async function diffMigrationsToSchema(
  databaseUrl: string,
  schemaPath = SCHEMA_PATH,
  migrationsDir = MIGRATIONS_DIR,
): Promise<string | null> {
  const schema = await readFile(schemaPath, "utf8");
  const migrationsList = await readMigrationsList(migrationsDir);
  const relSchema = path.relative(REPO_ROOT, schemaPath);
  const { engine, close } = await createSchemaEngine(databaseUrl);
  try {
    const { stdout } = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: relSchema, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = withoutSqlOnlyIndexDrops(stdout ?? "");
    return isEmptyScript(sql) ? null : sql;
  } catch (error) {
    throw new Error(`Diffing the migrations against ${relSchema} failed:\n${engineErrorMessage(error)}`);
  } finally {
    await close();
  }
}

/** The engine's diff without its `DROP INDEX` of the indexes only migrations declare (SQL_ONLY_INDEXES). */
export function withoutSqlOnlyIndexDrops(sql: string): string {
  return SQL_ONLY_INDEXES.reduce((rest, name) => rest.replace(new RegExp(`(-- DropIndex\\n)?DROP INDEX "${name}";\\n?`, "g"), ""), sql);
}

/** The engine prints "-- This is an empty migration." when nothing changes. */
function isEmptyScript(sql: string): boolean {
  return sql
    .split("\n")
    .map((l) => l.trim())
    .every((l) => l === "" || l.startsWith("--"));
}

/** 20261126061800, in UTC, as Prisma names migration folders. */
export function migrationTimestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/** Prisma's rule: lower case, anything but [a-z0-9_] becomes "_". */
export function migrationSlug(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new Error(`"${name}" gives an empty migration name`);
  return slug.slice(0, 200);
}

export interface NewMigrationResult {
  /** Folder name, or null when the schema and migrations agree. */
  name: string | null;
  file?: string;
}

export async function newMigration(databaseUrl: string, name: string, migrationsDir = MIGRATIONS_DIR): Promise<NewMigrationResult> {
  const slug = migrationSlug(name);
  // The engine takes the connector from the lockfile, even for the first migration.
  await ensureLockfile(migrationsDir);
  const sql = await diffMigrationsToSchema(databaseUrl, SCHEMA_PATH, migrationsDir);
  if (sql === null) return { name: null };
  const folder = `${migrationTimestamp()}_${slug}`;
  const dir = path.join(migrationsDir, folder);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, MIGRATION_FILE);
  await writeFile(file, sql.endsWith("\n") ? sql : `${sql}\n`, { flag: "wx" });
  return { name: folder, file };
}

async function main(argv: string[]): Promise<void> {
  const apply = argv.includes("--apply");
  const unknown = argv.filter((a) => a.startsWith("--") && a !== "--apply" && a !== "--create-only");
  const names = argv.filter((a) => !a.startsWith("--"));
  if (unknown.length || names.length !== 1) {
    throw new Error("usage: tsx scripts/db/new-migration.ts <name> [--create-only (default) | --apply]");
  }
  const url = process.env.DATABASE_URL || embeddedDatabaseUrl();
  const result = await newMigration(url, names[0] as string);
  if (!result.name) {
    console.log("No changes: prisma/schema.prisma matches the migrations; nothing written.");
  } else {
    console.log(`Wrote ${path.relative(REPO_ROOT, result.file as string)}`);
  }
  if (apply) {
    const { applied } = await migrate(url);
    console.log(applied.length ? `Applied to ${redact(url)}: ${applied.join(", ")}` : `Nothing to apply to ${redact(url)}.`);
  } else if (result.name) {
    console.log("Not applied (run npm run db:migrate, or pass --apply).");
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  exitOnEnginePanic("db:migration:new");
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`db:migration:new: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
