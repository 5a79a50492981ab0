const show = (v: unknown): string => {
  if (v === undefined) return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
};

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** An audit event's before/after as one line per field: `field: before → after`. */
export function AuditChange({ before, after }: { before: unknown; after: unknown }) {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  if (keys.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <dl className="space-y-0.5 font-mono text-[11px] leading-4 text-slate-700">
      {keys.map((k) => {
        const from = b[k];
        const to = a[k];
        return (
          <div key={k} className="flex gap-1">
            <dt className="shrink-0 text-slate-500">{k}:</dt>
            <dd className="min-w-0 break-all" title={JSON.stringify({ before: from, after: to })}>
              {k in b ? (
                <>
                  <span className="text-rose-700">{show(from)}</span> → <span className="text-emerald-700">{show(to)}</span>
                </>
              ) : (
                show(to)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
