// Prisma's schema engine (migrations, diff) loaded from its WebAssembly build,
// driven through the `@prisma/adapter-pg` driver adapter. The Prisma CLI would
// download a native engine binary, which this machine cannot do; see
// docs/decisions/0001-prisma-migrations-with-wasm-engine.md and
// /work/shared/notes/machine-facts.md.
//
// Three things of adapter-pg 7.10 are corrected here, for the engine only:
//  1. PostgreSQL's internal `"char"` type (OID 18), which the engine reads from
//     pg_catalog when it describes a schema, has no column-type mapping and
//     fails with "Column type 'char' could not be deserialized". Rewriting the
//     OID to text (25) is not enough on PostgreSQL 18: its NOT NULL constraints
//     appear in pg_constraint, the engine reads `contype` with as_char() and
//     panics on a text value. So such columns are passed as ColumnType
//     Character, which is what the native engine sees. (Queries inside
//     transactions get text only; the engine does not describe in one.)
//  2. `connectToShadowDb()` with a connection string reuses the URL's database,
//     so the "shadow" database would be the real one. Ours creates a throw-away
//     database and drops it WITH (FORCE) after closing its pool.
//  3. `executeScript()` splits a script on every ";", which breaks function
//     bodies, DO blocks and string literals, and runs the statements one by one.
//     Ours sends the script whole as one simple query, as the native engine
//     does (PostgreSQL then runs it in one implicit transaction).
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import type * as WasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { SchemaEngine };
export type {
  ApplyMigrationsOutput,
  DiffResult,
  MigrationDirectory,
  MigrationList,
  SchemaFilter,
} from "@prisma/schema-engine-wasm/schema_engine_bg";

type Bindings = typeof WasmBindings;

const CHAR_OID = 18;
const TEXT_OID = 25;

// ---------------------------------------------------------------- pg client

const CHAR_MARK = Symbol("meshport.char");
type FieldLike = { dataTypeID: number; [CHAR_MARK]?: true };
type ResultLike = { fields?: FieldLike[] };

/** Reports `"char"` fields as text (adapter-pg throws on OID 18) and marks them. */
function charAsText(res: unknown): void {
  for (const r of Array.isArray(res) ? (res as ResultLike[]) : [res as ResultLike]) {
    for (const f of r?.fields ?? []) {
      if (f.dataTypeID === CHAR_OID) {
        f.dataTypeID = TEXT_OID;
        f[CHAR_MARK] = true;
      }
    }
  }
}

/** Indexes of the fields charAsText marked. */
function charColumns(res: unknown): number[] {
  const fields = (res as ResultLike | undefined)?.fields ?? [];
  return fields.flatMap((f, i) => (f[CHAR_MARK] ? [i] : []));
}

type QueryFn = (...a: unknown[]) => unknown;

/** A pg client whose results never carry OID 18 (see charAsText). Used by every connection, transactions included. */
class CharAsTextClient extends pg.Client {
  // One override for all of pg's call styles (callback, promise, submittable).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last: unknown = args[args.length - 1];
    if (typeof last === "function") {
      const cb = last as (err: unknown, res: unknown) => void;
      return (super.query as QueryFn).call(this, ...args.slice(0, -1), (err: unknown, res: unknown) => {
        if (res) charAsText(res);
        cb(err, res);
      });
    }
    const out = (super.query as QueryFn).call(this, ...args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then((res) => {
        charAsText(res);
        return res;
      });
    }
    return out;
  }
}

interface CharCapture {
  columns: number[];
}

/**
 * A pool that tells EngineAdapter.queryRaw which columns were `"char"`, so they reach
 * the engine as ColumnType Character: the engine reads pg_constraint.contype and the
 * like with `as_char()`, which fails on text ("... as char failed" panic).
 * adapter-pg calls pool.query() synchronously inside queryRaw(), so the capture slot
 * set just before that call is the one this query picks up.
 */
class EnginePool extends pg.Pool {
  captureNext: CharCapture | undefined;

  constructor(connectionString: string) {
    super({ connectionString, max: 4, Client: CharAsTextClient as unknown as new () => pg.ClientBase });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const capture = this.captureNext;
    this.captureNext = undefined;
    const out = (super.query as QueryFn).call(this, ...args);
    if (capture && out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then((res) => {
        capture.columns = charColumns(res);
        return res;
      });
    }
    return out;
  }
}

// ---------------------------------------------------------------- adapter

/** Delegates to adapter-pg; replaces `executeScript` (defect 3) and adds a cleanup on dispose. */
class EngineAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly pool: EnginePool,
    private readonly afterDispose?: () => Promise<void>,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async queryRaw(params: SqlQuery): Promise<SqlResultSet> {
    const capture: CharCapture = { columns: [] };
    this.pool.captureNext = capture;
    let pending: Promise<SqlResultSet>;
    try {
      pending = this.inner.queryRaw(params);
    } finally {
      this.pool.captureNext = undefined;
    }
    const result = await pending;
    for (const i of capture.columns) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  }
  executeRaw(params: SqlQuery): Promise<number> {
    return this.inner.executeRaw(params);
  }
  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return this.inner.startTransaction(isolationLevel);
  }
  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: true };
  }
  async executeScript(script: string): Promise<void> {
    try {
      await this.pool.query(script);
    } catch (error) {
      if (error instanceof pg.DatabaseError) {
        // The same shape adapter-pg gives the engine for a PostgreSQL error.
        throw new DriverAdapterError({
          kind: "postgres",
          code: error.code ?? "N/A",
          severity: error.severity ?? "N/A",
          message: error.message,
          detail: error.detail,
          column: error.column,
          hint: error.hint,
        });
      }
      throw error;
    }
  }
  private disposed: Promise<void> | undefined;

  /** Idempotent: the engine may dispose an adapter, and BoundEngine.close() disposes whatever it did not. */
  dispose(): Promise<void> {
    this.disposed ??= (async () => {
      try {
        await this.inner.dispose();
      } finally {
        await this.afterDispose?.();
      }
    })();
    return this.disposed;
  }
}

async function connectAdapter(connectionString: string, afterDispose?: () => Promise<void>): Promise<EngineAdapter> {
  const pool = new EnginePool(connectionString);
  const inner = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  return new EngineAdapter(inner, pool, afterDispose);
}

/** `url` with its database replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Runs `sql` once on `url` with a short-lived client. */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A driver-adapter factory for the engine, with a real throw-away shadow database (defect 2). */
export class MeshportAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";

  /** Adapters handed to the engine and not yet disposed. */
  private readonly open = new Set<EngineAdapter>();

  constructor(private readonly databaseUrl: string) {}

  private track(adapter: EngineAdapter): EngineAdapter {
    this.open.add(adapter);
    return adapter;
  }

  /**
   * Closes every pool the engine opened and drops its shadow databases. The engine does
   * not always dispose its adapters (engine.free() does not): left open, a pool keeps
   * the session advisory lock applyMigrations takes, and the next migrate waits ~10 s
   * for the pool's idle timeout; shadow databases would stay behind.
   */
  async disposeAll(): Promise<void> {
    const adapters = [...this.open];
    this.open.clear();
    const results = await Promise.allSettled(adapters.map((a) => a.dispose()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await connectAdapter(this.databaseUrl));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    const ident = pg.escapeIdentifier(name);
    await adminQuery(this.databaseUrl, `CREATE DATABASE ${ident}`);
    const drop = () => adminQuery(this.databaseUrl, `DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
    try {
      return this.track(await connectAdapter(withDatabase(this.databaseUrl, name), drop));
    } catch (error) {
      await drop().catch(() => undefined);
      throw error;
    }
  }
}

// ---------------------------------------------------------------- engine

let bindings: Promise<Bindings> | undefined;

/**
 * The engine reports a Rust panic through this global before it traps ("unreachable");
 * without it the panic turns into "Cannot read properties of undefined (reading 'set_message')".
 * After a panic the WASM instance must not be used again: the next load starts a fresh one.
 */
interface PanicRegistry {
  message: string | undefined;
  set_message(message: string): void;
}
const panicRegistry: PanicRegistry = ((globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry }).PRISMA_WASM_PANIC_REGISTRY ??= {
  message: undefined,
  set_message(message: string) {
    this.message = message;
  },
});

/** Instantiates the WASM module once per process (its JS glue holds module-level state). */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const bg: Bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    // The .wasm is not in the package's "exports"; it sits next to the JS glue.
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const bytes = await readFile(wasmPath);
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return bindings;
}

export interface EngineOptions {
  /** Schema files the engine starts with (only needed for commands that read "the" schema). */
  datamodels?: { path: string; content: string }[];
  /** Receives the engine's JSON log lines; set MESHPORT_ENGINE_LOG=1 to print them instead. */
  onLog?: (line: string) => void;
}

export interface BoundEngine {
  engine: SchemaEngine;
  /** Frees the engine, closes its connections and drops its shadow databases. Idempotent. */
  close(): Promise<void>;
}

/** Engines not yet closed; exitOnEnginePanic() closes them before exiting. */
const liveEngines = new Set<BoundEngine>();

/** The WASM schema engine bound to `databaseUrl` through adapter-pg. */
export async function createSchemaEngine(databaseUrl: string, options: EngineOptions = {}): Promise<BoundEngine> {
  const bg = await loadBindings();
  const onLog =
    options.onLog ?? (process.env.MESHPORT_ENGINE_LOG ? (line: string) => console.error(`[schema-engine] ${line}`) : () => {});
  const adapters = new MeshportAdapterFactory(databaseUrl);
  const factory = bindMigrationAwareSqlAdapterFactory(adapters);
  const engine = await bg.SchemaEngine.new(
    { datamodels: options.datamodels?.map((d) => [d.path, d.content] as [string, string]) },
    (line: string) => onLog(line),
    factory,
  );
  let closed: Promise<void> | undefined;
  const bound: BoundEngine = {
    engine,
    close() {
      closed ??= (async () => {
        liveEngines.delete(bound);
        try {
          engine.free();
        } catch {
          // After a panic the instance is unusable; the connections still need closing.
        }
        await adapters.disposeAll();
      })();
      return closed;
    },
  };
  liveEngines.add(bound);
  return bound;
}

/** The engine's errors arrive as strings, Errors or JSON-ish objects; make them readable. */
export function engineErrorMessage(error: unknown): string {
  const panic = takePanic();
  if (panic) return panic;
  let text: string;
  if (error instanceof Error) text = error.message;
  else if (typeof error === "string") text = error;
  else {
    try {
      text = JSON.stringify(error, null, 2);
    } catch {
      text = String(error);
    }
  }
  // Drop the engine's span trace ("   0: sql_schema_connector::... at ...rs:113").
  const lines = text.split("\n");
  const trace = lines.findIndex((l) => /^\s+0: \S+::/.test(l));
  return (trace > 0 ? lines.slice(0, trace) : lines).join("\n").trimEnd();
}

/** The message of a panic the engine reported, if any (and forgets the poisoned instance). */
function takePanic(): string | undefined {
  const message = panicRegistry.message;
  if (!message) return undefined;
  panicRegistry.message = undefined;
  bindings = undefined;
  return `schema engine panicked: ${message}`;
}

/**
 * A panic traps inside a promise job of the WASM glue, so it surfaces as an uncaught
 * exception, not as a rejection of the awaited call. CLI scripts call this to print
 * the panic's message and exit non-zero.
 */
export function exitOnEnginePanic(prefix: string): void {
  process.on("uncaughtException", (error) => {
    console.error(`${prefix}: ${takePanic() ?? (error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
    // Drop shadow databases and close pools, but never hang on the way out.
    const cleanup = Promise.allSettled([...liveEngines].map((e) => e.close()));
    const timeout = new Promise((resolve) => setTimeout(resolve, 5000).unref());
    void Promise.race([cleanup, timeout]).finally(() => process.exit(1));
  });
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
