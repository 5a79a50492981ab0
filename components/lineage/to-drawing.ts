import type { LineageGraph } from "@/lib/lineage";
import type { GraphEdge, GraphNode } from "./lineage-graph";

/** The graph as the browser's drawing takes it (plain JSON: dates as ISO strings). */
export function toDrawing(graph: LineageGraph): { nodes: GraphNode[]; edges: GraphEdge[] } {
  return { nodes: graph.nodes, edges: graph.edges.map((e) => ({ ...e, lastSeenAt: e.lastSeenAt?.toISOString() ?? null })) };
}
