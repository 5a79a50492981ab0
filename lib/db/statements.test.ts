import { describe, expect, it } from "vitest";
import { namedStatement } from "./statements";

describe("namedStatement", () => {
  it("names a statement after its text alone, within PostgreSQL's 63-byte identifiers", () => {
    const a = namedStatement({ text: "SELECT $1::int", values: [1] });
    const b = namedStatement({ text: "SELECT $1::int", values: [2] });
    const c = namedStatement({ text: "SELECT $1::text", values: ["1"] });
    expect(a.name).toBe(b.name);
    expect(a.name).not.toBe(c.name);
    expect(a.name.length).toBeLessThanOrEqual(63);
    expect(b).toMatchObject({ text: "SELECT $1::int", values: [2] });
  });
});
