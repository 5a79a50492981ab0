import "server-only";
import { db } from "@/lib/db";

// History retention: 1-minute points for 48 hours, rolled up into 15-minute points kept 30 days.
// Run by the collector after a refresh (so once, under its lease); idempotent.

export const MINUTE_HISTORY_MS = 48 * 3600_000;
export const QUARTER_HISTORY_MS = 30 * 86_400_000;
export const QUARTER_MS = 15 * 60_000;
/** How long a group's last activity is remembered after Kafka forgets the group. */
export const ACTIVITY_MEMORY_MS = 90 * 86_400_000;

const quarterStart = (t: number) => new Date(Math.floor(t / QUARTER_MS) * QUARTER_MS);

/** Rolls every finished 15-minute bucket up, then drops what is past its retention. */
export async function rollUpAndPrune(now = new Date()): Promise<{ rolledUpTo: Date }> {
  const state = await db.clusterIndexState.findUnique({ where: { id: 1 }, select: { rolledUpTo: true } });
  const to = quarterStart(now.getTime());
  const from = state?.rolledUpTo ?? new Date(now.getTime() - MINUTE_HISTORY_MS);
  await db.$transaction(
    async (tx) => {
      if (from < to) {
        await tx.$executeRaw`
          INSERT INTO "TopicPoint15" ("topicId", at, "endOffset")
          SELECT DISTINCT ON ("topicId", b) "topicId", b, "endOffset"
          FROM (SELECT "topicId", date_bin('15 minutes', at, TIMESTAMP '2000-01-01') AS b, at, "endOffset"
                FROM "TopicPoint" WHERE at >= ${from.toISOString()}::timestamp(3) AND at < ${to.toISOString()}::timestamp(3)) s
          ORDER BY "topicId", b, at DESC
          ON CONFLICT ("topicId", at) DO UPDATE SET "endOffset" = excluded."endOffset"`;
        await tx.$executeRaw`
          INSERT INTO "GroupTopicPoint15" ("groupTopicId", at, lag, committed, "timeLagSeconds")
          SELECT "groupTopicId", date_bin('15 minutes', at, TIMESTAMP '2000-01-01') AS b, max(lag),
                 (array_agg(committed ORDER BY at DESC))[1], max("timeLagSeconds")
          FROM "GroupTopicPoint" WHERE at >= ${from.toISOString()}::timestamp(3) AND at < ${to.toISOString()}::timestamp(3)
          GROUP BY 1, 2
          ON CONFLICT ("groupTopicId", at) DO UPDATE SET lag = excluded.lag, committed = excluded.committed, "timeLagSeconds" = excluded."timeLagSeconds"`;
      }
      const minuteCut = new Date(now.getTime() - MINUTE_HISTORY_MS);
      const quarterCut = new Date(now.getTime() - QUARTER_HISTORY_MS);
      await tx.$executeRaw`DELETE FROM "TopicPoint" WHERE at < ${minuteCut.toISOString()}::timestamp(3)`;
      await tx.$executeRaw`DELETE FROM "GroupTopicPoint" WHERE at < ${minuteCut.toISOString()}::timestamp(3)`;
      await tx.$executeRaw`DELETE FROM "TopicPoint15" WHERE at < ${quarterCut.toISOString()}::timestamp(3)`;
      await tx.$executeRaw`DELETE FROM "GroupTopicPoint15" WHERE at < ${quarterCut.toISOString()}::timestamp(3)`;
      await tx.$executeRaw`DELETE FROM "ConsumerActivity" WHERE "lastActiveAt" < ${new Date(now.getTime() - ACTIVITY_MEMORY_MS).toISOString()}::timestamp(3)`;
      await tx.clusterIndexState.updateMany({ where: { id: 1 }, data: { rolledUpTo: to > from ? to : from } });
    },
    { timeout: 120_000 },
  );
  return { rolledUpTo: to > from ? to : from };
}
