import "server-only";
// lib/cluster-index: Meshport's own index of the cluster (topics, offsets, consumer groups) and its
// history, kept by one collector across instances. Pages read it, never Kafka.

export { refreshIndex, startCollector, type RefreshOutcome, type CollectorOptions } from "./collector";
export { rollUpAndPrune, MINUTE_HISTORY_MS, QUARTER_HISTORY_MS } from "./history";
export { getIndexFreshness } from "./state";
export { indexFreshness, formatAge, type IndexFreshness } from "./freshness";
