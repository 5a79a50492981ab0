// Real consumer groups for the demo, reading Sam's Orders topic as the teams granted access:
// one keeping up, one lagging (slower than the producer), one that read the backlog once and
// stopped. The dashboard shows all three within a collector interval or two.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Consumer } from "kafkajs";
import { kafkaClientFor } from "@/lib/kafka";

export const DEMO_CONSUMERS = [
  { user: "team-marketing", group: "team-marketing.campaign-attribution", mode: "keeping-up" },
  { user: "team-payments", group: "team-payments.order-reconciliation", mode: "lagging" },
  { user: "team-marketing", group: "team-marketing.weekly-report", mode: "stopped" },
] as const;

/** The lagging consumer handles a message this often: slower than the demo producer's 3 s. */
const LAGGING_MS_PER_MESSAGE = Number(process.env.MESHPORT_DEMO_LAGGING_MS ?? 9000);

function passwords(): Record<string, string> | null {
  const file = path.resolve(process.env.MESHPORT_DATA_DIR ?? ".meshport", "kafka/principals.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : null;
}

/** Starts the consumers; resolves to a function that stops them. Skipped when the team passwords are unknown (not the local broker). */
export async function startDemoConsumers(topic: string): Promise<() => Promise<void>> {
  const secrets = passwords();
  if (!secrets) {
    console.warn("[traffic] no local principals.json: demo consumers not started");
    return async () => {};
  }
  const running: Consumer[] = [];
  for (const c of DEMO_CONSUMERS) {
    const password = secrets[c.user];
    if (!password) continue;
    const consumer = kafkaClientFor({ username: c.user, password }, { clientId: c.group }).consumer({ groupId: c.group, maxWaitTimeInMs: 500, retry: { retries: 8 } });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      if (c.mode === "stopped") {
        await readBacklogOnce(consumer);
        continue;
      }
      running.push(consumer);
      await consumer.run({
        partitionsConsumedConcurrently: 1,
        eachMessage: async ({ heartbeat }) => {
          if (c.mode === "lagging") await new Promise((r) => setTimeout(r, LAGGING_MS_PER_MESSAGE));
          await heartbeat();
        },
      });
    } catch (e) {
      console.warn(`[traffic] consumer ${c.group}: ${(e as Error).message}`);
    }
  }
  return async () => {
    await Promise.allSettled(running.map((c) => c.disconnect()));
  };
}

/** Reads until idle for two seconds, commits, and leaves the group: its lag then grows with every message. */
async function readBacklogOnce(consumer: Consumer): Promise<void> {
  let last = Date.now();
  await consumer.run({ eachMessage: async () => void (last = Date.now()) });
  const started = Date.now();
  while (Date.now() - last < 2000 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 250));
  await consumer.disconnect();
}
