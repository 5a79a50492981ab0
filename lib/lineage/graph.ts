// Pure: the mesh's lineage from what Meshport knows and what the cluster shows (docs/decisions/0065).
// Each edge says how it is known (declared, granted, observed) and when a reader was last seen.

export type NodeKind = "product" | "team" | "connector" | "processor";
export type LineageNode = { id: string; kind: NodeKind; label: string; href: string | null; detail: string | null };
export type Knowledge = "declared" | "granted" | "observed";
export type LineageEdge = { id: string; from: string; to: string; known: Knowledge[]; lastSeenAt: Date | null };
export type LineageGraph = { nodes: LineageNode[]; edges: LineageEdge[] };

export type LineageFacts = {
  products: { id: string; slug: string; name: string; ownerTeamId: string; topics: string[] }[];
  teams: { id: string; slug: string; name: string }[];
  /** Declared input ports: `productId` is built from `upstreamProductId`. */
  inputPorts: { productId: string; upstreamProductId: string }[];
  /** Active CONSUME grants. */
  grants: { productId: string; teamId: string }[];
  /** Consumer groups' committed positions on topics (the cluster index), with the team their id belongs to. */
  reads: { groupId: string; topic: string; teamId: string | null; lastCommitAt: Date | null }[];
  connectors: { id: string; name: string; kind: "SOURCE" | "SINK"; connectorClass: string; topics: string[]; groupId: string | null }[];
  /** Every topic the cluster has, to recognise Kafka Streams applications by their internal topics. */
  clusterTopics: string[];
  /** Registered Kafka Streams applications and the topics they write. */
  processors: { applicationId: string; outputTopics: string[] }[];
};

const INTERNAL_SUFFIX = /-(changelog|repartition)$/;

/** Kafka Streams applications: consumer groups with `<application.id>-…-changelog|-repartition` topics, and those topics. */
export function streamsApplications(groupIds: Iterable<string>, clusterTopics: readonly string[]): Map<string, string[]> {
  const internal = clusterTopics.filter((t) => INTERNAL_SUFFIX.test(t));
  const apps = new Map<string, string[]>();
  for (const g of new Set(groupIds)) {
    const own = internal.filter((t) => t.startsWith(`${g}-`));
    if (own.length > 0) apps.set(g, own.sort());
  }
  return apps;
}

const later = (a: Date | null, b: Date | null) => (!a ? b : !b ? a : a > b ? a : b);

export function buildLineage(f: LineageFacts): LineageGraph {
  const nodes = new Map<string, LineageNode>();
  const edges = new Map<string, LineageEdge>();
  const productByTopic = new Map<string, (typeof f.products)[number]>();
  for (const p of f.products) {
    nodes.set(`product:${p.id}`, { id: `product:${p.id}`, kind: "product", label: p.name, href: `/products/${p.slug}`, detail: p.topics.join(", ") });
    for (const t of p.topics) productByTopic.set(t, p);
  }
  const teams = new Map(f.teams.map((t) => [t.id, t]));
  const teamNode = (teamId: string) => {
    const t = teams.get(teamId);
    const id = `team:${teamId}`;
    if (t && !nodes.has(id)) nodes.set(id, { id, kind: "team", label: t.name, href: `/teams/${t.slug}`, detail: "consuming team" });
    return t ? id : null;
  };
  const edge = (from: string, to: string, how: Knowledge, seen: Date | null = null) => {
    if (!nodes.has(from) || !nodes.has(to)) return;
    const id = `${from}->${to}`;
    const e = edges.get(id) ?? { id, from, to, known: [], lastSeenAt: null };
    if (!e.known.includes(how)) e.known.push(how);
    if (how === "observed") e.lastSeenAt = later(e.lastSeenAt, seen);
    edges.set(id, e);
  };

  for (const ip of f.inputPorts) edge(`product:${ip.upstreamProductId}`, `product:${ip.productId}`, "declared");
  for (const g of f.grants) {
    const t = teamNode(g.teamId);
    if (t) edge(`product:${g.productId}`, t, "granted");
  }

  const connectorByGroup = new Map<string, string>();
  for (const c of f.connectors) {
    const id = `connector:${c.id}`;
    nodes.set(id, { id, kind: "connector", label: c.name, href: `/connectors/${c.id}`, detail: `${c.kind === "SOURCE" ? "source" : "sink"}: ${c.connectorClass.split(".").pop()}` });
    for (const t of c.topics) {
      const p = productByTopic.get(t);
      if (!p) continue;
      if (c.kind === "SOURCE") edge(id, `product:${p.id}`, "declared");
      else edge(`product:${p.id}`, id, "declared");
    }
    if (c.groupId) connectorByGroup.set(c.groupId, id);
  }

  const apps = streamsApplications([...f.reads.map((r) => r.groupId), ...f.processors.map((p) => p.applicationId)], f.clusterTopics);
  for (const p of f.processors) if (!apps.has(p.applicationId)) apps.set(p.applicationId, []);
  for (const [app, internal] of apps) {
    const detail = internal.length > 0 ? `Kafka Streams; internal topics: ${internal.join(", ")}` : "Kafka Streams; not seen running yet";
    nodes.set(`processor:${app}`, { id: `processor:${app}`, kind: "processor", label: app, href: null, detail });
  }
  // Outputs come from the registration (writes leave no committed offsets to observe).
  for (const p of f.processors) {
    for (const t of p.outputTopics) {
      const product = productByTopic.get(t);
      if (product) edge(`processor:${p.applicationId}`, `product:${product.id}`, "declared");
    }
  }

  for (const r of f.reads) {
    const p = productByTopic.get(r.topic);
    if (!p) continue; // internal and unmanaged topics are not products
    const reader = connectorByGroup.get(r.groupId) ?? (apps.has(r.groupId) ? `processor:${r.groupId}` : r.teamId && r.teamId !== p.ownerTeamId ? teamNode(r.teamId) : null);
    if (reader) edge(`product:${p.id}`, reader, "observed", r.lastCommitAt);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export type Reached = { node: LineageNode; hops: number; via: LineageEdge };

/** Everything downstream (or upstream) of a node, direct and transitive, nearest first. */
export function reachable(graph: LineageGraph, start: string, direction: "down" | "up"): Reached[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const out: Reached[] = [];
  const seen = new Set([start]);
  let frontier = [start];
  for (let hops = 1; frontier.length > 0; hops++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of graph.edges) {
        const [from, to] = direction === "down" ? [e.from, e.to] : [e.to, e.from];
        if (from !== id || seen.has(to)) continue;
        seen.add(to);
        next.push(to);
        out.push({ node: byId.get(to)!, hops, via: e });
      }
    }
    frontier = next;
  }
  return out;
}

/** A node with everything upstream and downstream of it, and the edges between them. */
export function around(graph: LineageGraph, start: string): LineageGraph {
  const keep = new Set([start, ...reachable(graph, start, "down").map((r) => r.node.id), ...reachable(graph, start, "up").map((r) => r.node.id)]);
  return { nodes: graph.nodes.filter((n) => keep.has(n.id)), edges: graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to)) };
}

/** A grant no reader has been observed using. */
export const unobservedGrant = (e: LineageEdge) => e.known.includes("granted") && !e.known.includes("observed");
