/**
 * A path inside Meshport, safe to redirect to after sign-in: it must start with one "/" and
 * carry no backslash, so "//evil.example" or "/\evil.example" cannot send a user elsewhere.
 */
export function safeReturnPath(value: unknown): string | null {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.includes("\\") ? value : null;
}
