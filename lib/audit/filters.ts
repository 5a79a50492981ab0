import "server-only";
import { Prisma } from "@/lib/db";
import type { AuditFilter } from "./schemas";

const DAY_MS = 86_400_000;

/**
 * A moment as the "at" column holds it (timestamp without time zone, in UTC). Bound as ISO text:
 * node-pg would send a Date in the server process's local time zone.
 */
export const utc = (moment: Date) => Prisma.sql`(${moment.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * The columns a reader gets; "at" read back as an instant, whatever the process's time zone. The
 * alias shadows the column in ORDER BY: order by "AuditEvent"."at", or every page sorts the whole set.
 */
export const AUDIT_COLUMNS = Prisma.sql`"id", ("at" AT TIME ZONE 'UTC') AS "at", "actorId", "actorLabel", "action", "targetType", "targetId", "before", "after"`;

/** `%` and `_` in the user's words match themselves. */
const likePattern = (words: string) => `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The SQL conditions of a filter over "AuditEvent", one list for the page, its count and the export,
 * so what is shown and what is exported cannot disagree. Every value is bound.
 */
export function auditConditions(filter: AuditFilter): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (filter.actor === "system") parts.push(Prisma.sql`"actorId" IS NULL`);
  else if (filter.actor) parts.push(Prisma.sql`"actorId" = ${filter.actor}`);
  if (filter.action) parts.push(Prisma.sql`"action" = ${filter.action}`);
  if (filter.targetType) parts.push(Prisma.sql`"targetType" = ${filter.targetType}`);
  if (filter.target) parts.push(Prisma.sql`"targetId" = ${filter.target}`);
  if (filter.from) parts.push(Prisma.sql`"at" >= ${utc(new Date(`${filter.from}T00:00:00Z`))}`);
  if (filter.to) parts.push(Prisma.sql`"at" < ${utc(new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS))}`);
  if (filter.q) {
    parts.push(
      Prisma.sql`concat_ws(' ', "action", "actorLabel", "targetType", "targetId", "before"::text, "after"::text) ILIKE ${likePattern(filter.q)}`,
    );
  }
  return parts;
}

/** `WHERE a AND b …`, or nothing. */
export function whereClause(parts: Prisma.Sql[]): Prisma.Sql {
  return parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}
