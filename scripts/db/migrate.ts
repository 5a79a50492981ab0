// Applies prisma/migrations to DATABASE_URL (default: the embedded server's
// URL), recording them in `_prisma_migrations` as `prisma migrate deploy` does.
//
//   npx tsx scripts/db/migrate.ts        (npm run db:migrate)
import path from "node:path";
import { pathToFileURL } from "node:url";
import { embeddedDatabaseUrl } from "./pg";
import { MIGRATIONS_DIR, readMigrationsList } from "./migrations";
import { createSchemaEngine, engineErrorMessage, exitOnEnginePanic, NO_FILTERS } from "./schema-engine";

export interface MigrateResult {
  /** Names of the migrations this call applied, in order (empty when up to date). */
  applied: string[];
  /** Number of migration folders found. */
  total: number;
}

/** Applies every pending migration in `migrationsDir` to `databaseUrl`. Throws on failure. */
export async function migrate(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrationsList = await readMigrationsList(migrationsDir);
  const { engine, close } = await createSchemaEngine(databaseUrl);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return { applied: appliedMigrationNames, total: migrationsList.migrationDirectories.length };
  } catch (error) {
    throw new Error(`Migrating ${redact(databaseUrl)} failed:\n${engineErrorMessage(error)}`);
  } finally {
    await close();
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<invalid DATABASE_URL>";
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || embeddedDatabaseUrl();
  const started = Date.now();
  const { applied, total } = await migrate(url).catch((error: unknown) => {
    if (!process.env.DATABASE_URL && /reach database server/i.test(String(error))) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n(Start the embedded server: npx tsx scripts/db/pg.ts start)`);
    }
    throw error;
  });
  const ms = Date.now() - started;
  if (applied.length === 0) {
    console.log(`No pending migrations (${total} already applied to ${redact(url)}; ${ms} ms).`);
  } else {
    console.log(`Applied ${applied.length} migration(s) to ${redact(url)} in ${ms} ms:`);
    for (const name of applied) console.log(`  ${name}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  exitOnEnginePanic("db:migrate");
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`db:migrate: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
