import { Badge } from "@/components/ui/badge";

export type Preview = {
  subject: string;
  compatibility: string;
  currentVersion: number | null;
  nextVersion: number;
  unchanged: boolean;
  changes: { kind: string; path: string; words: string }[];
  reasons: { path: string; direction: "backward" | "forward"; reason: string; against?: number }[];
  registry: { compatible: boolean; messages: string[] };
  compatible: boolean;
  impact: { teamId: string; teamName: string; principal: string; consumerGroups: string; until: string | null }[];
};

const directionWords = { backward: "consumers on the new schema, old data", forward: "consumers on the old schema, new data" };

/** The three things an owner sees before publishing: the diff in words, the verdicts with reasons, and who reads the port. */
export function VersionPreviewView({ preview }: { preview: Preview }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="rounded-md border border-slate-200 p-4">
        <h3 className="text-sm font-semibold text-slate-900">What changes</h3>
        {preview.changes.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{preview.currentVersion ? "No field changes." : "This is the port's first schema."}</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm" aria-label="Changes">
            {preview.changes.map((c, i) => (
              <li key={i}>{c.words}</li>
            ))}
          </ul>
        )}
      </div>
      <div className="rounded-md border border-slate-200 p-4">
        <h3 className="text-sm font-semibold text-slate-900">Verdict under {preview.compatibility}</h3>
        <p className="mt-2 flex flex-wrap gap-2 text-sm">
          <span>Schema Registry:</span>
          {preview.registry.compatible ? <Badge tone="green">compatible</Badge> : <Badge tone="rose">incompatible</Badge>}
          <span>Meshport:</span>
          {preview.reasons.length === 0 ? <Badge tone="green">no breaking change</Badge> : <Badge tone="rose">{preview.reasons.length} breaking</Badge>}
        </p>
        {preview.reasons.length > 0 ? (
          <ul className="mt-2 space-y-2 text-sm" aria-label="Breaking changes">
            {preview.reasons.map((r, i) => (
              <li key={i} className="text-rose-800">
                <span className="font-mono text-xs">{r.path}</span> ({directionWords[r.direction]}
                {r.against ? `, against version ${r.against}` : ""}): {r.reason}
              </li>
            ))}
          </ul>
        ) : null}
        {preview.registry.messages.length > 0 ? (
          <ul className="mt-2 space-y-1 text-xs text-slate-600" aria-label="Registry messages">
            {preview.registry.messages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        ) : null}
        <p className="mt-2 text-xs text-slate-500">Subject {preview.subject}</p>
      </div>
      <div className="rounded-md border border-slate-200 p-4">
        <h3 className="text-sm font-semibold text-slate-900">Who reads this port</h3>
        {preview.impact.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">No team has access: nobody would break.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm" aria-label="Affected consumers">
            {preview.impact.map((c) => (
              <li key={c.teamId}>
                <span className="font-medium">{c.teamName}</span>
                <span className="block text-xs text-slate-600">
                  {c.principal} · consumer groups <span className="font-mono">{c.consumerGroups}</span>
                  {c.until ? ` · until ${c.until.slice(0, 10)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
