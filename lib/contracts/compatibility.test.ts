import { describe, expect, it } from "vitest";
import type { CompatibilityMode } from "@/lib/schema-registry/types";
import { breakingReasons, satisfiesFloor } from "./compatibility";
import { diffSchemas } from "./diff";
import { parseSchema } from "./formats";
import type { SchemaFormat } from "./model";

const avro = (fields: object[]) => JSON.stringify({ type: "record", name: "Order", fields });
const json = (properties: object, required: string[] = [], extra: object = {}) => JSON.stringify({ type: "object", properties, required, ...extra });

const id = { name: "id", type: "string" };
const amount = { name: "amount", type: "int" };

function check(format: SchemaFormat, mode: CompatibilityMode, before: string, after: string) {
  const a = parseSchema(format, before);
  const b = parseSchema(format, after);
  if (!a.ok || !b.ok) throw new Error(`fixture does not parse: ${JSON.stringify(a.ok ? b : a)}`);
  const changes = diffSchemas(a.schema, b.schema);
  return { changes, reasons: breakingReasons(format, mode, a.schema, b.schema, changes) };
}

// [name, format, mode, before, after, expected reason fragments (empty = compatible)]
const table: [string, SchemaFormat, CompatibilityMode, string, string, string[]][] = [
  ["avro: add field with default", "AVRO", "BACKWARD", avro([id]), avro([id, { ...amount, default: 0 }]), []],
  ["avro: add field without default", "AVRO", "BACKWARD", avro([id]), avro([id, amount]), ["New field amount has no default"]],
  ["avro: add field without default, forward", "AVRO", "FORWARD", avro([id]), avro([id, amount]), []],
  ["avro: remove field without default, backward", "AVRO", "BACKWARD", avro([id, amount]), avro([id]), []],
  ["avro: remove field without default, forward", "AVRO", "FORWARD", avro([id, amount]), avro([id]), ["require amount"]],
  ["avro: remove field without default, full", "AVRO", "FULL", avro([id, amount]), avro([id]), ["require amount"]],
  ["avro: promote int to long", "AVRO", "BACKWARD", avro([id, amount]), avro([id, { name: "amount", type: "long" }]), []],
  ["avro: int to long under FULL", "AVRO", "FULL", avro([id, amount]), avro([id, { name: "amount", type: "long" }]), ["cannot read the new long"]],
  ["avro: int to string", "AVRO", "BACKWARD", avro([id, amount]), avro([id, { name: "amount", type: "string" }]), ["Avro cannot read int as string"]],
  ["avro: rename with alias, backward", "AVRO", "BACKWARD", avro([id, amount]), avro([id, { name: "total", type: "int", aliases: ["amount"] }]), []],
  ["avro: rename with alias, forward", "AVRO", "FORWARD", avro([id, amount]), avro([id, { name: "total", type: "int", aliases: ["amount"] }]), ["look for amount"]],
  ["avro: nullable becomes required", "AVRO", "BACKWARD", avro([id, { name: "note", type: ["null", "string"], default: null }]), avro([id, { name: "note", type: "string", default: "" }]), ["Avro cannot read"]],
  ["avro: enum symbol added, forward", "AVRO", "FORWARD", avro([id, { name: "s", type: { type: "enum", name: "S", symbols: ["A"] } }]), avro([id, { name: "s", type: { type: "enum", name: "S", symbols: ["A", "B"] } }]), ["carry B"]],
  ["avro: enum symbol removed, backward", "AVRO", "BACKWARD", avro([id, { name: "s", type: { type: "enum", name: "S", symbols: ["A", "B"] } }]), avro([id, { name: "s", type: { type: "enum", name: "S", symbols: ["A"] } }]), ["carry B"]],
  ["avro: anything under NONE", "AVRO", "NONE", avro([id, amount]), avro([{ name: "other", type: "boolean" }]), []],
  ["json: add optional property", "JSON_SCHEMA", "BACKWARD", json({ id: { type: "string" } }, ["id"]), json({ id: { type: "string" }, note: { type: "string" } }, ["id"]), []],
  ["json: add required property", "JSON_SCHEMA", "BACKWARD", json({ id: { type: "string" } }, ["id"]), json({ id: { type: "string" }, n: { type: "integer" } }, ["id", "n"]), ["New required property n"]],
  ["json: integer widened to number", "JSON_SCHEMA", "BACKWARD", json({ n: { type: "integer" } }), json({ n: { type: "number" } }), []],
  ["json: number narrowed to integer", "JSON_SCHEMA", "BACKWARD", json({ n: { type: "number" } }), json({ n: { type: "integer" } }), ["hold number in n"]],
  ["json: remove required property, forward", "JSON_SCHEMA", "FORWARD", json({ id: { type: "string" }, n: { type: "integer" } }, ["id", "n"]), json({ id: { type: "string" } }, ["id"]), ["require n"]],
  ["json: remove property from closed schema, backward", "JSON_SCHEMA", "BACKWARD", json({ id: { type: "string" }, n: { type: "integer" } }, [], { additionalProperties: false }), json({ id: { type: "string" } }, [], { additionalProperties: false }), ["forbids other properties"]],
  ["proto: add field", "PROTOBUF", "BACKWARD", 'syntax = "proto3"; message M { string id = 1; }', 'syntax = "proto3"; message M { string id = 1; int64 n = 2; }', []],
  ["proto: rename keeping number", "PROTOBUF", "FULL", 'syntax = "proto3"; message M { string id = 1; }', 'syntax = "proto3"; message M { string key = 1; }', []],
  ["proto: int32 to int64", "PROTOBUF", "FULL", 'syntax = "proto3"; message M { int32 n = 1; }', 'syntax = "proto3"; message M { int64 n = 1; }', []],
  ["proto: string to int64", "PROTOBUF", "FORWARD", 'syntax = "proto3"; message M { string n = 1; }', 'syntax = "proto3"; message M { int64 n = 1; }', ["encoded differently"]],
  ["proto: field number changed", "PROTOBUF", "BACKWARD", 'syntax = "proto3"; message M { string id = 1; }', 'syntax = "proto3"; message M { string id = 2; }', ["moved from field number 1 to 2"]],
];

describe("breaking changes and Meshport's reasons", () => {
  it.each(table)("%s", (_name, format, mode, before, after, expected) => {
    const { reasons } = check(format, mode, before, after);
    expect(reasons).toHaveLength(expected.length);
    expected.forEach((fragment, i) => expect(reasons[i]?.reason).toContain(fragment));
  });
});

describe("semantic diff in words", () => {
  it("names added, removed, renamed, type and default changes", () => {
    const { changes } = check(
      "AVRO",
      "NONE",
      avro([id, amount, { name: "note", type: "string", default: "x" }, { name: "gone", type: "int" }]),
      avro([id, { name: "total", type: "long", aliases: ["amount"] }, { name: "note", type: "string", default: "y" }, { name: "added", type: "int", default: 1 }]),
    );
    expect(changes.map((c) => c.words)).toEqual([
      "Field gone (int) was removed.",
      "Field amount was renamed to total (the old name is kept as an alias).",
      "Field total changed type from int to long.",
      'Default of note changed from "x" to "y".',
      "Field added (int) was added with default 1.",
    ]);
  });
});

describe("parse errors at the line and column", () => {
  it("avro: the field avsc refuses", () => {
    const text = '{\n  "type": "record",\n  "name": "A",\n  "fields": [\n    {"name": "ok", "type": "string"},\n    {"name": "bad", "type": "strin"}\n  ]\n}';
    const r = parseSchema("AVRO", text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue).toMatchObject({ line: 6, path: "fields[1]" });
    if (!r.ok) expect(r.issue.message).toContain("bad");
  });
  it("json syntax", () => {
    const r = parseSchema("AVRO", '{\n  "type": "record",\n  "name" "A"\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.line).toBe(3);
  });
  it("json schema keyword", () => {
    const r = parseSchema("JSON_SCHEMA", '{\n  "type": "object",\n  "properties": {\n    "n": {"type": "integr"}\n  }\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue).toMatchObject({ line: 4 });
  });
  it("protobuf token", () => {
    const r = parseSchema("PROTOBUF", 'syntax = "proto3";\nmessage M {\n  string id = 1\n  int64 n = 2;\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.line).toBe(4);
  });
});

describe("compatibility floor", () => {
  it.each([
    ["BACKWARD", "BACKWARD", true],
    ["FULL", "BACKWARD", true],
    ["FORWARD", "BACKWARD", false],
    ["NONE", "BACKWARD", false],
    ["BACKWARD", "BACKWARD_TRANSITIVE", false],
    ["FULL_TRANSITIVE", "BACKWARD_TRANSITIVE", true],
    ["NONE", "NONE", true],
  ] as const)("%s against floor %s → %s", (mode, floor, ok) => {
    expect(satisfiesFloor(mode, floor)).toBe(ok);
  });
});
