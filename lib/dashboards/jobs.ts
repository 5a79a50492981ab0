import "server-only";
import { boss } from "@/lib/provisioning";
import { flagUnusedGrants } from "./unused-grants";

// Unused grants are looked for hourly on pg-boss cron (one job per tick across instances, singleton
// queue); flagUnusedGrants claims each notice with an insert, so a double run tells nobody twice.
const UNUSED_QUEUE = "dashboards.unused-grants";
export const UNUSED_CRON = "7 * * * *";

export async function startDashboardJobs(): Promise<void> {
  const b = await boss();
  await b.createQueue(UNUSED_QUEUE, { name: UNUSED_QUEUE, policy: "singleton" });
  await b.schedule(UNUSED_QUEUE, UNUSED_CRON);
  await b.work(UNUSED_QUEUE, async () => {
    await flagUnusedGrants(new Date());
  });
}
