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
