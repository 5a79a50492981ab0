// The demo's pipelines: Payments archives the Orders it was granted into a file (a Kafka Connect sink,
// through Meshport's own createConnector: policy, audit, team principal), and derives Hourly Order Counts
// from them with a Kafka Streams application it registers (scripts/streams runs it).
import path from "node:path";
import { loadViewer } from "@/lib/auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createConnector } from "@/lib/connect";
import { createConnectorSchema } from "@/lib/connect/schemas";
import { registerProcessor, registerProcessorSchema } from "@/lib/streams";

/** The demo Streams application's id: under team-payments' group prefix. */
export const DEMO_STREAMS_APP = "team-payments.hourly-order-counts";

export async function seedProcessors(): Promise<string> {
  const [paul, payments, orders, counts] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { email: "paul@example.com" } }),
    db.team.findUniqueOrThrow({ where: { slug: "payments" } }),
    db.dataProduct.findUniqueOrThrow({ where: { slug: "orders" } }),
    db.dataProduct.findUniqueOrThrow({ where: { slug: "hourly-order-counts" }, include: { outputPorts: true } }),
  ]);
  await db.inputPort.upsert({ where: { dataProductId_upstreamProductId: { dataProductId: counts.id, upstreamProductId: orders.id } }, update: {}, create: { dataProductId: counts.id, upstreamProductId: orders.id } });
  if (await db.processor.findUnique({ where: { applicationId: DEMO_STREAMS_APP } })) return "demo processor registered";
  const viewer = await loadViewer(paul.id);
  if (!viewer) throw new Error("no viewer for the demo's Paul");
  await registerProcessor(viewer, registerProcessorSchema.parse({ teamId: payments.id, applicationId: DEMO_STREAMS_APP, outputTopics: counts.outputPorts.map((p) => p.topic) }));
  return `demo processor ${DEMO_STREAMS_APP} registered`;
}

export async function seedConnectors(): Promise<string> {
  if (!env.KAFKA_CONNECT_CREDENTIALS_FILE || !env.KAFKA_CONNECT_FILE_DIR) return "no local Kafka Connect: demo connector skipped";
  if (await db.connector.findUnique({ where: { name: "payments.orders-archive" } })) return "demo connector present";
  const [priya, payments, orders] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { email: "priya@example.com" } }),
    db.team.findUniqueOrThrow({ where: { slug: "payments" } }),
    db.outputPort.findFirstOrThrow({ where: { dataProduct: { slug: "orders" } } }),
  ]);
  const viewer = await loadViewer(priya.id);
  if (!viewer) throw new Error("no viewer for the demo's Priya");
  const input = createConnectorSchema.parse({
    teamId: payments.id,
    name: "orders-archive",
    kind: "SINK",
    connectorClass: "org.apache.kafka.connect.file.FileStreamSinkConnector",
    topics: orders.topic,
    config: { file: path.join(env.KAFKA_CONNECT_FILE_DIR, "orders-archive.txt") },
  });
  await createConnector(viewer, input);
  return "demo connector payments.orders-archive created";
}
