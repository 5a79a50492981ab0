import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { auth, signOut } from "./config";
import { providerLogoutUrl } from "./provider-logout";
import { providerIdToken } from "./sessions";
import { loadSessionViewer } from "./load-viewer";
import type { Viewer } from "./viewer";

export { handlers, signIn, signOut, enabledSignInMethods } from "./config";
export { listDemoUsers } from "./demo-users";
export { safeReturnPath } from "./return-path";
export { sessionFrom } from "./request-session";
export { endAllSessions, type SessionRef } from "./sessions";
export { listUsers, setUserDisabled } from "./users";

/**
 * The signed-in user, or null: also null when the cookie's session was ended on the server
 * (signed out, signed out everywhere, user disabled or removed). Cached for one request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  return session?.user?.id && session.sessionId ? loadSessionViewer({ userId: session.user.id, sessionId: session.sessionId }) : null;
});

/**
 * For the root layout: true when loading the viewer failed because PostgreSQL did not answer. The
 * layout then shows the outage instead of the page, whose own queries would fail the same way.
 */
export async function databaseDown(): Promise<boolean> {
  try {
    await getViewer();
    return false;
  } catch (e) {
    if (isDatabaseUnavailable(e)) return true;
    throw e;
  }
}

/**
 * For pages: the signed-in user, or a redirect to the sign-in page. `returnTo` is the page's own
 * path (with its query), so a shared link opened while signed out lands where it pointed.
 */
export async function requireViewer(returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin");
  return viewer;
}

/** For server actions and route handlers: the signed-in user, or UNAUTHENTICATED. */
export async function viewerOrThrow(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new DomainError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return viewer;
}

/**
 * Sign-out of this browser (a server action's body): Meshport's session ends (its row goes), then,
 * when the sign-in came through the identity provider and it supports RP-initiated logout, the
 * browser goes to the provider to end its session too, and comes back to the sign-in page.
 */
export async function signOutHere(): Promise<never> {
  const session = await auth();
  const idToken = session?.user?.id && session.sessionId ? await providerIdToken({ userId: session.user.id, sessionId: session.sessionId }) : null;
  await signOut({ redirect: false });
  const providerUrl = idToken ? await providerLogoutUrl(idToken, `${await publicOrigin()}/signin`) : null;
  redirect(providerUrl ?? "/signin");
}

/** Meshport's own origin as the browser sees it: AUTH_URL when set, else the request's host. */
async function publicOrigin(): Promise<string> {
  if (env.AUTH_URL) return new URL(env.AUTH_URL).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}
