import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getIndexFreshness } from "@/lib/cluster-index";
import { getMyAccess } from "@/lib/dashboards";
import { RANGES } from "@/lib/dashboards/ranges";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { IndexFreshnessNote } from "@/components/dashboard/index-freshness";
import { ConsumersTable } from "@/components/dashboard/consumers-table";
import { LagCharts } from "@/components/dashboard/health-charts";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "My access" };

async function MyAccessPage() {
  const viewer = await requireViewer("/my-access");
  const [{ grants, products }, freshness] = await Promise.all([getMyAccess(viewer), getIndexFreshness()]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">My access</h1>
        <p className="text-sm text-slate-600">What your teams may read, until when, and how your consumer groups keep up.</p>
        <IndexFreshnessNote freshness={freshness} />
      </div>
      {grants.length === 0 ? (
        <EmptyState title="Your teams have no access to other teams' products yet">
          Find a product in the <Link href="/catalog" className="text-indigo-700 hover:underline">catalog</Link> and request access.
        </EmptyState>
      ) : (
        <Card>
          <CardHeader title="Grants" description="Active access of your teams" />
          <CardBody className="overflow-x-auto p-0">
            <Table label="Your teams' grants" variant="boxed" columns={["Product", "Team", "Topic", "Granted", "Ends"]}>
              {grants.map((g) => (
                <tr key={`${g.requestId}:${g.topic}`}>
                  <td>
                    <Link href={`/products/${g.product.slug}`} className="font-medium text-indigo-700 hover:underline">
                      {g.product.name}
                    </Link>
                  </td>
                  <td>{g.team}</td>
                  <td className="font-mono text-xs">{g.topic}</td>
                  <td className="text-xs">{g.grantedAt.slice(0, 10)}</td>
                  <td className="text-xs">
                    {g.requestId ? (
                      <Link href={`/access/${g.requestId}`} className="text-indigo-700 hover:underline">
                        {g.validUntil ? g.validUntil.slice(0, 10) : "no end date"}
                      </Link>
                    ) : (
                      (g.validUntil?.slice(0, 10) ?? "no end date")
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          </CardBody>
        </Card>
      )}
      {products.map((p) => (
        <Card key={p.product.id}>
          <CardHeader
            title={
              <Link href={`/products/${p.product.slug}/health`} className="hover:underline">
                {p.product.name}
              </Link>
            }
            description="Your consumer groups over the last 24 hours"
          />
          <CardBody>
            <LagCharts lines={p.lag} rangeMs={RANGES["24h"].ms} />
          </CardBody>
          <CardBody className="overflow-x-auto p-0">
            <ConsumersTable consumers={p.consumers} />
          </CardBody>
        </Card>
      ))}
    </div>
  );
}
export default outageAware(MyAccessPage);
