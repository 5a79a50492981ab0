import "server-only";
import { db, type Tx } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { checkDeprecation, checkPublish } from "@/lib/governance";
import { notify, teamMemberIds } from "@/lib/notifications";
import { conflict, invalid, notFound } from "@/lib/errors";

// A product's life, draft → active → deprecated (retired: retire.ts). Each transition is authorized by
// `change:product-lifecycle` (lib/auth), judged by lib/governance/lifecycle.ts, and written with its
// audit event (before → after) in one transaction, conditional on the row being unchanged since it was read.

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** DRAFT → ACTIVE: the product appears in everyone's catalog and takes access requests. */
export async function publishProduct(viewer: Viewer, input: { productId: string }): Promise<{ lifecycle: "ACTIVE" }> {
  const product = await db.dataProduct.findUnique({ where: { id: input.productId }, include: { _count: { select: { outputPorts: true } } } });
  if (!product) throw notFound("Data product");
  assertCan(viewer, { permission: "change:product-lifecycle", product, transition: "publish" });
  const refused = checkPublish({ lifecycle: product.lifecycle, ports: product._count.outputPorts });
  if (refused.form) throw invalid(refused.form);
  await db.$transaction(async (tx) => {
    await transition(tx, product, { lifecycle: "ACTIVE" });
    await recordAudit(tx, { actor: viewer, action: "data-product.published", targetType: "data-product", targetId: product.id, before: { lifecycle: product.lifecycle }, after: { lifecycle: "ACTIVE" } });
  });
  return { lifecycle: "ACTIVE" };
}

/**
 * ACTIVE → DEPRECATED with a sunset date in the future and, optionally, a successor product. Every member
 * of each team with an active grant on the product is told, in the same transaction.
 */
export async function deprecateProduct(
  viewer: Viewer,
  input: { productId: string; sunsetDate: string; successorSlug: string },
): Promise<{ lifecycle: "DEPRECATED"; sunsetAt: string; notified: number }> {
  const product = await db.dataProduct.findUnique({ where: { id: input.productId } });
  if (!product) throw notFound("Data product");
  assertCan(viewer, { permission: "change:product-lifecycle", product, transition: "deprecate" });
  const successor = input.successorSlug
    ? await db.dataProduct.findUnique({ where: { slug: input.successorSlug }, select: { id: true, slug: true, name: true, lifecycle: true } })
    : null;
  if (input.successorSlug && !successor) throw invalid("The successor was not found.", { successorSlug: `There is no data product “${input.successorSlug}”.` });
  // The end of the sunset day (UTC): consumers keep it for the whole day they were told.
  const sunsetAt = new Date(`${input.sunsetDate}T23:59:59.999Z`);
  const refused = checkDeprecation({ lifecycle: product.lifecycle, sunsetAt: new Date(`${input.sunsetDate}T00:00:00Z`), successor, productId: product.id, currentSunsetAt: product.sunsetAt }, new Date());
  if (Object.keys(refused).length > 0) throw invalid(refused.form ?? "The deprecation needs attention.", refused);

  const now = new Date();
  const notified = await db.$transaction(async (tx) => {
    await transition(tx, product, { lifecycle: "DEPRECATED", deprecatedAt: now, sunsetAt, successorProductId: successor?.id ?? null });
    await recordAudit(tx, {
      actor: viewer,
      action: "data-product.deprecated",
      targetType: "data-product",
      targetId: product.id,
      before: { lifecycle: product.lifecycle, sunsetAt: day(product.sunsetAt), successor: null },
      after: { lifecycle: "DEPRECATED", sunsetAt: input.sunsetDate, successor: successor?.slug ?? null },
    });
    const consumers = await tx.grant.findMany({ where: { dataProductId: product.id, kind: "CONSUME", status: "ACTIVE" }, select: { teamId: true }, distinct: ["teamId"] });
    return notify(tx, await teamMemberIds(tx, consumers.map((c) => c.teamId)), {
      kind: "data-product.deprecated",
      title: `${product.name} is deprecated: sunset on ${input.sunsetDate}`,
      body: successor
        ? `Move to ${successor.name} before ${input.sunsetDate}; after the sunset the product is retired and its topics deleted.`
        : `Plan to stop reading it before ${input.sunsetDate}; after the sunset the product is retired and its topics deleted.`,
      href: `/products/${product.slug}`,
    });
  });
  return { lifecycle: "DEPRECATED", sunsetAt: input.sunsetDate, notified };
}

/** Writes the new state only if the product is as it was read; else someone else changed it meanwhile. */
export async function transition(tx: Tx, product: { id: string; updatedAt: Date; lifecycle: string }, data: Record<string, unknown>): Promise<void> {
  const { count } = await tx.dataProduct.updateMany({ where: { id: product.id, updatedAt: product.updatedAt, lifecycle: product.lifecycle as "ACTIVE" }, data });
  if (count === 0) throw conflict("Someone changed this product meanwhile. Reload the page and try again.");
}
