import "server-only";
import { db } from "@/lib/db";
import { can, type Viewer } from "@/lib/auth";
import { notFound } from "@/lib/errors";
import { visibleProductsWhere } from "./visibility";
import { productSlug } from "./schemas";

/** Everything the product page shows from the database. Not visible → NOT_FOUND, as if it did not exist. */
export async function getDataProduct(viewer: Viewer, slug: string) {
  // The slug comes from the URL: one that no product could have names none (and NUL would fail the query).
  if (!productSlug.safeParse(slug).success) throw notFound("Data product");
  const product = await db.dataProduct.findFirst({
    where: { AND: [{ slug }, visibleProductsWhere(viewer)] },
    include: {
      domain: true,
      successor: { select: { slug: true, name: true } },
      ownerTeam: {
        include: {
          memberships: {
            where: { role: "MAINTAINER" },
            include: { user: { select: { name: true, email: true } } },
            orderBy: { createdAt: "asc" },
          },
          topicPrefixes: { select: { prefix: true }, orderBy: { prefix: "asc" } },
        },
      },
      outputPorts: {
        orderBy: { name: "asc" },
        include: { schemaVersions: { where: { part: "VALUE" }, orderBy: { version: "desc" } } },
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
