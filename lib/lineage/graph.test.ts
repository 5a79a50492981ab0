import { describe, expect, it } from "vitest";
import { around, buildLineage, reachable, streamsApplications, unobservedGrant, type LineageFacts } from "./graph";

const at = new Date("2026-12-01T10:00:00Z");
const facts = (over: Partial<LineageFacts> = {}): LineageFacts => ({
  products: [
    { id: "orders", slug: "orders", name: "Orders", ownerTeamId: "sales", topics: ["sales.orders.v1"] },
    { id: "revenue", slug: "revenue", name: "Revenue", ownerTeamId: "payments", topics: ["payments.revenue.v1"] },
    { id: "forecast", slug: "forecast", name: "Forecast", ownerTeamId: "finance", topics: ["finance.forecast.v1"] },
  ],
  teams: [
    { id: "sales", slug: "sales", name: "Sales" },
    { id: "payments", slug: "payments", name: "Payments" },
    { id: "marketing", slug: "marketing", name: "Marketing" },
    { id: "finance", slug: "finance", name: "Finance" },
  ],
  inputPorts: [
    { productId: "revenue", upstreamProductId: "orders" },
    { productId: "forecast", upstreamProductId: "revenue" },
  ],
  grants: [
    { productId: "orders", teamId: "payments" },
    { productId: "orders", teamId: "marketing" },
  ],
  reads: [
    { groupId: "team-payments.recon", topic: "sales.orders.v1", teamId: "payments", lastCommitAt: at },
    { groupId: "team-sales.own", topic: "sales.orders.v1", teamId: "sales", lastCommitAt: at },
    { groupId: "team-payments.hourly", topic: "sales.orders.v1", teamId: "payments", lastCommitAt: at },
    { groupId: "team-payments.hourly", topic: "team-payments.hourly-KSTREAM-AGG-repartition", teamId: "payments", lastCommitAt: at },
  ],
  connectors: [{ id: "c1", name: "payments.archive", kind: "SINK", connectorClass: "org.x.FileStreamSinkConnector", topics: ["payments.revenue.v1"], groupId: "team-payments.connect.payments.archive" }],
  clusterTopics: ["sales.orders.v1", "team-payments.hourly-KSTREAM-AGG-repartition", "team-payments.hourly-store-changelog"],
  processors: [{ applicationId: "team-payments.hourly", outputTopics: ["payments.revenue.v1"] }],
  ...over,
});

describe("buildLineage", () => {
  it("says how each edge is known: declared ports, grants, observed readers", () => {
    const g = buildLineage(facts());
    const edge = (from: string, to: string) => g.edges.find((e) => e.from === from && e.to === to);
    expect(edge("product:orders", "product:revenue")?.known).toEqual(["declared"]);
    expect(edge("product:orders", "team:payments")).toMatchObject({ known: ["granted", "observed"], lastSeenAt: at });
    expect(unobservedGrant(edge("product:orders", "team:marketing")!)).toBe(true);
    expect(edge("product:revenue", "connector:c1")?.known).toEqual(["declared"]);
    // The owning team reading its own product is not lineage.
    expect(edge("product:orders", "team:sales")).toBeUndefined();
  });

  it("shows a Kafka Streams application as a processor, its internal topics under it, never as products", () => {
    const g = buildLineage(facts());
    const processor = g.nodes.find((n) => n.id === "processor:team-payments.hourly");
    expect(processor?.detail).toContain("team-payments.hourly-store-changelog");
    expect(g.edges.find((e) => e.from === "product:orders" && e.to === "processor:team-payments.hourly")?.known).toEqual(["observed"]);
    expect(g.nodes.filter((n) => n.kind === "product").map((n) => n.id)).toEqual(["product:orders", "product:revenue", "product:forecast"]);
    // Its output, from its registration.
    expect(g.edges.find((e) => e.from === "processor:team-payments.hourly" && e.to === "product:revenue")?.known).toEqual(["declared"]);
  });

  it("shows a registered application not seen running yet", () => {
    const g = buildLineage(facts({ reads: [], processors: [{ applicationId: "team-payments.later", outputTopics: [] }] }));
    expect(g.nodes.find((n) => n.id === "processor:team-payments.later")?.detail).toMatch(/not seen running/);
  });

  it("marks a sink's consumer group as the connector reading, observed", () => {
    const g = buildLineage(facts({ reads: [{ groupId: "team-payments.connect.payments.archive", topic: "payments.revenue.v1", teamId: "payments", lastCommitAt: at }] }));
    expect(g.edges.find((e) => e.to === "connector:c1")).toMatchObject({ known: ["declared", "observed"], lastSeenAt: at });
  });
});

describe("reachable and around", () => {
  it("lists everything downstream, direct and transitive, nearest first", () => {
    const down = reachable(buildLineage(facts({ processors: [] })), "product:orders", "down");
    expect(down.map((r) => [r.node.id, r.hops])).toEqual([
      ["product:revenue", 1],
      ["team:payments", 1],
      ["team:marketing", 1],
      ["processor:team-payments.hourly", 1],
      ["product:forecast", 2],
      ["connector:c1", 2],
    ]);
    expect(reachable(buildLineage(facts({ processors: [] })), "product:forecast", "up").map((r) => r.node.id)).toEqual(["product:revenue", "product:orders"]);
  });

  it("keeps a product's own lineage only", () => {
    const g = around(buildLineage(facts({ processors: [] })), "product:forecast");
    expect(g.nodes.map((n) => n.id).sort()).toEqual(["product:forecast", "product:orders", "product:revenue"]);
  });
});

describe("streamsApplications", () => {
  it("needs an internal topic named after the group", () => {
    expect([...streamsApplications(["a", "b"], ["a-store-changelog", "b.events", "c-x-repartition"]).keys()]).toEqual(["a"]);
  });
});
