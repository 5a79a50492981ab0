// Client-safe names shared by forms and the server.

export const COMPATIBILITY_MODES = [
  "BACKWARD",
  "BACKWARD_TRANSITIVE",
  "FORWARD",
  "FORWARD_TRANSITIVE",
  "FULL",
  "FULL_TRANSITIVE",
  "NONE",
] as const;
export type CompatibilityMode = (typeof COMPATIBILITY_MODES)[number];

/** The registry's names for schema formats (Confluent's `schemaType`). */
export type RegistrySchemaType = "AVRO" | "JSON" | "PROTOBUF";
