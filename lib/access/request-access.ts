import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { visibleProductsWhere } from "@/lib/catalog/visibility";
import { recordAudit } from "@/lib/audit";
import { latestAccessUntil, loadPolicies } from "@/lib/governance";
import { notify, teamMemberIds } from "@/lib/notifications";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { z } from "zod";
import { needsDataProtection } from "./context";
import type { requestAccessSchema } from "./schemas";

type RequestAccess = z.output<typeof requestAccessSchema>;

export async function requestAccess(viewer: Viewer, input: RequestAccess, renewalOfId?: string): Promise<{ requestId: string }> {
  const product = await db.dataProduct.findFirst({
    where: { AND: [{ id: input.dataProductId }, visibleProductsWhere(viewer)] },
    select: { id: true, ownerTeamId: true, lifecycle: true, sunsetAt: true, name: true, classification: true, containsPii: true },
  });
  if (!product) throw notFound("Data product");
  assertCan(viewer, { permission: "request:access", product, consumerTeamId: input.consumerTeamId });

  // End of the chosen day, in UTC: "until 2027-01-31" includes the 31st.
  const accessUntil = new Date(`${input.accessUntil}T23:59:59.999Z`);
  const policies = await loadPolicies();
  const now = new Date();
  if (accessUntil <= now) throw invalid("Choose a date in the future.", { accessUntil: "Choose a date in the future." });
  const latest = latestAccessUntil(now, policies);
  if (accessUntil > latest) {
    const message = `Access can be granted for at most ${policies.maxAccessDays} days (until ${latest.toISOString().slice(0, 10)}).`;
    throw invalid(message, { accessUntil: message });
  }

  const active = await db.grant.findFirst({
    where: { dataProductId: product.id, teamId: input.consumerTeamId, kind: "CONSUME", status: "ACTIVE" },
    select: { id: true },
  });
  if (active && !renewalOfId) throw conflict("Your team already has access to this product.");

  try {
    return await db.$transaction(async (tx) => {
      const request = await tx.accessRequest.create({
        data: {
          dataProductId: product.id,
          consumerTeamId: input.consumerTeamId,
          requesterId: viewer.id,
          purpose: input.purpose,
          note: input.note || null,
          accessUntil,
          pendingKey: `${product.id}:${input.consumerTeamId}`,
          requiresDataProtection: needsDataProtection(product),
          renewalOfId: renewalOfId ?? null,
        },
        include: { consumerTeam: { select: { name: true } } },
      });
      await recordAudit(tx, {
        actor: viewer,
        action: "access-request.created",
        targetType: "access-request",
        targetId: request.id,
        after: { product: product.name, consumerTeamId: input.consumerTeamId, purpose: input.purpose, accessUntil, renewalOfId, requiresDataProtection: request.requiresDataProtection },
      });
      await notify(
        tx,
        await teamMemberIds(tx, [product.ownerTeamId], true),
        {
          kind: "access-request.created",
          title: `${request.consumerTeam.name} ${renewalOfId ? "asks to renew access to" : "requests access to"} ${product.name}`,
          body: input.purpose,
          href: `/access/${request.id}`,
        },
        viewer.id,
      );
      return { requestId: request.id };
    });
  } catch (e) {
    // pendingKey is unique: the database refuses a second pending request, even under a race.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw conflict("Your team already has a pending request for this product.", {
        consumerTeamId: "This team already has a pending request for this product.",
      });
    }
    throw e;
  }
}

/**
 * One-click renewal (from an expiry notice or the request page): a new pending request for the same
 * product and team, with the same purpose, for the same length as before (within the policy's maximum).
 */
export async function requestRenewal(viewer: Viewer, requestId: string): Promise<{ requestId: string }> {
  const previous = await db.accessRequest.findUnique({ where: { id: requestId } });
  if (!previous) throw notFound("Access request");
  assertCan(viewer, { permission: "renew:access", consumerTeamId: previous.consumerTeamId });
  if (!["APPROVED", "ACTIVE", "EXPIRED"].includes(previous.status)) {
    throw conflict("Only granted or expired access can be renewed; send a new request instead.");
  }
  const policies = await loadPolicies();
  const now = new Date();
  const length = Math.max(86_400_000, (previous.accessUntil?.getTime() ?? now.getTime()) - previous.createdAt.getTime());
  const from = Math.max(now.getTime(), previous.accessUntil?.getTime() ?? now.getTime());
  // A day short of the policy limit: the chosen date counts to its end (see above).
  const until = new Date(Math.min(from + length, latestAccessUntil(now, policies).getTime() - 86_400_000));
  return requestAccess(
    viewer,
    {
      dataProductId: previous.dataProductId,
      consumerTeamId: previous.consumerTeamId,
      purpose: previous.purpose,
      accessUntil: until.toISOString().slice(0, 10),
      note: `Renewal of the access granted until ${previous.accessUntil?.toISOString().slice(0, 10) ?? "—"}.`,
    },
    previous.id,
  );
}
