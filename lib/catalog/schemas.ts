import { z } from "zod";
import { CLASSIFICATIONS, LIMITS } from "@/lib/governance/policies";
import { calendarDate, multiLine, recordId, singleLine, tagList, wholeNumber } from "@/lib/validation";
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

/** A port's name within its product ("events", "snapshot"): lowercase, used in its default topic name. */
export const portName = z
  .string()
  .trim()
  .min(1, "Name the port.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[a-z][a-z0-9-]*$/, "Use lowercase letters, digits and dashes, starting with a letter.");

/** A topic the owner typed; empty means the default name (lib/governance portTopic). The policies judge the rest. */
const topicText = z.string().trim().max(249, "Kafka topic names have at most 249 characters.");

/** What an output port's topic is made of, with the messages the single-port form always had. */
const portLayout = {
  partitions: wholeNumber({ min: [1, "At least 1 partition."], max: [LIMITS.partitions, `At most ${LIMITS.partitions} partitions.`] }),
  replicationFactor: wholeNumber({ min: [1, "At least 1 replica."], max: [LIMITS.replicationFactor, `At most ${LIMITS.replicationFactor} replicas.`] }),
  retentionHours: wholeNumber({ min: [1, "At least 1 hour."], max: [LIMITS.retentionHours, `At most ${LIMITS.retentionHours} hours (10 years).`] }),
  cleanupPolicy: z.enum(["delete", "compact"], { message: "Choose a cleanup policy." }),
  schema: schemaText,
  schemaFormat: z.enum(SCHEMA_FORMATS, { message: "Choose Avro, JSON Schema or Protobuf." }).default("AVRO"),
  compatibility: z.enum(COMPATIBILITY_MODES, { message: "Choose a compatibility mode." }).default("BACKWARD"),
};

/** One output port: a topic with its own layout and, optionally, the first version of its schema. */
export const outputPortSchema = z.object({ name: portName, topic: topicText.default(""), ...portLayout });
export type OutputPortInput = z.input<typeof outputPortSchema>;
export type NewOutputPort = z.output<typeof outputPortSchema>;

export const MAX_PORTS_AT_CREATION = 8;

const productFields = z.object({
  ownerTeamId: recordId("Choose the team that owns this product."),
  name: singleLine().min(3, "Use at least 3 characters.").max(80, "Use at most 80 characters."),
  slug: productSlug,
  description: multiLine().min(10, "Describe the product in a sentence or more.").max(20_000, "Use at most 20000 characters."),
  classification: z.enum(CLASSIFICATIONS, { message: "Choose a classification." }),
  containsPii: z.boolean({ error: "Tick the box or leave it empty." }),
  lifecycle: z.enum(["DRAFT", "ACTIVE"], { message: "Choose publish now or draft." }),
  tags: tagList(10),
  // Accepts its own output (null) too: the form sends parsed values, the server parses again.
  freshnessSlaMinutes: z
    .union([z.literal(""), z.null(), wholeNumber({ min: [1, "At least 1 minute."], max: [10_080, "At most a week (10080 minutes)."] })])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
});

const REQUIRED_LAYOUT = ["partitions", "replicationFactor", "retentionHours", "cleanupPolicy"] as const;

/**
 * A new product with one or more output ports (`ports`, what the form sends). A one-port product may
 * also be sent with the port's fields at the top level (API clients and the tests of before several
 * ports existed): that is the port "events" with the default topic.
 */
export const createDataProductSchema = productFields
  .extend({
    ports: z
      .array(outputPortSchema)
      .min(1, "Add at least one output port.")
      .max(MAX_PORTS_AT_CREATION, `At most ${MAX_PORTS_AT_CREATION} output ports at creation; add more later.`)
      .optional(),
    partitions: portLayout.partitions.optional(),
    replicationFactor: portLayout.replicationFactor.optional(),
    retentionHours: portLayout.retentionHours.optional(),
    cleanupPolicy: portLayout.cleanupPolicy.optional(),
    schema: schemaText.optional(),
    schemaFormat: portLayout.schemaFormat.optional(),
    compatibility: portLayout.compatibility.optional(),
  })
  .transform((v, ctx) => {
    const { ports, partitions, replicationFactor, retentionHours, cleanupPolicy, schema, schemaFormat, compatibility, ...product } = v;
    if (ports) return { ...product, ports, portFieldsAtTop: false };
    const missing = REQUIRED_LAYOUT.filter((k) => v[k] === undefined);
    for (const k of missing) ctx.addIssue({ code: "custom", path: [k], message: "Enter the output port's layout." });
    if (partitions === undefined || replicationFactor === undefined || retentionHours === undefined || cleanupPolicy === undefined) return z.NEVER;
    const port: NewOutputPort = { name: "events", topic: "", partitions, replicationFactor, retentionHours, cleanupPolicy, schema: schema ?? "", schemaFormat: schemaFormat ?? "AVRO", compatibility: compatibility ?? "BACKWARD" };
    // Errors about the port then belong at the top-level fields it was sent in.
    return { ...product, ports: [port], portFieldsAtTop: true };
  });

export type CreateDataProductInput = z.input<typeof createDataProductSchema>;
export type CreateDataProduct = z.output<typeof createDataProductSchema>;

/** "Add an output port" on an existing product (lib/catalog/add-output-port.ts). */
export const addOutputPortSchema = outputPortSchema.extend({ productId: recordId("Choose a product.") });
export type AddOutputPortInput = z.input<typeof addOutputPortSchema>;

/** Editing a product's metadata: the creation form's own fields and messages (lib/catalog/edit-data-product.ts). */
export const editDataProductSchema = productFields
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

const PRODUCT_SLUG_PATTERN = /^[a-z][a-z0-9-]{2,59}$/;

/** The upstream products a product is built from, typed as identifiers ("orders, payments"); lib/catalog/input-ports.ts. */
export const setInputPortsSchema = z.object({
  productId: recordId("Choose a product."),
  upstream: z
    .union([z.string(), z.array(z.string())], { error: "Type product identifiers separated by commas or spaces." })
    .transform((v, ctx) => {
      const list = [...new Set((Array.isArray(v) ? v : v.split(/[\s,]+/)).map((s) => s.trim().toLowerCase()).filter(Boolean))];
      const bad = list.find((s) => !PRODUCT_SLUG_PATTERN.test(s));
      if (bad !== undefined) ctx.addIssue({ code: "custom", message: `“${bad.slice(0, 60)}” is not a product identifier (lowercase letters, digits and dashes).` });
      else if (list.length > 20) ctx.addIssue({ code: "custom", message: "At most 20 upstream products." });
      return list;
    }),
});
export type SetInputPortsInput = z.input<typeof setInputPortsSchema>;

/** Lifecycle transitions (lib/catalog/lifecycle.ts, lib/catalog/retire.ts). */
export const publishProductSchema = z.object({ productId: recordId("Choose a product.") });
export const deprecateProductSchema = z.object({
  productId: recordId("Choose a product."),
  sunsetDate: calendarDate(),
  /** The product consumers should move to (identifier), empty for none. */
  successorSlug: z.union([z.literal(""), productSlug]).default(""),
});
export type DeprecateProductInput = z.input<typeof deprecateProductSchema>;
export const retireProductSchema = z.object({
  productId: recordId("Choose a product."),
  confirmName: singleLine().max(80, "Type the product's name."),
});
export type RetireProductInput = z.input<typeof retireProductSchema>;
