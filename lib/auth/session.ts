import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { DomainError } from "@/lib/errors";
import { auth } from "./config";
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
