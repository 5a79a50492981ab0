import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan, type TeamRole, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { conflict, invalid, notFound } from "@/lib/errors";
import { usersByEmail } from "./domains";

// Platform admins and the team's own maintainers manage its members (permission manage:team-members).

async function teamName(tx: Tx, teamId: string): Promise<string> {
  const team = await tx.team.findUnique({ where: { id: teamId }, select: { name: true } });
  if (!team) throw notFound("Team");
  return team.name;
}

/** A team always keeps a maintainer: someone must be able to decide its access requests. */
async function assertKeepsAMaintainer(tx: Tx, teamId: string, leavingUserId: string): Promise<void> {
  const others = await tx.membership.count({ where: { teamId, role: "MAINTAINER", userId: { not: leavingUserId } } });
  if (others === 0) throw invalid("A team needs at least one maintainer: make someone else maintainer first.");
}

export async function addMember(viewer: Viewer, input: { teamId: string; email: string; role: TeamRole }): Promise<void> {
  assertCan(viewer, { permission: "manage:team-members", teamId: input.teamId });
  await db.$transaction(async (tx) => {
    const name = await teamName(tx, input.teamId);
    const [user] = await usersByEmail(tx, [input.email], "email");
    if (!user) throw notFound("User");
    const existing = await tx.membership.findUnique({ where: { userId_teamId: { userId: user.id, teamId: input.teamId } } });
    if (existing) throw conflict("Already a member.", { email: `${input.email} is already in ${name}.` });
    await tx.membership.create({ data: { userId: user.id, teamId: input.teamId, role: input.role } });
    await recordAudit(tx, { actor: viewer, action: "team.member-added", targetType: "team", targetId: input.teamId, after: { email: input.email, role: input.role } });
  });
}

export async function setMemberRole(viewer: Viewer, input: { teamId: string; userId: string; role: TeamRole }): Promise<void> {
  assertCan(viewer, { permission: "manage:team-members", teamId: input.teamId });
  await db.$transaction(async (tx) => {
    const m = await tx.membership.findUnique({ where: { userId_teamId: { userId: input.userId, teamId: input.teamId } }, include: { user: { select: { email: true } } } });
    if (!m) throw notFound("Membership");
    if (m.role === input.role) return;
    if (m.role === "MAINTAINER") await assertKeepsAMaintainer(tx, input.teamId, input.userId);
    await tx.membership.update({ where: { userId_teamId: { userId: input.userId, teamId: input.teamId } }, data: { role: input.role } });
    await recordAudit(tx, {
      actor: viewer,
      action: "team.member-role-changed",
      targetType: "team",
      targetId: input.teamId,
      before: { email: m.user.email, role: m.role },
      after: { email: m.user.email, role: input.role },
    });
  });
}

export async function removeMember(viewer: Viewer, input: { teamId: string; userId: string }): Promise<void> {
  assertCan(viewer, { permission: "manage:team-members", teamId: input.teamId });
  await db.$transaction(async (tx) => {
    const m = await tx.membership.findUnique({ where: { userId_teamId: { userId: input.userId, teamId: input.teamId } }, include: { user: { select: { email: true } } } });
    if (!m) throw notFound("Membership");
    if (m.role === "MAINTAINER") await assertKeepsAMaintainer(tx, input.teamId, input.userId);
    await tx.membership.delete({ where: { userId_teamId: { userId: input.userId, teamId: input.teamId } } });
    await recordAudit(tx, { actor: viewer, action: "team.member-removed", targetType: "team", targetId: input.teamId, before: { email: m.user.email, role: m.role } });
  });
}
