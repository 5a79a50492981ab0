import "server-only";
import { db } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth";
import { allowedTopicPrefixes, loadPolicies } from "@/lib/governance";

/** What the "new data product" form offers this viewer. */
export async function creationOptions(viewer: Viewer) {
  const teamIds = viewer.isPlatformAdmin
    ? undefined
    : viewer.memberships.filter((m) => can(viewer, { permission: "create:data-product", ownerTeamId: m.teamId })).map((m) => m.teamId);
  const [teams, policies] = await Promise.all([
    db.team.findMany({
      where: teamIds ? { id: { in: teamIds } } : {},
      orderBy: { name: "asc" },
      select: { id: true, name: true, domain: { select: { slug: true, name: true } }, topicPrefixes: { select: { prefix: true }, orderBy: { prefix: "asc" } } },
    }),
    loadPolicies(),
  ]);
  return {
    teams: teams.map(({ topicPrefixes, ...t }) => ({ ...t, topicPrefixes: allowedTopicPrefixes(topicPrefixes.map((p) => p.prefix), t.domain.slug) })),
    policies,
  };
}
