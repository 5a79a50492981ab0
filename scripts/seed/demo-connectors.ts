// The demo's Kafka Connect pipeline: Payments archives the Orders it was granted into a file, through
// Meshport's own createConnector (policy, audit, team principal), so the demo shows a running sink.
import path from "node:path";
import { loadViewer } from "@/lib/auth";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createConnector } from "@/lib/connect";
import { createConnectorSchema } from "@/lib/connect/schemas";

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
