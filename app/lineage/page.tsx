import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/session";
import { meshLineage } from "@/lib/lineage";
import { LineageDrawing } from "@/components/lineage/lineage-drawing";
import { EdgeList } from "@/components/lineage/lineage-lists";
import { toDrawing } from "@/components/lineage/to-drawing";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { outageAware } from "@/components/layout/outage-aware";

export const metadata: Metadata = { title: "Lineage" };

async function LineagePage() {
  const viewer = await requireViewer("/lineage");
  const graph = await meshLineage(viewer);
  const linked = new Set(graph.edges.flatMap((e) => [e.from, e.to]));
  const shown = { nodes: graph.nodes.filter((n) => linked.has(n.id)), edges: graph.edges };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Lineage</h1>
        <p className="mt-1 text-sm text-slate-600">
          How data flows through the mesh: input ports products declare, grants, consumer groups seen reading (committed offsets), connectors and Kafka Streams applications. Click a node to open it.
        </p>
      </div>
      {shown.edges.length === 0 ? (
        <EmptyState title="No flows yet">Flows appear when products declare input ports, teams are granted access, or connectors run.</EmptyState>
      ) : (
        <>
          <LineageDrawing {...toDrawing(shown)} />
          <Card>
            <CardHeader title="Flows" description="The same graph as a list. Declared: an input port or a connector's settings; granted: an active grant; observed: a consumer group committed offsets." />
            <CardBody>
              <EdgeList nodes={shown.nodes} edges={shown.edges} />
            </CardBody>
          </Card>
        </>
      )}
    </div>
  );
}
export default outageAware(LineagePage);
