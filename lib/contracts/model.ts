// Client-safe types shared by the parsers, the diff, the compatibility reasons and the UI.

export const SCHEMA_FORMATS = ["AVRO", "JSON_SCHEMA", "PROTOBUF"] as const;
export type SchemaFormat = (typeof SCHEMA_FORMATS)[number];

export const formatLabel: Record<SchemaFormat, string> = { AVRO: "Avro", JSON_SCHEMA: "JSON Schema", PROTOBUF: "Protobuf" };

/** One field of a schema, flattened (nested records or messages give dotted paths), as the diff compares them. */
export type FieldModel = {
  path: string;
  /** The type in words the owner recognises: "long", "string | null", "enum Status", "array<string>". */
  type: string;
  /** Avro: the type is not a union with null; JSON Schema: listed in `required`; Protobuf: `required` label. */
  required: boolean;
  hasDefault: boolean;
  default?: unknown;
  /** Avro aliases (a rename keeps the old name here). */
  aliases: string[];
  /** Enum symbols (Avro enum, JSON Schema enum). */
  symbols?: string[];
  /** Protobuf field number; `repeated` shows in the type. */
  number?: number;
};

export type ParsedSchema = {
  format: SchemaFormat;
  /** Exactly what is sent to the registry. */
  text: string;
  /** What the database keeps: parsed JSON for Avro and JSON Schema, {proto} for Protobuf. */
  definition: unknown;
  fields: FieldModel[];
  /** JSON Schema only: false when `additionalProperties: false` closes the object. */
  open: boolean;
};

export type ParseIssue = { message: string; line: number; column: number; path?: string };
export type ParseResult = { ok: true; schema: ParsedSchema } | { ok: false; issue: ParseIssue };
