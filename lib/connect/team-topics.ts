import "server-only";
import { db } from "@/lib/db";
import type { TeamTopics } from "./policy";

/** The topics a team owns (its products' live output ports) and those it holds an active grant on. */
export async function teamTopics(teamId: string): Promise<TeamTopics> {
  const [owned, granted] = await Promise.all([
    db.outputPort.findMany({ where: { removedAt: null, dataProduct: { ownerTeamId: teamId } }, select: { topic: true } }),
    db.grant.findMany({ where: { teamId, status: "ACTIVE", kind: "CONSUME" }, select: { outputPort: { select: { topic: true } } } }),
  ]);
  return { owned: new Set(owned.map((p) => p.topic)), granted: new Set(granted.map((g) => g.outputPort.topic)) };
}
