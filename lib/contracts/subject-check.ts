import "server-only";
import { conflict, DomainError } from "@/lib/errors";
import { findSchemaVersion, listVersions, RegistryUnavailableError, subjectFor } from "@/lib/schema-registry";
import { registrySchemaType } from "./formats";
import type { ParsedSchema } from "./model";

/**
 * Before a product is written: the registry answers, and the topic's value subject is either new or
 * already holds exactly this schema (then it is adopted). Anything else is someone else's subject.
 */
export async function checkSubjectFree(topic: string, schema: ParsedSchema): Promise<void> {
  const subject = subjectFor(topic, "value");
  try {
    const versions = await listVersions(subject);
    if (versions.length === 0) return;
    const same = await findSchemaVersion(subject, { schemaType: registrySchemaType[schema.format], schema: schema.text });
    if (same) return;
    throw conflict(`Subject ${subject} already exists in the Schema Registry with other schemas (${versions.length} version${versions.length === 1 ? "" : "s"}). Nothing was created.`, {
      schema: `The registry already holds other schemas under ${subject}.`,
    });
  } catch (e) {
    if (e instanceof RegistryUnavailableError) throw registryDown(e);
    throw e;
  }
}

export function registryDown(e: RegistryUnavailableError): DomainError {
  return new DomainError("UNAVAILABLE", `${e.message}. Nothing was changed; try again when the registry is back.`);
}
