import { describe, expect, it } from "vitest";
import { addObservation, appendTimeOf, MAX_POINTS, timeLagSeconds, type Point } from "./lookup";

const s = (sec: number) => sec * 1000;

describe("end-offset lookup table", () => {
  it("records a flat run's last sighting and the new offset, and nothing while idle", () => {
    let t: Point[] = addObservation([], 10n, s(0), null);
    const idle = addObservation(t, 10n, s(30), s(0));
    expect(idle).toBe(t);
    t = addObservation(t, 10n, s(60), s(30));
    t = addObservation(t, 40n, s(90), s(60));
    expect(t).toEqual([{ t: s(0), o: 10n }, { t: s(60), o: 10n }, { t: s(90), o: 40n }]);
  });

  it("interpolates the append time of an offset between two points", () => {
    const t: Point[] = [{ t: s(0), o: 0n }, { t: s(100), o: 100n }];
    expect(appendTimeOf(t, 0n)).toBe(s(1));
    expect(appendTimeOf(t, 49n)).toBe(s(50));
    expect(appendTimeOf(t, 100n)).toBeNull();
    expect(timeLagSeconds(t, 49n, s(150))).toBe(100);
    expect(timeLagSeconds(t, 100n, s(150))).toBe(0);
  });

  it("extrapolates before the oldest point at the table's average rate", () => {
    const t: Point[] = [{ t: s(100), o: 100n }, { t: s(200), o: 200n }];
    expect(appendTimeOf(t, 50n)).toBe(s(50));
    // an idle table gives the oldest point's time: a lower bound on the age
    expect(appendTimeOf([{ t: s(100), o: 100n }], 50n)).toBe(s(100));
  });

  it("starts over when the end offset goes back (topic re-created)", () => {
    const t = addObservation([{ t: s(0), o: 500n }], 3n, s(30), s(0));
    expect(t).toEqual([{ t: s(30), o: 3n }]);
  });

  it("stays bounded and keeps its oldest point while thinning", () => {
    let t: Point[] = [];
    for (let i = 0; i < 1000; i++) t = addObservation(t, BigInt(i * 10), s(i * 30), i ? s((i - 1) * 30) : null);
    expect(t.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(t[0]).toEqual({ t: 0, o: 0n });
    expect(t.at(-1)).toEqual({ t: s(999 * 30), o: 9990n });
    // steady traffic: interpolation stays exact even across thinned points
    expect(appendTimeOf(t, 4999n)).toBeCloseTo(s(500 * 30), -4);
  });
});
