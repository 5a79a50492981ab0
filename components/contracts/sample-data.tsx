import { getSampleData } from "@/lib/contracts";
import type { Viewer } from "@/lib/auth";
import { Alert } from "@/components/ui/alert";

/** The port's latest messages, decoded; shown only to the owning team and teams with access, personal data masked for consumers. */
export async function SampleData({ viewer, outputPortId, topic }: { viewer: Viewer; outputPortId: string; topic: string }) {
  const data = await getSampleData(viewer, outputPortId);
  if (data.state === "hidden") return null;
  return (
    <section aria-label={`Sample data of ${topic}`}>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">Sample data</h3>
      {data.state === "unavailable" ? (
        <Alert tone="warning" title="Sample data unavailable">{data.reason}</Alert>
      ) : data.messages.length === 0 ? (
        <p className="text-sm text-slate-500">No messages yet.</p>
      ) : (
        <>
          {data.masked.length > 0 ? (
            <p className="mb-2 text-xs text-slate-600">Personal data masked: {data.masked.join(", ")}.</p>
          ) : null}
          <ol className="space-y-1">
            {data.messages.map((m) => (
              <li key={`${m.partition}:${m.offset}`} className="rounded-md bg-slate-50 p-2">
                <p className="text-xs text-slate-500">
                  partition {m.partition} · offset {m.offset}
                  {m.error ? <span className="ml-2 text-rose-700">{m.error}</span> : null}
                </p>
                <pre className="whitespace-pre-wrap break-all text-xs">{JSON.stringify(m.value)}</pre>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
