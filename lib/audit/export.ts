import "server-only";
import { stringify } from "csv-stringify/sync";
import { Prisma, queryRows } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { db } from "@/lib/db";
import { recordAudit } from "./record";
import { AUDIT_COLUMNS, auditConditions, utc, whereClause } from "./filters";
import type { AuditRow } from "./queries";
import type { AuditExportFormat, AuditFilter } from "./schemas";

/** Rows read per statement: memory stays flat however many events match (keyset pages, never OFFSET). */
export const EXPORT_BATCH = 1_000;

const CSV_COLUMNS = ["at", "actor", "actorId", "action", "targetType", "targetId", "before", "after"] as const;

/** A spreadsheet runs a cell that starts with = + - @ as a formula: such cells get a leading '. */
const inert = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

function csvLines(rows: AuditRow[]): string {
  return stringify(
    rows.map((r) => [r.at.toISOString(), r.actorLabel, r.actorId ?? "", r.action, r.targetType, r.targetId, json(r.before), json(r.after)].map(inert)),
    { record_delimiter: "\r\n" },
  );
}

function jsonLines(rows: AuditRow[]): string {
  return rows
    .map((r) => JSON.stringify({ at: r.at.toISOString(), actor: r.actorLabel, actorId: r.actorId, action: r.action, targetType: r.targetType, targetId: r.targetId, before: r.before ?? null, after: r.after ?? null }))
    .map((line) => `${line}\n`)
    .join("");
}

/**
 * The filtered log, newest first, as CSV (RFC 4180, a header row) or JSON Lines, one chunk per batch.
 * Records who exported what before the first byte, in the audit log itself.
 */
export async function* exportAuditEvents(viewer: Viewer, filter: AuditFilter, format: AuditExportFormat, batch = EXPORT_BATCH): AsyncGenerator<string> {
  assertCan(viewer, { permission: "read:audit-log" });
  await db.$transaction((tx) => recordAudit(tx, { actor: viewer, action: "audit-log.exported", targetType: "audit-log", targetId: "audit-log", after: { format, filter } }));
  if (format === "csv") yield stringify([[...CSV_COLUMNS]], { record_delimiter: "\r\n" });
  const conditions = auditConditions(filter);
  let last: { at: Date; id: string } | null = null;
  for (;;) {
    // "at" <= … lets the index on "at" start each batch where the last one ended (the row
    // comparison alone cannot use it); the row comparison breaks ties between equal times.
    const page: Prisma.Sql[] = last ? [...conditions, Prisma.sql`"at" <= ${utc(last.at)}`, Prisma.sql`("at", "id") < (${utc(last.at)}, ${last.id})`] : conditions;
    const rows: AuditRow[] = await queryRows<AuditRow>(Prisma.sql`
      SELECT ${AUDIT_COLUMNS}
      FROM "AuditEvent" ${whereClause(page)}
      ORDER BY "AuditEvent"."at" DESC, "AuditEvent"."id" DESC
      LIMIT ${batch}`);
    if (rows.length === 0) return;
    yield format === "csv" ? csvLines(rows) : jsonLines(rows);
    if (rows.length < batch) return;
    const tail: AuditRow = rows[rows.length - 1]!;
    last = { at: tail.at, id: tail.id };
  }
}
