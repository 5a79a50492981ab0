import "server-only";
import { env } from "@/lib/env";
import { ConnectError, ConnectUnavailableError } from "./errors";

// Kafka Connect's REST API over fetch (a dozen endpoints; no client library is kept up for it).
// Only lib/connect calls it, and only on the server: Connect's API has no permissions of its own,
// so Meshport is the gate (docs/decisions/0064).

function baseUrl(): string {
  return env.KAFKA_CONNECT_URL.replace(/\/+$/, "");
}

function headers(): Record<string, string> {
  const h: Record<string, string> = { Accept: "application/json", "Content-Type": "application/json" };
  if (env.KAFKA_CONNECT_USERNAME) {
    h.Authorization = `Basic ${Buffer.from(`${env.KAFKA_CONNECT_USERNAME}:${env.KAFKA_CONNECT_PASSWORD}`).toString("base64")}`;
  }
  return h;
}

/** Calls Connect; a refused connection or timeout becomes ConnectUnavailableError, an error answer ConnectError. */
export async function connectRequest(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: headers(),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(env.KAFKA_CONNECT_TIMEOUT_MS),
      cache: "no-store",
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const detail =
      (e as Error).name === "TimeoutError" ? `no answer within ${env.KAFKA_CONNECT_TIMEOUT_MS} ms` : (cause?.code ?? cause?.message ?? (e as Error).message);
    throw new ConnectUnavailableError(baseUrl(), detail, { cause: e });
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    if ([502, 503, 504].includes(response.status)) throw new ConnectUnavailableError(baseUrl(), `HTTP ${response.status}`);
    const message = (parsed as { message?: string } | undefined)?.message ?? (text.slice(0, 300) || response.statusText);
    throw new ConnectError(response.status, message);
  }
  return parsed;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
