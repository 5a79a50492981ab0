import type { FieldModel, SchemaFormat } from "../model";
import type { QualityRule } from "../quality";

// What Meshport exports as ODCS v3.0.2 / ODPS v1.0.0 and what an import of such files gives back
// (docs/decisions/0047). Pure data, client-safe.

export const ODCS_API_VERSION = "v3.0.2";
export const ODPS_API_VERSION = "v1.0.0";
/** Versions an import accepts: the ODCS v3.0.x line and ODPS v1.0.0 (and the v0.9.0 it replaced). */
export const ODCS_ACCEPTED = ["v3.0.0", "v3.0.1", "v3.0.2"] as const;
export const ODPS_ACCEPTED = ["v0.9.0", "v1.0.0"] as const;

export type LifecycleName = "DRAFT" | "ACTIVE" | "DEPRECATED" | "RETIRED";
export type ClassificationName = "PUBLIC" | "INTERNAL" | "CONFIDENTIAL" | "RESTRICTED";

/** One output port as the export reads it. */
export type ExportPort = {
  name: string;
  topic: string;
  partitions: number;
  replicationFactor: number;
  retentionHours: number;
  cleanupPolicy: string;
  compatibility: string;
  schema: { format: SchemaFormat; version: number; text: string; fields: FieldModel[] } | null;
  qualityRules: QualityRule[];
  personalDataFields: string[];
};

/** Everything the ODCS and ODPS documents of one product are built from. */
export type ExportSource = {
  slug: string;
  name: string;
  description: string;
  lifecycle: LifecycleName;
  classification: ClassificationName;
  containsPii: boolean;
  tags: string[];
  domain: string;
  team: { slug: string; name: string; maintainers: Array<{ name: string | null; email: string | null }> };
  contractVersion: number | null;
  freshnessMinutes: number | null;
  availabilityPercent: number | null;
  retentionHours: number | null;
  termsOfUse: string;
  supportChannel: string | null;
  bootstrap: string;
  ports: ExportPort[];
};

/** One ODCS schema object read back: what Meshport needs to create an output port. */
export type ImportedObject = {
  name: string;
  topic: string | null;
  format: SchemaFormat;
  /** The port's schema text: Meshport's own when the file carries it, else an Avro record built from the properties. */
  schemaText: string;
  partitions: number | null;
  replicationFactor: number | null;
  cleanupPolicy: "delete" | "compact" | null;
  compatibility: string | null;
  qualityRules: QualityRule[];
  personalDataFields: string[];
};

/** An ODCS contract read back, in Meshport's terms. */
export type ImportedContract = {
  id: string;
  name: string;
  lifecycle: LifecycleName;
  domain: string | null;
  dataProduct: string | null;
  purpose: string;
  termsOfUse: string;
  tags: string[];
  classification: ClassificationName | null;
  containsPii: boolean;
  freshnessMinutes: number | null;
  availabilityPercent: number | null;
  retentionHours: number | null;
  supportChannel: string | null;
  team: string | null;
  objects: ImportedObject[];
};

/** An ODPS product read back. */
export type ImportedProduct = {
  id: string;
  name: string | null;
  lifecycle: LifecycleName;
  domain: string | null;
  purpose: string;
  tags: string[];
  supportChannel: string | null;
  team: string | null;
  outputContractIds: string[];
};

export const lifecycleToStatus = (l: LifecycleName) => l.toLowerCase();

/** ODCS/ODPS status words to Meshport's lifecycle (the standards give examples, not an enum). */
export function statusToLifecycle(status: string): LifecycleName {
  const s = status.trim().toLowerCase();
  if (["active", "production", "released", "current"].includes(s)) return "ACTIVE";
  if (s === "deprecated") return "DEPRECATED";
  if (s === "retired") return "RETIRED";
  return "DRAFT";
}
