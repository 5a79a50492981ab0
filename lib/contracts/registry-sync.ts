import "server-only";
import { db } from "@/lib/db";
import { findSchemaVersion, registerSchema, setCompatibility, subjectFor, type RegistrySchema } from "@/lib/schema-registry";
import { definitionText, registrySchemaType } from "./formats";
import type { SchemaFormat } from "./model";

/** The registry's copy of a stored schema version. */
export function registrySchemaOf(format: SchemaFormat, definition: unknown): RegistrySchema {
  const text = format === "PROTOBUF" ? definitionText(format, definition) : JSON.stringify(definition);
  return { schemaType: registrySchemaType[format], schema: text };
}

/**
 * Makes the registry match a port: its subjects carry the port's compatibility level (set explicitly,
 * never left to a client's default), and every stored version is registered, oldest first. Idempotent:
 * the registry returns the existing id for a schema it already holds. Throws the registry's errors.
 */
export async function syncPortSchemas(portId: string): Promise<void> {
  const port = await db.outputPort.findUnique({
    where: { id: portId },
    include: { schemaVersions: { orderBy: [{ part: "asc" }, { version: "asc" }] } },
  });
  if (!port || port.schemaVersions.length === 0) return;
  const parts = new Set(port.schemaVersions.map((v) => v.part));
  for (const part of parts) {
    const subject = subjectFor(port.topic, part === "KEY" ? "key" : "value");
    await setCompatibility(subject, port.compatibility);
    for (const v of port.schemaVersions.filter((s) => s.part === part)) {
      if (v.registryId !== null && v.registryVersion !== null) continue;
      const schema = registrySchemaOf(v.format, v.definition);
      const { id } = await registerSchema(subject, schema);
      const found = await findSchemaVersion(subject, schema);
      await db.schemaVersion.update({ where: { id: v.id }, data: { registryId: id, registryVersion: found?.version ?? null } });
    }
  }
}
