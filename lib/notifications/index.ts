import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { notFound } from "@/lib/errors";

// In-app notices. Written in the same transaction as the change they tell about,
// so a notice never announces something that did not happen (or goes missing).

export type NoticeKind =
  | "access-request.created"
  | "access-request.awaiting-data-protection"
  | "access-request.approved"
  | "access-request.rejected"
  | "access-request.active"
  | "access-request.commented"
  | "grant.revoked"
  | "grant.expiring"
  | "grant.expired"
  | "output-port.deprecated"
  | "data-product.deprecated"
  | "schema.version-published"
  | "grant.unused"
  | "connector.task-failed";

export type Notice = { kind: NoticeKind; title: string; body?: string; href?: string };

/** Notifies each user once (duplicates and `except` removed). */
export async function notify(tx: Tx, userIds: Iterable<string>, notice: Notice, except?: string): Promise<number> {
  const ids = [...new Set(userIds)].filter((id) => id !== except);
  if (ids.length === 0) return 0;
  await tx.notification.createMany({
    data: ids.map((userId) => ({ userId, kind: notice.kind, title: notice.title, body: notice.body ?? "", href: notice.href ?? null })),
  });
  return ids.length;
}

/** Members of the given teams; maintainers only when `maintainersOnly`. */
export async function teamMemberIds(tx: Tx, teamIds: string[], maintainersOnly = false): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { teamId: { in: teamIds }, ...(maintainersOnly ? { role: "MAINTAINER" as const } : {}) },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

export async function listNotifications(viewer: Viewer, { take = 50 }: { take?: number } = {}) {
  return db.notification.findMany({ where: { userId: viewer.id }, orderBy: { createdAt: "desc" }, take });
}

export async function countUnreadNotifications(viewer: Viewer): Promise<number> {
  return db.notification.count({ where: { userId: viewer.id, readAt: null } });
}

/** Marks one notice (or, without an id, all of them) read. Only the viewer's own. */
export async function markNotificationsRead(viewer: Viewer, id?: string): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId: viewer.id, readAt: null, ...(id ? { id } : {}) },
    data: { readAt: new Date() },
  });
  if (id && count === 0 && !(await db.notification.findFirst({ where: { id, userId: viewer.id }, select: { id: true } }))) {
    throw notFound("Notification");
  }
  return count;
}
