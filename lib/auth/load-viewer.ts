import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "./viewer";

/** A user with their platform roles and team memberships, as permission checks need them. */
export async function loadViewer(userId: string): Promise<Viewer | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: { memberships: { include: { team: true }, orderBy: { team: { name: "asc" } } } },
  });
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
