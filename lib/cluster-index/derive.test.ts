import { describe, expect, it } from "vitest";
import type { ClusterRead } from "@/lib/kafka/cluster-read";
import { deriveSnapshot, KEEPALIVE_MS, type Previous } from "./derive";

const empty: Previous = { readAt: null, topics: new Map(), groupTopics: new Map() };
const read = (at: number, end: bigint, committed?: bigint): ClusterRead => ({
  readAt: new Date(at),
  topics: [{ name: "sales.orders.v1", partitions: [{ partition: 0, leader: 1, start: 0n, end }] }],
  groups: committed === undefined ? [] : [{ groupId: "team-payments.billing", state: "Empty", protocolType: "consumer", members: 0, offsets: [{ topic: "sales.orders.v1", partition: 0, offset: committed }] }],
});

/** The previous snapshot as the store would load it back. */
function asPrevious(snap: ReturnType<typeof deriveSnapshot>): Previous {
  return {
    readAt: snap.readAt,
    topics: new Map(snap.topics.map((t) => [t.name, {
      endSum: t.endSum, lastMessageAt: t.lastMessageAt, firstSeenAt: t.firstSeenAt, histAt: t.histAt, histEnd: t.histEnd,
      partitions: new Map(t.changedPartitions.map((p) => [p.partition, { leader: p.leader, start: p.start, end: p.end, points: p.points }])),
    }])),
    groupTopics: new Map(snap.groupTopics.map((g) => [`${g.groupId}\u0000${g.topic}`, { committedSum: g.committedSum, lastCommitAt: g.lastCommitAt, histAt: g.histAt, histLag: g.histLag }])),
  };
}

describe("deriveSnapshot", () => {
  const principals = [{ principal: "User:team-payments", teamId: "payments" }, { principal: "User:team-pay", teamId: "pay" }];

  it("attributes groups by the longest principal prefix and leaves others unattributed", () => {
    const snap = deriveSnapshot({ ...read(0, 10n, 5n), groups: [...read(0, 10n, 5n).groups, { groupId: "adhoc", state: "Empty", protocolType: "", members: 0, offsets: [] }] }, empty, principals);
    expect(snap.groups.map((g) => [g.groupId, g.teamId])).toEqual([["team-payments.billing", "payments"], ["adhoc", null]]);
  });

  it("derives rates and dates the newest message at the read that saw it", () => {
    const first = deriveSnapshot(read(0, 100n, 100n), empty, principals);
    expect(first.topics[0]!.lastMessageAt).toBeNull(); // not seen arriving yet
    const second = deriveSnapshot(read(30_000, 160n, 130n), asPrevious(first), principals);
    expect(second.topics[0]).toMatchObject({ produceRate: 2, lastMessageAt: new Date(30_000) });
    expect(second.groupTopics[0]).toMatchObject({ lag: 30n, consumeRate: 1, lastCommitAt: new Date(30_000), active: true });
  });

  it("writes an idle series' history only every 15 minutes, and both ends of a flat run when it moves", () => {
    let snap = deriveSnapshot(read(0, 100n), empty, []);
    expect(snap.topics[0]!.history.map((h) => h.at.getTime())).toEqual([0]);
    let t = 0;
    const points: number[] = [];
    while (t < KEEPALIVE_MS + 60_000) {
      t += 30_000;
      snap = deriveSnapshot(read(t, 100n), asPrevious(snap), []);
      points.push(...snap.topics[0]!.history.map((h) => h.at.getTime()));
    }
    expect(points).toEqual([KEEPALIVE_MS]);
    // the next read (a minute and a half later) sees it move: the minute it was last 100, then 150
    snap = deriveSnapshot(read(t + 90_000, 150n), asPrevious(snap), []);
    expect(snap.topics[0]!.history.map((h) => [h.at.getTime(), h.endOffset])).toEqual([
      [t, 100n],
      [t + 60_000, 150n],
    ]);
  });
});
