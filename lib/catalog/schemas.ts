import { z } from "zod";
import { CLASSIFICATIONS } from "@/lib/governance/policies";
import { COMPATIBILITY_MODES } from "@/lib/schema-registry/types";
import { SCHEMA_FORMATS } from "@/lib/contracts/model";

// Shared by the create form (client-side messages) and the server action (the real check).

const slug = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(60, "Use at most 60 characters.")
  .regex(/^[a-z][a-z0-9-]*$/, "Use lowercase letters, digits and dashes, starting with a letter.");

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,30}$/, "Tags are short lowercase words (letters, digits, dashes).");

/** Tags typed as "a, b c" in the form arrive as a string; the API may send an array. */
const tags = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(/[\s,]+/)).map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(tag).max(10, "Use at most 10 tags."))
  .transform((list) => [...new Set(list)]);

/** Schema text in the chosen format; empty means "no schema yet". The server parses it (lib/contracts: avsc, ajv,
 *  protobufjs, which stay out of the browser bundle) and answers at this field with the line and column. */
const schemaText = z.string().trim().max(100_000, "Keep the schema under 100,000 characters.");

export const createDataProductSchema = z.object({
  ownerTeamId: z.string().min(1, "Choose the team that owns this product."),
  name: z.string().trim().min(3, "Use at least 3 characters.").max(80, "Use at most 80 characters."),
  slug,
  description: z.string().trim().min(10, "Describe the product in a sentence or more.").max(20_000),
  classification: z.enum(CLASSIFICATIONS, { message: "Choose a classification." }),
  containsPii: z.boolean(),
  lifecycle: z.enum(["DRAFT", "ACTIVE"]),
  tags,
  partitions: z.coerce.number({ message: "Enter a number." }).int("Use a whole number.").min(1, "At least 1 partition."),
  replicationFactor: z.coerce.number({ message: "Enter a number." }).int("Use a whole number.").min(1, "At least 1 replica."),
  retentionHours: z.coerce.number({ message: "Enter a number." }).int("Use a whole number.").min(1, "At least 1 hour."),
  cleanupPolicy: z.enum(["delete", "compact"]),
  // Accepts its own output (null) too: the form sends parsed values, the server parses again.
  freshnessSlaMinutes: z
    .union([z.literal(""), z.null(), z.coerce.number().int().min(1, "At least 1 minute.").max(10_080, "At most a week (10080 minutes).")])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
  schema: schemaText,
  schemaFormat: z.enum(SCHEMA_FORMATS, { message: "Choose Avro, JSON Schema or Protobuf." }).default("AVRO"),
  compatibility: z.enum(COMPATIBILITY_MODES, { message: "Choose a compatibility mode." }).default("BACKWARD"),
});

export type CreateDataProductInput = z.input<typeof createDataProductSchema>;
export type CreateDataProduct = z.output<typeof createDataProductSchema>;

/** Editing a product's metadata: the creation form's own fields and messages (lib/catalog/edit-data-product.ts). */
export const editDataProductSchema = createDataProductSchema
  .pick({ name: true, description: true, classification: true, containsPii: true, tags: true, freshnessSlaMinutes: true })
  .extend({ productId: z.string().min(1).max(40) });

export type EditDataProductInput = z.input<typeof editDataProductSchema>;
export type EditDataProduct = z.output<typeof editDataProductSchema>;

