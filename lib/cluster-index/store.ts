import "server-only";
import { db, queryRows, Prisma, type Tx } from "@/lib/db";
import type { Point } from "./lookup";
import { groupTopicKey, type PrevPartition, type PrevTopic, type Previous, type Snapshot } from "./derive";

// The snapshot in PostgreSQL: read the previous one, write the next in one transaction with
// multi-row statements (unnest over one array per column), so 10,000 topics cost a few statements,
// and a failure anywhere leaves the previous snapshot whole.

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const big = (v: bigint | null) => (v === null ? null : v.toString());
const pgArray = (values: (bigint | number)[]) => `{${values.join(",")}}`;
const ms = (v: number | null) => (v === null ? null : new Date(Number(v)));

type TopicRowDb = { id: number; name: string; end: string; lm: number | null; fs: number; ha: number | null; he: string | null };
type PartitionRowDb = { topicId: number; partition: number; leader: number; start: string; end: string; times: string[]; offsets: string[] };
type GroupTopicRowDb = { groupId: string; topic: string; committed: string; lc: number | null; ha: number | null; hl: string | null };

export async function loadPrevious(): Promise<Previous> {
  const [state, topics, partitions, groupTopics] = await Promise.all([
    db.clusterIndexState.findUnique({ where: { id: 1 }, select: { lastRefreshedAt: true } }),
    queryRows<TopicRowDb>(Prisma.sql`
      SELECT id, name, "endOffsetSum"::text AS end, extract(epoch FROM "lastMessageAt") * 1000 AS lm,
             extract(epoch FROM "firstSeenAt") * 1000 AS fs, extract(epoch FROM "histAt") * 1000 AS ha, "histEnd"::text AS he
      FROM "IndexedTopic"`),
    queryRows<PartitionRowDb>(Prisma.sql`
      SELECT "topicId", partition, leader, "startOffset"::text AS start, "endOffset"::text AS end,
             "pointTimes"::text[] AS times, "pointOffsets"::text[] AS offsets
      FROM "IndexedPartition"`),
    queryRows<GroupTopicRowDb>(Prisma.sql`
      SELECT g."groupId", t.name AS topic, gt."committedSum"::text AS committed, extract(epoch FROM gt."lastCommitAt") * 1000 AS lc,
             extract(epoch FROM gt."histAt") * 1000 AS ha, gt."histLag"::text AS hl
      FROM "IndexedGroupTopic" gt JOIN "IndexedGroup" g ON g.id = gt."groupId" JOIN "IndexedTopic" t ON t.id = gt."topicId"`),
  ]);
  const byId = new Map<number, PrevTopic>();
  const byName = new Map<string, PrevTopic>();
  for (const t of topics) {
    const topic: PrevTopic = {
      endSum: BigInt(t.end),
      lastMessageAt: ms(t.lm),
      firstSeenAt: new Date(Number(t.fs)),
      histAt: ms(t.ha),
      histEnd: t.he === null ? null : BigInt(t.he),
      partitions: new Map<number, PrevPartition>(),
    };
    byId.set(t.id, topic);
    byName.set(t.name, topic);
  }
  for (const p of partitions) {
    const points: Point[] = p.times.map((t, i) => ({ t: Number(t), o: BigInt(p.offsets[i] ?? "0") }));
    byId.get(p.topicId)?.partitions.set(p.partition, { leader: p.leader, start: BigInt(p.start), end: BigInt(p.end), points });
  }
  const prevGroupTopics = new Map(
    groupTopics.map((g) => [
      groupTopicKey(g.groupId, g.topic),
      { committedSum: BigInt(g.committed), lastCommitAt: ms(g.lc), histAt: ms(g.ha), histLag: g.hl === null ? null : BigInt(g.hl) },
    ]),
  );
  return { readAt: state?.lastRefreshedAt ?? null, topics: byName, groupTopics: prevGroupTopics };
}

async function idsByName(tx: Tx, table: "IndexedTopic" | "IndexedGroup"): Promise<Map<string, number>> {
  const rows =
    table === "IndexedTopic"
      ? await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM "IndexedTopic"`
      : await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, "groupId" AS name FROM "IndexedGroup"`;
  return new Map(rows.map((r) => [r.name, r.id]));
}

async function writeTopics(tx: Tx, snap: Snapshot): Promise<Map<string, number>> {
  const t = snap.topics;
  await tx.$executeRaw`
    INSERT INTO "IndexedTopic" (name, partitions, "startOffsetSum", "endOffsetSum", "produceRate", "lastMessageAt", "firstSeenAt", "histAt", "histEnd")
    SELECT * FROM unnest(${t.map((r) => r.name)}::text[], ${t.map((r) => r.partitions)}::int[], ${t.map((r) => big(r.startSum))}::bigint[],
      ${t.map((r) => big(r.endSum))}::bigint[], ${t.map((r) => r.produceRate)}::float8[], ${t.map((r) => iso(r.lastMessageAt))}::timestamp(3)[],
      ${t.map((r) => iso(r.firstSeenAt))}::timestamp(3)[], ${t.map((r) => iso(r.histAt))}::timestamp(3)[], ${t.map((r) => big(r.histEnd))}::bigint[])
    ON CONFLICT (name) DO UPDATE SET partitions = excluded.partitions, "startOffsetSum" = excluded."startOffsetSum",
      "endOffsetSum" = excluded."endOffsetSum", "produceRate" = excluded."produceRate", "lastMessageAt" = excluded."lastMessageAt",
      "histAt" = excluded."histAt", "histEnd" = excluded."histEnd"
    WHERE ("IndexedTopic".partitions, "IndexedTopic"."startOffsetSum", "IndexedTopic"."endOffsetSum", "IndexedTopic"."produceRate",
           "IndexedTopic"."lastMessageAt", "IndexedTopic"."histAt")
      IS DISTINCT FROM (excluded.partitions, excluded."startOffsetSum", excluded."endOffsetSum", excluded."produceRate", excluded."lastMessageAt", excluded."histAt")`;
  await tx.$executeRaw`DELETE FROM "IndexedTopic" WHERE NOT (name = ANY(${t.map((r) => r.name)}::text[]))`;
  await tx.$executeRaw`DELETE FROM "IndexedPartition" p WHERE NOT EXISTS (SELECT 1 FROM "IndexedTopic" t WHERE t.id = p."topicId")`;
  const ids = await idsByName(tx, "IndexedTopic");

  const parts = t.flatMap((r) => r.changedPartitions.map((p) => ({ topicId: ids.get(r.name)!, ...p })));
  if (parts.length) {
    await tx.$executeRaw`
      INSERT INTO "IndexedPartition" ("topicId", partition, leader, "startOffset", "endOffset", "pointTimes", "pointOffsets")
      SELECT a, b, c, d, e, f::bigint[], g::bigint[] FROM unnest(${parts.map((p) => p.topicId)}::int[], ${parts.map((p) => p.partition)}::int[],
        ${parts.map((p) => p.leader)}::int[], ${parts.map((p) => big(p.start))}::bigint[], ${parts.map((p) => big(p.end))}::bigint[],
        ${parts.map((p) => pgArray(p.points.map((x) => x.t)))}::text[], ${parts.map((p) => pgArray(p.points.map((x) => x.o)))}::text[]) AS u(a, b, c, d, e, f, g)
      ON CONFLICT ("topicId", partition) DO UPDATE SET leader = excluded.leader, "startOffset" = excluded."startOffset",
        "endOffset" = excluded."endOffset", "pointTimes" = excluded."pointTimes", "pointOffsets" = excluded."pointOffsets"`;
  }
  const hist = t.flatMap((r) => r.history.map((h) => ({ topicId: ids.get(r.name)!, ...h })));
  if (hist.length) {
    await tx.$executeRaw`
      INSERT INTO "TopicPoint" ("topicId", at, "endOffset")
      SELECT * FROM unnest(${hist.map((h) => h.topicId)}::int[], ${hist.map((h) => iso(h.at))}::timestamp(3)[], ${hist.map((h) => big(h.endOffset))}::bigint[])
      ON CONFLICT ("topicId", at) DO UPDATE SET "endOffset" = excluded."endOffset"`;
  }
  return ids;
}

async function writeGroups(tx: Tx, snap: Snapshot, topicIds: Map<string, number>): Promise<void> {
  const g = snap.groups;
  await tx.$executeRaw`
    INSERT INTO "IndexedGroup" ("groupId", state, "protocolType", members, "teamId", principal)
    SELECT * FROM unnest(${g.map((r) => r.groupId)}::text[], ${g.map((r) => r.state)}::text[], ${g.map((r) => r.protocolType)}::text[],
      ${g.map((r) => r.members)}::int[], ${g.map((r) => r.teamId)}::text[], ${g.map((r) => r.principal)}::text[])
    ON CONFLICT ("groupId") DO UPDATE SET state = excluded.state, "protocolType" = excluded."protocolType", members = excluded.members,
      "teamId" = excluded."teamId", principal = excluded.principal`;
  await tx.$executeRaw`DELETE FROM "IndexedGroup" WHERE NOT ("groupId" = ANY(${g.map((r) => r.groupId)}::text[]))`;
  const groupIds = await idsByName(tx, "IndexedGroup");

  const gt = snap.groupTopics.map((r) => ({ ...r, gid: groupIds.get(r.groupId)!, tid: topicIds.get(r.topic)! }));
  await tx.$executeRaw`
    INSERT INTO "IndexedGroupTopic" ("groupId", "topicId", "committedSum", lag, "worstPartition", "worstPartitionLag", "consumeRate", "timeLagSeconds", "lastCommitAt", "histAt", "histLag")
    SELECT * FROM unnest(${gt.map((r) => r.gid)}::int[], ${gt.map((r) => r.tid)}::int[], ${gt.map((r) => big(r.committedSum))}::bigint[],
      ${gt.map((r) => big(r.lag))}::bigint[], ${gt.map((r) => r.worstPartition)}::int[], ${gt.map((r) => big(r.worstPartitionLag))}::bigint[],
      ${gt.map((r) => r.consumeRate)}::float8[], ${gt.map((r) => r.timeLagSeconds)}::int[], ${gt.map((r) => iso(r.lastCommitAt))}::timestamp(3)[],
      ${gt.map((r) => iso(r.histAt))}::timestamp(3)[], ${gt.map((r) => big(r.histLag))}::bigint[])
    ON CONFLICT ("groupId", "topicId") DO UPDATE SET "committedSum" = excluded."committedSum", lag = excluded.lag,
      "worstPartition" = excluded."worstPartition", "worstPartitionLag" = excluded."worstPartitionLag", "consumeRate" = excluded."consumeRate",
      "timeLagSeconds" = excluded."timeLagSeconds", "lastCommitAt" = excluded."lastCommitAt", "histAt" = excluded."histAt", "histLag" = excluded."histLag"`;
  await tx.$executeRaw`
    DELETE FROM "IndexedGroupTopic" x WHERE NOT EXISTS (
      SELECT 1 FROM unnest(${gt.map((r) => r.gid)}::int[], ${gt.map((r) => r.tid)}::int[]) AS k(g, t) WHERE k.g = x."groupId" AND k.t = x."topicId")`;
  const gtRows = await tx.$queryRaw<{ id: number; g: number; t: number }[]>`SELECT id, "groupId" AS g, "topicId" AS t FROM "IndexedGroupTopic"`;
  const gtId = new Map(gtRows.map((r) => [`${r.g}:${r.t}`, r.id]));
  const idOf = (r: (typeof gt)[number]) => gtId.get(`${r.gid}:${r.tid}`)!;

  const parts = gt.flatMap((r) => r.partitions.map((p) => ({ id: idOf(r), ...p })));
  await tx.$executeRaw`DELETE FROM "IndexedGroupPartition"`;
  if (parts.length) {
    await tx.$executeRaw`
      INSERT INTO "IndexedGroupPartition" ("groupTopicId", partition, committed, lag)
      SELECT * FROM unnest(${parts.map((p) => p.id)}::int[], ${parts.map((p) => p.partition)}::int[],
        ${parts.map((p) => big(p.committed))}::bigint[], ${parts.map((p) => big(p.lag))}::bigint[])`;
  }
  const hist = gt.flatMap((r) => r.history.map((h) => ({ id: idOf(r), ...h })));
  if (hist.length) {
    await tx.$executeRaw`
      INSERT INTO "GroupTopicPoint" ("groupTopicId", at, lag, committed, "timeLagSeconds")
      SELECT * FROM unnest(${hist.map((h) => h.id)}::int[], ${hist.map((h) => iso(h.at))}::timestamp(3)[], ${hist.map((h) => big(h.lag))}::bigint[],
        ${hist.map((h) => big(h.committed))}::bigint[], ${hist.map((h) => h.timeLagSeconds)}::int[])
      ON CONFLICT ("groupTopicId", at) DO UPDATE SET lag = excluded.lag, committed = excluded.committed, "timeLagSeconds" = excluded."timeLagSeconds"`;
  }
  const active = snap.groupTopics.filter((r) => r.active);
  if (active.length) {
    const principalOf = new Map(snap.groups.map((r) => [r.groupId, r.principal]));
    await tx.$executeRaw`
      INSERT INTO "ConsumerActivity" ("groupId", topic, principal, "lastActiveAt")
      SELECT g, t, p, ${iso(snap.readAt)}::timestamp(3) FROM unnest(${active.map((r) => r.groupId)}::text[], ${active.map((r) => r.topic)}::text[],
        ${active.map((r) => principalOf.get(r.groupId) ?? null)}::text[]) AS u(g, t, p)
      ON CONFLICT ("groupId", topic) DO UPDATE SET "lastActiveAt" = excluded."lastActiveAt", principal = excluded.principal`;
  }
}

/** Writes the snapshot and marks the refresh successful, all or nothing. */
export async function writeSnapshot(snap: Snapshot, durationMs: number): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const topicIds = await writeTopics(tx, snap);
      await writeGroups(tx, snap, topicIds);
      await tx.clusterIndexState.upsert({
        where: { id: 1 },
        create: { id: 1 },
        update: {},
      });
      await tx.clusterIndexState.update({
        where: { id: 1 },
        data: {
          lastRefreshedAt: snap.readAt,
          lastDurationMs: durationMs,
          failingSince: null,
          lastError: null,
          refreshes: { increment: 1 },
          topics: snap.topics.length,
          partitions: snap.topics.reduce((n, t) => n + t.partitions, 0),
          groups: snap.groups.length,
        },
      });
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
