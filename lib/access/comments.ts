import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { notify, teamMemberIds } from "@/lib/notifications";
import { notFound } from "@/lib/errors";
import { domainContext } from "./context";

/** Adds a comment to a request's thread and tells the others involved. */
export async function addComment(viewer: Viewer, input: { requestId: string; body: string }): Promise<{ commentId: string }> {
  const request = await db.accessRequest.findUnique({
    where: { id: input.requestId },
    include: { dataProduct: true, approvals: { select: { approverId: true } } },
  });
  if (!request) throw notFound("Access request");
  const ctx = await domainContext(viewer, request.dataProduct);
  // Outsiders get NOT_FOUND, as if the request did not exist.
  if (request.requesterId !== viewer.id) {
    try {
      assertCan(viewer, { permission: "comment:access-request", request: { ...request, product: request.dataProduct }, ...ctx });
    } catch {
      throw notFound("Access request");
    }
  }
  return db.$transaction(async (tx) => {
    const comment = await tx.accessRequestComment.create({ data: { accessRequestId: request.id, authorId: viewer.id, body: input.body } });
    await recordAudit(tx, { actor: viewer, action: "access-request.commented", targetType: "access-request", targetId: request.id, after: { commentId: comment.id } });
    const others = [
      request.requesterId,
      ...request.approvals.map((a) => a.approverId),
      ...(await teamMemberIds(tx, [request.dataProduct.ownerTeamId], true)),
    ];
    await notify(tx, others, { kind: "access-request.commented", title: `${viewer.name} commented on a request for ${request.dataProduct.name}`, body: input.body.slice(0, 200), href: `/access/${request.id}` }, viewer.id);
    return { commentId: comment.id };
  });
}
