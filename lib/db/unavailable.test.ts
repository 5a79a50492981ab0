import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, isDatabaseUnavailable, rethrowTagged } from "./unavailable";
import { isDatabaseDownDigest } from "./outage";

const withCode = (code: string) => Object.assign(new Error("x"), { code });

describe("isDatabaseUnavailable", () => {
  it("is true for a refused or dropped connection, also when wrapped", () => {
    expect(isDatabaseUnavailable(withCode("ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("57P01"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: withCode("08006") }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
  });
  it("sees through Prisma's driver-adapter errors, as a query cut by a fast shutdown throws them", () => {
    const adapter = (cause: object) => Object.assign(new Error("DriverAdapterError"), { cause });
    const prisma = (code: string, cause: object) => Object.assign(new Error("Invalid invocation"), { code, meta: { driverAdapterError: adapter(cause) } });
    expect(isDatabaseUnavailable(prisma("P2039", { kind: "postgres", code: "57P03", message: "the database system is shutting down" }))).toBe(true);
    expect(isDatabaseUnavailable(prisma("P2039", { kind: "ConnectionClosed" }))).toBe(true);
    expect(isDatabaseUnavailable(withCode("P1001"))).toBe(true); // can't reach database server
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true); // pg, a pooled client cut
    expect(isDatabaseUnavailable(prisma("P2039", { kind: "postgres", code: "22P02", message: "invalid input syntax" }))).toBe(false);
    expect(isDatabaseUnavailable(prisma("P2002", { kind: "UniqueConstraintViolation" }))).toBe(false);
  });
  it("is false for an error PostgreSQL answered with: the cause is the query, not the database", () => {
    expect(isDatabaseUnavailable(withCode("22021"))).toBe(false); // invalid byte sequence (a NUL)
    expect(isDatabaseUnavailable(withCode("P2002"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });
  it("tags an unavailable database with the digest error boundaries read, and leaves other errors as they were", () => {
    const refused = withCode("ECONNREFUSED");
    let thrown: unknown;
    try {
      rethrowTagged(refused);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DatabaseUnavailableError);
    expect(isDatabaseDownDigest(thrown as DatabaseUnavailableError)).toBe(true);
    expect((thrown as Error).cause).toBe(refused);
    expect(isDatabaseUnavailable(thrown)).toBe(true);
    // Tagged once, however many layers rethrow it.
    expect(() => rethrowTagged(thrown)).toThrow(expect.objectContaining({ cause: refused }));
    const unique = withCode("P2002");
    expect(() => rethrowTagged(unique)).toThrow(unique);
    expect(isDatabaseDownDigest({ digest: "1234567" })).toBe(false);
  });
});
