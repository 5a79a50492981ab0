import { z } from "zod";
import { multiLine, singleLine } from "@/lib/validation";
import { ODPS_ACCEPTED } from "./types";

// What Meshport accepts as an ODPS product, written from the Open Data Product Standard v1.0.0
// (docs/README.md and schema/odps-json-schema-v1.0.0.json at tag v1.0.0 of
// bitol-io/open-data-product-standard): required apiVersion, kind, id, status; a closed top level;
// output ports name their contract by contractId.

const text = () => multiLine().max(20_000, "Use at most 20000 characters.");
const name = () => singleLine().max(200, "Use at most 200 characters.");

export const odpsSchema = z.strictObject(
  {
    apiVersion: z.enum(ODPS_ACCEPTED, { message: `apiVersion is one of ${ODPS_ACCEPTED.join(", ")}.` }),
    kind: z.literal("DataProduct", { message: "kind is DataProduct." }),
    id: name().min(1, "id is required."),
    name: name().optional(),
    version: z.string().optional(),
    status: name(),
    domain: name().optional(),
    tenant: name().optional(),
    authoritativeDefinitions: z.unknown().optional(),
    description: z.looseObject({ purpose: text().optional(), limitations: text().optional(), usage: text().optional() }).optional(),
    customProperties: z.array(z.looseObject({ property: name(), value: z.unknown() })).max(100).optional(),
    tags: z.array(singleLine().max(100)).max(50).optional(),
    inputPorts: z.array(z.looseObject({ name: name(), version: z.string(), contractId: name() })).max(100).optional(),
    outputPorts: z
      .array(z.looseObject({ name: name(), version: z.string({ message: "An output port has a version." }), contractId: name().optional(), type: singleLine().max(100).optional() }))
      .min(1, "Describe at least one output port.")
      .max(20),
    managementPorts: z.unknown().optional(),
    support: z.array(z.looseObject({ channel: name(), url: singleLine().max(1000) })).max(20).optional(),
    team: z.looseObject({ name: name().optional(), members: z.array(z.looseObject({ username: singleLine().max(200) })).max(200).optional() }).optional(),
    productCreatedTs: z.unknown().optional(),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `Not an ODPS v1.0 key: ${issue.keys.join(", ")}.` : undefined) },
);
export type OdpsDocument = z.output<typeof odpsSchema>;
