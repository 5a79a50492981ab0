// The health charts' time ranges and their resolution (client-safe).
export const RANGES = {
  "24h": { label: "24 hours", ms: 86_400_000, bucketSeconds: 300, table: "minute" },
  "7d": { label: "7 days", ms: 7 * 86_400_000, bucketSeconds: 3600, table: "quarter" },
  "30d": { label: "30 days", ms: 30 * 86_400_000, bucketSeconds: 4 * 3600, table: "quarter" },
} as const;
export type RangeKey = keyof typeof RANGES;
export const isRange = (v: unknown): v is RangeKey => typeof v === "string" && v in RANGES;
export const PARTITION_PAGE_SIZE = 50;
