import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { provisionNow } from "@/lib/provisioning";
import { conflict, notFound } from "@/lib/errors";
import type { z } from "zod";
import type { decideAccessRequestSchema } from "./schemas";

type Decide = z.output<typeof decideAccessRequestSchema>;

export type DecisionResult = {
  status: "APPROVED" | "REJECTED";
  /** Set when the decision stands but Kafka has not applied the ACLs yet (a job keeps retrying). */
  provisioningWarning?: string;
};

async function loadForDecision(viewer: Viewer, requestId: string) {
  const request = await db.accessRequest.findUnique({
    where: { id: requestId },
    include: {
      dataProduct: { include: { outputPorts: { select: { id: true } } } },
      consumerTeam: { include: { principals: { orderBy: { createdAt: "asc" }, take: 1 } } },
    },
  });
  // Not allowed to decide looks the same as not existing, unless you can see the product.
  if (!request) throw notFound("Access request");
  assertCan(viewer, { permission: "decide:access-request", product: request.dataProduct, requesterId: request.requesterId });
  return request;
}

async function alreadyDecided(requestId: string): Promise<never> {
  const now = await db.accessRequest.findUnique({
    where: { id: requestId },
    include: { decidedBy: { select: { name: true } } },
  });
  const who = now?.decidedBy?.name ? ` by ${now.decidedBy.name}` : "";
  throw conflict(`This request was already ${now?.status.toLowerCase() ?? "decided"}${who}.`);
}

export async function decideAccessRequest(viewer: Viewer, input: Decide): Promise<DecisionResult> {
  const request = await loadForDecision(viewer, input.requestId);
  const principal = request.consumerTeam.principals[0];
  if (input.decision === "APPROVE" && !principal) {
    throw conflict(`Team ${request.consumerTeam.name} has no Kafka principal, so there is nothing to grant access to.`);
  }
  const status = input.decision === "APPROVE" ? "APPROVED" : "REJECTED";
  const decidedAt = new Date();

  const grantIds = await db.$transaction(async (tx) => {
    // The status condition makes the decision atomic: of two racing approvers
    // (or an approver racing a cancel), exactly one update matches.
    const { count } = await tx.accessRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status, pendingKey: null, decidedById: viewer.id, decidedAt, decisionReason: input.reason || null },
    });
    if (count === 0) return null;
    const ids: string[] = [];
    if (status === "APPROVED" && principal) {
      for (const port of request.dataProduct.outputPorts) {
        const grant = await tx.grant.create({
          data: {
            kind: "CONSUME",
            dataProductId: request.dataProductId,
            outputPortId: port.id,
            teamId: request.consumerTeamId,
            principalId: principal.id,
            accessRequestId: request.id,
            validUntil: request.accessUntil,
          },
        });
        ids.push(grant.id);
      }
    }
    await recordAudit(tx, {
      actor: viewer,
      action: status === "APPROVED" ? "access-request.approved" : "access-request.rejected",
      targetType: "access-request",
      targetId: request.id,
      before: { status: "PENDING" },
      after: { status, reason: input.reason || null, grants: ids, principal: principal?.principal },
    });
    return ids;
  });
  if (grantIds === null) return alreadyDecided(request.id);

  const failures: string[] = [];
  for (const id of grantIds) {
    const outcome = await provisionNow({ kind: "grant", id });
    if (!outcome.ok) failures.push(outcome.error);
  }
  return {
    status,
    provisioningWarning:
      failures.length > 0
        ? `Approved. Applying the ACLs in Kafka failed (${failures[0]}); Meshport retries automatically until Kafka accepts them.`
        : undefined,
  };
}

export async function cancelAccessRequest(viewer: Viewer, requestId: string): Promise<void> {
  const request = await db.accessRequest.findUnique({ where: { id: requestId } });
  if (!request) throw notFound("Access request");
  assertCan(viewer, { permission: "cancel:access-request", requesterId: request.requesterId });
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.accessRequest.updateMany({
      where: { id: requestId, status: "PENDING" },
      data: { status: "CANCELLED", pendingKey: null, decidedAt: new Date(), decidedById: viewer.id },
    });
    if (count === 1) {
      await recordAudit(tx, {
        actor: viewer,
        action: "access-request.cancelled",
        targetType: "access-request",
        targetId: requestId,
        before: { status: "PENDING" },
        after: { status: "CANCELLED" },
      });
    }
    return count === 1;
  });
  if (!changed) await alreadyDecided(requestId);
}
