// Errors the domain throws on purpose. Server actions turn them into a
// result the UI can show (see lib/server-action.ts); route handlers into a status.

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  constructor(
    readonly code: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "UNAVAILABLE",
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message: string) => new DomainError("FORBIDDEN", message);
export const conflict = (message: string, fieldErrors?: FieldErrors) =>
  new DomainError("CONFLICT", message, fieldErrors);
export const invalid = (message: string, fieldErrors?: FieldErrors) =>
  new DomainError("INVALID", message, fieldErrors);
