import "server-only";
import { db, type Prisma, type Tx } from "@/lib/db";
import { checkOutputPorts, portTopic, type Policies } from "@/lib/governance";
import { checkSubjectFree } from "@/lib/contracts";
import { parseSchema } from "@/lib/contracts/formats";
import type { ParsedSchema } from "@/lib/contracts/model";
import { DomainError, invalid, type FieldErrors } from "@/lib/errors";
import type { NewOutputPort } from "./schemas";

// New output ports, at creation or added later: named, judged by the policies, their schemas parsed
// and their registry subjects checked, all before anything is written (docs/decisions/0034, 0052).

export type PlannedPort = NewOutputPort & { parsed: ParsedSchema | null };

/** Where a port's field errors go: `ports.<i>.<field>`, or the top-level field for a one-port product sent flat. */
export type PortFieldKey = (index: number, field: string) => string;
export const portFieldKey = (atTop: boolean): PortFieldKey => (i, field) => (atTop ? (field === "topic" ? "slug" : field) : `ports.${i}.${field}`);

/** The topics the ports get and the policies' verdict on them (names, prefixes, limits, duplicates). */
export function judgePorts(
  ports: NewOutputPort[],
  args: { prefix: string; allowedPrefixes: string[]; productSlug: string; policies: Policies; brokerCount?: number; existing?: { names: string[]; topics: string[] }; key: PortFieldKey; firstIndex?: number },
): { ports: NewOutputPort[]; violations: FieldErrors } {
  const first = args.firstIndex ?? 0;
  const named = ports.map((p, i) => ({ ...p, topic: portTopic(args.prefix, args.productSlug, p, first + i) }));
  const raw = checkOutputPorts(named, { allowedPrefixes: args.allowedPrefixes, brokerCount: args.brokerCount }, args.policies, args.existing);
  const violations: FieldErrors = {};
  for (const [k, message] of Object.entries(raw)) {
    const [, i, field] = k.split(".");
    violations[args.key(Number(i), field!)] = message;
  }
  return { ports: named, violations };
}

/** Parses each port's schema (errors at line and column) and checks its subject is free; needs the registry. */
export async function parsePortSchemas(ports: NewOutputPort[], key: PortFieldKey): Promise<PlannedPort[]> {
  const errors: FieldErrors = {};
  const planned = ports.map((p, i): PlannedPort => {
    if (!p.schema) return { ...p, parsed: null };
    const parsed = parseSchema(p.schemaFormat, p.schema);
    if (parsed.ok) return { ...p, parsed: parsed.schema };
    errors[key(i, "schema")] = `Line ${parsed.issue.line}, column ${parsed.issue.column}: ${parsed.issue.message}`;
    return { ...p, parsed: null };
  });
  if (Object.keys(errors).length > 0) throw invalid("The schema does not parse.", errors);
  for (const [i, p] of planned.entries()) {
    if (!p.parsed) continue;
    try {
      await checkSubjectFree(p.topic, p.parsed);
    } catch (e) {
      if (e instanceof DomainError && e.fieldErrors?.schema) throw new DomainError(e.code, e.message, { [key(i, "schema")]: e.fieldErrors.schema });
      throw e;
    }
  }
  return planned;
}

/** The topics among these that another port (of any product) already has. */
export async function takenTopics(topics: string[]): Promise<string[]> {
  const rows = await db.outputPort.findMany({ where: { topic: { in: topics } }, select: { topic: true } });
  return rows.map((r) => r.topic);
}

/** Writes one port with its owning team's PRODUCE grant and its schema's first version, inside the caller's transaction. */
export async function insertPort(
  tx: Tx,
  port: PlannedPort,
  owner: { productId: string; teamId: string; principalId: string; createdById: string },
): Promise<{ portId: string; grantId: string }> {
  const row = await tx.outputPort.create({
    data: {
      dataProductId: owner.productId,
      name: port.name,
      topic: port.topic,
      partitions: port.partitions,
      replicationFactor: port.replicationFactor,
      retentionMs: BigInt(port.retentionHours) * 3_600_000n,
      cleanupPolicy: port.cleanupPolicy,
      compatibility: port.compatibility,
      schemaVersions: port.parsed
        ? { create: { version: 1, format: port.schemaFormat, definition: port.parsed.definition as Prisma.InputJsonValue, createdById: owner.createdById } }
        : undefined,
    },
  });
  const grant = await tx.grant.create({
    data: { kind: "PRODUCE", dataProductId: owner.productId, outputPortId: row.id, teamId: owner.teamId, principalId: owner.principalId },
  });
  return { portId: row.id, grantId: grant.id };
}

/** What the audit log keeps of a port: its layout, not the schema's text. */
export function auditedPort(p: NewOutputPort) {
  return {
    name: p.name,
    topic: p.topic,
    partitions: p.partitions,
    replicationFactor: p.replicationFactor,
    retentionHours: p.retentionHours,
    cleanupPolicy: p.cleanupPolicy,
    compatibility: p.compatibility,
    schema: p.schema ? `(${p.schemaFormat} schema v1)` : null,
  };
}
