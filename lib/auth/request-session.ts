import "server-only";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { LRUCache } from "lru-cache";
import { env } from "@/lib/env";
import type { SessionRef } from "./viewer";

/**
 * Session cookies already decrypted, by cookie value: the user and session ids and when the token
 * expires. A cookie value is an encrypted token, so the same value always decrypts to the same
 * payload; the expiry is still checked on every hit. Decrypting cost about a millisecond per call
 * (key derivation + JWE), paid on every pause in typing (docs/decisions/0024). Per process, so
 * instances stay stateless: a miss only costs the decryption. The cache says only what the cookie
 * holds, never that its session is still live: the caller checks that in the database on every
 * request (docs/decisions/0030), so a session ended anywhere is refused here at once.
 */
const decrypted = new LRUCache<string, SessionRef & { expiresAtMs: number }>({ max: 5_000 });

const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * For JSON endpoints the browser calls while the user types (GET /api/search): the session the
 * cookie names, read from the cookie alone. The token is decrypted and its expiry checked with
 * AUTH_SECRET, as `auth()` does, but the session is not re-issued, which spares about half the
 * endpoint's own time (docs/decisions/0015). The caller must still check, in the database, that
 * the session is live and its user enabled.
 */
export async function sessionFrom(request: NextRequest): Promise<SessionRef | null> {
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
  if (hit) return hit.expiresAtMs > Date.now() ? { userId: hit.userId, sessionId: hit.sessionId } : null;

  const secureCookie = parts.some((c) => c.name.startsWith("__Secure-"));
  const token = await getToken({ req: request, secret: env.AUTH_SECRET, secureCookie }).catch(() => null);
  const userId = typeof token?.sub === "string" && token.sub ? token.sub : null;
  const sessionId = typeof token?.sid === "string" && token.sid ? token.sid : null;
  // A token without a session id predates server-side sessions: it names nothing to check.
  if (!userId || !sessionId) return null;
  if (typeof token?.exp === "number") decrypted.set(key, { userId, sessionId, expiresAtMs: token.exp * 1000 });
  return { userId, sessionId };
}
