import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(viewer: Viewer, { page = 1, targetId }: { page?: number; targetId?: string }) {
  assertCan(viewer, { permission: "read:audit-log" });
  const where = targetId ? { targetId } : {};
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (Math.max(1, page) - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ]);
  return { total, events, page, pageSize: AUDIT_PAGE_SIZE };
}
