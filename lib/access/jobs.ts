import "server-only";
import { boss } from "@/lib/provisioning";
import { expireDueGrants, sendExpiryNotices } from "./end-access";

// Access lifecycle on pg-boss cron (per minute at the finest). The schedules live in PostgreSQL, so with
// several Meshport instances each tick sends one job; the singleton queues run one at a time; and the
// functions themselves claim each grant with a conditional update, so even a double run changes nothing twice.

const EXPIRE_QUEUE = "access.expire";
const NOTICE_QUEUE = "access.expiry-notices";
export const EXPIRE_CRON = "* * * * *";
export const NOTICE_CRON = "*/15 * * * *";

export async function startAccessJobs(): Promise<void> {
  const b = await boss();
  await b.createQueue(EXPIRE_QUEUE, { name: EXPIRE_QUEUE, policy: "singleton" });
  await b.createQueue(NOTICE_QUEUE, { name: NOTICE_QUEUE, policy: "singleton" });
  await b.schedule(EXPIRE_QUEUE, EXPIRE_CRON);
  await b.schedule(NOTICE_QUEUE, NOTICE_CRON);
  await b.work(EXPIRE_QUEUE, async () => {
    await expireDueGrants(new Date());
  });
  await b.work(NOTICE_QUEUE, async () => {
    await sendExpiryNotices(new Date());
  });
}
