import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import type { AuditSearch } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;

/** One page of the log, newest first; a page past the end shows the last one. */
export async function listAuditEvents(viewer: Viewer, { page, target }: AuditSearch) {
  assertCan(viewer, { permission: "read:audit-log" });
  const where = target ? { targetId: target } : {};
  const total = await db.auditEvent.count({ where });
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const shown = Math.min(Math.max(1, page), pages);
  const events = await db.auditEvent.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (shown - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
  });
  return { total, events, page: shown, pages, pageSize: AUDIT_PAGE_SIZE };
}
