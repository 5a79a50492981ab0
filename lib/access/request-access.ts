import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, type Viewer } from "@/lib/auth";
import { visibleProductsWhere } from "@/lib/catalog/visibility";
import { recordAudit } from "@/lib/audit";
import { latestAccessUntil, loadPolicies } from "@/lib/governance";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { z } from "zod";
import type { requestAccessSchema } from "./schemas";

type RequestAccess = z.output<typeof requestAccessSchema>;

export async function requestAccess(viewer: Viewer, input: RequestAccess): Promise<{ requestId: string }> {
  const product = await db.dataProduct.findFirst({
    where: { AND: [{ id: input.dataProductId }, visibleProductsWhere(viewer)] },
    select: { id: true, ownerTeamId: true, lifecycle: true, name: true },
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
  if (active) throw conflict("Your team already has access to this product.");

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
        },
      });
      await recordAudit(tx, {
        actor: viewer,
        action: "access-request.created",
        targetType: "access-request",
        targetId: request.id,
        after: { product: product.name, consumerTeamId: input.consumerTeamId, purpose: input.purpose, accessUntil },
      });
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
