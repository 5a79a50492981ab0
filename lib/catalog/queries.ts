import "server-only";
import { db, type Prisma } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth";
import { notFound } from "@/lib/errors";
import { visibleProductsWhere } from "./visibility";

export const PAGE_SIZE = 20;

export type CatalogQuery = { q?: string; domain?: string; page?: number };

/** The catalog page: visible products matching a simple text query, newest first. */
export async function listCatalog(viewer: Viewer, query: CatalogQuery) {
  const q = query.q?.trim();
  const where: Prisma.DataProductWhereInput = {
    AND: [
      visibleProductsWhere(viewer),
      query.domain ? { domain: { slug: query.domain } } : {},
      q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" } },
              { description: { contains: q, mode: "insensitive" } },
              { tags: { has: q.toLowerCase() } },
              { domain: { name: { contains: q, mode: "insensitive" } } },
              { ownerTeam: { name: { contains: q, mode: "insensitive" } } },
            ],
          }
        : {},
    ],
  };
  const page = Math.max(1, query.page ?? 1);
  const [total, products, domains] = await Promise.all([
    db.dataProduct.count({ where }),
    db.dataProduct.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: {
        domain: { select: { slug: true, name: true } },
        ownerTeam: { select: { slug: true, name: true } },
        _count: { select: { grants: { where: { kind: "CONSUME", status: "ACTIVE" } } } },
      },
    }),
    db.domain.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  return { total, page, pageSize: PAGE_SIZE, products, domains };
}

/** Everything the product page shows from the database. Not visible → NOT_FOUND, as if it did not exist. */
export async function getDataProduct(viewer: Viewer, slug: string) {
  const product = await db.dataProduct.findFirst({
    where: { AND: [{ slug }, visibleProductsWhere(viewer)] },
    include: {
      domain: true,
      ownerTeam: {
        include: {
          memberships: { where: { role: "MAINTAINER" }, include: { user: { select: { name: true, email: true } } } },
        },
      },
      outputPorts: {
        orderBy: { name: "asc" },
        include: { schemaVersions: { orderBy: { version: "desc" } } },
      },
      grants: {
        where: { kind: "CONSUME", status: "ACTIVE" },
        include: { team: { select: { id: true, name: true, slug: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!product) throw notFound("Data product");

  // Consumers: one row per team, even when a product has several ports.
  const consumers = [...new Map(product.grants.map((g) => [g.team.id, { team: g.team, until: g.validUntil }])).values()];

  const requestableTeams = viewer.memberships.filter((m) =>
    can(viewer, { permission: "request:access", product, consumerTeamId: m.teamId }),
  );

  return { product, consumers, requestableTeams };
}
