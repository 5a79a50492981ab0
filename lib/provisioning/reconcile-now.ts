import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { assertCan, type Viewer } from "@/lib/auth";
import { reconcileAcls, type ReconcileReport } from "./reconcile";

/**
 * A platform admin's "Reconcile now": the same run as the schedule's, recorded as theirs. What the
 * run changes is audited by the reconciler itself (actor "system"); this event says who asked and
 * what came of it, a failure included.
 */
export async function reconcileNow(viewer: Viewer): Promise<ReconcileReport> {
  assertCan(viewer, { permission: "reconcile:acls" });
  let report: ReconcileReport | undefined;
  let failure: unknown;
  try {
    report = await reconcileAcls();
  } catch (e) {
    failure = e;
  }
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: viewer,
      action: "acls.reconciled-on-request",
      targetType: "kafka-acls",
      targetId: "cluster",
      after: report ?? { error: failure instanceof Error ? failure.message : String(failure) },
    }),
  );
  if (!report) throw failure;
  return report;
}
