// Errors lib/schema-registry throws. Callers need only these two classes.

/** The registry could not be reached (refused, timed out) within SCHEMA_REGISTRY_TIMEOUT_MS. */
export class RegistryUnavailableError extends Error {
  override name = "RegistryUnavailableError";
  constructor(
    readonly url: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`The Schema Registry is unreachable at ${url}: ${detail}`, options);
  }
}

/** The registry answered with an error, e.g. 404 40401 "Subject not found", 409 incompatible, 422 invalid schema. */
export class RegistryError extends Error {
  override name = "RegistryError";
  constructor(
    readonly status: number,
    readonly errorCode: number | undefined,
    detail: string,
  ) {
    super(`The Schema Registry answered ${status}${errorCode ? ` (${errorCode})` : ""}: ${detail}`);
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}
