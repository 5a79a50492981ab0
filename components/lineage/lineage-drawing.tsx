"use client";

import dynamic from "next/dynamic";
import type { GraphEdge, GraphNode } from "./lineage-graph";

// React Flow measures the page: drawn in the browser only, and loaded only on lineage pages.
const LineageGraph = dynamic(() => import("./lineage-graph").then((m) => m.LineageGraph), {
  ssr: false,
  loading: () => <div className="h-[28rem] w-full animate-pulse rounded-lg bg-slate-100" />,
});

export function LineageDrawing(props: { nodes: GraphNode[]; edges: GraphEdge[]; focusId?: string }) {
  return <LineageGraph {...props} />;
}
