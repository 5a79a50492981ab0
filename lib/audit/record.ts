import "server-only";
import type { Prisma, Tx } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";

export type Actor = Pick<Viewer, "id" | "name"> | "system";
/** Who an audit event names: an Actor, or a tool the platform team runs outside the portal (`{ tool: "policies-cli" }`). */
export type AuditActor = Actor | { tool: string };

export type AuditEntry = {
  actor: AuditActor;
  /** `entity.verb` in the past tense, e.g. `access-request.approved`. */
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
};

// JSON columns cannot hold BigInt or Date objects as such; store them as strings.
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/** Records a state change. Call it with the transaction that makes the change. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actor === "system" || "tool" in entry.actor ? null : entry.actor.id,
      actorLabel: entry.actor === "system" ? "system" : "tool" in entry.actor ? entry.actor.tool : entry.actor.name,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
