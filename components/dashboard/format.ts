// Number and duration formats shared by the dashboard components (client-safe).
export { formatAge } from "@/lib/cluster-index/freshness";

export function formatRate(perSecond: number): string {
  if (perSecond === 0) return "0/s";
  if (perSecond < 0.1) return `${(perSecond * 60).toFixed(1)}/min`;
  if (perSecond < 10) return `${perSecond.toFixed(1)}/s`;
  return `${Math.round(perSecond).toLocaleString("en")}/s`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en");
}
