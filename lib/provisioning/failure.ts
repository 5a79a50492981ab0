import { KafkaOperationError, KafkaUnavailableError } from "@/lib/kafka/errors";
import { RegistryError, RegistryUnavailableError } from "@/lib/schema-registry/errors";

// Which provisioning failures a retry can fix. Pure (no I/O), unit-tested in failure.test.ts.

/** Kafka state Meshport will not change by itself, e.g. a topic that already exists with another layout. */
export class ProvisioningRefusedError extends Error {
  override name = "ProvisioningRefusedError";
}

export type FailureVerdict = { retryable: boolean; error: string };

/**
 * - Kafka unreachable, or an error Kafka itself classes as transient (NOT_CONTROLLER, REQUEST_TIMED_OUT…): retry.
 * - Any other answer from Kafka (authorization, invalid config or replication factor, policy violation…) and
 *   a refused change: FAILED with the reason, since retrying sends the same request again.
 * - Anything else (the database briefly away, say): retry; the job's retry limit bounds it.
 */
export function classifyFailure(e: unknown): FailureVerdict {
  if (e instanceof KafkaUnavailableError) return { retryable: true, error: e.message };
  if (e instanceof KafkaOperationError) return { retryable: e.retriable, error: e.message };
  if (e instanceof ProvisioningRefusedError) return { retryable: false, error: e.message };
  // The Schema Registry: unreachable is retried; a refusal (incompatible, invalid schema) is not, it would be sent again.
  if (e instanceof RegistryUnavailableError) return { retryable: true, error: e.message };
  if (e instanceof RegistryError) return { retryable: e.status >= 500, error: e.message };
  return { retryable: true, error: e instanceof Error ? e.message : String(e) };
}
