"use client";

import "@xyflow/react/dist/style.css";
import { Background, Controls, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { layoutPositions, NODE_HEIGHT, NODE_WIDTH } from "./layout";

export type GraphNode = { id: string; kind: "product" | "team" | "connector" | "processor"; label: string; href: string | null; detail: string | null };
export type GraphEdge = { id: string; from: string; to: string; known: string[]; lastSeenAt: string | null };

const KIND_STYLE: Record<GraphNode["kind"], string> = {
  product: "border-indigo-400 bg-indigo-50",
  team: "border-slate-300 bg-surface",
  connector: "border-amber-400 bg-amber-50",
  processor: "border-emerald-500 bg-emerald-50",
};
const KIND_LABEL: Record<GraphNode["kind"], string> = { product: "Data product", team: "Team", connector: "Connector", processor: "Streams app" };

type Data = GraphNode & { focus: boolean };

function LineageNodeView({ data }: NodeProps<Node<Data>>) {
  return (
    <div
      className={`rounded-md border px-3 py-1.5 text-left shadow-sm ${KIND_STYLE[data.kind]} ${data.focus ? "ring-2 ring-indigo-600" : ""} ${data.href ? "cursor-pointer" : ""}`}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      title={data.detail ?? undefined}
    >
      <Handle type="target" position={Position.Left} />
      <p className="text-[10px] font-medium tracking-wide text-slate-600 uppercase">{KIND_LABEL[data.kind]}</p>
      <p className="truncate text-sm font-semibold text-slate-900">{data.label}</p>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

const nodeTypes = { lineage: LineageNodeView };

/**
 * The lineage graph (React Flow, laid out by dagre). Click a node to open it. The same facts are listed
 * beside it in plain lists for keyboard and screen-reader users.
 */
export function LineageGraph({ nodes, edges, focusId }: { nodes: GraphNode[]; edges: GraphEdge[]; focusId?: string }) {
  const router = useRouter();
  const { flowNodes, flowEdges } = useMemo(() => {
    const pos = layoutPositions(nodes.map((n) => n.id), edges);
    const flowNodes: Node<Data>[] = nodes.map((n) => ({ id: n.id, type: "lineage", position: pos.get(n.id)!, data: { ...n, focus: n.id === focusId }, draggable: false }));
    const flowEdges: Edge[] = edges.map((e) => {
      const observed = e.known.includes("observed");
      const unobservedGrant = e.known.includes("granted") && !observed;
      return {
        id: e.id,
        source: e.from,
        target: e.to,
        label: e.known.join(" + "),
        animated: observed,
        style: { strokeDasharray: unobservedGrant ? "6 4" : undefined, stroke: unobservedGrant ? "var(--color-amber-700)" : "var(--color-slate-500)" },
        labelStyle: { fontSize: 10, fill: "var(--color-slate-700)" },
      };
    });
    return { flowNodes, flowEdges };
  }, [nodes, edges, focusId]);
  return (
    <div role="region" aria-label="Lineage graph (the lists on this page give the same links)" className="h-[28rem] w-full rounded-lg bg-surface ring-1 ring-slate-200" data-testid="lineage-graph">
      <ReactFlow
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        fitView
        nodesConnectable={false}
        proOptions={{ hideAttribution: true }}
        onNodeClick={(_, n) => {
          if (n.data.href) router.push(n.data.href);
        }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
