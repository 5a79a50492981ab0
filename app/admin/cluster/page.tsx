import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth";
import { requireViewer } from "@/lib/auth/session";
import { getIndexFreshness } from "@/lib/cluster-index";
import { getClusterOverview } from "@/lib/dashboards";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { IndexFreshnessNote } from "@/components/dashboard/index-freshness";
import { formatCount, formatRate } from "@/components/dashboard/format";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Cluster" };

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg bg-surface px-4 py-3 shadow-sm ring-1 ring-slate-200">
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-slate-900">{value}</dd>
    </div>
  );
}

async function ClusterPage() {
  const viewer = await requireViewer("/admin/cluster");
  if (!can(viewer, { permission: "read:cluster-index" })) notFound();
  const [o, freshness] = await Promise.all([getClusterOverview(viewer), getIndexFreshness()]);
  const t = o.totals;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Cluster</h1>
        <IndexFreshnessNote freshness={freshness} />
      </div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6" aria-label="Cluster totals">
        <Stat label="Topics" value={formatCount(t.topics)} />
        <Stat label="Partitions" value={formatCount(t.partitions)} />
        <Stat label="Consumer groups" value={formatCount(t.groups)} />
        <Stat label="Produce rate" value={formatRate(t.messagesPerSecond)} />
        <Stat label="Last refresh took" value={t.lastDurationMs === null ? "–" : `${(t.lastDurationMs / 1000).toFixed(1)} s`} />
        <Stat label="History points" value={formatCount(t.historyPoints)} />
      </dl>
      <Card>
        <CardHeader title="Topics no data product declares" description={`${formatCount(o.undeclaredTotal)} topic(s)${o.undeclaredTotal > o.undeclaredTopics.length ? `, first ${o.undeclaredTopics.length} by name` : ""}`} />
        <CardBody className="overflow-x-auto p-0">
          {o.undeclaredTopics.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-500">Every topic belongs to a data product.</p>
          ) : (
            <Table label="Undeclared topics" variant="boxed" columns={["Topic", "Partitions", "Retained messages", "Produce rate"]}>
              {o.undeclaredTopics.map((u) => (
                <tr key={u.name}>
                  <td className="font-mono text-xs">{u.name}</td>
                  <td>{u.partitions}</td>
                  <td>{formatCount(u.messages)}</td>
                  <td>{formatRate(u.produceRate)}</td>
                </tr>
              ))}
            </Table>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Consumer groups no team accounts for" description={`${formatCount(o.unattributedTotal)} group(s) whose id starts with no team principal's group prefix`} />
        <CardBody className="overflow-x-auto p-0">
          {o.unattributedGroups.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-500">Every consumer group belongs to a team.</p>
          ) : (
            <Table label="Unattributed consumer groups" variant="boxed" columns={["Group", "State", "Members", "Topics", "Lag"]}>
              {o.unattributedGroups.map((g) => (
                <tr key={g.groupId}>
                  <td className="font-mono text-xs">{g.groupId}</td>
                  <td>{g.state}</td>
                  <td>{g.members}</td>
                  <td>{g.topics}</td>
                  <td>{formatCount(g.lag)}</td>
                </tr>
              ))}
            </Table>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
export default outageAware(ClusterPage);
