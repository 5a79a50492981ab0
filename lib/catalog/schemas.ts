import { z } from "zod";
import { CLASSIFICATIONS } from "@/lib/governance/policies";

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

const avroField = z.object({ name: z.string().min(1), type: z.unknown(), doc: z.string().optional() });
const avroRecord = z.object({
  type: z.literal("record"),
  name: z.string().min(1),
  namespace: z.string().optional(),
  doc: z.string().optional(),
  fields: z.array(avroField).min(1, "A record needs at least one field."),
});

/** Avro schema as JSON text; empty means "no schema yet". */
const schemaText = z
  .string()
  .trim()
  .max(100_000)
  .superRefine((text, ctx) => {
    if (!text) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: `Not valid JSON: ${(e as Error).message}` });
      return;
    }
    const result = avroRecord.safeParse(parsed);
    if (!result.success) {
      const first = result.error.issues[0];
      ctx.addIssue({
        code: "custom",
        message: `Not an Avro record schema: ${first?.path.join(".") || "schema"} ${first?.message ?? ""}`.trim(),
      });
    }
  });

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
});

export type CreateDataProductInput = z.input<typeof createDataProductSchema>;
export type CreateDataProduct = z.output<typeof createDataProductSchema>;

/** Editing a product's metadata: the creation form's own fields and messages (lib/catalog/edit-data-product.ts). */
export const editDataProductSchema = createDataProductSchema
  .pick({ name: true, description: true, classification: true, containsPii: true, tags: true, freshnessSlaMinutes: true })
  .extend({ productId: z.string().min(1).max(40) });

export type EditDataProductInput = z.input<typeof editDataProductSchema>;
export type EditDataProduct = z.output<typeof editDataProductSchema>;

