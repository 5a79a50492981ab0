import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { allowedTopicPrefixes, prefixConflict, topicOutsidePrefixes } from "@/lib/governance/prefixes";
import { conflict, invalid, notFound } from "@/lib/errors";

/** Prefix changes take this lock, so two admins cannot give overlapping prefixes to two teams at once. */
async function lockPrefixes(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('meshport.team-topic-prefixes'))`;
}

/** Adds prefixes to a team inside the caller's transaction; refuses an overlap naming the team that holds it. */
export async function grantPrefixes(tx: Tx, teamId: string, prefixes: string[], field = "prefix"): Promise<void> {
  if (prefixes.length === 0) return;
  await lockPrefixes(tx);
  const owned = (await tx.teamTopicPrefix.findMany({ include: { team: { select: { name: true } } } })).map((p) => ({
    prefix: p.prefix,
    teamId: p.teamId,
    teamName: p.team.name,
  }));
  for (const prefix of prefixes) {
    const reason = prefixConflict(prefix, teamId, owned);
    if (reason) throw conflict(reason, { [field]: reason });
    owned.push({ prefix, teamId, teamName: "" });
  }
  await tx.teamTopicPrefix.createMany({ data: prefixes.map((prefix) => ({ prefix, teamId })) });
}

export async function addTopicPrefix(viewer: Viewer, input: { teamId: string; prefix: string }): Promise<void> {
  assertCan(viewer, { permission: "manage:organisation" });
  await db.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } });
    if (!team) throw notFound("Team");
    await grantPrefixes(tx, team.id, [input.prefix]);
    await recordAudit(tx, { actor: viewer, action: "team.prefix-added", targetType: "team", targetId: team.id, after: { prefix: input.prefix } });
  });
}

/** Removes a prefix unless a live topic of the team would then fall outside every prefix it keeps. */
export async function removeTopicPrefix(viewer: Viewer, input: { teamId: string; prefix: string }): Promise<void> {
  assertCan(viewer, { permission: "manage:organisation" });
  await db.$transaction(async (tx) => {
    await lockPrefixes(tx);
    const team = await tx.team.findUnique({
      where: { id: input.teamId },
      include: {
        domain: { select: { slug: true } },
        topicPrefixes: true,
        products: { where: { lifecycle: { not: "RETIRED" } }, select: { outputPorts: { select: { topic: true } } } },
      },
    });
    if (!team) throw notFound("Team");
    if (!team.topicPrefixes.some((p) => p.prefix === input.prefix)) throw notFound(`Prefix "${input.prefix}" of ${team.name}`);
    const kept = allowedTopicPrefixes(team.topicPrefixes.map((p) => p.prefix).filter((p) => p !== input.prefix), team.domain.slug);
    const stranded = team.products.flatMap((p) => p.outputPorts.map((o) => o.topic)).filter((t) => topicOutsidePrefixes(t, kept));
    if (stranded.length > 0) {
      throw invalid(`Topics of ${team.name} still use "${input.prefix}": ${stranded.slice(0, 5).join(", ")}. Retire them first.`);
    }
    await tx.teamTopicPrefix.delete({ where: { prefix: input.prefix } });
    await recordAudit(tx, { actor: viewer, action: "team.prefix-removed", targetType: "team", targetId: team.id, before: { prefix: input.prefix } });
  });
}
