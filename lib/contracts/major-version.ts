import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { notify, teamMemberIds } from "@/lib/notifications";
import { conflict, invalid } from "@/lib/errors";
import { provisionNow } from "@/lib/provisioning";
import { parseSchema } from "./formats";
import { loadOwnedPort, portImpact } from "./port-context";
import type { MajorVersionInput } from "./schemas";
import { checkSubjectFree } from "./subject-check";

/** `sales.orders.v1` → `sales.orders.v2`. */
export function nextMajorTopic(topic: string): { topic: string; major: number } {
  const m = /^(.*)\.v(\d+)$/.exec(topic);
  const major = m ? Number(m[2]) + 1 : 2;
  return { topic: m ? `${m[1]}.v${major}` : `${topic}.v2`, major };
}

/**
 * The way out of an incompatible change: a new output port (`...v<n+1>` topic) beside the current one,
 * with the breaking schema as its version 1; the current port is deprecated with a sunset date and its
 * consumers are told. Rows, audit and notices in one transaction; Kafka and the registry by the retried job.
 */
export async function startMajorVersion(viewer: Viewer, input: MajorVersionInput): Promise<{ outputPortId: string; topic: string; warning?: string }> {
  const port = await loadOwnedPort(viewer, input.outputPortId);
  if (port.successorPortId) throw conflict("This port already has a newer major version.");
  if (input.sunsetAt.getTime() <= Date.now()) throw invalid("The sunset must be in the future.", { sunsetAt: "Choose a day after today." });
  const format = port.schemaVersions[0]?.format ?? "AVRO";
  const parsed = parseSchema(format, input.schema);
  if (!parsed.ok) throw invalid("The schema does not parse.", { schema: `Line ${parsed.issue.line}, column ${parsed.issue.column}: ${parsed.issue.message}` });
  const { topic, major } = nextMajorTopic(port.topic);
  if (await db.outputPort.findUnique({ where: { topic }, select: { id: true } })) throw conflict(`Topic ${topic} already exists.`);
  await checkSubjectFree(topic, parsed.schema);
  const producers = await db.grant.findMany({ where: { outputPortId: port.id, kind: "PRODUCE", status: "ACTIVE" } });
  const impact = await portImpact(port.id);

  const created = await db.$transaction(async (tx) => {
    const next = await tx.outputPort.create({
      data: {
        dataProductId: port.dataProductId,
        name: `${port.name.replace(/-v\d+$/, "")}-v${major}`,
        topic,
        partitions: port.partitions,
        replicationFactor: port.replicationFactor,
        retentionMs: port.retentionMs,
        cleanupPolicy: port.cleanupPolicy,
        compatibility: port.compatibility,
        schemaVersions: { create: { version: 1, format, definition: parsed.schema.definition as Prisma.InputJsonValue, createdById: viewer.id } },
      },
    });
    for (const g of producers) {
      await tx.grant.create({ data: { kind: "PRODUCE", dataProductId: port.dataProductId, outputPortId: next.id, teamId: g.teamId, principalId: g.principalId } });
    }
    await tx.outputPort.update({ where: { id: port.id }, data: { deprecatedAt: new Date(), sunsetAt: input.sunsetAt, successorPortId: next.id } });
    await recordAudit(tx, {
      actor: viewer,
      action: "output-port.major-version-started",
      targetType: "output-port",
      targetId: port.id,
      before: { topic: port.topic, deprecatedAt: null },
      after: { successor: topic, sunsetAt: input.sunsetAt.toISOString().slice(0, 10) },
    });
    await notify(
      tx,
      await teamMemberIds(tx, [...new Set(impact.map((i) => i.teamId))]),
      {
        kind: "output-port.deprecated",
        title: `${port.topic} is deprecated; move to ${topic}`,
        body: `${port.dataProduct.name} starts major version ${major} on ${topic}. ${port.topic} stops on ${input.sunsetAt.toISOString().slice(0, 10)}; request access to the new port before then.`,
        href: `/products/${port.dataProduct.slug}`,
      },
      viewer.id,
    );
    return next;
  });
  const outcome = await provisionNow({ kind: "output-port", id: created.id });
  return { outputPortId: created.id, topic, warning: outcome.ok ? undefined : `Saved; provisioning ${topic} has not finished (${outcome.error}).` };
}
