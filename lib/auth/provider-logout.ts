import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";

// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): signing out of Meshport also ends
// the identity provider's session when the provider publishes an `end_session_endpoint` (Keycloak,
// Entra ID, Okta, oidc-provider do), so the next sign-in asks for credentials again. The ID token of
// the sign-in goes back as `id_token_hint`, so the provider knows whose session, and which client.

const metadataSchema = z.object({ issuer: z.string(), end_session_endpoint: z.string().url().optional() });

/** The provider's metadata changes rarely: read it once per ten minutes, per instance. */
const METADATA_TTL_MS = 10 * 60_000;
let cached: { issuer: string; endSession: string | null; at: number } | null = null;

async function endSessionEndpoint(issuer: string): Promise<string | null> {
  if (cached && cached.issuer === issuer && Date.now() - cached.at < METADATA_TTL_MS) return cached.endSession;
  const url = `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(3000), cache: "no-store" });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const metadata = metadataSchema.parse(await response.json());
  cached = { issuer, endSession: metadata.end_session_endpoint ?? null, at: Date.now() };
  return cached.endSession;
}

/**
 * Where to send the browser to end the provider's session, coming back to `returnTo` (which the
 * provider must list among the client's post-logout redirect URIs); null when there is no provider,
 * no ID token, or the provider cannot end sessions this way (then only Meshport's session ends).
 */
export async function providerLogoutUrl(idToken: string | null, returnTo: string): Promise<string | null> {
  if (!idToken || !env.AUTH_OIDC_ISSUER) return null;
  let endpoint: string | null;
  try {
    endpoint = await endSessionEndpoint(env.AUTH_OIDC_ISSUER);
  } catch (e) {
    console.warn(`Could not read the identity provider's metadata; signing out of Meshport only: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
  if (!endpoint) return null;
  const url = new URL(endpoint);
  url.searchParams.set("id_token_hint", idToken);
  url.searchParams.set("post_logout_redirect_uri", returnTo);
  if (env.AUTH_OIDC_CLIENT_ID) url.searchParams.set("client_id", env.AUTH_OIDC_CLIENT_ID);
  return url.toString();
}
