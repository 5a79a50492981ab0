import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { getIndexFreshness } from "@/lib/cluster-index";
import { getOwnerDashboard } from "@/lib/dashboards";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { IndexFreshnessNote } from "@/components/dashboard/index-freshness";
import { ProductsTable } from "@/components/dashboard/products-table";
import { RecentEvents } from "@/components/dashboard/recent-events";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Dashboard" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

async function DashboardPage() {
  const viewer = await requireViewer("/dashboard");
  const [dashboard, freshness] = await Promise.all([getOwnerDashboard(viewer), getIndexFreshness()]);
  const { summary } = dashboard;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Your products</h1>
        {summary.products > 0 ? (
          <p className="text-sm text-slate-700" data-testid="dashboard-summary">
            {plural(summary.products, "product")} · {plural(summary.openRequests, "open access request")} ·{" "}
            <span className={summary.objectivesMissed > 0 ? "font-semibold text-rose-700" : undefined}>{plural(summary.objectivesMissed, "freshness objective")} missed</span> ·{" "}
            {plural(summary.lagging, "product")} with a lagging consumer · {plural(summary.problems, "product")} with provisioning or ACL problems
          </p>
        ) : null}
        <IndexFreshnessNote freshness={freshness} />
      </div>

      {summary.products === 0 ? (
        <EmptyState title="Your teams own no data products yet" action={<Link className="text-sm font-medium text-indigo-700 hover:underline" href="/products/new">Create one</Link>}>
          The dashboard shows the health of the products your teams own. Browse the <Link className="text-indigo-700 hover:underline" href="/catalog">catalog</Link>, or see <Link className="text-indigo-700 hover:underline" href="/my-access">your access</Link>.
        </EmptyState>
      ) : (
        <Card>
          <CardBody className="overflow-x-auto p-0">
            <ProductsTable rows={dashboard.products} />
          </CardBody>
        </Card>
      )}

      {summary.products > 0 ? (
        <Card>
          <CardHeader title="Recent changes" description="Your products, their access requests and grants" />
          <CardBody>
            <RecentEvents events={dashboard.events} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
export default outageAware(DashboardPage);
