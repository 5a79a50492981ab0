import Link from "next/link";
import type { LineageEdge, LineageNode, Reached } from "@/lib/lineage";
import { Badge } from "@/components/ui/badge";

const KIND: Record<LineageNode["kind"], string> = { product: "Data product", team: "Team", connector: "Connector", processor: "Kafka Streams app" };

export function HowKnown({ edge }: { edge: Pick<LineageEdge, "known" | "lastSeenAt"> }) {
  const unobserved = edge.known.includes("granted") && !edge.known.includes("observed");
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {edge.known.map((k) => (
        <Badge key={k} tone={k === "observed" ? "green" : k === "granted" ? "indigo" : "slate"}>{k}</Badge>
      ))}
      {unobserved ? <Badge tone="amber">no reader seen</Badge> : null}
      {edge.lastSeenAt ? <span className="text-xs text-slate-500">last read {edge.lastSeenAt.toISOString().slice(0, 16).replace("T", " ")} UTC</span> : null}
    </span>
  );
}

function NodeName({ node }: { node: LineageNode }) {
  return node.href ? (
    <Link href={node.href} className="font-medium text-indigo-700 hover:underline">{node.label}</Link>
  ) : (
    <span className="font-medium text-slate-900" title={node.detail ?? undefined}>{node.label}</span>
  );
}

/** Upstream or downstream nodes as a plain list: kind, name (a link), hops, and how each link is known. */
export function ReachedList({ label, items, empty }: { label: string; items: Reached[]; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ol aria-label={label} className="divide-y divide-slate-100">
      {items.map((r) => (
        <li key={r.node.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
          <span className="w-32 shrink-0 text-xs text-slate-500">{KIND[r.node.kind]}</span>
          <NodeName node={r.node} />
          <span className="text-xs text-slate-500">{r.hops === 1 ? "direct" : `${r.hops} hops`}</span>
          <HowKnown edge={r.via} />
        </li>
      ))}
    </ol>
  );
}

/** Every edge of the mesh as a list: from, to, and how it is known. */
export function EdgeList({ nodes, edges }: { nodes: LineageNode[]; edges: LineageEdge[] }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return (
    <ul aria-label="Flows" className="divide-y divide-slate-100">
      {edges.map((e) => (
        <li key={e.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 py-2 text-sm">
          <NodeName node={byId.get(e.from)!} />
          <span aria-label="flows to">→</span>
          <NodeName node={byId.get(e.to)!} />
          <HowKnown edge={e} />
        </li>
      ))}
    </ul>
  );
}
