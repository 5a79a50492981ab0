// Chart series from the index's history points. History is sparse (a point on change, else every
// 15 minutes), so values are carried forward between points. Pure, unit-tested.

export type OffsetPoint = { t: number; v: number };
export type SeriesPoint = { t: number; v: number };

/** Bucket ends from `from` (exclusive) to `to` (inclusive), `bucketMs` apart, aligned to `bucketMs`. */
export function bucketEnds(from: number, to: number, bucketMs: number): number[] {
  const out: number[] = [];
  for (let t = Math.floor(from / bucketMs) * bucketMs + bucketMs; t <= to + bucketMs - 1; t += bucketMs) out.push(Math.min(t, to));
  return out;
}

/** The value at each time: the last point at or before it (null before the first point). */
function carried(points: OffsetPoint[], times: number[]): (number | null)[] {
  const sorted = [...points].sort((a, b) => a.t - b.t);
  let i = -1;
  return times.map((t) => {
    while (i + 1 < sorted.length && sorted[i + 1]!.t <= t) i++;
    return i >= 0 ? sorted[i]!.v : null;
  });
}

/** Messages per second in each bucket, from a counter's points (end offsets). */
export function rateSeries(points: OffsetPoint[], from: number, to: number, bucketMs: number): SeriesPoint[] {
  const ends = bucketEnds(from, to, bucketMs);
  const values = carried(points, [from, ...ends]);
  return ends.map((t, i) => {
    const a = values[i] ?? null;
    const b = values[i + 1] ?? null;
    const span = t - (i === 0 ? from : ends[i - 1]!);
    return { t, v: a === null || b === null || span <= 0 || b < a ? 0 : ((b - a) * 1000) / span };
  });
}

/** The worst (largest) value in each bucket, or the value carried in when the bucket has no point. */
export function gaugeSeries(points: OffsetPoint[], from: number, to: number, bucketMs: number): SeriesPoint[] {
  const ends = bucketEnds(from, to, bucketMs);
  const carriedIn = carried(points, ends.map((_, i) => (i === 0 ? from : ends[i - 1]!)));
  return ends.map((t, i) => {
    const start = i === 0 ? from : ends[i - 1]!;
    const inside = points.filter((p) => p.t > start && p.t <= t).map((p) => p.v);
    const v = inside.length ? Math.max(...inside) : (carriedIn[i] ?? 0);
    return { t, v };
  });
}

/** Age in seconds of the newest message at each bucket end: time since the counter last grew. */
export function freshnessSeries(points: OffsetPoint[], from: number, to: number, bucketMs: number, knownLastAt: number | null = null): SeriesPoint[] {
  const sorted = [...points].sort((a, b) => a.t - b.t);
  const grewAt: number[] = [];
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.v > sorted[i - 1]!.v) grewAt.push(sorted[i]!.t);
  return bucketEnds(from, to, bucketMs).map((t) => {
    let last = knownLastAt !== null && knownLastAt <= t ? knownLastAt : null;
    for (const g of grewAt) if (g <= t && (last === null || g > last)) last = g;
    return { t, v: last === null ? Number.NaN : Math.max(0, (t - last) / 1000) };
  });
}
