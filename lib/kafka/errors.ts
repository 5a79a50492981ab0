// Errors lib/kafka throws. Callers only need these two classes, never kafkajs's.
import { errorCodes } from "kafkajs/src/protocol/error.js";

/** Kafka's own verdict per error code (kafkajs carries Kafka's table): retrying helps with NOT_CONTROLLER, never with INVALID_CONFIG. */
const RETRIABLE_CODES = new Set(errorCodes.filter((c) => c.retriable).map((c) => c.code));

/** The cluster could not be reached (refused, timed out, no broker answered) within the request budget. */
export class KafkaUnavailableError extends Error {
  override name = "KafkaUnavailableError";
  constructor(
    readonly brokers: string[],
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Kafka is unreachable at ${brokers.join(", ")}: ${detail}`, options);
  }
}

/**
 * Kafka answered with an error. `type` is the broker's error name, e.g. TOPIC_AUTHORIZATION_FAILED.
 * `retriable`: whether the same call may succeed later (Kafka's classification of the code, or kafkajs's).
 */
export class KafkaOperationError extends Error {
  override name = "KafkaOperationError";
  readonly retriable: boolean;
  constructor(
    readonly operation: string,
    readonly type: string,
    readonly code: number | undefined,
    detail: string,
    options?: { cause?: unknown; retriable?: boolean },
  ) {
    super(`Kafka ${operation} failed: ${type}${detail && detail !== type ? ` (${detail})` : ""}`, options);
    this.retriable = options?.retriable ?? (code !== undefined && RETRIABLE_CODES.has(code));
  }
}

type Shaped = { name?: string; message?: string; type?: string; code?: number | string; retriable?: boolean; cause?: unknown; errors?: unknown[] };

// kafkajs errors that mean "nobody answered", as opposed to "the broker said no".
const UNREACHABLE = new Set([
  "KafkaJSConnectionError",
  "KafkaJSConnectionClosedError",
  "KafkaJSRequestTimeoutError",
  "KafkaJSBrokerNotFound",
  "KafkaJSNoBrokerAvailableError",
  "KafkaJSMetadataNotLoaded",
]);

/** Map anything kafkajs throws to KafkaUnavailableError or KafkaOperationError. Matches on names, not classes, so duplicate kafkajs copies do not matter. */
export function toKafkaError(e: unknown, brokers: string[], operation: string): KafkaUnavailableError | KafkaOperationError {
  if (e instanceof KafkaUnavailableError || e instanceof KafkaOperationError) return e;
  let err = (e ?? {}) as Shaped;
  // Retries and aggregates wrap the real error.
  for (let i = 0; i < 5; i++) {
    if (err.name === "KafkaJSNumberOfRetriesExceeded" && err.cause) err = err.cause as Shaped;
    else if (err.name === "KafkaJSAggregateError" && err.errors?.[0]) err = err.errors[0] as Shaped;
    else break;
  }
  const message = err.message ?? String(e);
  if (err.name && UNREACHABLE.has(err.name)) {
    const why = typeof err.code === "string" ? `${err.code} ${message}` : message;
    return new KafkaUnavailableError(brokers, why, { cause: e });
  }
  if (err.name === "KafkaJSSASLAuthenticationError") {
    return new KafkaOperationError(operation, "SASL_AUTHENTICATION_FAILED", 58, message, { cause: e, retriable: false });
  }
  if (typeof err.type === "string") {
    const code = typeof err.code === "number" ? err.code : undefined;
    return new KafkaOperationError(operation, err.type, code, message, { cause: e, retriable: code === undefined ? err.retriable === true : undefined });
  }
  // kafkajs marks its own errors retriable unless it knows better (KafkaJSNonRetriableError and kin).
  return new KafkaOperationError(operation, "UNKNOWN", undefined, message, { cause: e, retriable: err.retriable !== false });
}
