import { SCHEMA_FORMATS, type SchemaFormat } from "../model";
import { supportChannelProblem } from "../contract-model";
import type { QualityRule } from "../quality";
import { avroRecord, type PropertyShape } from "./field-types";
import { ruleFromOdcs, type OdcsQuality } from "./odcs-quality";
import { odcsSchema, type OdcsDocument, type OdcsProperty } from "./odcs-schema";
import { issueAt, readYaml, type FileIssue, type Read } from "./read-yaml";
import { statusToLifecycle, type ClassificationName, type ImportedContract, type ImportedObject } from "./types";

// An ODCS v3.0.x file read into Meshport's terms (the inverse of odcs-export.ts).

type Custom = Array<{ property: string; value?: unknown }> | undefined;
const custom = (list: Custom, key: string): unknown => list?.find((c) => c.property === key)?.value;

const MINUTES: Record<string, number> = { min: 1, m: 1, minute: 1, minutes: 1, h: 60, hr: 60, hour: 60, hours: 60, d: 1440, day: 1440, days: 1440 };
const HOURS: Record<string, number> = { h: 1, hr: 1, hour: 1, hours: 1, d: 24, day: 24, days: 24, w: 168, week: 168, weeks: 168, y: 8760, yr: 8760, year: 8760, years: 8760 };
const CLASSIFICATIONS: ClassificationName[] = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"];

const isPii = (p: OdcsProperty) =>
  p.classification === "pii" || (Array.isArray(p.tags) && p.tags.includes("pii")) || custom(p.customProperties as Custom, "pii") === true;

/** Quality rules and personal-data fields of an object's properties, with dotted paths for nested ones. */
function walk(properties: OdcsProperty[], prefix: string, rules: QualityRule[], pii: string[]) {
  for (const p of properties) {
    const path = `${prefix}${p.name}`;
    if (isPii(p)) pii.push(path);
    for (const q of (p.quality as OdcsQuality[] | undefined) ?? []) {
      const rule = ruleFromOdcs(path, q);
      if (rule) rules.push(rule);
    }
    if (p.properties) walk(p.properties, `${path}.`, rules, pii);
  }
}

function objectOf(doc: OdcsDocument, index: number): ImportedObject {
  const o = doc.schema[index]!;
  const rules: QualityRule[] = [];
  const pii: string[] = [];
  walk((o.properties as OdcsProperty[] | undefined) ?? [], "", rules, pii);
  const server = doc.servers?.find((s) => custom(s.customProperties as Custom, "topic") === o.physicalName) ?? doc.servers?.find((s) => s.server === o.name);
  const sc = server?.customProperties as Custom;
  const format = custom(o.customProperties as Custom, "schemaFormat");
  const own = custom(o.customProperties as Custom, "schema");
  const meshportSchema = typeof own === "string" && SCHEMA_FORMATS.includes(format as SchemaFormat);
  const cleanup = custom(sc, "cleanupPolicy");
  const whole = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? v : null);
  return {
    name: o.name,
    topic: o.physicalName ?? null,
    format: meshportSchema ? (format as SchemaFormat) : "AVRO",
    schemaText: meshportSchema ? (own as string) : JSON.stringify(avroRecord(o.name, (o.properties as PropertyShape[] | undefined) ?? []), null, 2),
    partitions: whole(custom(sc, "partitions")),
    replicationFactor: whole(custom(sc, "replicationFactor")),
    cleanupPolicy: cleanup === "compact" || cleanup === "delete" ? cleanup : null,
    compatibility: typeof custom(o.customProperties as Custom, "compatibility") === "string" ? (custom(o.customProperties as Custom, "compatibility") as string) : null,
    qualityRules: rules,
    personalDataFields: pii,
  };
}

/** Reads and checks an ODCS file; every problem carries its line and column. */
export function readOdcs(text: string): Read<ImportedContract> {
  const read = readYaml(text, odcsSchema);
  if (!read.ok) return read;
  const doc = read.value;
  const issues: FileIssue[] = [];

  const sla = (names: string[]) => {
    const i = (doc.slaProperties ?? []).findIndex((s) => names.includes(s.property.toLowerCase()));
    return i === -1 ? null : { i, value: doc.slaProperties![i]!.value, unit: (doc.slaProperties![i]!.unit ?? "").toLowerCase() };
  };
  const scaled = (names: string[], table: Record<string, number>, fallbackUnit: string) => {
    const s = sla(names);
    if (!s) return null;
    const factor = table[s.unit || fallbackUnit];
    const n = typeof s.value === "number" ? s.value : Number(s.value);
    if (factor === undefined) issues.push(issueAt(text, ["slaProperties", s.i, "unit"], `Unknown unit "${s.unit}" for ${names[0]}: use one of ${Object.keys(table).join(", ")}.`));
    else if (!Number.isFinite(n) || n <= 0) issues.push(issueAt(text, ["slaProperties", s.i, "value"], `${names[0]} is a positive number.`));
    else return Math.round(n * factor);
    return null;
  };
  const freshnessMinutes = scaled(["latency", "ly", "freshness"], MINUTES, "min");
  const retentionHours = scaled(["retention", "re"], HOURS, "h");
  const av = sla(["availability", "av"]);
  let availabilityPercent: number | null = null;
  if (av) {
    const n = typeof av.value === "number" ? av.value : Number(String(av.value).replace("%", ""));
    if (!Number.isFinite(n) || n <= 0 || n > 100) issues.push(issueAt(text, ["slaProperties", av.i, "value"], "availability is a percentage above 0 and at most 100."));
    else availabilityPercent = n;
  }

  let supportChannel: string | null = null;
  const support = doc.support?.[0];
  if (support) {
    const channel = support.url.replace(/^mailto:/i, "");
    if (supportChannelProblem(channel)) issues.push(issueAt(text, ["support", 0, "url"], "The support url is an https:// link or a mailto: address."));
    else supportChannel = channel;
  }

  const classification = String(custom(doc.customProperties as Custom, "classification") ?? "").toUpperCase();
  const objects = doc.schema.map((_, i) => objectOf(doc, i));
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      id: doc.id,
      name: doc.name ?? doc.dataProduct ?? doc.id,
      lifecycle: statusToLifecycle(doc.status),
      domain: doc.domain ?? null,
      dataProduct: doc.dataProduct ?? null,
      purpose: doc.description?.purpose ?? "",
      termsOfUse: doc.description?.limitations ?? "",
      tags: doc.tags ?? [],
      classification: CLASSIFICATIONS.includes(classification as ClassificationName) ? (classification as ClassificationName) : null,
      containsPii: custom(doc.customProperties as Custom, "containsPersonalData") === true || objects.some((o) => o.personalDataFields.length > 0),
      freshnessMinutes,
      availabilityPercent,
      retentionHours,
      supportChannel,
      team: typeof custom(doc.customProperties as Custom, "ownerTeam") === "string" ? (custom(doc.customProperties as Custom, "ownerTeam") as string) : null,
      objects,
    },
  };
}
