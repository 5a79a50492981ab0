import "server-only";
import { db } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth";
import { notFound } from "@/lib/errors";

/** Domains and teams with their prefixes, principals and counts: the admin page and the teams directory. */
export async function listOrganisation() {
  const [domains, teams] = await Promise.all([
    db.domain.findMany({ orderBy: { name: "asc" }, include: { owners: { include: { user: { select: { name: true, email: true } } } } } }),
    db.team.findMany({
      orderBy: { name: "asc" },
      include: {
        domain: { select: { name: true, slug: true } },
        topicPrefixes: { orderBy: { prefix: "asc" } },
        principals: { orderBy: { createdAt: "asc" } },
        _count: { select: { memberships: true, products: true } },
      },
    }),
  ]);
  return { domains, teams };
}

/** A team's page: its members, prefixes and principals, with what the viewer may change. */
export async function getTeam(viewer: Viewer, slug: string) {
  const team = await db.team.findUnique({
    where: { slug },
    include: {
      domain: { select: { name: true, slug: true } },
      topicPrefixes: { orderBy: { prefix: "asc" } },
      principals: { orderBy: { createdAt: "asc" } },
      memberships: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: [{ role: "asc" }, { createdAt: "asc" }] },
      products: { orderBy: { name: "asc" }, select: { slug: true, name: true, lifecycle: true } },
    },
  });
  if (!team) throw notFound("Team");
  return {
    team,
    canManageMembers: can(viewer, { permission: "manage:team-members", teamId: team.id }),
    canManageOrganisation: can(viewer, { permission: "manage:organisation" }),
  };
}
