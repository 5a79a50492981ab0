"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesPoint } from "@/lib/dashboards/series";
import { formatAge, formatCount, formatRate } from "./format";

// The health tab's charts (recharts): time on the x axis in UTC, units on the y axis, a legend when
// there is more than one line.

const COLORS = ["#4f46e5", "#d97706", "#059669", "#db2777", "#0891b2", "#7c3aed", "#65a30d", "#dc2626"];

function timeTick(rangeMs: number) {
  return (t: number) => {
    const iso = new Date(t).toISOString();
    return rangeMs <= 86_400_000 ? iso.slice(11, 16) : `${iso.slice(5, 10)} ${iso.slice(11, 13)}h`;
  };
}
const utcLabel = (t: unknown) => `${new Date(Number(t)).toISOString().replace("T", " ").slice(0, 16)} UTC`;

type Line = { key: string; label: string; points: SeriesPoint[] };

/** Series share bucket times; recharts wants one row per time with a field per line. */
function rows(lines: Line[]): Record<string, number>[] {
  const first = lines[0]?.points ?? [];
  return first.map((p, i) => Object.fromEntries([["t", p.t], ...lines.map((l) => [l.key, l.points[i]?.v ?? null])]));
}

function Chart({
  title, lines, unit, format, rangeMs, reference,
}: { title: string; lines: Line[]; unit: string; format: (v: number) => string; rangeMs: number; reference?: { value: number; label: string } }) {
  const data = rows(lines);
  const summary = lines.map((l) => `${l.label}: latest ${format(l.points.at(-1)?.v ?? 0)}`).join("; ");
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-semibold text-slate-900">{title}</figcaption>
      {data.length === 0 ? (
        <p className="text-sm text-slate-500">No history in this range yet.</p>
      ) : (
        <div role="img" aria-label={`${title}. ${summary}`} className="h-56 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--color-slate-200)" />
              <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={timeTick(rangeMs)} fontSize={11} stroke="var(--color-slate-500)" />
              <YAxis tickFormatter={(v: number) => format(v)} fontSize={11} stroke="var(--color-slate-500)" width={72} label={{ value: unit, angle: -90, position: "insideLeft", fontSize: 11, fill: "var(--color-slate-600)" }} />
              <Tooltip labelFormatter={utcLabel} formatter={(v) => format(Number(v))} contentStyle={{ background: "var(--color-surface)", borderColor: "var(--color-slate-200)" }} />
              {lines.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
              {reference ? <ReferenceLine y={reference.value} stroke="#e11d48" strokeDasharray="4 4" label={{ value: reference.label, fontSize: 11, fill: "var(--color-rose-700)", position: "insideTopRight" }} /> : null}
              {lines.map((l, i) => (
                <Line key={l.key} dataKey={l.key} name={l.label} type="monotone" dot={false} strokeWidth={1.75} stroke={COLORS[i % COLORS.length]} isAnimationActive={false} connectNulls />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

export function ProduceRateChart({ points, rangeMs }: { points: SeriesPoint[]; rangeMs: number }) {
  return <Chart title="Produce rate" unit="messages / s" format={formatRate} rangeMs={rangeMs} lines={[{ key: "rate", label: "messages per second", points }]} />;
}

export function FreshnessChart({ points, rangeMs, slaMinutes }: { points: SeriesPoint[]; rangeMs: number; slaMinutes: number | null }) {
  return (
    <Chart
      title="Freshness: age of the newest message"
      unit="age"
      format={(v) => (Number.isNaN(v) ? "unknown" : formatAge(v))}
      rangeMs={rangeMs}
      lines={[{ key: "age", label: "age of the newest message", points }]}
      reference={slaMinutes ? { value: slaMinutes * 60, label: `objective ${slaMinutes} min` } : undefined}
    />
  );
}

export function LagCharts({ lines, rangeMs }: { lines: { key: string; label: string; points: SeriesPoint[]; timeLag: SeriesPoint[] }[]; rangeMs: number }) {
  if (lines.length === 0) return <p className="text-sm text-slate-500">No consumer group has committed offsets on this product yet.</p>;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Chart title="Consumer lag (messages)" unit="messages behind" format={formatCount} rangeMs={rangeMs} lines={lines} />
      <Chart title="Consumer time lag" unit="age of oldest unread" format={formatAge} rangeMs={rangeMs} lines={lines.map((l) => ({ key: l.key, label: l.label, points: l.timeLag }))} />
    </div>
  );
}
