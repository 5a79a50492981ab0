import type { Metadata } from "next";
import Link from "next/link";
import { requireViewer } from "@/lib/auth/session";
import { listConnectors } from "@/lib/connect";
import { ConnectorState } from "@/components/connect/connector-state";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Connectors" };

async function ConnectorsPage() {
  await requireViewer("/connectors");
  const connectors = await listConnectors();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Connectors</h1>
          <p className="mt-1 text-sm text-slate-600">Kafka Connect pipelines the teams run: data in from outside systems, and out to them. Each runs as its team&apos;s principal.</p>
        </div>
        <Link href="/connectors/new" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">
          New connector
        </Link>
      </div>
      {connectors.length === 0 ? (
        <EmptyState title="No connectors yet">A team creates one from a Connect plugin&apos;s own form; Meshport checks it reads and writes only what the team may.</EmptyState>
      ) : (
        <Card>
          <CardBody className="overflow-x-auto">
            <Table label="Connectors" columns={["Connector", "Kind", "Team", "Topics", "State"]}>
              {connectors.map((c) => (
                <tr key={c.id}>
                  <td><Link className="font-mono text-sm font-medium text-indigo-700 hover:underline" href={`/connectors/${c.id}`}>{c.name}</Link></td>
                  <td><Badge tone={c.kind === "SOURCE" ? "indigo" : "slate"}>{c.kind === "SOURCE" ? "Source" : "Sink"}</Badge></td>
                  <td><Link className="hover:underline" href={`/teams/${c.team.slug}`}>{c.team.name}</Link></td>
                  <td className="font-mono text-xs">{c.topics.join(", ")}</td>
                  <td><ConnectorState state={c.lastState} /></td>
                </tr>
              ))}
            </Table>
          </CardBody>
        </Card>
      )}
    </div>
  );
}
export default outageAware(ConnectorsPage);
