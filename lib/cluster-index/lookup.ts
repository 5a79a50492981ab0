// A partition's end-offset lookup table, as kafka-lag-exporter keeps one: points (time, end offset)
// recorded when the end offset moves, from which the time a given offset was appended is
// interpolated. Pure, unit-tested. docs/decisions/0041 gives its accuracy.

export type Point = { t: number; o: bigint };

/** Enough for hours of steady traffic at a 30 s interval; older points thin out (see addObservation). */
export const MAX_POINTS = 64;

/**
 * The table after reading `end` at time `now`. `prevReadAt` is the previous read's time (when the
 * partition's previous end offset was last seen true), so a change records both ends of the flat run.
 * Returns the same array when nothing moved: the caller need not write it.
 */
export function addObservation(points: Point[], end: bigint, now: number, prevReadAt: number | null): Point[] {
  const last = points.at(-1);
  if (!last) return [{ t: now, o: end }];
  if (last.o === end) return points;
  if (end < last.o) return [{ t: now, o: end }]; // topic re-created or truncated: the old table means nothing
  const next = points.slice();
  if (prevReadAt !== null && prevReadAt > last.t && prevReadAt < now) next.push({ t: prevReadAt, o: last.o });
  next.push({ t: now, o: end });
  return thin(next);
}

/** Over MAX_POINTS, every other point of the older half goes: resolution halves with age, the span keeps growing. */
function thin(points: Point[]): Point[] {
  if (points.length <= MAX_POINTS) return points;
  const half = Math.floor(points.length / 2);
  return [...points.slice(0, half).filter((_, i) => i % 2 === 0), ...points.slice(half)];
}

/**
 * Estimated time (ms) at which the message at `offset` was appended; null when it does not exist yet.
 * Between two points the messages are taken as evenly spread; before the oldest point, the table's
 * average rate is extrapolated back (a lower bound on the age when the partition was idle).
 */
export function appendTimeOf(points: Point[], offset: bigint): number | null {
  const last = points.at(-1);
  if (!last || offset >= last.o) return null;
  const i = points.findIndex((p) => p.o > offset);
  const first = points[0]!;
  if (i <= 0) {
    const spanMs = last.t - first.t;
    const spanMsgs = Number(last.o - first.o);
    if (spanMs <= 0 || spanMsgs <= 0) return first.t;
    return first.t - (Number(first.o - offset) / spanMsgs) * spanMs;
  }
  const a = points[i - 1]!;
  const b = points[i]!;
  const n = Number(b.o - a.o);
  return a.t + (Number(offset - a.o + 1n) / n) * (b.t - a.t);
}

/** Age in seconds of the oldest message a consumer at `committed` has not read (0 when caught up). */
export function timeLagSeconds(points: Point[], committed: bigint, now: number): number {
  const t = appendTimeOf(points, committed);
  return t === null ? 0 : Math.max(0, Math.round((now - t) / 1000));
}
