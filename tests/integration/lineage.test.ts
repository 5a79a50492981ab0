// Lineage against the real broker and Connect worker: a declared input port, a grant with a real consumer
// group reading it (observed from committed offsets, through the cluster index), a connector, and a
// Kafka Streams-shaped application (a group with its own -changelog topic), each edge with the right kind.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/auth";
import { createDataProduct, setInputPorts } from "@/lib/catalog";
import { createDataProductSchema, setInputPortsSchema } from "@/lib/catalog/schemas";
import { decideAccessRequest, requestAccess } from "@/lib/access";
import { createConnector, deleteConnector } from "@/lib/connect";
import { createConnectorSchema } from "@/lib/connect/schemas";
import { refreshIndex } from "@/lib/cluster-index";
import { closeKafka, ensureTopic } from "@/lib/kafka";
import { meshLineage, productImpact, productLineageGraph } from "@/lib/lineage";
import { stopProvisioning } from "@/lib/provisioning";
import { consumeOne, eventually, produceAs } from "../support/kafka-clients";
import { inDays, teamId, unique, viewerByEmail } from "../support/viewers";

let sam: Viewer; // Sales maintainer
let priya: Viewer; // Payments member
let paul: Viewer; // Payments maintainer
let sales: string;
let payments: string;
const made = { upstream: "", downstream: "", topic: "", connectorId: "", streamsApp: "" };

function product(slug: string, owner: string) {
  return createDataProductSchema.parse({
    ownerTeamId: owner, name: `Lineage ${slug}`, slug, description: "Made by the lineage integration test.", classification: "INTERNAL",
    containsPii: false, lifecycle: "ACTIVE", tags: "test", partitions: 1, replicationFactor: 1, retentionHours: 6, cleanupPolicy: "delete",
    schema: '{"type":"record","name":"T","fields":[{"name":"id","type":"string"}]}',
  });
}

beforeAll(async () => {
  [sam, priya, paul] = await Promise.all([viewerByEmail("sam@example.com"), viewerByEmail("priya@example.com"), viewerByEmail("paul@example.com")]);
  [sales, payments] = await Promise.all([teamId("sales"), teamId("payments")]);
  const up = await createDataProduct(sam, product(unique("lin-up"), sales));
  const down = await createDataProduct(paul, product(unique("lin-down"), payments));
  made.upstream = (await db.dataProduct.findUniqueOrThrow({ where: { slug: up.slug } })).id;
  made.downstream = (await db.dataProduct.findUniqueOrThrow({ where: { slug: down.slug } })).id;
  made.topic = up.topic;
  await setInputPorts(paul, setInputPortsSchema.parse({ productId: made.downstream, upstream: [up.slug] }));
  expect(await produceAs("team-sales", made.topic, "hello")).toBe("ok");

  // Payments asks for the upstream product; Sam approves; a Payments consumer really reads it.
  const { requestId } = await requestAccess(priya, { dataProductId: made.upstream, consumerTeamId: payments, purpose: "Lineage test.", accessUntil: inDays(30), note: "" });
  await decideAccessRequest(sam, { requestId, decision: "APPROVE" });
  const read = await eventually(() => consumeOne("team-payments", made.topic, `team-payments.${unique("lin")}`, 8000), (r) => "value" in r, 30_000);
  expect(read).toEqual({ value: "hello" });

  // A Streams-shaped application of Payments: its group reads the topic, its state store has a changelog topic.
  made.streamsApp = `team-payments.${unique("hourly")}`;
  await ensureTopic({ topic: `${made.streamsApp}-store-changelog`, partitions: 1, replicationFactor: 1, configs: {} });
  expect(await consumeOne("team-payments", made.topic, made.streamsApp, 15_000)).toEqual({ value: "hello" });

  // Sales archives its own product with a sink.
  made.connectorId = (
    await createConnector(
      sam,
      createConnectorSchema.parse({ teamId: sales, name: unique("lin-sink"), kind: "SINK", connectorClass: "org.apache.kafka.connect.file.FileStreamSinkConnector", topics: made.topic, config: { file: path.join(env.KAFKA_CONNECT_FILE_DIR, `${unique("lin")}.txt`) } }),
    )
  ).id;
  await refreshIndex({ intervalMs: 1, holder: "lineage-test" });
});

afterAll(async () => {
  if (made.connectorId) await deleteConnector(sam, { id: made.connectorId });
  await stopProvisioning();
  await closeKafka();
});

describe("the demo's Kafka Streams application (scripts/streams, running as team-payments)", () => {
  it("is a processor reading Orders (observed) and writing Hourly Order Counts (registered), its internal topics under it", async () => {
    const orders = await db.dataProduct.findUniqueOrThrow({ where: { slug: "orders" } });
    const counts = await db.dataProduct.findUniqueOrThrow({ where: { slug: "hourly-order-counts" } });
    const app = "processor:team-payments.hourly-order-counts";
    const graph = await eventually(
      async () => {
        await refreshIndex({ intervalMs: 1, holder: "lineage-test" });
        return meshLineage(sam);
      },
      (g) => g.edges.some((e) => e.from === `product:${orders.id}` && e.to === app),
      30_000,
    );
    expect(graph.edges.find((e) => e.from === `product:${orders.id}` && e.to === app)?.known).toEqual(["observed"]);
    expect(graph.edges.find((e) => e.from === app && e.to === `product:${counts.id}`)?.known).toEqual(["declared"]);
    const node = graph.nodes.find((n) => n.id === app);
    expect(node?.detail).toMatch(/team-payments\.hourly-order-counts-.*-changelog/);
    expect(node?.detail).toMatch(/-repartition/);
    const impact = await productImpact(sam, orders.id);
    expect(impact.find((r) => r.node.id === `product:${counts.id}`)?.hops).toBe(1); // declared input port, and via the processor
  });
});

describe("lineage of a product", () => {
  it("knows each edge by how it is known: declared, granted and observed, connector, processor", async () => {
    const { graph, downstream } = await productLineageGraph(priya, (await db.dataProduct.findUniqueOrThrow({ where: { id: made.upstream } })).slug);
    const from = `product:${made.upstream}`;
    const edge = (to: string) => graph.edges.find((e) => e.from === from && e.to === to);
    expect(edge(`product:${made.downstream}`)?.known).toEqual(["declared"]);
    const grant = edge(`team:${payments}`);
    expect(grant?.known).toEqual(["granted", "observed"]);
    expect(grant?.lastSeenAt).toBeInstanceOf(Date);
    expect(edge(`connector:${made.connectorId}`)?.known[0]).toBe("declared");
    expect(edge(`processor:${made.streamsApp}`)?.known).toEqual(["observed"]);
    const processor = graph.nodes.find((n) => n.id === `processor:${made.streamsApp}`);
    expect(processor?.detail).toContain(`${made.streamsApp}-store-changelog`);
    // The internal topic is under the application, never a product.
    expect(graph.nodes.filter((n) => n.kind === "product").some((n) => n.detail?.includes("changelog"))).toBe(false);
    expect(downstream.map((r) => r.node.id)).toEqual(expect.arrayContaining([`product:${made.downstream}`, `team:${payments}`, `connector:${made.connectorId}`]));
  });

  it("lists impact transitively and shows a grant nobody reads as such", async () => {
    const marketing = await teamId("marketing");
    const reader = await viewerByEmail("mia@example.com");
    const { requestId } = await requestAccess(reader, { dataProductId: made.downstream, consumerTeamId: marketing, purpose: "Lineage test, never read.", accessUntil: inDays(30), note: "" });
    await decideAccessRequest(paul, { requestId, decision: "APPROVE" });
    const impact = await productImpact(sam, made.upstream);
    const marketingReach = impact.find((r) => r.node.id === `team:${marketing}`);
    expect(marketingReach?.hops).toBe(2);
    expect(marketingReach?.via.known).toEqual(["granted"]);
    const mesh = await meshLineage(sam);
    expect(mesh.edges.find((e) => e.from === `product:${made.downstream}` && e.to === `team:${marketing}`)?.known).toEqual(["granted"]);
  });
});
