import "server-only";
import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit";
import { assertCan } from "./permissions";
import type { SessionRef, Viewer } from "./viewer";

export type { SessionRef } from "./viewer";

// Server-side sessions (docs/decisions/0030): a sign-in writes a Session row and the session
// cookie (a JWT) carries its id; every request honours the cookie only while the row exists and
// the user is not disabled, checked in the statement that loads the viewer. Ending a session is
// deleting its row, so it takes effect at once on every instance.

/** How long a sign-in lasts, from the moment of signing in (the cookie's rolling expiry cannot extend it). */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/** What an identity provider's sign-in adds: its ID token (for signing out there too) and the user's groups (audited). */
export type ProviderSignIn = { idToken: string | null; groups: readonly string[] };

/** A sign-in: a new session row and its audit event. Returns the id the cookie carries. */
export async function startSession(userId: string, method: string, provider?: ProviderSignIn): Promise<string> {
  const sessionId = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true } });
    await tx.session.create({ data: { sessionToken: sessionId, userId, expires: new Date(Date.now() + SESSION_MAX_AGE_S * 1000), idToken: provider?.idToken ?? null } });
    await recordAudit(tx, { actor: actorOf(user), action: "session.signed-in", targetType: "user", targetId: userId, after: provider ? { method, groups: provider.groups } : { method } });
  });
  return sessionId;
}

/** The identity provider's ID token of a live sign-in, to end the provider's session with it; never sent to the browser. */
export async function providerIdToken(ref: SessionRef): Promise<string | null> {
  const row = await db.session.findUnique({ where: { sessionToken: ref.sessionId }, select: { userId: true, idToken: true } });
  return row?.userId === ref.userId ? row.idToken : null;
}

/** Sign-out of one browser: its row goes, so a copy of its cookie stops working too. */
export async function endSession(ref: SessionRef): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { sessionToken: ref.sessionId, userId: ref.userId } });
    if (count === 0) return; // already ended (signed out twice, or everywhere first)
    const user = await tx.user.findUnique({ where: { id: ref.userId }, select: { id: true, name: true, email: true } });
    if (user) await recordAudit(tx, { actor: actorOf(user), action: "session.signed-out", targetType: "user", targetId: user.id });
  });
}

/** "Sign out everywhere": the user themselves, or a platform admin for anyone. Returns how many sessions ended. */
export async function endAllSessions(viewer: Viewer, userId: string): Promise<number> {
  if (viewer.id !== userId) assertCan(viewer, { permission: "manage:users" });
  return db.$transaction(async (tx) => {
    await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true } });
    const ended = await deleteSessions(tx, userId);
    await recordAudit(tx, { actor: viewer, action: "session.ended-everywhere", targetType: "user", targetId: userId, after: { ended } });
    return ended;
  });
}

/** Ends every session of a user; for callers that audit the reason in the same transaction. */
export async function deleteSessions(tx: Tx, userId: string): Promise<number> {
  return (await tx.session.deleteMany({ where: { userId } })).count;
}

const actorOf = (user: { id: string; name: string | null; email: string | null }): Actor => ({ id: user.id, name: user.name ?? user.email ?? "Unknown user" });
