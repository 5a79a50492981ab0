import Link from "next/link";
import type { DashboardEvent } from "@/lib/dashboards/types";

export function RecentEvents({ events }: { events: DashboardEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">Nothing has changed on your products yet.</p>;
  return (
    <ol className="space-y-2 text-sm" aria-label="Recent changes">
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap gap-x-2">
          <time className="font-mono text-xs text-slate-500" dateTime={e.at}>
            {e.at.replace("T", " ").slice(0, 16)}
          </time>
          <span className="font-medium text-slate-800">{e.actor}</span>
          {e.href ? (
            <Link href={e.href} className="text-indigo-700 hover:underline">
              {e.action}
            </Link>
          ) : (
            <span>{e.action}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
