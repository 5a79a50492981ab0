import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { indexFreshness, type IndexFreshness } from "./freshness";

/** How fresh the index is, for every page that shows its figures. Never throws for a missing row. */
export async function getIndexFreshness(now = new Date()): Promise<IndexFreshness> {
  const state = await db.clusterIndexState.findUnique({ where: { id: 1 } });
  return indexFreshness(state, now, env.MESHPORT_INDEX_INTERVAL_SECONDS);
}
