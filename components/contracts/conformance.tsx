import { getConformance } from "@/lib/contracts";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { outageAware } from "@/components/layout/outage-aware";

const pct = (score: number) => `${(Math.floor(score * 1000) / 10).toFixed(1)} %`;
export const scoreTone = (score: number): BadgeTone => (score >= 0.99 ? "green" : score >= 0.9 ? "amber" : "rose");

/** The product's conformance score and, per port, the rules its sampled messages break. */
async function ConformanceSection({ productId }: { productId: string }) {
  const { runs, sampled, score } = await getConformance(productId);
  if (score === null) return <p className="text-sm text-slate-500">Not checked yet: Meshport samples each port every five minutes.</p>;
  return (
    <div className="space-y-2 text-sm" data-testid="conformance">
      <p className="flex items-center gap-2">
        <Badge tone={scoreTone(score)}>{pct(score)}</Badge>
        <span className="text-slate-600">of {sampled} sampled messages pass the schema and quality rules</span>
      </p>
      {runs.map((r) =>
        r.failures.length > 0 ? (
          <div key={r.id}>
            <p className="font-mono text-xs text-slate-700">{r.topic}</p>
            <ul className="mt-1 space-y-1" aria-label={`Failing rules of ${r.topic}`}>
              {r.failures.map((f) => (
                <li key={f.rule} className="text-xs text-slate-700">
                  <span className="font-medium text-rose-800">{f.rule}</span>: {f.count} of {r.sampled}, e.g. partition {f.example.partition} offset {f.example.offset}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      <p className="text-xs text-slate-500">Checked {runs[0]?.at.toISOString().slice(0, 16).replace("T", " ")} UTC</p>
    </div>
  );
}

/** A section of the product page: if the database stops answering while it loads, it says so in place. */
export const Conformance = outageAware(ConformanceSection);
