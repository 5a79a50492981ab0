import "server-only";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { AUDIT_COLUMNS, auditConditions, whereClause } from "./filters";
import type { AuditSearch } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: string;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
};

/** One page of the filtered log, newest first; a page past the end shows the last one. */
export async function listAuditEvents(viewer: Viewer, search: AuditSearch) {
  assertCan(viewer, { permission: "read:audit-log" });
  const where = whereClause(auditConditions(search));
  const [{ total }] = (await queryRows<{ total: number }>(Prisma.sql`SELECT count(*)::int AS total FROM "AuditEvent" ${where}`)) as [{ total: number }];
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const shown = Math.min(Math.max(1, search.page), pages);
  const events = await queryRows<AuditRow>(Prisma.sql`
    SELECT ${AUDIT_COLUMNS}
    FROM "AuditEvent" ${where}
    ORDER BY "AuditEvent"."at" DESC, "AuditEvent"."id" DESC
    LIMIT ${AUDIT_PAGE_SIZE} OFFSET ${(shown - 1) * AUDIT_PAGE_SIZE}`);
  return { total, events, page: shown, pages, pageSize: AUDIT_PAGE_SIZE };
}

/** What the filter form offers: the actions, target types and actors the log holds. */
export async function auditFilterOptions(viewer: Viewer) {
  assertCan(viewer, { permission: "read:audit-log" });
  const [actions, targetTypes, actors] = await Promise.all([
    queryRows<{ value: string }>(Prisma.sql`SELECT DISTINCT "action" AS value FROM "AuditEvent" ORDER BY 1`),
    queryRows<{ value: string }>(Prisma.sql`SELECT DISTINCT "targetType" AS value FROM "AuditEvent" ORDER BY 1`),
    queryRows<{ id: string; label: string }>(Prisma.sql`
      SELECT DISTINCT ON ("actorId") "actorId" AS id, "actorLabel" AS label
      FROM "AuditEvent" WHERE "actorId" IS NOT NULL ORDER BY "actorId", "at" DESC`),
  ]);
  return {
    actions: actions.map((r) => r.value),
    targetTypes: targetTypes.map((r) => r.value),
    actors: actors.sort((a, b) => a.label.localeCompare(b.label)),
  };
}
