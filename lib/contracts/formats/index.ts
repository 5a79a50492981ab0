import { jsonTextProblem } from "@/lib/validation";
import type { ParseResult, SchemaFormat } from "../model";
import { parseAvro } from "./avro";
import { parseJsonSchema } from "./json-schema";
import { parseProtobuf } from "./protobuf";

/** Parses and validates a schema text in its format; a failure carries the line and column. */
export function parseSchema(format: SchemaFormat, text: string): ParseResult {
  const result = format === "AVRO" ? parseAvro(text) : format === "JSON_SCHEMA" ? parseJsonSchema(text) : parseProtobuf(text);
  if (!result.ok) return result;
  // "\u0000" is valid JSON, but PostgreSQL's jsonb cannot store it: the stored definition obeys the text rules too.
  const problem = jsonTextProblem(result.schema.definition);
  return problem ? { ok: false, issue: { line: 1, column: 1, message: `In the schema's strings: ${problem}` } } : result;
}

/** The text of a stored definition (the database keeps Avro/JSON parsed, Protobuf as {proto}). */
export function definitionText(format: SchemaFormat, definition: unknown): string {
  if (format === "PROTOBUF") return String((definition as { proto?: string }).proto ?? "");
  return JSON.stringify(definition, null, 2);
}

export const registrySchemaType = { AVRO: "AVRO", JSON_SCHEMA: "JSON", PROTOBUF: "PROTOBUF" } as const;
