import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/auth/session";
import { getIndexFreshness } from "@/lib/cluster-index";
import { findUnusedGrants, getProductHealth } from "@/lib/dashboards";
import { revokeAccessAction } from "@/app/access/actions";
import { UnusedGrants } from "@/components/dashboard/unused-grants";
import { isRange, RANGES, type RangeKey } from "@/lib/dashboards/ranges";
import { DomainError } from "@/lib/errors";
import { loadPolicies } from "@/lib/governance";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { IndexFreshnessNote } from "@/components/dashboard/index-freshness";
import { ConsumersTable } from "@/components/dashboard/consumers-table";
import { PartitionsTable } from "@/components/dashboard/partitions-table";
import { ProductTabs } from "@/components/dashboard/product-tabs";
import { FreshnessChart, LagCharts, ProduceRateChart } from "@/components/dashboard/health-charts";
import { formatAge } from "@/components/dashboard/format";
import { cn } from "@/lib/utils";
import { outageAware } from "@/components/layout/outage-aware";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ range?: string; ppage?: string }> };

export const metadata: Metadata = { title: "Product health" };

async function ProductHealthPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const viewer = await requireViewer(`/products/${encodeURIComponent(slug)}/health`);
  const range: RangeKey = isRange(query.range) ? query.range : "24h";
  const ppage = Number.parseInt(query.ppage ?? "1", 10) || 1;
  const [health, freshness] = await Promise.all([
    getProductHealth(viewer, slug, range, { partitionPage: ppage }).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    getIndexFreshness(),
  ]);
  const { unusedGrantDays } = await loadPolicies();
  const unused = health.whole ? await findUnusedGrants({ productIds: [health.product.id], days: unusedGrantDays }) : [];
  const rangeMs = RANGES[range].ms;
  const href = (r: RangeKey, p = 1) => `/products/${slug}/health?range=${r}${p > 1 ? `&ppage=${p}` : ""}`;
  const f = health.freshness;

  return (
    <article className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">{health.product.name}</h1>
        <ProductTabs slug={slug} current="health" />
      </header>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="space-y-1">
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            {f.status === "met" ? <Badge tone="green">Freshness objective met</Badge> : f.status === "missed" ? <Badge tone="rose">Freshness objective missed</Badge> : null}
            {f.ageSeconds !== null ? `Newest message ${formatAge(f.ageSeconds)} old` : "No message seen arriving yet"}
            {f.slaMinutes ? ` · promised within ${f.slaMinutes} min` : " · no freshness objective"}
          </p>
          <IndexFreshnessNote freshness={freshness} />
        </div>
        <nav aria-label="Time range" className="flex gap-1 rounded-md bg-slate-100 p-1 text-sm">
          {(Object.keys(RANGES) as RangeKey[]).map((r) => (
            <Link key={r} href={href(r)} aria-current={r === range ? "true" : undefined} className={cn("rounded px-3 py-1 font-medium", r === range ? "bg-surface text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900")}>
              {RANGES[r].label}
            </Link>
          ))}
        </nav>
      </div>
      {!health.whole ? (
        <p className="text-sm text-slate-600">You see your own teams&apos; consumer groups; the owners see every consumer.</p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardBody>
            <ProduceRateChart points={health.produceRate} rangeMs={rangeMs} />
          </CardBody>
        </Card>
        <Card>
          <CardBody>
            <FreshnessChart points={health.freshnessOverTime} rangeMs={rangeMs} slaMinutes={health.product.freshnessSlaMinutes} />
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader title="Consumers" description="Consumer groups with committed offsets on this product's topics, and the grant behind each" />
        <CardBody className="space-y-6">
          <LagCharts lines={health.lag} rangeMs={rangeMs} />
        </CardBody>
        <CardBody className="overflow-x-auto p-0">
          <ConsumersTable consumers={health.consumers} />
        </CardBody>
      </Card>
      {health.whole ? (
        <Card>
          <CardHeader title="Unused grants" description={`Active grants whose team consumed nothing for ${unusedGrantDays} days or more (a governance policy)`} />
          <CardBody>
            <UnusedGrants grants={unused} revoke={revokeAccessAction} />
          </CardBody>
        </Card>
      ) : null}
      {health.partitions ? (
        <Card>
          <CardHeader title="Partitions" description={<span className="font-mono text-xs">{health.partitions.topic}</span>} />
          <CardBody className="overflow-x-auto p-0">
            <PartitionsTable partitions={health.partitions} hrefFor={(p) => href(range, p)} />
          </CardBody>
        </Card>
      ) : null}
    </article>
  );
}
export default outageAware(ProductHealthPage);
