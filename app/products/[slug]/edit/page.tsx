import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth";
import { requireViewer } from "@/lib/auth/session";
import { getDataProduct, productLineage } from "@/lib/catalog";
import { loadPolicies } from "@/lib/governance";
import { DomainError } from "@/lib/errors";
import { EditProductForm } from "@/components/products/edit-product-form";
import { InputPortsForm } from "@/components/products/input-ports-form";
import { editDataProductAction, setInputPortsAction } from "./actions";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Edit data product" };

async function EditProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const viewer = await requireViewer(`/products/${encodeURIComponent(slug)}/edit`);
  const { product } = await getDataProduct(viewer, slug).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  if (!can(viewer, { permission: "edit:data-product", product })) notFound();
  const [policies, lineage] = await Promise.all([loadPolicies(), productLineage(viewer, product.id)]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Edit {product.name}</h1>
        <p className="mt-1 text-sm text-slate-600">Checked against the organisation&apos;s policies as you type; every change is audited.</p>
      </div>
      <EditProductForm
        slug={product.slug}
        policies={policies}
        submit={editDataProductAction}
        current={{
          productId: product.id,
          name: product.name,
          description: product.description,
          classification: product.classification,
          containsPii: product.containsPii,
          tags: product.tags.join(", "),
          freshnessSlaMinutes: product.freshnessSlaMinutes ?? "",
        }}
      />
      <InputPortsForm productId={product.id} slug={product.slug} current={lineage.builtFrom.map((p) => p.slug)} submit={setInputPortsAction} />
    </div>
  );
}
export default outageAware(EditProductPage);
