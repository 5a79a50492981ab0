import type { ParseResult, SchemaFormat } from "../model";
import { parseAvro } from "./avro";
import { parseJsonSchema } from "./json-schema";
import { parseProtobuf } from "./protobuf";

/** Parses and validates a schema text in its format; a failure carries the line and column. */
export function parseSchema(format: SchemaFormat, text: string): ParseResult {
  if (format === "AVRO") return parseAvro(text);
  if (format === "JSON_SCHEMA") return parseJsonSchema(text);
  return parseProtobuf(text);
}

/** The text of a stored definition (the database keeps Avro/JSON parsed, Protobuf as {proto}). */
export function definitionText(format: SchemaFormat, definition: unknown): string {
  if (format === "PROTOBUF") return String((definition as { proto?: string }).proto ?? "");
  return JSON.stringify(definition, null, 2);
}

export const registrySchemaType = { AVRO: "AVRO", JSON_SCHEMA: "JSON", PROTOBUF: "PROTOBUF" } as const;
