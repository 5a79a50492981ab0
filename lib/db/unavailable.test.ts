import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

const withCode = (code: string) => Object.assign(new Error("x"), { code });

describe("isDatabaseUnavailable", () => {
  it("is true for a refused or dropped connection, also when wrapped", () => {
    expect(isDatabaseUnavailable(withCode("ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("57P01"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: withCode("08006") }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
  });
  it("is false for an error PostgreSQL answered with: the cause is the query, not the database", () => {
    expect(isDatabaseUnavailable(withCode("22021"))).toBe(false); // invalid byte sequence (a NUL)
    expect(isDatabaseUnavailable(withCode("P2002"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });
});
