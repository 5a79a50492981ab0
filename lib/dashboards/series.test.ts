import { describe, expect, it } from "vitest";
import { freshnessOf } from "./freshness";
import { bucketEnds, freshnessSeries, gaugeSeries, rateSeries } from "./series";

const min = 60_000;

describe("chart series from sparse history", () => {
  it("buckets a range into aligned ends", () => {
    expect(bucketEnds(0, 3 * min, min)).toEqual([min, 2 * min, 3 * min]);
    expect(bucketEnds(30_000, 2 * min, min)).toEqual([min, 2 * min]);
  });

  it("turns a counter into rates, carrying values over gaps", () => {
    // 600 messages between minute 1 and 2, then idle (no points)
    const pts = [{ t: 0, v: 0 }, { t: min, v: 0 }, { t: 2 * min, v: 600 }];
    expect(rateSeries(pts, 0, 4 * min, min).map((p) => p.v)).toEqual([0, 10, 0, 0]);
  });

  it("keeps each bucket's worst lag and carries the last one through empty buckets", () => {
    const pts = [{ t: 30_000, v: 5 }, { t: 50_000, v: 9 }, { t: 70_000, v: 2 }];
    expect(gaugeSeries(pts, 0, 3 * min, min).map((p) => p.v)).toEqual([9, 2, 2]);
  });

  it("gives the age of the newest message at each bucket end", () => {
    const pts = [{ t: 0, v: 10 }, { t: min, v: 20 }, { t: 5 * min, v: 20 }];
    expect(freshnessSeries(pts, 0, 3 * min, min).map((p) => p.v)).toEqual([0, 60, 120]);
  });
});

describe("freshness objective", () => {
  const now = new Date(10 * min);
  it("is met while the newest message is younger than the promise, missed after", () => {
    expect(freshnessOf({ slaMinutes: 5, lastMessageAt: new Date(6 * min), firstSeenAt: new Date(0) }, now).status).toBe("met");
    expect(freshnessOf({ slaMinutes: 5, lastMessageAt: new Date(4 * min), firstSeenAt: new Date(0) }, now).status).toBe("missed");
  });
  it("is missed when nothing arrived during longer than the promise since the index first saw the topic", () => {
    expect(freshnessOf({ slaMinutes: 5, lastMessageAt: null, firstSeenAt: new Date(0) }, now).status).toBe("missed");
    expect(freshnessOf({ slaMinutes: 15, lastMessageAt: null, firstSeenAt: new Date(0) }, now).status).toBe("unknown");
    expect(freshnessOf({ slaMinutes: null, lastMessageAt: null, firstSeenAt: null }, now).status).toBe("no-objective");
  });
});
