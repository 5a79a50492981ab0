import "server-only";
import { boss } from "@/lib/provisioning";
import { checkAllConformance } from "./conformance";

const CONFORMANCE_QUEUE = "contracts.conformance";
/** Every five minutes: each pass reads at most SAMPLE_SIZE messages per port. */
export const CONFORMANCE_CRON = "*/5 * * * *";

/** Schedules the conformance pass; pg-boss sends one job per tick across instances, the singleton queue runs one at a time. */
export async function startContractJobs(): Promise<void> {
  const b = await boss();
  await b.createQueue(CONFORMANCE_QUEUE, { name: CONFORMANCE_QUEUE, policy: "singleton" });
  await b.schedule(CONFORMANCE_QUEUE, CONFORMANCE_CRON);
  await b.work(CONFORMANCE_QUEUE, async () => {
    const r = await checkAllConformance();
    console.info(`[conformance] ${r.ports} port(s), ${r.messages} message(s) in ${r.ms} ms`);
  });
}
