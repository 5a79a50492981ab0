import { z } from "zod";
import { CLASSIFICATIONS, LIMITS } from "@/lib/governance/policies";
import { multiLine, recordId, singleLine, tagList, wholeNumber } from "@/lib/validation";
import { COMPATIBILITY_MODES } from "@/lib/schema-registry/types";
import { SCHEMA_FORMATS } from "@/lib/contracts/model";

// Shared by the create form (client-side messages) and the server action (the real check).

/** A product's identifier, in forms and in its page's URL (/products/<slug>). */
export const productSlug = z
  .string()
  .trim()
  .min(3, "Use at least 3 characters.")
  .max(60, "Use at most 60 characters.")
  .regex(/^[a-z][a-z0-9-]*$/, "Use lowercase letters, digits and dashes, starting with a letter.");

/** Schema text in the chosen format; empty means "no schema yet". The server parses it (lib/contracts: avsc, ajv,
 *  protobufjs, which stay out of the browser bundle) and answers at this field with the line and column. */
const schemaText = multiLine().max(100_000);

export const createDataProductSchema = z.object({
  ownerTeamId: recordId("Choose the team that owns this product."),
  name: singleLine().min(3, "Use at least 3 characters.").max(80, "Use at most 80 characters."),
  slug: productSlug,
  description: multiLine().min(10, "Describe the product in a sentence or more.").max(20_000, "Use at most 20000 characters."),
  classification: z.enum(CLASSIFICATIONS, { message: "Choose a classification." }),
  containsPii: z.boolean({ error: "Tick the box or leave it empty." }),
  lifecycle: z.enum(["DRAFT", "ACTIVE"], { message: "Choose publish now or draft." }),
  tags: tagList(10),
  partitions: wholeNumber({ min: [1, "At least 1 partition."], max: [LIMITS.partitions, `At most ${LIMITS.partitions} partitions.`] }),
  replicationFactor: wholeNumber({ min: [1, "At least 1 replica."], max: [LIMITS.replicationFactor, `At most ${LIMITS.replicationFactor} replicas.`] }),
  retentionHours: wholeNumber({ min: [1, "At least 1 hour."], max: [LIMITS.retentionHours, `At most ${LIMITS.retentionHours} hours (10 years).`] }),
  cleanupPolicy: z.enum(["delete", "compact"], { message: "Choose a cleanup policy." }),
  // Accepts its own output (null) too: the form sends parsed values, the server parses again.
  freshnessSlaMinutes: z
    .union([z.literal(""), z.null(), wholeNumber({ min: [1, "At least 1 minute."], max: [10_080, "At most a week (10080 minutes)."] })])
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


/** A topic configuration change on one output port (lib/catalog/change-topic-config.ts). */
export const changeTopicConfigSchema = z.object({
  portId: z.string().min(1).max(40),
  partitions: z.coerce.number({ message: "Enter a number." }).int("Use a whole number.").min(1, "At least 1 partition."),
  retentionHours: z.coerce.number({ message: "Enter a number." }).int("Use a whole number.").min(1, "At least 1 hour."),
  cleanupPolicy: z.enum(["delete", "compact"], { message: "Choose a cleanup policy." }),
});
export type ChangeTopicConfigInput = z.input<typeof changeTopicConfigSchema>;

export const retryOutputPortSchema = z.object({ portId: z.string().min(1).max(40) });
