import Link from "next/link";
import type { Reached } from "@/lib/lineage";
import { ReachedList } from "./lineage-lists";

/** What a change to the product reaches downstream (lineage's impact list), for the schema-change and retirement flows. */
export function ImpactSummary({ slug, impact }: { slug: string; impact: Reached[] }) {
  return (
    <div className="space-y-2 text-sm">
      <p className="font-medium text-slate-800">
        {impact.length === 0 ? "Nothing downstream depends on it." : `Downstream, this reaches ${impact.length} ${impact.length === 1 ? "node" : "nodes"}:`}{" "}
        <Link href={`/products/${slug}/lineage`} className="font-normal text-indigo-700 hover:underline">Lineage</Link>
      </p>
      {impact.length > 0 ? <ReachedList label="Impact downstream" items={impact} empty="" /> : null}
    </div>
  );
}
