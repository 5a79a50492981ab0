import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { notFound } from "@/lib/errors";
import { loadLineageFacts } from "./facts";
import { around, buildLineage, reachable, type LineageGraph, type Reached } from "./graph";

/** The whole mesh's lineage, as far as the viewer may see products (drafts of other teams are left out). */
export async function meshLineage(viewer: Viewer): Promise<LineageGraph> {
  return buildLineage(await loadLineageFacts(viewer));
}

export type ProductLineage = { product: { id: string; slug: string; name: string; ownerTeamId: string; lifecycle: string }; graph: LineageGraph; upstream: Reached[]; downstream: Reached[] };

/** A product's lineage: what it is built from, and everything downstream of it (its impact), direct and transitive. */
export async function productLineageGraph(viewer: Viewer, slug: string): Promise<ProductLineage> {
  const product = await db.dataProduct.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, ownerTeamId: true, lifecycle: true } });
  if (!product) throw notFound("Data product");
  assertCan(viewer, { permission: "read:data-product", product });
  const graph = buildLineage(await loadLineageFacts(viewer));
  const id = `product:${product.id}`;
  return {
    product,
    graph: around(graph, id),
    upstream: reachable(graph, id, "up"),
    downstream: reachable(graph, id, "down"),
  };
}

/** What depends on a product, transitively: for the schema-change and retirement flows. */
export async function productImpact(viewer: Viewer, productId: string): Promise<Reached[]> {
  return reachable(buildLineage(await loadLineageFacts(viewer)), `product:${productId}`, "down");
}
