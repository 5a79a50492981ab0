import "server-only";
import { boss } from "@/lib/provisioning";
import { watchConnectors } from "./watch";

// The connector watch on pg-boss cron: the schedule lives in PostgreSQL, so with several Meshport
// instances each tick runs once; the singleton queue runs one watch at a time.

const WATCH_QUEUE = "connect.watch";
export const WATCH_CRON = "* * * * *";

export async function startConnectJobs(): Promise<void> {
  const b = await boss();
  await b.createQueue(WATCH_QUEUE, { name: WATCH_QUEUE, policy: "singleton" });
  await b.schedule(WATCH_QUEUE, WATCH_CRON);
  await b.work(WATCH_QUEUE, async () => {
    await watchConnectors();
  });
}
