// Errors lib/connect's REST calls throw; the domain functions turn them into DomainErrors.

/** Connect could not be reached (refused, timed out) within KAFKA_CONNECT_TIMEOUT_MS. */
export class ConnectUnavailableError extends Error {
  override name = "ConnectUnavailableError";
  constructor(
    readonly url: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Kafka Connect is unreachable at ${url}: ${detail}`, options);
  }
}

/** Connect answered with an error, e.g. 404 unknown connector, 409 rebalance in progress, 400 bad config. */
export class ConnectError extends Error {
  override name = "ConnectError";
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(`Kafka Connect answered ${status}: ${detail}`);
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}
