// The local registry's own database, on the same PostgreSQL as Meshport's (DATABASE_URL, else the
// embedded one on MESHPORT_PG_PORT). Usage: node scripts/registry/database.mjs ensure|drop
// `ensure` prints "JDBC_URL USER PASSWORD" for registry.sh. Plain ESM so it needs no tsx.
import pg from "pg";

const NAME = process.env.MESHPORT_REGISTRY_DATABASE || "meshport_registry";
const base = new URL(
  process.env.DATABASE_URL || `postgresql://meshport:meshport@localhost:${process.env.MESHPORT_PG_PORT || 54329}/meshport`,
);

const client = new pg.Client({ connectionString: base.toString(), connectionTimeoutMillis: 5000 });
await client.connect();
try {
  const quoted = `"${NAME.replaceAll('"', '""')}"`;
  if (process.argv[2] === "drop") {
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
  } else {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoted}`);
    const port = base.port || "5432";
    const jdbc = `jdbc:postgresql://${base.hostname}:${port}/${NAME}${base.search}`;
    console.log(`${jdbc} ${decodeURIComponent(base.username)} ${decodeURIComponent(base.password)}`);
  }
} finally {
  await client.end();
}
