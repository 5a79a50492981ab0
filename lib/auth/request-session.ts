import "server-only";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { LRUCache } from "lru-cache";
import { env } from "@/lib/env";

/**
 * Session cookies already decrypted, by cookie value: the user id and when the token expires. A
 * cookie value is an encrypted token, so the same value always decrypts to the same user; the
 * expiry is still checked on every hit. Decrypting cost about a millisecond per call (key
 * derivation + JWE), paid on every pause in typing (docs/decisions/0024). Per process, so
 * instances stay stateless: a miss only costs the decryption.
 */
const decrypted = new LRUCache<string, { userId: string; expiresAtMs: number }>({ max: 5_000 });

const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * For JSON endpoints the browser calls while the user types (GET /api/search): the signed-in
 * user's id, read from the session cookie alone. The token is decrypted and its expiry checked
 * with AUTH_SECRET, as `auth()` does, but the session is not re-issued, which spares about half
 * the endpoint's own time (docs/decisions/0015). The caller must still check that the user exists.
 */
export async function sessionUserIdFrom(request: NextRequest): Promise<string | null> {
  if (!env.AUTH_SECRET) return null;
  // next-auth names the cookie __Secure-… when the site is served over https, and splits a large
  // token over .0, .1, … cookies; the key is all of them, in order.
  const parts = request.cookies.getAll().filter((c) => SESSION_COOKIE.test(c.name));
  if (parts.length === 0) return null;
  const key = parts
    .sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }))
    .map((c) => `${c.name}=${c.value}`)
    .join(";");
  const hit = decrypted.get(key);
  if (hit) return hit.expiresAtMs > Date.now() ? hit.userId : null;

  const secureCookie = parts.some((c) => c.name.startsWith("__Secure-"));
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie }).catch(() => null);
  const userId = typeof token?.sub === "string" && token.sub ? token.sub : null;
  if (userId && typeof token?.exp === "number") decrypted.set(key, { userId, expiresAtMs: token.exp * 1000 });
  return userId;
}
