import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import { assertCan, type ApprovalStep, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { notify, teamMemberIds } from "@/lib/notifications";
import { provisionNow } from "@/lib/provisioning";
import { conflict, notFound } from "@/lib/errors";
import type { z } from "zod";
import { domainContext } from "./context";
import type { decideAccessRequestSchema } from "./schemas";

type Decide = z.output<typeof decideAccessRequestSchema>;

export type DecisionResult = {
  /** PENDING: this approval was recorded and the request now waits for data protection. */
  status: "APPROVED" | "REJECTED" | "PENDING";
  step: ApprovalStep;
  /** Set when the decision stands but Kafka has not applied the ACLs yet (a job keeps retrying). */
  provisioningWarning?: string;
};

const href = (id: string) => `/access/${id}`;

async function loadForDecision(requestId: string) {
  const request = await db.accessRequest.findUnique({
    where: { id: requestId },
    include: {
      dataProduct: { include: { outputPorts: { select: { id: true } } } },
      consumerTeam: { include: { principals: { orderBy: { createdAt: "asc" }, take: 1 } } },
      approvals: true,
    },
  });
  if (!request) throw notFound("Access request");
  return request;
}

/** Which step a decision on this request is for: the owners first, then data protection when needed. */
export function nextStep(request: { requiresDataProtection: boolean; approvals: { step: string }[] }): ApprovalStep {
  const owner = request.approvals.some((a) => a.step === "OWNER");
  return request.requiresDataProtection && owner ? "DATA_PROTECTION" : "OWNER";
}

async function alreadyDecided(requestId: string, step?: ApprovalStep): Promise<never> {
  const now = await db.accessRequest.findUnique({
    where: { id: requestId },
    include: { decidedBy: { select: { name: true } }, approvals: { include: { approver: { select: { name: true } } } } },
  });
  if (now?.status === "PENDING" && step) {
    const given = now.approvals.find((a) => a.step === step);
    throw conflict(`This request was already approved by ${given?.approver.name ?? "someone else"} at this step.`);
  }
  const who = now?.decidedBy?.name ? ` by ${now.decidedBy.name}` : "";
  const status = now?.status === "ACTIVE" ? "approved" : (now?.status.toLowerCase() ?? "decided");
  throw conflict(`This request was already ${status}${who}.`);
}

/**
 * Takes the request's row lock while it is still PENDING. Every decision and cancel goes through
 * this first, so they serialize on the row: of two racing deciders, the second waits, then finds
 * the request changed and is told so.
 */
async function lockPending(tx: Tx, requestId: string): Promise<boolean> {
  const { count } = await tx.accessRequest.updateMany({ where: { id: requestId, status: "PENDING" }, data: { updatedAt: new Date() } });
  return count === 1;
}

export async function decideAccessRequest(viewer: Viewer, input: Decide): Promise<DecisionResult> {
  const request = await loadForDecision(input.requestId);
  const step = nextStep(request);
  const ownerApproval = request.approvals.find((a) => a.step === "OWNER");
  const ctx = await domainContext(viewer, request.dataProduct, request.createdAt);
  assertCan(viewer, {
    permission: "decide:access-request",
    product: request.dataProduct,
    requesterId: request.requesterId,
    step,
    ownerApproverId: ownerApproval?.approverId,
    ...ctx,
  });
  const principal = request.consumerTeam.principals[0];
  if (input.decision === "APPROVE" && !principal) {
    throw conflict(`Team ${request.consumerTeam.name} has no Kafka principal, so there is nothing to grant access to.`);
  }
  const reason = input.reason || null;
  const final = input.decision === "REJECT" || step === "DATA_PROTECTION" || !request.requiresDataProtection;
  const status = input.decision === "REJECT" ? "REJECTED" : final ? "APPROVED" : "PENDING";
  const decidedAt = new Date();
  const product = request.dataProduct;

  let grantIds: string[] | null;
  try {
    grantIds = await db.$transaction(async (tx) => {
      if (!(await lockPending(tx, request.id))) return null;
      // Re-read under the lock: the step must still be the one this viewer was authorized for.
      const approvals = await tx.accessApproval.findMany({ where: { accessRequestId: request.id } });
      if (nextStep({ requiresDataProtection: request.requiresDataProtection, approvals }) !== step) return null;
      if (input.decision === "APPROVE") {
        await tx.accessApproval.create({ data: { accessRequestId: request.id, step, approverId: viewer.id, reason } });
      }
      const ids: string[] = [];
      if (final) {
        await tx.accessRequest.update({
          where: { id: request.id },
          data: { status, pendingKey: null, decidedById: viewer.id, decidedAt, decisionReason: reason },
        });
        if (status === "APPROVED" && principal) {
          for (const port of product.outputPorts) {
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
      }
      await recordAudit(tx, {
        actor: viewer,
        action:
          status === "APPROVED" ? "access-request.approved" : status === "REJECTED" ? "access-request.rejected" : "access-request.owner-approved",
        targetType: "access-request",
        targetId: request.id,
        before: { status: "PENDING", approvals: approvals.map((a) => a.step) },
        after: { status, step, reason, grants: ids, principal: principal?.principal },
      });
      const consumers = [request.requesterId, ...(await teamMemberIds(tx, [request.consumerTeamId]))];
      if (status === "PENDING") {
        const dpos = await tx.user.findMany({ where: { isDataProtectionApprover: true }, select: { id: true } });
        await notify(
          tx,
          dpos.map((u) => u.id),
          { kind: "access-request.awaiting-data-protection", title: `${request.consumerTeam.name} → ${product.name} needs data-protection approval`, body: `The owners approved. ${product.name} is restricted or holds personal data.`, href: href(request.id) },
          viewer.id,
        );
      } else {
        await notify(
          tx,
          consumers,
          status === "APPROVED"
            ? { kind: "access-request.approved", title: `Access to ${product.name} approved`, body: reason ?? "The ACLs are being applied in Kafka.", href: href(request.id) }
            : { kind: "access-request.rejected", title: `Access to ${product.name} rejected`, body: reason ?? "", href: href(request.id) },
          viewer.id,
        );
      }
      return ids;
    });
  } catch (e) {
    // The unique (request, step) approval: a concurrent approver of the same step got there first.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return alreadyDecided(request.id, step);
    throw e;
  }
  if (grantIds === null) return alreadyDecided(request.id, step);

  const failures: string[] = [];
  for (const id of grantIds) {
    const outcome = await provisionNow({ kind: "grant", id });
    if (!outcome.ok) failures.push(outcome.error);
  }
  return {
    status,
    step,
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
