// Errors lib/kafka throws. Callers only need these two classes, never kafkajs's.

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

/** Kafka answered with an error. `type` is the broker's error name, e.g. TOPIC_AUTHORIZATION_FAILED. */
export class KafkaOperationError extends Error {
  override name = "KafkaOperationError";
  constructor(
    readonly operation: string,
    readonly type: string,
    readonly code: number | undefined,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Kafka ${operation} failed: ${type}${detail && detail !== type ? ` (${detail})` : ""}`, options);
  }
}

type Shaped = { name?: string; message?: string; type?: string; code?: number | string; cause?: unknown; errors?: unknown[] };

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
    return new KafkaOperationError(operation, "SASL_AUTHENTICATION_FAILED", 58, message, { cause: e });
  }
  if (typeof err.type === "string") {
    return new KafkaOperationError(operation, err.type, typeof err.code === "number" ? err.code : undefined, message, { cause: e });
  }
  return new KafkaOperationError(operation, "UNKNOWN", undefined, message, { cause: e });
}
