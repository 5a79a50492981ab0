// Whether a product keeps its freshness promise: its newest message is younger than
// freshnessSlaMinutes. Pure, unit-tested.

export type FreshnessStatus = "met" | "missed" | "unknown" | "no-objective";
export type Freshness = { status: FreshnessStatus; slaMinutes: number | null; lastMessageAt: string | null; ageSeconds: number | null; sinceSeen: string | null };

/**
 * `lastMessageAt`: newest message the index saw arrive; `firstSeenAt`: when the index first saw the
 * topic. With no message seen since, the objective is missed once the topic has been watched
 * longer than the promise.
 */
export function freshnessOf(input: { slaMinutes: number | null; lastMessageAt: Date | null; firstSeenAt: Date | null }, now: Date): Freshness {
  const { slaMinutes, lastMessageAt, firstSeenAt } = input;
  const ageSeconds = lastMessageAt ? Math.max(0, Math.round((now.getTime() - lastMessageAt.getTime()) / 1000)) : null;
  const base = { slaMinutes, lastMessageAt: lastMessageAt?.toISOString() ?? null, ageSeconds, sinceSeen: firstSeenAt?.toISOString() ?? null };
  if (!slaMinutes) return { status: "no-objective", ...base };
  if (ageSeconds !== null) return { status: ageSeconds <= slaMinutes * 60 ? "met" : "missed", ...base };
  if (firstSeenAt && now.getTime() - firstSeenAt.getTime() > slaMinutes * 60_000) return { status: "missed", ...base };
  return { status: "unknown", ...base };
}
