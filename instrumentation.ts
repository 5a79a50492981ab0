// Next.js calls register() once per server instance at start-up.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (!env.MESHPORT_WORKER) return;
  const { startProvisioningWorker } = await import("@/lib/provisioning");
  const { startAccessJobs } = await import("@/lib/access");
  // A broken queue must not stop the portal from serving pages; log and go on.
  await startProvisioningWorker().catch((e: unknown) => console.error("[worker] could not start:", e));
  await startAccessJobs().catch((e: unknown) => console.error("[worker] could not start the access jobs:", e));
  const { startContractJobs } = await import("@/lib/contracts/jobs");
  await startContractJobs().catch((e: unknown) => console.error("[worker] could not start the contract jobs:", e));
  const { startCollector } = await import("@/lib/cluster-index");
  startCollector();
  const { startAuditJobs } = await import("@/lib/audit/jobs");
  await startAuditJobs().catch((e: unknown) => console.error("[worker] could not start the audit jobs:", e));
  const { startConnectJobs } = await import("@/lib/connect/jobs");
  await startConnectJobs().catch((e: unknown) => console.error("[worker] could not start the connector watch:", e));
  const { startDashboardJobs } = await import("@/lib/dashboards");
  await startDashboardJobs().catch((e: unknown) => console.error("[worker] could not start the dashboard jobs:", e));
}
