import "server-only";
import { Prisma, db } from "@/lib/db";
import { recordAudit } from "./record";
import { utc } from "./filters";

const DAY_MS = 86_400_000;

/**
 * Deletes the events older than `days` before `now`, and records that it did, with the cutoff and
 * the count, in the same transaction: the log says what is missing from it and why.
 */
export async function pruneAuditLog(now: Date, days: number): Promise<{ cutoff: Date; deleted: number }> {
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  return db.$transaction(async (tx) => {
    const deleted = await tx.$executeRaw(Prisma.sql`DELETE FROM "AuditEvent" WHERE "at" < ${utc(cutoff)}`);
    if (deleted > 0) {
      await recordAudit(tx, { actor: "system", action: "audit-log.pruned", targetType: "audit-log", targetId: "audit-log", after: { olderThan: cutoff.toISOString(), retentionDays: days, deleted } });
    }
    return { cutoff, deleted };
  });
}
