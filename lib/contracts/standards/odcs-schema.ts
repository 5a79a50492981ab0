import { z } from "zod";
import { multiLine, singleLine } from "@/lib/validation";
import { ODCS_ACCEPTED } from "./types";

// What Meshport accepts as an ODCS contract, written from the Open Data Contract Standard v3.0.2
// (docs/README.md and schema/odcs-json-schema-v3.0.2.json at tag v3.0.2 of
// bitol-io/open-data-contract-standard): its required keys, the types of the keys Meshport reads,
// its closed top level (additionalProperties: false there), and what Meshport needs on top to make
// a port (a name, at least one schema object with properties or a Meshport schema).

const text = () => multiLine().max(20_000, "Use at most 20000 characters.");
const name = () => singleLine().max(200, "Use at most 200 characters.");
const customProperties = z.array(z.looseObject({ property: name(), value: z.unknown() })).max(100).optional();
const tags = z.array(singleLine().max(100)).max(50, "At most 50 tags.").optional();

const quality = z.array(
  z.looseObject({
    type: z.enum(["text", "library", "sql", "custom"], { message: "type is text, library, sql or custom." }).optional(),
    rule: singleLine().max(100).optional(),
    description: text().optional(),
    mustBeGreaterOrEqualTo: z.number({ message: "Use a number." }).optional(),
    mustBeLessOrEqualTo: z.number({ message: "Use a number." }).optional(),
    validValues: z.array(z.union([z.string(), z.number(), z.boolean()])).max(100).optional(),
    customProperties,
  }),
).max(100).optional();

const logicalType = z.enum(["string", "date", "number", "integer", "object", "array", "boolean"], {
  message: "logicalType is one of string, date, number, integer, object, array, boolean.",
});

type Property = { name: string; logicalType?: string; required?: boolean; properties?: Property[]; [k: string]: unknown };
const property: z.ZodType<Property> = z.lazy(() =>
  z.looseObject({
    name: name(),
    logicalType: logicalType.optional(),
    physicalType: singleLine().max(500).optional(),
    required: z.boolean({ message: "required is true or false." }).optional(),
    unique: z.boolean({ message: "unique is true or false." }).optional(),
    classification: singleLine().max(100).optional(),
    tags,
    customProperties,
    quality,
    properties: z.array(property).max(500).optional(),
    items: z.looseObject({ logicalType: logicalType.optional() }).optional(),
  }),
);

const schemaObject = z.looseObject({
  name: name(),
  physicalName: singleLine().max(249, "A Kafka topic name has at most 249 characters.").optional(),
  physicalType: singleLine().max(100).optional(),
  logicalType: z.literal("object", { message: "A schema object's logicalType is object." }).optional(),
  description: text().optional(),
  properties: z.array(property).max(500).optional(),
  quality,
  tags,
  customProperties,
});

const slaProperty = z.looseObject({
  property: name(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()], { message: "value is a string, number or boolean." }),
  unit: singleLine().max(50).optional(),
});

const server = z.looseObject({ server: name(), type: singleLine().max(50), host: singleLine().max(1000).optional(), format: singleLine().max(50).optional(), customProperties });

export const odcsSchema = z.strictObject(
  {
    version: z.string({ message: "version is required (the contract's own version, e.g. 1.0.0)." }).min(1),
    apiVersion: z.enum(ODCS_ACCEPTED, { message: `apiVersion is one of ${ODCS_ACCEPTED.join(", ")} (ODCS v3.0.x).` }),
    kind: z.literal("DataContract", { message: "kind is DataContract." }),
    id: name().min(1, "id is required."),
    name: name().optional(),
    tenant: name().optional(),
    tags,
    status: name(),
    servers: z.array(server).max(20).optional(),
    dataProduct: name().optional(),
    description: z.looseObject({ usage: text().optional(), purpose: text().optional(), limitations: text().optional() }).optional(),
    domain: name().optional(),
    schema: z.array(schemaObject, { message: "schema is a list of objects." }).min(1, "Describe at least one schema object (the port's messages).").max(20),
    support: z.array(z.looseObject({ channel: name(), url: singleLine().max(1000), tool: singleLine().max(50).optional() })).max(20).optional(),
    price: z.unknown().optional(),
    team: z.array(z.looseObject({ username: singleLine().max(200).optional(), name: singleLine().max(200).optional(), role: singleLine().max(100).optional() })).max(200).optional(),
    roles: z.unknown().optional(),
    slaDefaultElement: z.unknown().optional(),
    slaProperties: z.array(slaProperty).max(50).optional(),
    authoritativeDefinitions: z.unknown().optional(),
    customProperties,
    contractCreatedTs: z.unknown().optional(),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Not an ODCS v3.0 key: ${issue.keys.join(", ")}.` : undefined) },
);
export type OdcsDocument = z.output<typeof odcsSchema>;
export type OdcsProperty = Property;
