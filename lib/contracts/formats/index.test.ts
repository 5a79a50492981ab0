import { describe, expect, it } from "vitest";
import { parseSchema } from ".";

// Escapes like \u0000 and lone \ud800 are valid JSON but cannot be stored in jsonb: refused at the schema field.
describe("schema strings obey the text rules", () => {
  const avro = (doc: string) => `{"type":"record","name":"Order","fields":[{"name":"id","type":"string","doc":"${doc}"}]}`;
  const json = (title: string) => `{"type":"object","title":"${title}","properties":{"id":{"type":"string"}}}`;

  it.each([
    ["AVRO", avro("\\u0000")],
    ["AVRO", avro("\\ud800")],
    ["JSON_SCHEMA", json("\\u0000")],
  ] as const)("%s %s is refused", (format, text) => {
    const result = parseSchema(format, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.message).toMatch(/^In the schema's strings: /);
  });

  it("an ordinary schema still parses", () => {
    expect(parseSchema("AVRO", avro("The order's id")).ok).toBe(true);
    expect(parseSchema("JSON_SCHEMA", json("Order")).ok).toBe(true);
  });
});
