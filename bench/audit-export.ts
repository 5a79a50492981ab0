// The audit log's export at a million events: memory and time of the streamed export (keyset
// batches, lib/audit/export.ts) against one plain SELECT of the same rows on the same pool, in the
// same run. Runs against the stack `npm run demo` started (or DATABASE_URL).
//   npm run bench:audit            (AUDIT_EVENTS=1000000)
// Adds AUDIT_EVENTS events of its own target type, measures, then deletes them.
// Prints, last: audit_export_over_select=<x> export_peak_rss_mb=<m> select_peak_rss_mb=<n>
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { db, Prisma, queryRows } from "@/lib/db";
import { loadViewer } from "@/lib/auth";
import { exportAuditEvents } from "@/lib/audit/export";
import { toolEnv } from "@/lib/env";

const N = toolEnv.AUDIT_EVENTS;
const TYPE = `bench-audit-${randomUUID().slice(0, 8)}`;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

/** Runs `work` while sampling this process's RSS every 20 ms; returns its time and the peak RSS. */
async function measure<T>(work: () => Promise<T>): Promise<{ ms: number; peak: number; result: T }> {
  global.gc?.();
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { ms, peak, result };
}

async function main() {
  const admin = await db.user.findFirst({ where: { isPlatformAdmin: true } });
  const viewer = admin && (await loadViewer(admin.id));
  if (!viewer) throw new Error("no platform admin: run `npm run demo` first");
  const t0 = performance.now();
  await db.$executeRaw(Prisma.sql`
    INSERT INTO "AuditEvent" ("id", "at", "actorLabel", "action", "targetType", "targetId", "before", "after")
    SELECT 'bench' || g || ${TYPE}, timezone('UTC', now()) - make_interval(secs => g), 'bench', ${`${TYPE}.changed`}, ${TYPE}, 'target-' || (g % 1000),
           jsonb_build_object('retentionHours', g % 720), jsonb_build_object('retentionHours', g % 720 + 1, 'note', 'a, "quoted" value')
    FROM generate_series(1, ${N}) AS g`);
  // As autovacuum would after such a load: without statistics the planner takes the new target type
  // for a few rows and reads all of them through its index for every batch.
  await db.$executeRaw(Prisma.sql`ANALYZE "AuditEvent"`);
  console.log(`▸ ${N.toLocaleString("en")} events added in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  try {
    const filter = { targetType: TYPE };
    // Warm both paths once on a small slice, so neither pays for first-use costs.
    for await (const chunk of exportAuditEvents(viewer, { ...filter, q: "target-7," }, "csv")) void chunk;
    const exported = await measure(async () => {
      let bytes = 0;
      let rows = 0;
      for await (const chunk of exportAuditEvents(viewer, filter, "csv")) {
        bytes += Buffer.byteLength(chunk);
        rows += chunk.split("\r\n").length - 1;
      }
      return { bytes, rows: rows - 1 };
    });
    const selected = await measure(async () => (await queryRows<{ id: string }>(Prisma.sql`
      SELECT "id", "at", "actorId", "actorLabel", "action", "targetType", "targetId", "before", "after"
      FROM "AuditEvent" WHERE "targetType" = ${TYPE} ORDER BY "at" DESC, "id" DESC`)).length);
    console.log(`export (CSV, streamed): ${exported.result.rows.toLocaleString("en")} rows, ${mb(exported.result.bytes)} MiB in ${(exported.ms / 1000).toFixed(1)} s, peak RSS ${mb(exported.peak)} MiB`);
    console.log(`one SELECT of the same rows (held in memory): ${selected.result.toLocaleString("en")} rows in ${(selected.ms / 1000).toFixed(1)} s, peak RSS ${mb(selected.peak)} MiB`);
    console.log(`audit_export_over_select=${(exported.ms / selected.ms).toFixed(2)} export_peak_rss_mb=${mb(exported.peak)} select_peak_rss_mb=${mb(selected.peak)}`);
  } finally {
    await db.$executeRaw(Prisma.sql`DELETE FROM "AuditEvent" WHERE "targetType" = ${TYPE} OR ("action" = 'audit-log.exported' AND "after"->'filter'->>'targetType' = ${TYPE})`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
