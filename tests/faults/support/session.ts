// A signed-in browser's cookie for a user: a server-side session row and the next-auth cookie naming it,
// as the sign-in does (lib/auth/sessions.ts). For fetching real pages from a running instance.
import { encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { startSession } from "@/lib/auth/sessions";
import type { Portal } from "./portal";

const COOKIE = "authjs.session-token";

export async function sessionCookie(userId: string): Promise<string> {
  const sid = await startSession(userId, "test");
  const token = await encode({ token: { sub: userId, sid }, secret: env.AUTH_SECRET!, salt: COOKIE, maxAge: 3600 });
  return `${COOKIE}=${token}`;
}

export type PageAnswer = { status: number; text: string; ms: number };

/** GET a page or endpoint as that browser would; network failures come back as status 0. */
export async function getAs(portal: Portal, pathname: string, cookie: string): Promise<PageAnswer> {
  const t0 = performance.now();
  try {
    const res = await fetch(`${portal.url}${pathname}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    return { status: res.status, text: await res.text(), ms: performance.now() - t0 };
  } catch (e) {
    return { status: 0, text: String(e), ms: performance.now() - t0 };
  }
}

/** The visible text of an HTML answer, roughly: enough to look for a message. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}
