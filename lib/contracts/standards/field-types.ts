import type { FieldModel } from "../model";

// Meshport's field model (from Avro, JSON Schema, Protobuf) to ODCS v3.0.2 logical types and back to Avro.

export const LOGICAL_TYPES = ["string", "date", "number", "integer", "object", "array", "boolean"] as const;
export type LogicalType = (typeof LOGICAL_TYPES)[number];

/** ODCS logical type of a field's type text ("long", "string | null", "int (date)", "array<string>", "repeated int64"). */
export function logicalTypeOf(typeText: string): LogicalType {
  const t = typeText
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s !== "null")
    .join(" | ")
    .toLowerCase();
  if (/^(array<|repeated )/.test(t)) return "array";
  if (/\((date|timestamp-[a-z]+|local-timestamp-[a-z]+|time-[a-z]+)\)/.test(t)) return "date";
  if (/^(record|map|object|message)\b/.test(t) || t.startsWith("map<")) return "object";
  if (/^(int|long|integer|int32|int64|uint32|uint64|sint32|sint64|fixed32|fixed64|sfixed32|sfixed64)\b/.test(t)) return "integer";
  if (/^(float|double|number)\b/.test(t)) return "number";
  if (/^(boolean|bool)\b/.test(t)) return "boolean";
  return "string";
}

/** Field paths as the decoded messages (and quality rules) see them: Protobuf paths start with the message name. */
export function decodedFields(format: string, fields: FieldModel[]): FieldModel[] {
  return format === "PROTOBUF" ? fields.map((f) => ({ ...f, path: f.path.slice(f.path.indexOf(".") + 1) })).filter((f) => f.path !== "") : fields;
}

/** A property of an ODCS object as the import reads it. */
export type PropertyShape = { name: string; logicalType?: string; required?: boolean; properties?: PropertyShape[]; items?: { logicalType?: string } };

const AVRO_OF: Record<string, unknown> = { string: "string", date: { type: "int", logicalType: "date" }, number: "double", integer: "long", boolean: "boolean" };

const avroName = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : name.replace(/[^A-Za-z0-9_]/g, "_").replace(/^([0-9])/, "_$1"));

function avroType(p: PropertyShape, recordName: string): unknown {
  if (p.logicalType === "object" && p.properties?.length) return avroRecord(recordName, p.properties);
  if (p.logicalType === "object") return { type: "map", values: "string" };
  if (p.logicalType === "array") return { type: "array", items: AVRO_OF[p.items?.logicalType ?? "string"] ?? "string" };
  return AVRO_OF[p.logicalType ?? "string"] ?? "string";
}

/** An Avro record for an ODCS object without a Meshport schema: required properties are plain, the others nullable with a null default. */
export function avroRecord(name: string, properties: PropertyShape[]): { type: "record"; name: string; fields: unknown[] } {
  return {
    type: "record",
    name: avroName(name.charAt(0).toUpperCase() + name.slice(1)),
    fields: properties.map((p) => {
      const type = avroType(p, `${avroName(name)}_${avroName(p.name)}`);
      return p.required ? { name: avroName(p.name), type } : { name: avroName(p.name), type: ["null", type], default: null };
    }),
  };
}
