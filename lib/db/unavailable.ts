import { Prisma } from "./generated/client";

// SQLSTATE classes and socket errors that mean "PostgreSQL did not answer", as opposed to a query
// it answered with an error: only these may be reported to users as the database being down.
const CONNECTION_SQLSTATES = /^(08|53|57P0)/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EPIPE"]);

/** Whether an error from `db` or `queryRows` means the database could not be reached or refused the connection. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (SOCKET_CODES.has(code) || CONNECTION_SQLSTATES.test(code))) return true;
    if (e instanceof Error && /Connection terminated|timeout exceeded when trying to connect/i.test(e.message)) return true;
  }
  return false;
}
