// Who may see a data product, written once (issue 11). lib/auth/permissions.ts checks it in memory,
// lib/catalog/visibility.ts turns the same condition into a Prisma filter and into the catalog search's SQL.
import { matches, type Condition } from "./conditions";
import { teamIds, type Viewer } from "./viewer";

/** What visibility depends on: platform admin or not, and the viewer's teams. Search loads this in SQL. */
export type VisibilityScope = { isPlatformAdmin: boolean; teamIds: string[] };

export type ProductLeaf =
  /** The product is out of draft (active, deprecated or retired). */
  | { kind: "published" }
  /** One of these teams owns the product. */
  | { kind: "ownedBy"; teamIds: string[] };

export type ProductFacts = { lifecycle: string; ownerTeamId: string };

export const scopeOf = (viewer: Viewer): VisibilityScope => ({ isPlatformAdmin: viewer.isPlatformAdmin, teamIds: teamIds(viewer) });

/** Published products, plus the viewer's own teams' drafts; platform admins see everything. */
export function productVisibleTo(scope: VisibilityScope): Condition<ProductLeaf> {
  if (scope.isPlatformAdmin) return true;
  return { anyOf: [{ leaf: { kind: "published" } }, { leaf: { kind: "ownedBy", teamIds: scope.teamIds } }] };
}

/** What each leaf means for a product held in memory. */
export function productLeafMatches(leaf: ProductLeaf, p: ProductFacts): boolean {
  return leaf.kind === "published" ? p.lifecycle !== "DRAFT" : leaf.teamIds.includes(p.ownerTeamId);
}

export function canSeeProduct(scope: VisibilityScope, product: ProductFacts): boolean {
  return matches(productVisibleTo(scope), product, productLeafMatches);
}
