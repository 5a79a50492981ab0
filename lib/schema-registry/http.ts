import "server-only";
import { env } from "@/lib/env";
import { RegistryError, RegistryUnavailableError } from "./errors";

// The Confluent Schema Registry REST API over fetch: a handful of endpoints, so no client library
// (the npm client @kafkajs/confluent-schema-registry sets compatibility on register, its issue #129;
// Meshport sets each subject's compatibility itself). Used only by this module.

const CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

function baseUrl(): string {
  return env.SCHEMA_REGISTRY_URL.replace(/\/+$/, "");
}

function headers(): Record<string, string> {
  const h: Record<string, string> = { Accept: `${CONTENT_TYPE}, application/json`, "Content-Type": CONTENT_TYPE };
  if (env.SCHEMA_REGISTRY_USERNAME) {
    h.Authorization = `Basic ${Buffer.from(`${env.SCHEMA_REGISTRY_USERNAME}:${env.SCHEMA_REGISTRY_PASSWORD}`).toString("base64")}`;
  }
  return h;
}

/** Calls the registry; a refused connection or timeout becomes RegistryUnavailableError, an error answer RegistryError. */
export async function registryRequest<T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T> {
  const url = `${baseUrl()}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: headers(),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(env.SCHEMA_REGISTRY_TIMEOUT_MS),
      cache: "no-store",
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const detail =
      (e as Error).name === "TimeoutError"
        ? `no answer within ${env.SCHEMA_REGISTRY_TIMEOUT_MS} ms`
        : (cause?.code ?? cause?.message ?? (e as Error).message);
    throw new RegistryUnavailableError(baseUrl(), detail, { cause: e });
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const err = (parsed ?? {}) as { error_code?: number; message?: string };
    if ([502, 503, 504].includes(response.status)) {
      throw new RegistryUnavailableError(baseUrl(), `HTTP ${response.status}`);
    }
    throw new RegistryError(response.status, err.error_code, err.message ?? (text.slice(0, 300) || response.statusText));
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function registryUrl(): string {
  return baseUrl();
}
