import avro from "avsc";
import type { FieldModel, ParseResult } from "../model";
import { parseJson, positionOf } from "../positions";

// Avro schemas parsed by avsc (the maintained Avro library for JavaScript); a failure is placed at the
// first field whose addition makes avsc refuse the record, so the owner sees the line to fix.

type AvroField = { name: string; type: unknown; default?: unknown; aliases?: string[] };
type AvroRecord = { type: "record"; name: string; namespace?: string; fields: AvroField[] };

function typeName(t: unknown): string {
  if (typeof t === "string") return t;
  if (Array.isArray(t)) return t.map(typeName).join(" | ");
  if (t && typeof t === "object") {
    const o = t as { type: string; name?: string; items?: unknown; values?: unknown; logicalType?: string };
    if (o.logicalType) return `${o.type} (${o.logicalType})`;
    if (o.type === "array") return `array<${typeName(o.items)}>`;
    if (o.type === "map") return `map<${typeName(o.values)}>`;
    if (o.type === "record" || o.type === "enum" || o.type === "fixed") return `${o.type} ${o.name ?? ""}`.trim();
    return typeName(o.type);
  }
  return "unknown";
}

function flatten(record: AvroRecord, prefix = ""): FieldModel[] {
  const out: FieldModel[] = [];
  for (const f of record.fields ?? []) {
    const path = `${prefix}${f.name}`;
    const nullable = Array.isArray(f.type) && f.type.includes("null");
    const inner = Array.isArray(f.type) ? f.type.find((t) => t !== "null") : f.type;
    const symbols = inner && typeof inner === "object" && (inner as { type?: string }).type === "enum" ? (inner as { symbols: string[] }).symbols : undefined;
    out.push({
      path,
      type: typeName(f.type),
      required: !nullable,
      hasDefault: "default" in f,
      default: f.default,
      aliases: f.aliases ?? [],
      symbols,
    });
    if (inner && typeof inner === "object" && (inner as { type?: string }).type === "record") {
      out.push(...flatten(inner as AvroRecord, `${path}.`));
    }
  }
  return out;
}

export function parseAvro(text: string): ParseResult {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, issue: json };
  const schema = json.value as AvroRecord;
  if (!schema || typeof schema !== "object" || Array.isArray(schema) || schema.type !== "record") {
    return { ok: false, issue: { message: 'An output port\'s Avro schema is a record: {"type": "record", "name": …, "fields": […]}.', ...positionOf(text, ["type"]) } };
  }
  if (!Array.isArray(schema.fields) || schema.fields.length === 0) {
    return { ok: false, issue: { message: "A record needs at least one field.", ...positionOf(text, ["fields"]) } };
  }
  try {
    avro.Type.forSchema(schema as avro.Schema);
  } catch (whole) {
    // Find the first field that breaks it, for the position.
    for (let i = 0; i < schema.fields.length; i++) {
      try {
        avro.Type.forSchema({ ...schema, fields: schema.fields.slice(0, i + 1) } as avro.Schema);
      } catch (e) {
        const name = schema.fields[i]?.name;
        return {
          ok: false,
          issue: { message: `Field ${name ?? i + 1}: ${(e as Error).message}`, path: `fields[${i}]`, ...positionOf(text, ["fields", i, "type"]) },
        };
      }
    }
    return { ok: false, issue: { message: `Not a valid Avro schema: ${(whole as Error).message}`, line: 1, column: 1 } };
  }
  return { ok: true, schema: { format: "AVRO", text: JSON.stringify(schema), definition: schema, fields: flatten(schema), open: true } };
}
