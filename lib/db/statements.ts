import { createHash } from "node:crypto";

// How the catalog search runs its raw statements on a `pg` pool: the app (lib/db queryRows) and
// the benchmark (bench/search) share this, so the benchmark's SQL column runs them the same way.

/**
 * Pool options for connections that run named statements: plans are still made for each run's
 * values. PostgreSQL would otherwise switch a statement prepared five times to a generic plan,
 * blind to the constants the search relies on (how common a word is, which facet values are
 * ticked: docs/decisions/0015).
 */
export const SEARCH_POOL_OPTIONS = "-c plan_cache_mode=force_custom_plan";

/**
 * A statement named after its text: each connection prepares it once and then skips parsing and
 * analysing it (~0.5 ms of a search's results statement, which is long). The texts are few,
 * fragments chosen by code with every user value bound, so the prepared set stays small.
 */
export function namedStatement(sql: { text: string; values: unknown[] }) {
  return { name: `s_${createHash("sha1").update(sql.text).digest("base64url").slice(0, 24)}`, text: sql.text, values: sql.values };
}
