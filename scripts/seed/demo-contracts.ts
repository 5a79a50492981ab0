// The demo's data contracts: most products keep Avro, one uses JSON Schema and one Protobuf; a few
// ports carry quality rules and personal-data fields. Messages go out in the Confluent wire format
// with the ids the local registry gave (a registry client from npm decodes them: tests/integration/contracts.test.ts).
import { codecFor, type Codec } from "@/lib/contracts/wire";
import { definitionText } from "@/lib/contracts/formats";
import type { SchemaFormat } from "@/lib/contracts/model";
import type { QualityRule } from "@/lib/contracts/quality";

type Field = { name: string; type: unknown };

export const JSON_SCHEMA_PRODUCT = "web-sessions";
/** Written by the demo's Kafka Streams application (plain JSON), never by the seed. */
export const STREAMS_PRODUCT = "hourly-order-counts";
export const PROTOBUF_PRODUCT = "store-footfall";
/** Its traffic sends a share of orders with a negative total: its conformance score stays below 100 %. */
export const FLAWED_PRODUCT = "orders";

export const demoQualityRules: Record<string, QualityRule[]> = {
  orders: [
    { field: "orderId", kind: "not_null" },
    { field: "total", kind: "range", min: 0, max: 100_000 },
    { field: "status", kind: "allowed_values", values: ["PLACED", "PAID", "SHIPPED", "CANCELLED"] },
  ],
  payments: [{ field: "paymentId", kind: "unique" }, { field: "amount", kind: "range", min: 0 }],
  "web-sessions": [{ field: "durationSeconds", kind: "range", min: 0, max: 86_400 }],
  "store-footfall": [{ field: "visitors", kind: "range", min: 0 }],
};
export const demoPersonalData: Record<string, string[]> = { payments: ["customerId"], orders: ["customerId"] };

const inner = (t: unknown) => (Array.isArray(t) ? t.find((x) => x !== "null") : t);

function jsonType(t: unknown): object {
  const i = inner(t) as string | { type: string; logicalType?: string; symbols?: string[] };
  if (typeof i === "object") {
    if (i.symbols) return { type: "string", enum: i.symbols };
    if (i.logicalType === "decimal") return { type: "string", pattern: "^-?[0-9]+\\.[0-9]{2}$" };
    return jsonType(i.type);
  }
  return i === "int" || i === "long" ? { type: "integer" } : i === "double" || i === "float" ? { type: "number" } : i === "boolean" ? { type: "boolean" } : { type: "string" };
}

/** The JSON Schema of a demo product's fields. */
export function jsonSchemaOf(name: string, fields: Field[]): object {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: name,
    type: "object",
    properties: Object.fromEntries(fields.map((f) => [f.name, jsonType(f.type)])),
    required: fields.filter((f) => !Array.isArray(f.type)).map((f) => f.name),
  };
}

function protoType(t: unknown): string {
  const i = inner(t) as string | { type: string; logicalType?: string };
  if (typeof i === "object") return i.logicalType === "decimal" ? "string" : protoType(i.type);
  return ({ int: "int32", long: "int64", double: "double", float: "float", boolean: "bool" } as Record<string, string>)[i] ?? "string";
}

/** The .proto of a demo product's fields. */
export function protoOf(name: string, fields: Field[]): string {
  const lines = fields.map((f, i) => `  ${protoType(f.type)} ${f.name} = ${i + 1};`);
  return `syntax = "proto3";\npackage demo;\n\nmessage ${name.replace(/[^A-Za-z]/g, "")} {\n${lines.join("\n")}\n}\n`;
}

/** A port's encoder for its latest registered version: JSON sample values in, wire-format bytes out. */
export function demoEncoder(version: { format: SchemaFormat; definition: unknown; registryId: number | null } | undefined): ((value: Record<string, unknown>) => Buffer) | null {
  if (!version || version.registryId === null) return null;
  const codec: Codec = codecFor(version.format, version.format === "PROTOBUF" ? definitionText(version.format, version.definition) : JSON.stringify(version.definition));
  const id = version.registryId;
  return (value) => codec.encode(id, value);
}
