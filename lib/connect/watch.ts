import "server-only";
import { db } from "@/lib/db";
import { notify, teamMemberIds } from "@/lib/notifications";
import { getConnectorStatus } from "./client";
import { ConnectError, ConnectUnavailableError } from "./errors";
import { overallState } from "./status";

/**
 * Reads every connector's state from Connect. A connector that failed tells its team once (claimed with a
 * conditional update, so two instances never send it twice); one that recovers can tell them again later.
 */
export async function watchConnectors(now = new Date()): Promise<{ checked: number; notified: number }> {
  const rows = await db.connector.findMany({ select: { id: true, name: true, teamId: true } });
  let notified = 0;
  for (const row of rows) {
    let state: string;
    let error: string | null;
    try {
      ({ state, error } = overallState(await getConnectorStatus(row.name)));
    } catch (e) {
      if (e instanceof ConnectUnavailableError) return { checked: 0, notified };
      if (!(e instanceof ConnectError && e.notFound)) throw e;
      ({ state, error } = { state: "MISSING", error: "Kafka Connect no longer knows this connector." });
    }
    await db.$transaction(async (tx) => {
      await tx.connector.update({ where: { id: row.id }, data: { lastState: state, lastError: error, lastCheckedAt: now } });
      if (state !== "FAILED") {
        await tx.connector.updateMany({ where: { id: row.id, failureNotifiedAt: { not: null } }, data: { failureNotifiedAt: null } });
        return;
      }
      const claimed = await tx.connector.updateMany({ where: { id: row.id, failureNotifiedAt: null }, data: { failureNotifiedAt: now } });
      if (claimed.count === 0) return;
      notified += await notify(tx, await teamMemberIds(tx, [row.teamId]), {
        kind: "connector.task-failed",
        title: `Connector ${row.name} failed`,
        body: error ?? "",
        href: `/connectors/${row.id}`,
      });
    });
  }
  return { checked: rows.length, notified };
}
