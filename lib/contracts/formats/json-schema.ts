import Ajv from "ajv";
import type { FieldModel, ParseResult } from "../model";
import { parseJson, positionOf } from "../positions";

// JSON Schema checked by ajv against its meta-schema (draft-07, what Confluent-compatible registries
// accept); an error is placed at the keyword it names.

type JsonSchemaNode = {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  items?: JsonSchemaNode;
  additionalProperties?: boolean | JsonSchemaNode;
  format?: string;
};

function typeName(n: JsonSchemaNode): string {
  const t = Array.isArray(n.type) ? n.type.join(" | ") : (n.type ?? (n.enum ? "enum" : "any"));
  if (t === "array" && n.items) return `array<${typeName(n.items)}>`;
  return n.format ? `${t} (${n.format})` : t;
}

function flatten(node: JsonSchemaNode, prefix = ""): FieldModel[] {
  const out: FieldModel[] = [];
  const required = new Set(node.required ?? []);
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const path = `${prefix}${name}`;
    out.push({
      path,
      type: typeName(child),
      required: required.has(name),
      hasDefault: "default" in child,
      default: child.default,
      aliases: [],
      symbols: child.enum?.map(String),
    });
    if (child.properties) out.push(...flatten(child, `${path}.`));
  }
  return out;
}

let ajv: Ajv | undefined;

export function parseJsonSchema(text: string): ParseResult {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, issue: json };
  const schema = json.value as JsonSchemaNode;
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) {
    return { ok: false, issue: { message: "A JSON Schema is an object.", line: 1, column: 1 } };
  }
  ajv ??= new Ajv({ allErrors: false, strict: false });
  if (!ajv.validateSchema(schema)) {
    const err = ajv.errors?.[0];
    const path = (err?.instancePath ?? "").split("/").filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    return {
      ok: false,
      issue: { message: `Not a valid JSON Schema: ${err?.instancePath || "schema"} ${err?.message ?? ""}`.trim(), path: err?.instancePath, ...positionOf(text, path) },
    };
  }
  try {
    ajv.compile(schema);
  } catch (e) {
    return { ok: false, issue: { message: `Not a valid JSON Schema: ${(e as Error).message}`, line: 1, column: 1 } };
  }
  if (schema.type !== "object" || !schema.properties) {
    return { ok: false, issue: { message: 'An output port\'s JSON Schema describes an object: {"type": "object", "properties": {…}}.', ...positionOf(text, ["type"]) } };
  }
  return {
    ok: true,
    schema: { format: "JSON_SCHEMA", text: JSON.stringify(schema), definition: schema, fields: flatten(schema), open: schema.additionalProperties !== false },
  };
}
