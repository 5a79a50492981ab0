import { Prisma } from "./generated/client";
import { DATABASE_DOWN_DIGEST } from "./outage";

// SQLSTATE classes and socket errors that mean "PostgreSQL did not answer", as opposed to a query
// it answered with an error: only these may be reported to users as the database being down.
const CONNECTION_SQLSTATES = /^(08|53|57P0)/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EPIPE"]);
// Prisma's own codes for the same: cannot reach, timed out, connection closed, no connection free in the pool.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
// What @prisma/adapter-pg calls them (an error's meta.driverAdapterError.cause.kind).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

type Inspectable = { code?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

/** Whether an error from `db` or `queryRows` means the database could not be reached or refused the connection. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError || error instanceof DatabaseUnavailableError) return true;
  // Follows causes, and Prisma's driver-adapter error (where a query cut by a shutdown keeps the SQLSTATE).
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 10; seen++) {
    const e = queue.shift();
    if (!e || typeof e !== "object") continue;
    const { code, kind, cause, meta } = e as Inspectable;
    if (typeof code === "string" && (SOCKET_CODES.has(code) || CONNECTION_SQLSTATES.test(code) || PRISMA_CODES.has(code))) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (e instanceof Error && /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable/i.test(e.message)) return true;
    queue.push(cause, meta?.driverAdapterError);
  }
  return false;
}

/** A query that failed because PostgreSQL did not answer, tagged so error boundaries can say so (lib/db/outage.ts). */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_DOWN_DIGEST;
  constructor(cause: unknown) {
    super("Meshport's database did not answer", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/** Rethrows `error`, as a DatabaseUnavailableError when it means the database did not answer. */
export function rethrowTagged(error: unknown): never {
  throw isDatabaseUnavailable(error) && !(error instanceof DatabaseUnavailableError) ? new DatabaseUnavailableError(error) : error;
}
