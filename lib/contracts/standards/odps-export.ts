import { stringify } from "yaml";
import { supportHref } from "../contract-model";
import { contractIdOf } from "./odcs-export";
import { lifecycleToStatus, ODPS_API_VERSION, type ExportSource } from "./types";

// A product as an Open Data Product Standard v1.0.0 document (bitol-io/open-data-product-standard,
// tag v1.0.0, schema/odps-json-schema-v1.0.0.json). Its output ports point at the ODCS contract by id.

export function buildOdps(source: ExportSource): Record<string, unknown> {
  const version = `${source.contractVersion ?? 1}.0.0`;
  return {
    apiVersion: ODPS_API_VERSION,
    kind: "DataProduct",
    id: source.slug,
    name: source.name,
    version,
    status: lifecycleToStatus(source.lifecycle),
    domain: source.domain,
    description: {
      purpose: source.description,
      ...(source.termsOfUse ? { limitations: source.termsOfUse } : {}),
      usage: "Request access in Meshport; consumers read the Kafka topics of the output ports.",
    },
    tags: source.tags,
    // Meshport records no upstream sources; ODPS asks for the list all the same.
    inputPorts: [],
    outputPorts: source.ports.map((p) => ({
      name: p.name,
      description: `Kafka topic ${p.topic}`,
      type: "topic",
      version,
      contractId: contractIdOf(source.slug),
    })),
    ...(source.supportChannel ? { support: [{ channel: "support", url: supportHref(source.supportChannel), scope: "issues" }] } : {}),
    team: {
      name: source.team.slug,
      description: source.team.name,
      members: source.team.maintainers.map((m) => ({ username: m.email ?? m.name ?? "unknown", ...(m.name ? { name: m.name } : {}), role: "maintainer" })),
    },
    customProperties: [{ property: "classification", value: source.classification.toLowerCase() }],
  };
}

export const odpsYaml = (source: ExportSource) => stringify(buildOdps(source), { lineWidth: 0 });
