import { loadViewer, type Viewer } from "@/lib/auth";
import { db } from "@/lib/db";

/** A seeded demo user (scripts/seed/demo-mesh.ts) as the domain sees them. */
export async function viewerByEmail(email: string): Promise<Viewer> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const viewer = await loadViewer(user.id);
  if (!viewer) throw new Error(`no viewer for ${email}`);
  return viewer;
}

export async function teamId(slug: string): Promise<string> {
  return (await db.team.findUniqueOrThrow({ where: { slug } })).id;
}

export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Makes the user an owner of the domain (idempotent). */
export async function makeDomainOwner(domainSlug: string, email: string): Promise<void> {
  const [domain, user] = await Promise.all([
    db.domain.findUniqueOrThrow({ where: { slug: domainSlug } }),
    db.user.findUniqueOrThrow({ where: { email } }),
  ]);
  await db.domainOwner.upsert({
    where: { domainId_userId: { domainId: domain.id, userId: user.id } },
    update: {},
    create: { domainId: domain.id, userId: user.id },
  });
}

/**
 * A new team in the payments domain with its own Kafka principal (no grants anywhere yet), and the user as its
 * member: for tests about one principal's ACLs that the demo seed's grants must not blur. Returns the reloaded viewer.
 */
export async function newTeamWithMember(email: string): Promise<{ teamId: string; principal: string; viewer: Viewer }> {
  const slug = unique("it-team");
  const [domain, user] = await Promise.all([db.domain.findUniqueOrThrow({ where: { slug: "payments" } }), db.user.findUniqueOrThrow({ where: { email } })]);
  const team = await db.team.create({
    data: {
      slug,
      name: `Team ${slug}`,
      domainId: domain.id,
      principals: { create: { principal: `User:${slug}` } },
      memberships: { create: { userId: user.id, role: "MAINTAINER" } },
    },
  });
  return { teamId: team.id, principal: `User:${slug}`, viewer: await viewerByEmail(email) };
}
