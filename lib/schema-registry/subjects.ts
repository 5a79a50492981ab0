import "server-only";
import { registryRequest, registryUrl } from "./http";
import { RegistryError, RegistryUnavailableError } from "./errors";
import type { CompatibilityMode, RegistrySchemaType } from "./types";

/** Topic name strategy: the subject of a topic's values is `<topic>-value`, of its keys `<topic>-key`. */
export function subjectFor(topic: string, part: "value" | "key" = "value"): string {
  return `${topic}-${part}`;
}

const enc = encodeURIComponent;

export type RegistrySchema = { schemaType: RegistrySchemaType; schema: string };
export type RegisteredVersion = { subject: string; version: number; id: number; schemaType: RegistrySchemaType; schema: string };

function body(s: RegistrySchema) {
  // Confluent omits schemaType for Avro; sending it is accepted too, but some registries dislike "AVRO".
  return s.schemaType === "AVRO" ? { schema: s.schema } : { schema: s.schema, schemaType: s.schemaType };
}

/** Registers a schema under a subject (idempotent: the same schema returns its existing id). */
export async function registerSchema(subject: string, schema: RegistrySchema): Promise<{ id: number }> {
  return registryRequest<{ id: number }>("POST", `/subjects/${enc(subject)}/versions`, body(schema));
}

/** The version a schema already has under a subject, or null. */
export async function findSchemaVersion(subject: string, schema: RegistrySchema): Promise<{ id: number; version: number } | null> {
  try {
    return await registryRequest<{ id: number; version: number }>("POST", `/subjects/${enc(subject)}`, body(schema));
  } catch (e) {
    if (e instanceof RegistryError && e.notFound) return null;
    throw e;
  }
}

export async function setCompatibility(subject: string, mode: CompatibilityMode): Promise<void> {
  await registryRequest("PUT", `/config/${enc(subject)}`, { compatibility: mode });
}

/** The subject's own compatibility level, or null when it has none (the global default applies). */
export async function getCompatibility(subject: string): Promise<CompatibilityMode | null> {
  try {
    const r = await registryRequest<{ compatibilityLevel?: CompatibilityMode; compatibility?: CompatibilityMode }>(
      "GET",
      `/config/${enc(subject)}`,
    );
    return r.compatibilityLevel ?? r.compatibility ?? null;
  } catch (e) {
    if (e instanceof RegistryError && e.notFound) return null;
    throw e;
  }
}

/**
 * The registry's verdict on a candidate under the subject's compatibility level: against the latest
 * version, or every version for the transitive modes. A subject without versions accepts anything.
 */
export async function testCompatibility(
  subject: string,
  schema: RegistrySchema,
  transitive: boolean,
): Promise<{ compatible: boolean; messages: string[] }> {
  const path = transitive ? `/compatibility/subjects/${enc(subject)}/versions` : `/compatibility/subjects/${enc(subject)}/versions/latest`;
  try {
    const r = await registryRequest<{ is_compatible: boolean; messages?: string[] }>("POST", `${path}?verbose=true`, body(schema));
    return { compatible: r.is_compatible, messages: r.messages ?? [] };
  } catch (e) {
    if (e instanceof RegistryError && e.notFound) return { compatible: true, messages: [] };
    throw e;
  }
}

export async function listSubjects(): Promise<string[]> {
  return registryRequest<string[]>("GET", "/subjects");
}

export async function listVersions(subject: string): Promise<number[]> {
  try {
    return await registryRequest<number[]>("GET", `/subjects/${enc(subject)}/versions`);
  } catch (e) {
    if (e instanceof RegistryError && e.notFound) return [];
    throw e;
  }
}

export async function getVersion(subject: string, version: number | "latest"): Promise<RegisteredVersion | null> {
  try {
    const r = await registryRequest<{ subject: string; version: number; id: number; schemaType?: RegistrySchemaType; schema: string }>(
      "GET",
      `/subjects/${enc(subject)}/versions/${version}`,
    );
    return { ...r, schemaType: r.schemaType ?? "AVRO" };
  } catch (e) {
    if (e instanceof RegistryError && e.notFound) return null;
    throw e;
  }
}

export async function getSchemaById(id: number): Promise<RegistrySchema | null> {
  try {
    const r = await registryRequest<{ schema: string; schemaType?: RegistrySchemaType }>("GET", `/schemas/ids/${id}`);
    return { schema: r.schema, schemaType: r.schemaType ?? "AVRO" };
  } catch (e) {
    if (e instanceof RegistryError && e.notFound) return null;
    throw e;
  }
}

/** Deletes a subject (soft, then hard when `permanent`). Tests and operators use it; Meshport never deletes behind owners. */
export async function deleteSubject(subject: string, permanent = false): Promise<void> {
  try {
    await registryRequest("DELETE", `/subjects/${enc(subject)}`);
    if (permanent) await registryRequest("DELETE", `/subjects/${enc(subject)}?permanent=true`);
  } catch (e) {
    if (e instanceof RegistryError && e.notFound) return;
    throw e;
  }
}

/** Is the registry answering? For health checks and to refuse work early with a clear message. */
export async function checkRegistry(): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await registryRequest("GET", "/subjects");
    return { ok: true };
  } catch (e) {
    if (e instanceof RegistryUnavailableError) return { ok: false, error: e.message };
    if (e instanceof RegistryError) return { ok: false, error: `${registryUrl()}: ${e.message}` };
    throw e;
  }
}
