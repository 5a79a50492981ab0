import "server-only";
import Ajv from "ajv";
import { db, type Prisma } from "@/lib/db";
import { readRecentMessages, type RecentMessage } from "@/lib/kafka";
import { getSchemaById } from "@/lib/schema-registry";
import { definitionText } from "./formats";
import type { SchemaFormat } from "./model";
import { brokenRules, describeRule, qualityRulesSchema } from "./quality";
import { avroType, codecFor, protoMessage, schemaIdOf, type Codec } from "./wire";

/** At most this many of a port's latest messages per pass: enough for a share, cheap for the cluster. */
export const SAMPLE_SIZE = 200;

const formatOf = { AVRO: "AVRO", JSON: "JSON_SCHEMA", PROTOBUF: "PROTOBUF" } as const;
export type Failure = { rule: string; count: number; example: { partition: number; offset: string } };
export type Decoded = { partition: number; offset: string; timestamp: string; key: string | null; value: unknown; error?: string };

/** Decodes messages: Confluent wire format by its schema id (codecs cached per id), else JSON checked against the port's latest schema. */
export async function decodeMessages(messages: RecentMessage[], latest: { format: SchemaFormat; definition: unknown } | null): Promise<Decoded[]> {
  const codecs = new Map<number, Codec | null>();
  const jsonCheck = latest ? jsonValidator(latest.format, definitionText(latest.format, latest.definition)) : null;
  const out: Decoded[] = [];
  for (const m of messages) {
    const base = { partition: m.partition, offset: m.offset, timestamp: m.timestamp, key: m.key };
    if (!m.value) continue; // tombstones carry no value to check
    const id = schemaIdOf(m.value);
    if (id !== null) {
      if (!codecs.has(id)) {
        const s = await getSchemaById(id);
        codecs.set(id, s ? codecFor(formatOf[s.schemaType], s.schema) : null);
      }
      const codec = codecs.get(id);
      if (!codec) {
        out.push({ ...base, value: null, error: `written with schema id ${id}, unknown to the registry` });
        continue;
      }
      try {
        out.push({ ...base, value: codec.decode(m.value) });
      } catch (e) {
        out.push({ ...base, value: null, error: `does not decode with schema id ${id}: ${(e as Error).message}` });
      }
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(m.value.toString("utf8"));
    } catch {
      out.push({ ...base, value: null, error: "neither Confluent wire format nor JSON" });
      continue;
    }
    const problem = jsonCheck?.(value);
    out.push(problem ? { ...base, value, error: `does not match the schema: ${problem}` } : { ...base, value });
  }
  return out;
}

let ajv: Ajv | undefined;
function jsonValidator(format: SchemaFormat, text: string): (value: unknown) => string | null {
  if (format === "AVRO") {
    const type = avroType(text);
    return (v) => (type.isValid(v) ? null : "not valid for the Avro schema");
  }
  if (format === "PROTOBUF") {
    const message = protoMessage(text);
    return (v) => (v && typeof v === "object" ? message.verify(v as Record<string, unknown>) : "not an object");
  }
  ajv ??= new Ajv({ allErrors: false, strict: false });
  const validate = ajv.compile(JSON.parse(text) as object);
  return (v) => (validate(v) ? null : `${validate.errors?.[0]?.instancePath || "message"} ${validate.errors?.[0]?.message ?? ""}`.trim());
}

/**
 * One conformance pass over a port: its latest SAMPLE_SIZE messages decoded and checked against the
 * schema and the port's quality rules; the result is kept (the last 20 per port).
 */
export async function checkPortConformance(outputPortId: string, limit = SAMPLE_SIZE) {
  const started = Date.now();
  const port = await db.outputPort.findUniqueOrThrow({
    where: { id: outputPortId },
    include: { schemaVersions: { where: { part: "VALUE" }, orderBy: { version: "desc" }, take: 1 } },
  });
  const rules = qualityRulesSchema.safeParse(port.qualityRules);
  const decoded = await decodeMessages(await readRecentMessages(port.topic, limit), port.schemaVersions[0] ?? null);
  const failures = new Map<string, Failure>();
  const seen = new Map<string, Set<string>>();
  let passed = 0;
  for (const m of decoded) {
    const broken = m.error ? [`schema: ${m.error.replace(/: .*$/, "")}`] : (rules.success ? brokenRules(m.value, rules.data, seen) : []).map(describeRule);
    if (broken.length === 0) passed++;
    for (const rule of broken) {
      const f = failures.get(rule) ?? { rule, count: 0, example: { partition: m.partition, offset: m.offset } };
      f.count++;
      failures.set(rule, f);
    }
  }
  const run = await db.conformanceRun.create({
    data: {
      outputPortId,
      sampled: decoded.length,
      passed,
      failures: [...failures.values()].sort((a, b) => b.count - a.count) as unknown as Prisma.InputJsonValue,
      durationMs: Date.now() - started,
    },
  });
  const old = await db.conformanceRun.findMany({ where: { outputPortId }, orderBy: { at: "desc" }, skip: 20, select: { id: true } });
  if (old.length) await db.conformanceRun.deleteMany({ where: { id: { in: old.map((o) => o.id) } } });
  return run;
}

/** Every provisioned port with a schema, one after the other (the job runs once across instances). */
export async function checkAllConformance(): Promise<{ ports: number; messages: number; ms: number }> {
  const started = Date.now();
  const ports = await db.outputPort.findMany({
    where: { provisioning: "APPLIED", schemaVersions: { some: {} }, dataProduct: { lifecycle: { not: "RETIRED" } } },
    select: { id: true, topic: true },
  });
  let messages = 0;
  for (const p of ports) {
    try {
      messages += (await checkPortConformance(p.id)).sampled;
    } catch (e) {
      console.warn(`[conformance] ${p.topic}: ${(e as Error).message}`);
    }
  }
  return { ports: ports.length, messages, ms: Date.now() - started };
}
