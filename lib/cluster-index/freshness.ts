// How fresh the index's figures are, as pages say it ("as of 14 s ago", "stale since …"). Pure.

export type IndexFreshness = {
  /** When the figures were true (the last successful read); null before the first one. */
  asOf: string | null;
  ageSeconds: number | null;
  /** Since when refreshes fail (Kafka unreachable, say); null while they succeed. */
  failingSince: string | null;
  lastError: string | null;
  stale: boolean;
};

type State = { lastRefreshedAt: Date | null; failingSince: Date | null; lastError: string | null } | null;

/** Figures older than three intervals count as stale even without a recorded failure (no collector running). */
export function indexFreshness(state: State, now: Date, intervalSeconds = 30): IndexFreshness {
  const asOf = state?.lastRefreshedAt ?? null;
  const ageSeconds = asOf ? Math.max(0, Math.round((now.getTime() - asOf.getTime()) / 1000)) : null;
  return {
    asOf: asOf?.toISOString() ?? null,
    ageSeconds,
    failingSince: state?.failingSince?.toISOString() ?? null,
    lastError: state?.lastError ?? null,
    stale: Boolean(state?.failingSince) || ageSeconds === null || ageSeconds > 3 * intervalSeconds,
  };
}

/** "14 s", "3 min", "2 h", "5 d". */
export function formatAge(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}
