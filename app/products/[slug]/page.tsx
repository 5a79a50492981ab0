import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { can } from "@/lib/auth";
import { requireViewer } from "@/lib/auth/session";
import { connectionSettings, getDataProduct, productLineage } from "@/lib/catalog";
import { getViewerAccess } from "@/lib/access";
import { accessClosedReason, allowedTopicPrefixes, latestAccessUntil, loadPolicies } from "@/lib/governance";
import { DomainError } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { LiveTopic } from "@/components/products/live-topic";
import { RequestAccess, type AccessState } from "@/components/products/request-access";
import { Consumers } from "@/components/access/consumers";
import { SchemaViewer, SchemaVersions } from "@/components/products/schema-viewer";
import { ConnectionSnippets } from "@/components/products/connection-snippets";
import { PortContractLine, PortDeprecation } from "@/components/contracts/port-contract";
import { Conformance } from "@/components/contracts/conformance";
import { SampleData } from "@/components/contracts/sample-data";
import { ProductContract } from "@/components/contracts/product-contract";
import { ProductTabs } from "@/components/dashboard/product-tabs";
import { classificationTone, lifecycleTone, title } from "@/components/catalog/labels";
import {
  addOutputPortAction,
  cancelAccessRequestAction,
  changeTopicConfigAction,
  deprecateProductAction,
  publishProductAction,
  requestAccessAction,
  retireProductAction,
  retryOutputPortAction,
  setPortContractAction,
  setProductContractAction,
} from "./actions";
import { LifecycleBanner } from "@/components/lifecycle/lifecycle-banner";
import { LifecycleCard } from "@/components/lifecycle/lifecycle-card";
import { ImpactSummary } from "@/components/lineage/impact-summary";
import { productImpact } from "@/lib/lineage";
import { AddOutputPortForm } from "@/components/products/add-output-port-form";
import { LineageLinks } from "@/components/products/lineage-links";
import { ActionButton } from "@/components/forms/action-button";
import { TopicConfigForm } from "@/components/products/topic-config-form";
import { outageAware, outageAwareMetadata } from "@/components/layout/outage-aware";

type Params = { params: Promise<{ slug: string }> };

// cache: generateMetadata and the page share one load per request.
const load = cache(async (slug: string) => {
  const viewer = await requireViewer(`/products/${encodeURIComponent(slug)}`);
  try {
    const page = await getDataProduct(viewer, slug);
    return { ...page, access: await getViewerAccess(viewer, page.product) };
  } catch (e) {
    if (e instanceof DomainError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});

async function metadataOf({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const { product } = await load(slug);
  return { title: product.name };
}

async function ProductPage({ params }: Params) {
  const { slug } = await params;
  const viewer = await requireViewer(`/products/${encodeURIComponent(slug)}`);
  const [{ product, access, requestableTeams }, policies, connection] = await Promise.all([
    load(slug),
    loadPolicies(),
    connectionSettings(viewer),
  ]);
  const lineage = await productLineage(viewer, product.id);
  const snippetUser = connection.principals[0];
  const now = new Date();
  const maxUntil = latestAccessUntil(now, policies).toISOString().slice(0, 10);
  const defaultUntil = new Date(Math.min(now.getTime() + 90 * 86_400_000, Date.parse(maxUntil))).toISOString().slice(0, 10);
  const accessState: AccessState =
    access.state === "active"
      ? { ...access, until: access.until?.toISOString() ?? null }
      : access.state === "pending"
        ? { ...access, createdAt: access.createdAt.toISOString() }
        : access;
  const maintainers = product.ownerTeam.memberships.map((m) => m.user);
  const owner = can(viewer, { permission: "manage:contract", product });
  const canEdit = can(viewer, { permission: "edit:data-product", product });
  const runsLifecycle = can(viewer, { permission: "change:product-lifecycle", product, transition: "deprecate" });

  return (
    <article className="space-y-6">
      <header className="space-y-3">
        <p className="text-sm text-slate-500">
          {product.domain.name} domain · owned by <span className="font-medium text-slate-700">{product.ownerTeam.name}</span>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-semibold tracking-tight">{product.name}</h1>
          <Badge tone={lifecycleTone[product.lifecycle]}>{title(product.lifecycle)}</Badge>
          <Badge tone={classificationTone[product.classification]}>{title(product.classification)}</Badge>
          {product.containsPii ? <Badge tone="rose">Personal data</Badge> : null}
          {canEdit ? (
            <Link href={`/products/${product.slug}/edit`} className="ml-auto text-sm font-medium text-indigo-700 hover:underline">
              Edit product
            </Link>
          ) : null}
        </div>
        {product.tags.length > 0 ? (
          <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
            {product.tags.map((t) => (
              <li key={t}>
                <Badge tone="indigo">{t}</Badge>
              </li>
            ))}
          </ul>
        ) : null}
        <LifecycleBanner product={product} />
        <ProductTabs slug={product.slug} current="overview" health={can(viewer, { permission: "read:product-health", product }) || access.state === "active"} />
      </header>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title="About" />
            <CardBody>
              <Markdown>{product.description}</Markdown>
              {product.freshnessSlaMinutes ? (
                <p className="mt-4 text-sm text-slate-600">
                  <span className="font-medium">Contract:</span> new data within {product.freshnessSlaMinutes} minute{product.freshnessSlaMinutes === 1 ? "" : "s"} of the event.
                </p>
              ) : null}
            </CardBody>
          </Card>

          {/* Not streamed: it reads only the database, and its card arriving late shifted the ports below it. */}
          <ProductContract product={product} owner={owner} submit={setProductContractAction} submitPort={setPortContractAction} />

          {product.outputPorts.map((port) => {
            const current = port.schemaVersions[0];
            return (
              <Card key={port.id}>
                <CardHeader
                  title={<span className="font-mono text-sm">{port.topic}</span>}
                  description={`Output port “${port.name}” · Kafka topic`}
                  actions={
                    port.removedAt ? (
                      <Badge tone="slate">{port.provisioning === "APPLIED" ? "Deleted from Kafka" : "Deleting from Kafka"}</Badge>
                    ) : port.provisioning === "APPLIED" ? (
                      <Badge tone="green">Provisioned</Badge>
                    ) : port.provisioning === "PENDING" ? (
                      <Badge tone="amber">Provisioning</Badge>
                    ) : (
                      <Badge tone="rose">Provisioning failed</Badge>
                    )
                  }
                />
                <CardBody className="space-y-5">
                  {port.provisioning === "FAILED" ? (
                    <Alert tone="error" title="Provisioning failed: retrying will not fix this">{port.provisioningError}</Alert>
                  ) : port.provisioningError ? (
                    <Alert tone="warning" title="Kafka has not caught up yet">{port.provisioningError}</Alert>
                  ) : null}
                  <PortDeprecation port={port} ports={product.outputPorts} />
                  {canEdit && port.provisioning !== "APPLIED" ? (
                    <ActionButton variant="secondary" size="sm" action={retryOutputPortAction} input={{ portId: port.id }} label="Retry now" pendingLabel="Retrying…" done="Tried again" />
                  ) : null}
                  {canEdit ? (
                    <details className="rounded-md ring-1 ring-slate-200">
                      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">Change topic configuration</summary>
                      <div className="border-t border-slate-100 p-3">
                        <TopicConfigForm
                          portId={port.id}
                          topic={port.topic}
                          policies={policies}
                          submit={changeTopicConfigAction}
                          current={{ partitions: port.partitions, replicationFactor: port.replicationFactor, retentionHours: Number(port.retentionMs / 3_600_000n), cleanupPolicy: port.cleanupPolicy }}
                        />
                      </div>
                    </details>
                  ) : null}
                  {port.removedAt ? null : (
                    <Suspense fallback={<p className="text-sm text-slate-500">Reading live figures from Kafka…</p>}>
                      <LiveTopic topic={port.topic} />
                    </Suspense>
                  )}
                  <section aria-label={`Schema of ${port.topic}`}>
                    <h3 className="text-sm font-semibold text-slate-900">
                      Schema {current ? <span className="font-normal text-slate-500">· version {current.version} of {port.schemaVersions.length}</span> : null}
                    </h3>
                    <div className="mt-2">
                      <PortContractLine port={port} productSlug={product.slug} owner={owner} />
                      {current ? <SchemaViewer definition={current.definition} format={current.format} /> : <p className="text-sm text-slate-500">The owners have not published a schema yet.</p>}
                    </div>
                    {port.schemaVersions.length > 0 ? (
                      <SchemaVersions
                        versions={port.schemaVersions.filter((v) => v.part === "VALUE").map((v) => ({ version: v.version, format: v.format, createdAt: v.createdAt.toISOString(), definition: v.definition }))}
                      />
                    ) : null}
                  </section>
                  {port.removedAt ? null : (
                    <Suspense fallback={<p className="text-sm text-slate-500">Reading sample messages…</p>}>
                      <SampleData viewer={viewer} outputPortId={port.id} topic={port.topic} />
                    </Suspense>
                  )}
                  <section aria-label={`Connect to ${port.topic}`} hidden={Boolean(port.removedAt)}>
                    <h3 className="mb-2 text-sm font-semibold text-slate-900">Connect</h3>
                    <ConnectionSnippets
                      topic={port.topic}
                      bootstrap={connection.bootstrap}
                      saslMechanism={connection.saslMechanism}
                      ssl={connection.ssl}
                      username={snippetUser?.username ?? "<your team's Kafka user>"}
                      teamName={snippetUser?.teamName ?? null}
                    />
                  </section>
                </CardBody>
              </Card>
            );
          })}

          {canEdit && product.lifecycle !== "DEPRECATED" ? (
            <Card>
              <details>
                <summary className="cursor-pointer px-5 py-4 text-sm font-semibold text-slate-900">Add an output port</summary>
                <CardBody className="border-t border-slate-100">
                  <AddOutputPortForm
                    productId={product.id}
                    productSlug={product.slug}
                    prefixes={allowedTopicPrefixes(product.ownerTeam.topicPrefixes.map((p) => p.prefix), product.domain.slug)}
                    existing={{ names: product.outputPorts.map((p) => p.name), topics: product.outputPorts.map((p) => p.topic) }}
                    policies={policies}
                    submit={addOutputPortAction}
                  />
                </CardBody>
              </details>
            </Card>
          ) : null}
        </div>

        <aside className="space-y-6">
          <Card>
            <CardHeader title="Access" />
            <CardBody>
              <RequestAccess
                dataProductId={product.id}
                access={accessState}
                closedReason={accessClosedReason(product, now)}
                teams={requestableTeams}
                defaultUntil={defaultUntil}
                maxUntil={maxUntil}
                submit={requestAccessAction}
                cancel={cancelAccessRequestAction}
              />
            </CardBody>
          </Card>
          {runsLifecycle ? (
            <LifecycleCard
              product={{ ...product, activeConsumerGrants: product.grants.length }}
              actions={{ publish: publishProductAction, deprecate: deprecateProductAction, retire: retireProductAction }}
              impact={<ImpactSummary slug={product.slug} impact={await productImpact(viewer, product.id)} />}
            />
          ) : null}
          <Card>
            <CardHeader title="Data quality" description="Live conformance of recent messages" />
            <CardBody>
              <Conformance productId={product.id} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Owners" description={`${product.domain.name} domain`} />
            <CardBody className="space-y-3 text-sm">
              <p className="font-medium text-slate-900">{product.ownerTeam.name}</p>
              {product.ownerTeam.contactEmail ? (
                <p>
                  <span className="text-slate-500">Team contact </span>
                  <a className="text-indigo-700 hover:underline" href={`mailto:${product.ownerTeam.contactEmail}`}>
                    {product.ownerTeam.contactEmail}
                  </a>
                </p>
              ) : null}
              {maintainers.length > 0 ? (
                <div>
                  <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Maintainers</p>
                  <ul className="mt-1 space-y-1" aria-label="Maintainers">
                    {maintainers.map((m) => (
                      <li key={m.email ?? m.name} className="flex flex-wrap justify-between gap-x-2">
                        <span>{m.name}</span>
                        {m.email ? (
                          <a className="text-indigo-700 hover:underline" href={`mailto:${m.email}`}>
                            {m.email}
                          </a>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="text-slate-500">No maintainer listed; write to the team contact.</p>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Lineage" description="Declared input ports" />
            <CardBody>
              <LineageLinks builtFrom={lineage.builtFrom} usedBy={lineage.usedBy} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Consumers" description="Teams with access granted" />
            <CardBody>
              <Consumers viewer={viewer} product={product} />
            </CardBody>
          </Card>
        </aside>
      </div>
    </article>
  );
}

export const generateMetadata = outageAwareMetadata(metadataOf);
export default outageAware(ProductPage);
