// From one cluster read and the previous snapshot, the next snapshot: rates, last-message times,
// lags, time lags, which history points to write. Pure (no I/O), so it is unit-tested.
import type { ClusterRead } from "@/lib/kafka/cluster-read";
import { groupAttributor, type TeamPrincipal } from "./attribution";
import { addObservation, timeLagSeconds, type Point } from "./lookup";

export const MINUTE = 60_000;
/** An unchanged series still writes a point this often, so each 15-minute bucket has one. */
export const KEEPALIVE_MS = 15 * MINUTE;

export type PrevPartition = { leader: number; start: bigint; end: bigint; points: Point[] };
export type PrevTopic = {
  endSum: bigint;
  lastMessageAt: Date | null;
  firstSeenAt: Date;
  histAt: Date | null;
  histEnd: bigint | null;
  partitions: Map<number, PrevPartition>;
};
export type PrevGroupTopic = { committedSum: bigint; lastCommitAt: Date | null; histAt: Date | null; histLag: bigint | null };
export type Previous = { readAt: Date | null; topics: Map<string, PrevTopic>; groupTopics: Map<string, PrevGroupTopic> };

export type HistoryPoint<V> = { at: Date } & V;
export type TopicRow = {
  name: string;
  partitions: number;
  startSum: bigint;
  endSum: bigint;
  produceRate: number;
  lastMessageAt: Date | null;
  firstSeenAt: Date;
  histAt: Date | null;
  histEnd: bigint | null;
  history: HistoryPoint<{ endOffset: bigint }>[];
  /** Only partitions that changed. */
  changedPartitions: { partition: number; leader: number; start: bigint; end: bigint; points: Point[] }[];
};
export type GroupRow = { groupId: string; state: string; protocolType: string; members: number; teamId: string | null; principal: string | null };
export type GroupTopicRow = {
  groupId: string;
  topic: string;
  committedSum: bigint;
  lag: bigint;
  worstPartition: number;
  worstPartitionLag: bigint;
  consumeRate: number;
  timeLagSeconds: number;
  lastCommitAt: Date | null;
  histAt: Date | null;
  histLag: bigint | null;
  history: HistoryPoint<{ lag: bigint; committed: bigint; timeLagSeconds: number }>[];
  partitions: { partition: number; committed: bigint; lag: bigint }[];
  /** The group consumed the topic in this interval (offsets moved, first seen, or live members): see ConsumerActivity. */
  active: boolean;
};
export type Snapshot = { readAt: Date; topics: TopicRow[]; groups: GroupRow[]; groupTopics: GroupTopicRow[] };

export const minuteOf = (t: number) => new Date(Math.floor(t / MINUTE) * MINUTE);
export const groupTopicKey = (groupId: string, topic: string) => `${groupId}\u0000${topic}`;

const rate = (delta: bigint, ms: number) => (ms > 0 && delta > 0n ? (Number(delta) * 1000) / ms : 0);

/** Which history points a series writes this time: on change (with the flat run's last minute before it), else every KEEPALIVE_MS. */
function historyPoints<V>(now: number, prevReadAt: number | null, histAt: Date | null, changed: boolean, value: V, previousValue: V | null) {
  const minute = minuteOf(now);
  if (histAt && !changed && now - histAt.getTime() < KEEPALIVE_MS) return { points: [] as HistoryPoint<V>[], histAt };
  const points: HistoryPoint<V>[] = [];
  if (changed && previousValue !== null && prevReadAt !== null && histAt) {
    const before = minuteOf(prevReadAt);
    if (before > histAt && before < minute) points.push({ at: before, ...previousValue });
  }
  points.push({ at: minute, ...value });
  return { points, histAt: minute };
}

export function deriveSnapshot(read: ClusterRead, prev: Previous, principals: TeamPrincipal[]): Snapshot {
  const now = read.readAt.getTime();
  const prevReadAt = prev.readAt?.getTime() ?? null;
  const dt = prevReadAt === null ? 0 : now - prevReadAt;
  const tables = new Map<string, Map<number, Point[]>>();
  const ends = new Map<string, Map<number, bigint>>();

  const topics: TopicRow[] = read.topics.map((t) => {
    const before = prev.topics.get(t.name);
    const changedPartitions: TopicRow["changedPartitions"] = [];
    const tableOf = new Map<number, Point[]>();
    let startSum = 0n;
    let endSum = 0n;
    for (const p of t.partitions) {
      startSum += p.start;
      endSum += p.end;
      const old = before?.partitions.get(p.partition);
      const points = addObservation(old?.points ?? [], p.end, now, old ? prevReadAt : null);
      tableOf.set(p.partition, points);
      if (!old || points !== old.points || old.start !== p.start || old.leader !== p.leader) {
        changedPartitions.push({ partition: p.partition, leader: p.leader, start: p.start, end: p.end, points });
      }
    }
    tables.set(t.name, tableOf);
    ends.set(t.name, new Map(t.partitions.map((p) => [p.partition, p.end])));
    const grew = before !== undefined && endSum > before.endSum;
    const hist = historyPoints(now, prevReadAt, before?.histAt ?? null, before?.histEnd !== endSum, { endOffset: endSum }, before?.histEnd != null ? { endOffset: before.histEnd } : null);
    return {
      name: t.name,
      partitions: t.partitions.length,
      startSum,
      endSum,
      produceRate: before ? rate(endSum - before.endSum, dt) : 0,
      // Seen arriving between the previous read and this one: dated at this read (at most one interval late).
      lastMessageAt: grew ? read.readAt : (before?.lastMessageAt ?? null),
      firstSeenAt: before?.firstSeenAt ?? read.readAt,
      histAt: hist.histAt,
      histEnd: hist.points.length ? endSum : (before?.histEnd ?? null),
      history: hist.points,
      changedPartitions,
    };
  });

  const attribute = groupAttributor(principals);
  const groups: GroupRow[] = [];
  const groupTopics: GroupTopicRow[] = [];
  for (const g of read.groups) {
    const owner = attribute(g.groupId);
    groups.push({ groupId: g.groupId, state: g.state, protocolType: g.protocolType, members: g.members, teamId: owner?.teamId ?? null, principal: owner?.principal ?? null });
    const byTopic = new Map<string, { partition: number; offset: bigint }[]>();
    for (const o of g.offsets) {
      if (o.offset < 0n || !ends.has(o.topic)) continue; // no commit on that partition, or a deleted topic
      let list = byTopic.get(o.topic);
      if (!list) byTopic.set(o.topic, (list = []));
      list.push(o);
    }
    for (const [topic, offsets] of byTopic) {
      const endOf = ends.get(topic)!;
      const tableOf = tables.get(topic)!;
      let committedSum = 0n;
      let lag = 0n;
      let worstPartition = -1;
      let worstPartitionLag = -1n;
      let timeLag = 0;
      const partitions = offsets
        .sort((a, b) => a.partition - b.partition)
        .map((o) => {
          const end = endOf.get(o.partition) ?? 0n;
          const pLag = end > o.offset ? end - o.offset : 0n;
          committedSum += o.offset;
          lag += pLag;
          if (pLag > worstPartitionLag) [worstPartition, worstPartitionLag] = [o.partition, pLag];
          timeLag = Math.max(timeLag, timeLagSeconds(tableOf.get(o.partition) ?? [], o.offset, now));
          return { partition: o.partition, committed: o.offset, lag: pLag };
        });
      const before = prev.groupTopics.get(groupTopicKey(g.groupId, topic));
      const moved = before !== undefined && committedSum !== before.committedSum;
      const value = { lag, committed: committedSum, timeLagSeconds: timeLag };
      // A lagging group's time lag grows every minute even when nothing else moves: keep its history dense.
      const hist = historyPoints(now, prevReadAt, before?.histAt ?? null, moved || before?.histLag !== lag || lag > 0n, value,
        before?.histLag != null ? { lag: before.histLag, committed: before.committedSum, timeLagSeconds: 0 } : null);
      groupTopics.push({
        groupId: g.groupId,
        topic,
        committedSum,
        lag,
        worstPartition,
        worstPartitionLag: worstPartitionLag < 0n ? 0n : worstPartitionLag,
        consumeRate: before ? rate(committedSum - before.committedSum, dt) : 0,
        timeLagSeconds: timeLag,
        lastCommitAt: moved ? read.readAt : (before?.lastCommitAt ?? null),
        histAt: hist.histAt,
        histLag: hist.points.length ? lag : (before?.histLag ?? null),
        history: hist.points,
        partitions,
        // First sighting counts too: the offsets were committed at some point we did not see, and
        // calling a grant unused on no evidence would be worse than flagging it a read later.
        active: moved || before === undefined || (g.state === "Stable" && g.members > 0),
      });
    }
  }
  return { readAt: read.readAt, topics, groups, groupTopics };
}
