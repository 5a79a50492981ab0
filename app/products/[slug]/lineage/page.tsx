import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewerAccess } from "@/lib/access";
import { can } from "@/lib/auth";
import { requireViewer } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { productLineageGraph } from "@/lib/lineage";
import { ProductTabs } from "@/components/dashboard/product-tabs";
import { LineageDrawing } from "@/components/lineage/lineage-drawing";
import { ReachedList } from "@/components/lineage/lineage-lists";
import { toDrawing } from "@/components/lineage/to-drawing";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { outageAware, outageAwareMetadata } from "@/components/layout/outage-aware";

type Params = { params: Promise<{ slug: string }> };

const load = cache(async (slug: string) => {
  const viewer = await requireViewer(`/products/${encodeURIComponent(slug)}/lineage`);
  try {
    const lineage = await productLineageGraph(viewer, slug);
    const access = await getViewerAccess(viewer, lineage.product);
    return { ...lineage, showHealth: can(viewer, { permission: "read:product-health", product: lineage.product }) || access.state === "active" };
  } catch (e) {
    if (e instanceof DomainError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
    throw e;
  }
});

async function metadataOf({ params }: Params): Promise<Metadata> {
  return { title: `Lineage of ${(await load((await params).slug)).product.name}` };
}

async function ProductLineagePage({ params }: Params) {
  const { product, graph, upstream, downstream, showHealth } = await load((await params).slug);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href={`/products/${product.slug}`} className="hover:underline">{product.name}</Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Lineage of {product.name}</h1>
        <p className="mt-1 text-sm text-slate-600">What it is built from, and everything that depends on it. <Link href="/lineage" className="font-medium text-indigo-700 hover:underline">The whole mesh</Link></p>
      </div>
      <ProductTabs slug={product.slug} current="lineage" health={showHealth} />
      <LineageDrawing {...toDrawing(graph)} focusId={`product:${product.id}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Upstream" description="What it is built from." />
          <CardBody>
            <ReachedList label="Upstream" items={upstream} empty="Nothing upstream: it declares no input port." />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Downstream (impact)" description="Everything a change or retirement of this product reaches, direct and transitive." />
          <CardBody>
            <ReachedList label="Downstream" items={downstream} empty="Nothing downstream yet." />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}

export const generateMetadata = outageAwareMetadata(metadataOf);
export default outageAware(ProductLineagePage);
