// Keeps a trickle of messages flowing into a few demo topics while the demo runs,
// so freshness and last-message times move. Stops on SIGTERM/SIGINT.
import { db } from "@/lib/db";
import { closeKafka, producer } from "@/lib/kafka";
import { products } from "./demo-mesh";
import { flaw, sampleMessage } from "./sample-messages";
import { demoEncoder, FLAWED_PRODUCT } from "./demo-contracts";
import { startDemoConsumers } from "./consumers";

// Order Lines is left out: its producer has "stalled", so it misses its freshness objective.
const FLOWING = ["orders", "cart-events", "stock-movements", "payments", "web-sessions", "store-footfall"];
const INTERVAL_MS = Number(process.env.MESHPORT_TRAFFIC_INTERVAL_MS ?? 3000);

async function main() {
  const ports = await db.outputPort.findMany({
    where: { dataProduct: { slug: { in: FLOWING } } },
    include: { dataProduct: true, schemaVersions: { where: { part: "VALUE" }, orderBy: { version: "desc" }, take: 1 } },
  });
  // Confluent wire format with each port's registered schema id (JSON for a port without one).
  const encoders = new Map(ports.map((port) => [port.id, demoEncoder(port.schemaVersions[0])]));
  await db.$disconnect();
  const p = await producer();
  const orders = ports.find((port) => port.dataProduct.slug === "orders");
  const stopConsumers = orders ? await startDemoConsumers(orders.topic) : async () => {};
  let i = 0;
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  while (!stopping) {
    for (const port of ports) {
      const demo = products.find((d) => d.slug === port.dataProduct.slug);
      if (!demo) continue;
      const tweak = demo.slug === FLAWED_PRODUCT ? flaw : undefined;
      await p.send({ topic: port.topic, messages: [sampleMessage(demo.fields, 1000 + i, Date.now(), encoders.get(port.id), tweak)] }).catch((e: unknown) => {
        console.warn(`[traffic] ${port.topic}: ${(e as Error).message}`);
      });
    }
    i++;
    await new Promise((r) => setTimeout(r, INTERVAL_MS));
  }
  await stopConsumers();
  await p.disconnect();
  await closeKafka();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
