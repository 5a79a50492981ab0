import type { IndexFreshness } from "@/lib/cluster-index/freshness";
import { Alert } from "@/components/ui/alert";
import { AsOf } from "./as-of";

const utc = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;

/** How fresh a page's figures are; when the collector cannot reach Kafka, since when they are stale. */
export function IndexFreshnessNote({ freshness }: { freshness: IndexFreshness }) {
  if (!freshness.asOf) {
    return (
      <Alert tone="info" title="No figures yet">
        Meshport has not read the cluster yet{freshness.failingSince ? `: Kafka has been unreachable since ${utc(freshness.failingSince)}` : ""}. Figures appear after the first refresh.
      </Alert>
    );
  }
  if (freshness.stale) {
    return (
      <Alert tone="warning" title={freshness.failingSince ? `Figures are stale since ${utc(freshness.failingSince)}` : "Figures are stale"}>
        {freshness.failingSince ? "Meshport cannot read the cluster right now (" + (freshness.lastError ?? "Kafka unreachable") + "). " : "No collector has refreshed the index recently. "}
        What you see is the last good reading, <AsOf asOf={freshness.asOf} />.
      </Alert>
    );
  }
  return (
    <p className="text-xs text-slate-500" data-testid="index-freshness">
      Figures from Meshport&apos;s cluster index, <AsOf asOf={freshness.asOf} />.
    </p>
  );
}
