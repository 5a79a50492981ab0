import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { getDataProduct } from "@/lib/catalog";
import { notFound } from "@/lib/errors";
import { diffSchemas } from "./diff";
import { definitionText } from "./formats";
import { loadOwnedPort, parseStored } from "./port-context";
import { nextMajorTopic } from "./major-version";
import type { Failure } from "./conformance";

/** A port's versions for the versions page, and the diff between two of them (default: the last two). */
export async function getPortVersions(viewer: Viewer, slug: string, outputPortId: string, from?: number, to?: number) {
  const { product } = await getDataProduct(viewer, slug); // NOT_FOUND when the viewer may not see it
  const port = await db.outputPort.findFirst({
    where: { id: outputPortId, dataProductId: product.id },
    include: { schemaVersions: { where: { part: "VALUE" }, orderBy: { version: "desc" } } },
  });
  if (!port) throw notFound("Output port");
  const versions = port.schemaVersions.map((v) => ({
    version: v.version,
    format: v.format,
    registryId: v.registryId,
    createdAt: v.createdAt,
    text: definitionText(v.format, v.definition),
  }));
  const newer = port.schemaVersions.find((v) => v.version === to) ?? port.schemaVersions[0];
  const older = port.schemaVersions.find((v) => v.version === from) ?? port.schemaVersions.find((v) => newer && v.version < newer.version);
  const diff =
    newer && older && older.version !== newer.version
      ? { from: older.version, to: newer.version, changes: diffSchemas(parseStored(older.format, older.definition), parseStored(newer.format, newer.definition)).map((c) => c.words) }
      : null;
  return { product, port, versions, diff };
}

/** What the publish page needs; NOT_FOUND for a port the viewer cannot see, FORBIDDEN for one they cannot change. */
export async function getPublishContext(viewer: Viewer, slug: string, outputPortId: string) {
  const { product, port, versions } = await getPortVersions(viewer, slug, outputPortId);
  await loadOwnedPort(viewer, port.id);
  const current = versions[0];
  return {
    product,
    port,
    format: current?.format ?? ("AVRO" as const),
    currentText: current?.text ?? "",
    currentVersion: current?.version ?? null,
    nextTopic: nextMajorTopic(port.topic).topic,
  };
}

/** The latest conformance run of each of a product's ports and the product's score (share of sampled messages passing). */
export async function getConformance(productId: string) {
  const ports = await db.outputPort.findMany({
    where: { dataProductId: productId },
    select: { id: true, topic: true, conformance: { orderBy: { at: "desc" }, take: 1 } },
  });
  const runs = ports.flatMap((p) => (p.conformance[0] ? [{ ...p.conformance[0], topic: p.topic, failures: p.conformance[0].failures as Failure[] }] : []));
  const sampled = runs.reduce((n, r) => n + r.sampled, 0);
  const passed = runs.reduce((n, r) => n + r.passed, 0);
  return { runs, sampled, score: sampled > 0 ? passed / sampled : null };
}
