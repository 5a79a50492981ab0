import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { SessionRef, Viewer } from "./viewer";

const withMemberships = { memberships: { include: { team: true }, orderBy: { team: { name: "asc" } } } } satisfies Prisma.UserInclude;

/** A user with their platform roles and team memberships, as permission checks need them. */
export async function loadViewer(userId: string): Promise<Viewer | null> {
  return toViewer(await db.user.findUnique({ where: { id: userId }, include: withMemberships }));
}

/**
 * The viewer behind a session cookie: only while its session row lives and the user is not
 * disabled, checked in the same statement that loads the user (docs/decisions/0030).
 */
export async function loadSessionViewer(ref: SessionRef): Promise<Viewer | null> {
  return toViewer(
    await db.user.findFirst({
      where: { id: ref.userId, disabledAt: null, sessions: { some: { sessionToken: ref.sessionId, expires: { gt: new Date() } } } },
      include: withMemberships,
    }),
  );
}

function toViewer(user: Prisma.UserGetPayload<{ include: typeof withMemberships }> | null): Viewer | null {
  if (!user) return null;
  return {
    id: user.id,
    name: user.name ?? user.email ?? "Unknown user",
    email: user.email,
    isPlatformAdmin: user.isPlatformAdmin,
    isDataProtectionApprover: user.isDataProtectionApprover,
    memberships: user.memberships.map((m) => ({
      teamId: m.teamId,
      teamSlug: m.team.slug,
      teamName: m.team.name,
      domainId: m.team.domainId,
      role: m.role,
    })),
  };
}
