import type { SeriesPoint } from "@/lib/dashboards/series";
import { formatRate } from "./format";

/** A tiny inline chart (SVG polyline): a table row's trend needs no axes, only its shape and a text summary. */
export function Sparkline({ points, label, width = 120, height = 28 }: { points: SeriesPoint[]; label: string; width?: number; height?: number }) {
  const max = Math.max(0, ...points.map((p) => p.v));
  const peak = formatRate(max);
  const summary = `${label}: peak ${peak}, now ${formatRate(points.at(-1)?.v ?? 0)}`;
  if (points.length < 2) return <span className="text-xs text-slate-500">no history yet</span>;
  const xy = points.map((p, i) => `${((i / (points.length - 1)) * width).toFixed(1)},${(height - 2 - (max > 0 ? (p.v / max) * (height - 4) : 0)).toFixed(1)}`);
  return (
    <svg role="img" aria-label={summary} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="overflow-visible">
      <title>{summary}</title>
      <polyline points={xy.join(" ")} fill="none" stroke="currentColor" strokeWidth={1.5} className="text-indigo-500" />
    </svg>
  );
}
