import type { Prisma } from "@/lib/db";
import { teamIds, type Viewer } from "@/lib/auth/viewer";

/** The products a viewer may see: published ones, plus their own teams' drafts. Mirrors `read:data-product`. */
export function visibleProductsWhere(viewer: Viewer): Prisma.DataProductWhereInput {
  if (viewer.isPlatformAdmin) return {};
  return { OR: [{ lifecycle: { not: "DRAFT" } }, { ownerTeamId: { in: teamIds(viewer) } }] };
}
