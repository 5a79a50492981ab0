import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflict, notFound } from "@/lib/errors";
import { assertCan } from "./permissions";
import { deleteSessions } from "./sessions";
import type { Viewer } from "./viewer";

/** Every user, for the platform admins' user list: roles, teams, status and live sessions. */
export async function listUsers(viewer: Viewer) {
  assertCan(viewer, { permission: "manage:users" });
  const users = await db.user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      isPlatformAdmin: true,
      disabledAt: true,
      memberships: { select: { role: true, team: { select: { name: true } } }, orderBy: { team: { name: "asc" } } },
      _count: { select: { sessions: { where: { expires: { gt: new Date() } } } } },
    },
  });
  return users.map(({ _count, ...u }) => ({ ...u, activeSessions: _count.sessions }));
}

/**
 * A platform admin disables (or enables again) a user: a disabled user cannot sign in and every
 * session of theirs ends in the same transaction. Admins cannot disable themselves, so the
 * platform always keeps someone who can undo it.
 */
export async function setUserDisabled(viewer: Viewer, userId: string, disabled: boolean): Promise<{ disabled: boolean; endedSessions: number }> {
  assertCan(viewer, { permission: "manage:users" });
  if (disabled && userId === viewer.id) throw conflict("You cannot disable your own account.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
    if (!user) throw notFound("The user");
    if (Boolean(user.disabledAt) === disabled) return { disabled, endedSessions: 0 };
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
    const endedSessions = disabled ? await deleteSessions(tx, userId) : 0;
    await recordAudit(tx, {
      actor: viewer,
      action: disabled ? "user.disabled" : "user.enabled",
      targetType: "user",
      targetId: userId,
      before: { disabledAt: user.disabledAt },
      after: { disabled, endedSessions },
    });
    return { disabled, endedSessions };
  });
}
