import { z } from "zod";
import { COMPATIBILITY_MODES } from "@/lib/schema-registry/types";
import { SCHEMA_FORMATS } from "./model";

// Client-safe input shapes of the contract actions. Schema texts are parsed on the server (lib/contracts/formats).

export const schemaVersionInputSchema = z
  .object({
    outputPortId: z.string().min(1),
    schema: z.string().trim().min(1, "Paste the new schema.").max(100_000, "Keep the schema under 100,000 characters."),
    /** Only for a port's first schema; later versions keep the port's format. */
    format: z.enum(SCHEMA_FORMATS).optional(),
  });
export type SchemaVersionInput = z.infer<typeof schemaVersionInputSchema>;

export const compatibilityInputSchema = z.object({
  outputPortId: z.string().min(1),
  compatibility: z.enum(COMPATIBILITY_MODES, { message: "Choose a compatibility mode." }),
});

export const majorVersionInputSchema = z.object({
  outputPortId: z.string().min(1),
  schema: z.string().trim().min(1, "Paste the new major version's schema.").max(100_000),
  sunsetAt: z.coerce.date({ message: "Choose the day version 1 stops." }),
});
export type MajorVersionInput = z.infer<typeof majorVersionInputSchema>;

export { SCHEMA_FORMATS };
