import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { checkProductMetadata, loadPolicies } from "@/lib/governance";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { EditDataProduct } from "./schemas";

const FIELDS = ["name", "description", "classification", "containsPii", "tags", "freshnessSlaMinutes"] as const;
type Field = (typeof FIELDS)[number];

/**
 * Changes a product's metadata under the same policies as creation. Only the fields that differ are
 * written and audited (before → after); a change made by someone else since the form was loaded is
 * not overwritten silently (the update is conditional on the row being unchanged since it was read).
 */
export async function editDataProduct(viewer: Viewer, input: EditDataProduct): Promise<{ changed: Field[] }> {
  const product = await db.dataProduct.findUnique({ where: { id: input.productId } });
  if (!product) throw notFound("Data product");
  assertCan(viewer, { permission: "edit:data-product", product });

  const violations = checkProductMetadata(input, await loadPolicies());
  if (Object.keys(violations).length > 0) throw invalid("The product does not meet the organisation's policies.", violations);

  const changed = FIELDS.filter((f) => JSON.stringify(product[f]) !== JSON.stringify(input[f]));
  if (changed.length === 0) return { changed };
  const pick = (source: Record<Field, unknown>) => Object.fromEntries(changed.map((f) => [f, source[f]]));

  await db.$transaction(async (tx) => {
    const { count } = await tx.dataProduct.updateMany({
      where: { id: product.id, updatedAt: product.updatedAt },
      data: Object.fromEntries(changed.map((f) => [f, input[f]])),
    });
    if (count === 0) throw conflict("Someone changed this product meanwhile. Reload the page and make your change again.");
    await recordAudit(tx, {
      actor: viewer,
      action: "data-product.updated",
      targetType: "data-product",
      targetId: product.id,
      before: pick(product),
      after: pick(input),
    });
  });
  return { changed };
}
