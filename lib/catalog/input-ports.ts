import "server-only";
import { db } from "@/lib/db";
import { assertCan, can, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { invalid, notFound } from "@/lib/errors";

// Input ports: the upstream products a product declares it is built from ("Built from" / "Used by").
// Lineage reads these rows; docs/decisions/0052.

/**
 * Replaces a product's input ports with the products named by `upstream` (identifiers). Each must be one
 * the viewer can see, not retired, not the product itself, and not built (directly or not) from it.
 * The change and its audit event (before → after, as identifiers) are one transaction.
 */
export async function setInputPorts(viewer: Viewer, input: { productId: string; upstream: string[] }): Promise<{ upstream: string[] }> {
  const product = await db.dataProduct.findUnique({
    where: { id: input.productId },
    include: { inputPorts: { include: { upstreamProduct: { select: { slug: true } } } } },
  });
  if (!product) throw notFound("Data product");
  assertCan(viewer, { permission: "edit:data-product", product });

  const found = await db.dataProduct.findMany({ where: { slug: { in: input.upstream } }, select: { id: true, slug: true, name: true, lifecycle: true, ownerTeamId: true } });
  const bySlug = new Map(found.filter((p) => can(viewer, { permission: "read:data-product", product: p })).map((p) => [p.slug, p]));
  const problem = input.upstream
    .map((slug) => {
      const p = bySlug.get(slug);
      if (!p) return `There is no data product “${slug}”.`;
      if (p.id === product.id) return "A product cannot be built from itself.";
      if (p.lifecycle === "RETIRED") return `${p.name} is retired: nothing can be built from it.`;
      return null;
    })
    .find(Boolean);
  if (problem) throw invalid("Some upstream products cannot be used.", { upstream: problem });
  const cycle = await buildsOn(input.upstream.map((s) => bySlug.get(s)!.id), product.id);
  if (cycle) throw invalid("That would make a cycle.", { upstream: `${cycle} is built from this product, directly or through others.` });

  const before = product.inputPorts.map((i) => i.upstreamProduct.slug).sort();
  const after = [...input.upstream].sort();
  if (JSON.stringify(before) === JSON.stringify(after)) return { upstream: after };
  const ids = after.map((s) => bySlug.get(s)!.id);
  await db.$transaction(async (tx) => {
    await tx.inputPort.deleteMany({ where: { dataProductId: product.id, upstreamProductId: { notIn: ids } } });
    await tx.inputPort.createMany({ data: ids.map((upstreamProductId) => ({ dataProductId: product.id, upstreamProductId })), skipDuplicates: true });
    await recordAudit(tx, { actor: viewer, action: "data-product.input-ports-changed", targetType: "data-product", targetId: product.id, before: { builtFrom: before }, after: { builtFrom: after } });
  });
  return { upstream: after };
}

/** The name of the first of `from` that is `target` or is built from it (walking input ports upstream). */
async function buildsOn(from: string[], target: string): Promise<string | null> {
  for (const start of from) {
    const seen = new Set<string>();
    let frontier = [start];
    while (frontier.length > 0) {
      if (frontier.includes(target)) return (await db.dataProduct.findUniqueOrThrow({ where: { id: start }, select: { name: true } })).name;
      frontier.forEach((id) => seen.add(id));
      const next = await db.inputPort.findMany({ where: { dataProductId: { in: frontier } }, select: { upstreamProductId: true } });
      frontier = next.map((n) => n.upstreamProductId).filter((id) => !seen.has(id));
    }
  }
  return null;
}

/** A product's "Built from" and "Used by", limited to the products the viewer can see. */
export async function productLineage(viewer: Viewer, productId: string) {
  const select = { slug: true, name: true, lifecycle: true, ownerTeamId: true, sunsetAt: true } as const;
  const [builtFrom, usedBy] = await Promise.all([
    db.inputPort.findMany({ where: { dataProductId: productId }, select: { upstreamProduct: { select } }, orderBy: { createdAt: "asc" } }),
    db.inputPort.findMany({ where: { upstreamProductId: productId }, select: { dataProduct: { select } }, orderBy: { createdAt: "asc" } }),
  ]);
  const visible = <T extends { lifecycle: string; ownerTeamId: string }>(p: T) => can(viewer, { permission: "read:data-product", product: p });
  return {
    builtFrom: builtFrom.map((r) => r.upstreamProduct).filter(visible),
    usedBy: usedBy.map((r) => r.dataProduct).filter(visible),
  };
}
