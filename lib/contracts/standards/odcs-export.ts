import { stringify } from "yaml";
import { formatLabel, type FieldModel } from "../model";
import { supportHref } from "../contract-model";
import { decodedFields, logicalTypeOf } from "./field-types";
import { ruleToOdcs } from "./odcs-quality";
import { lifecycleToStatus, ODCS_API_VERSION, type ExportPort, type ExportSource } from "./types";

// A product's contract as an Open Data Contract Standard v3.0.2 document (bitol-io/open-data-contract-standard,
// tag v3.0.2, schema/odcs-json-schema-v3.0.2.json). Pure: the route handler loads, this writes.

type Property = Record<string, unknown> & { name: string; properties?: Property[] };

export const contractIdOf = (slug: string) => `${slug}-contract`;
const FORMAT_WORD = { AVRO: "avro", JSON_SCHEMA: "json", PROTOBUF: "protobuf" } as const;

/** Properties nested by their dotted paths (a record's fields inside the record's property). */
function propertiesOf(port: ExportPort): Property[] {
  if (!port.schema) return [];
  const fields = decodedFields(port.schema.format, port.schema.fields);
  const byPath = new Map<string, Property>();
  const top: Property[] = [];
  for (const f of fields) {
    const prop = propertyOf(f, port);
    byPath.set(f.path, prop);
    const parent = byPath.get(f.path.slice(0, f.path.lastIndexOf(".")));
    if (f.path.includes(".") && parent) (parent.properties ??= []).push({ ...prop, name: f.path.slice(f.path.lastIndexOf(".") + 1) });
    else top.push(prop);
  }
  return top;
}

function propertyOf(f: FieldModel, port: ExportPort): Property {
  const pii = port.personalDataFields.includes(f.path);
  const quality = port.qualityRules.filter((r) => r.field === f.path).map(ruleToOdcs);
  const logicalType = logicalTypeOf(f.type);
  return {
    name: f.path,
    logicalType,
    physicalType: f.type,
    required: f.required,
    ...(f.symbols && logicalType === "string" ? { examples: f.symbols.slice(0, 10) } : {}),
    ...(pii ? { classification: "pii", tags: ["pii"], customProperties: [{ property: "pii", value: true }] } : {}),
    ...(quality.length > 0 ? { quality } : {}),
  };
}

function schemaObject(port: ExportPort) {
  // Rules on fields the current schema does not have stay visible at the object.
  const known = new Set(port.schema ? decodedFields(port.schema.format, port.schema.fields).map((f) => f.path) : []);
  const orphan = port.qualityRules.filter((r) => !known.has(r.field)).map(ruleToOdcs);
  return {
    name: port.name,
    physicalName: port.topic,
    physicalType: "topic",
    logicalType: "object",
    description: `Messages of Kafka topic ${port.topic}${port.schema ? ` (${formatLabel[port.schema.format]} schema, version ${port.schema.version})` : ""}.`,
    properties: propertiesOf(port),
    ...(orphan.length > 0 ? { quality: orphan } : {}),
    // What no ODCS key holds but a Meshport import needs to recreate the port exactly.
    customProperties: [
      ...(port.schema
        ? [
            { property: "schemaFormat", value: port.schema.format },
            { property: "schemaVersion", value: port.schema.version },
            { property: "schema", value: port.schema.text },
          ]
        : []),
      { property: "compatibility", value: port.compatibility },
    ],
  };
}

/** The ODCS document as a plain object (what the YAML says). */
export function buildOdcs(source: ExportSource): Record<string, unknown> {
  const sla: Array<Record<string, unknown>> = [];
  if (source.freshnessMinutes !== null) sla.push({ property: "latency", value: source.freshnessMinutes, unit: "min", description: "Freshness: new data within this time of the event.", driver: "operational" });
  if (source.availabilityPercent !== null) sla.push({ property: "availability", value: source.availabilityPercent, unit: "percent", driver: "operational" });
  if (source.retentionHours !== null) sla.push({ property: "retention", value: source.retentionHours, unit: "h", driver: "operational" });

  return {
    apiVersion: ODCS_API_VERSION,
    kind: "DataContract",
    id: contractIdOf(source.slug),
    name: source.name,
    // Until an owner saves the contract, what consumers see is its first version.
    version: `${source.contractVersion ?? 1}.0.0`,
    status: lifecycleToStatus(source.lifecycle),
    domain: source.domain,
    dataProduct: source.name,
    description: {
      purpose: source.description,
      usage: `Read the Kafka topic${source.ports.length === 1 ? "" : "s"} ${source.ports.map((p) => p.topic).join(", ")} after Meshport grants your team access.`,
      ...(source.termsOfUse ? { limitations: source.termsOfUse } : {}),
    },
    tags: source.tags,
    schema: source.ports.map(schemaObject),
    servers: source.ports.map((p) => ({
      server: p.name,
      type: "kafka",
      host: source.bootstrap,
      format: p.schema ? FORMAT_WORD[p.schema.format] : "json",
      description: `Kafka topic ${p.topic}`,
      customProperties: [
        { property: "topic", value: p.topic },
        { property: "partitions", value: p.partitions },
        { property: "replicationFactor", value: p.replicationFactor },
        { property: "cleanupPolicy", value: p.cleanupPolicy },
      ],
    })),
    ...(sla.length > 0 ? { slaProperties: sla } : {}),
    ...(source.supportChannel
      ? { support: [{ channel: "support", url: supportHref(source.supportChannel), tool: source.supportChannel.startsWith("http") ? "other" : "email", scope: "issues" }] }
      : {}),
    team: source.team.maintainers.map((m) => ({ username: m.email ?? m.name ?? "unknown", ...(m.name ? { name: m.name } : {}), role: "maintainer", description: `Team ${source.team.name}` })),
    customProperties: [
      { property: "ownerTeam", value: source.team.slug },
      { property: "classification", value: source.classification.toLowerCase() },
      { property: "containsPersonalData", value: source.containsPii },
    ],
  };
}

export const odcsYaml = (source: ExportSource) => stringify(buildOdcs(source), { lineWidth: 0 });
