import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getPublishContext } from "@/lib/contracts";
import { DomainError } from "@/lib/errors";
import { Badge } from "@/components/ui/badge";
import { PortPageHeader } from "@/components/contracts/port-page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CompatibilitySetting } from "@/components/contracts/compatibility-setting";
import { PublishVersion } from "@/components/contracts/publish-version";
import { ImpactSummary } from "@/components/lineage/impact-summary";
import { productImpact } from "@/lib/lineage";
import { previewSchemaVersionAction, publishSchemaVersionAction, setCompatibilityAction, startMajorVersionAction } from "../actions";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Publish a schema version" };

type Params = { params: Promise<{ slug: string; portId: string }> };

async function PublishPage({ params }: Params) {
  const { slug, portId } = await params;
  const viewer = await requireViewer(`/products/${encodeURIComponent(slug)}/ports/${encodeURIComponent(portId)}/publish`);
  let ctx;
  try {
    ctx = await getPublishContext(viewer, slug, portId);
  } catch (e) {
    // Not an owner: as if the page did not exist.
    if (e instanceof DomainError && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
    throw e;
  }
  const { product, port } = ctx;
  return (
    <div className="space-y-6">
      <PortPageHeader product={product} port={port} title="Publish a new schema version of">
        {ctx.currentVersion ? <>Current: version {ctx.currentVersion}</> : "No schema yet"}
        <Badge tone="indigo">{port.compatibility}</Badge>
        <Link href={`/products/${product.slug}/ports/${port.id}/versions`} className="text-indigo-700 hover:underline">
          All versions
        </Link>
      </PortPageHeader>
      <Card>
        <CardHeader title="Compatibility mode" description="The Schema Registry enforces it on every registration; Meshport sets it on the subject explicitly." />
        <CardBody>
          <CompatibilitySetting outputPortId={port.id} current={port.compatibility} submit={setCompatibilityAction} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="New version" description="Nothing is stored until you publish; an incompatible version is refused." />
        <CardBody>
          <PublishVersion
            outputPortId={port.id}
            productSlug={product.slug}
            initialSchema={ctx.currentText}
            format={ctx.format}
            nextTopic={ctx.nextTopic}
            preview={previewSchemaVersionAction}
            publish={publishSchemaVersionAction}
            startMajor={startMajorVersionAction}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Who a change reaches" description="Everything downstream of this product, direct and transitive: tell them before a breaking change." />
        <CardBody>
          <ImpactSummary slug={product.slug} impact={await productImpact(viewer, product.id)} />
        </CardBody>
      </Card>
    </div>
  );
}
export default outageAware(PublishPage);
