import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { notFound } from "@/lib/errors";
import { env } from "@/lib/env";
import { deleteConnectorInConnect, pauseConnector, restartConnector, resumeConnector } from "./client";
import { ConnectError } from "./errors";
import { withConnect } from "./guard";

// Operating a connector: each change is audited in the transaction whose last step asks Connect, so the
// audit log never records an operation Connect refused.

async function ownedConnector(viewer: Viewer, id: string) {
  const row = await db.connector.findUnique({ where: { id }, select: { id: true, name: true, teamId: true } });
  if (!row) throw notFound("Connector");
  assertCan(viewer, { permission: "manage:connector", teamId: row.teamId });
  return row;
}

const OPERATIONS = {
  pause: { action: "connector.paused", run: pauseConnector },
  resume: { action: "connector.resumed", run: resumeConnector },
  restart: { action: "connector.restarted", run: restartConnector },
} as const;

export async function operateConnector(viewer: Viewer, input: { id: string; operation: keyof typeof OPERATIONS }): Promise<void> {
  const row = await ownedConnector(viewer, input.id);
  const op = OPERATIONS[input.operation];
  await db.$transaction(
    async (tx) => {
      await recordAudit(tx, { actor: viewer, action: op.action, targetType: "connector", targetId: row.id, after: { name: row.name } });
      await withConnect(`${input.operation} ${row.name}`, () => op.run(row.name));
    },
    { timeout: env.KAFKA_CONNECT_TIMEOUT_MS + 5000 },
  );
}

/** Deletes the connector in Connect and Meshport; one Connect no longer knows is simply forgotten. */
export async function deleteConnector(viewer: Viewer, input: { id: string }): Promise<void> {
  const row = await ownedConnector(viewer, input.id);
  await db.$transaction(
    async (tx) => {
      await tx.connector.delete({ where: { id: row.id } });
      await recordAudit(tx, { actor: viewer, action: "connector.deleted", targetType: "connector", targetId: row.id, before: { name: row.name } });
      await withConnect(`deleting ${row.name}`, async () => {
        try {
          await deleteConnectorInConnect(row.name);
        } catch (e) {
          if (!(e instanceof ConnectError && e.notFound)) throw e;
        }
      });
    },
    { timeout: env.KAFKA_CONNECT_TIMEOUT_MS + 5000 },
  );
}
