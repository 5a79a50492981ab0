import type { Env } from "@/lib/env";

/**
 * Whether next-auth may build its URLs from the request's Host / X-Forwarded-Host headers:
 * when AUTH_TRUST_HOST says so (behind a load balancer that sets them), when AUTH_URL names the
 * portal's address instead, and in development. A production instance with neither refuses
 * sign-in, rather than trusting a header a client can forge.
 */
export function trustHost(e: Pick<Env, "AUTH_TRUST_HOST" | "AUTH_URL" | "NODE_ENV">): boolean {
  return e.AUTH_TRUST_HOST || Boolean(e.AUTH_URL) || e.NODE_ENV !== "production";
}
