import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { conflict, invalid, notFound } from "@/lib/errors";

/**
 * Links a Kafka principal to a team (platform admins only). The principal itself is created in the
 * cluster by the organisation's own tooling; Meshport records whose it is and manages its ACLs.
 */
export async function linkPrincipal(viewer: Viewer, input: { teamId: string; principal: string }): Promise<void> {
  assertCan(viewer, { permission: "manage:organisation" });
  try {
    await db.$transaction(async (tx) => {
      const team = await tx.team.findUnique({ where: { id: input.teamId }, select: { id: true } });
      if (!team) throw notFound("Team");
      const row = await tx.kafkaPrincipal.create({ data: { teamId: team.id, principal: input.principal } });
      await recordAudit(tx, { actor: viewer, action: "team.principal-linked", targetType: "team", targetId: team.id, after: { principal: row.principal } });
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw conflict("That principal is taken.", { principal: `${input.principal} is already linked to a team.` });
    }
    throw e;
  }
}

/** Unlinks a principal that holds no grant (its ACLs would otherwise be orphaned). */
export async function unlinkPrincipal(viewer: Viewer, input: { teamId: string; principalId: string }): Promise<void> {
  assertCan(viewer, { permission: "manage:organisation" });
  await db.$transaction(async (tx) => {
    const row = await tx.kafkaPrincipal.findFirst({ where: { id: input.principalId, teamId: input.teamId }, include: { _count: { select: { grants: true, connectors: true } } } });
    if (!row) throw notFound("Principal");
    if (row._count.grants > 0) throw invalid(`${row.principal} holds grants; it stays linked so their ACLs stay managed.`);
    if (row._count.connectors > 0) throw invalid(`${row.principal} runs connectors; delete them first.`);
    await tx.kafkaPrincipal.delete({ where: { id: row.id } });
    await recordAudit(tx, { actor: viewer, action: "team.principal-unlinked", targetType: "team", targetId: input.teamId, before: { principal: row.principal } });
  });
}
