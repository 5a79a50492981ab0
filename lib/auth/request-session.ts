import "server-only";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";

/**
 * For JSON endpoints the browser calls while the user types (GET /api/search): the signed-in
 * user's id, read from the session cookie alone. The token is decrypted and its expiry checked
 * with AUTH_SECRET, as `auth()` does, but the session is not re-issued, which spares about half
 * the endpoint's own time (docs/decisions/0015). The caller must still check that the user exists.
 */
export async function sessionUserIdFrom(request: NextRequest): Promise<string | null> {
  if (!env.AUTH_SECRET) return null;
  // next-auth names the cookie __Secure-… when the site is served over https.
  const secureCookie = request.cookies.getAll().some((c) => c.name.startsWith("__Secure-authjs.session-token"));
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie }).catch(() => null);
  return typeof token?.sub === "string" && token.sub ? token.sub : null;
}
