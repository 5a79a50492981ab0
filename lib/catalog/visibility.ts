import { Prisma } from "@/lib/db/generated/client";
import { foldCondition, type Condition } from "@/lib/auth/conditions";
import { productVisibleTo, scopeOf, type ProductLeaf, type VisibilityScope } from "@/lib/auth/visibility";
import type { Viewer } from "@/lib/auth/viewer";

// The product visibility rule of lib/auth/visibility.ts (the one `read:data-product` checks in memory), read
// as a Prisma filter and as a SQL fragment over "DataProduct" p. tests/integration/visibility-rules.test.ts
// checks that all three readings select the same products.

export function conditionWhere(c: Condition<ProductLeaf>): Prisma.DataProductWhereInput {
  return foldCondition<ProductLeaf, Prisma.DataProductWhereInput>(c, {
    constant: (v) => (v ? {} : { id: { in: [] } }),
    anyOf: (parts) => ({ OR: parts }),
    allOf: (parts) => ({ AND: parts }),
    leaf: (leaf) => (leaf.kind === "published" ? { lifecycle: { not: "DRAFT" } } : { ownerTeamId: { in: leaf.teamIds } }),
  });
}

/** Over the alias p; the same text the search was tuned with (decisions 0015-0026). Values are bind parameters. */
export function conditionSql(c: Condition<ProductLeaf>): Prisma.Sql {
  return foldCondition<ProductLeaf, Prisma.Sql>(c, {
    constant: (v) => (v ? Prisma.sql`TRUE` : Prisma.sql`FALSE`),
    anyOf: (parts) => Prisma.sql`(${Prisma.join(parts, " OR ")})`,
    allOf: (parts) => Prisma.sql`(${Prisma.join(parts, " AND ")})`,
    leaf: (leaf) => (leaf.kind === "published" ? Prisma.sql`p."lifecycle" <> 'DRAFT'` : Prisma.sql`p."ownerTeamId" = ANY(${leaf.teamIds}::text[])`),
  });
}

/** The products a viewer may see, as a Prisma filter. */
export function visibleProductsWhere(viewer: Viewer): Prisma.DataProductWhereInput {
  return conditionWhere(productVisibleTo(scopeOf(viewer)));
}

/** The products a search scope may see, as SQL over "DataProduct" p. */
export function visibleProductsSql(scope: VisibilityScope): Prisma.Sql {
  return conditionSql(productVisibleTo(scope));
}
