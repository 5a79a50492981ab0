import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { notFound } from "@/lib/errors";
import { defaultConsumerGroupPrefix } from "@/lib/kafka/acl-spec";
import { parseSchema } from "./formats";
import type { ParsedSchema, SchemaFormat } from "./model";

/** A port with its product and versions (newest first), after checking the viewer may change its contract. */
export async function loadOwnedPort(viewer: Viewer, outputPortId: string) {
  const port = await db.outputPort.findUnique({
    where: { id: outputPortId },
    include: {
      dataProduct: true,
      schemaVersions: { where: { part: "VALUE" }, orderBy: { version: "desc" } },
    },
  });
  if (!port) throw notFound("Output port");
  const isDomainOwner = (await db.domainOwner.count({ where: { domainId: port.dataProduct.domainId, userId: viewer.id } })) > 0;
  assertCan(viewer, { permission: "manage:contract", product: port.dataProduct, isDomainOwner });
  return port;
}

/** A stored version parsed back (it parsed when it was stored). */
export function parseStored(format: SchemaFormat, definition: unknown): ParsedSchema {
  const text = format === "PROTOBUF" ? String((definition as { proto?: string }).proto ?? "") : JSON.stringify(definition);
  const r = parseSchema(format, text);
  if (!r.ok) throw new Error(`stored schema no longer parses: ${r.issue.message}`);
  return r.schema;
}

/** Teams reading the port now (active CONSUME grants), with the consumer groups their ACLs allow. */
export async function portImpact(outputPortId: string) {
  const grants = await db.grant.findMany({
    where: { outputPortId, kind: "CONSUME", status: "ACTIVE" },
    include: { team: { select: { id: true, name: true, slug: true } }, principal: { select: { principal: true } } },
    orderBy: { createdAt: "asc" },
  });
  return grants.map((g) => ({
    teamId: g.team.id,
    teamName: g.team.name,
    principal: g.principal.principal,
    // Consumer ACLs are granted on the group prefix named after the principal.
    consumerGroups: `${defaultConsumerGroupPrefix(g.principal.principal)}*`,
    until: g.validUntil?.toISOString() ?? null,
  }));
}
export type Impact = Awaited<ReturnType<typeof portImpact>>;
