import "server-only";
import { db } from "@/lib/db";
import type { DomainContext, Viewer } from "@/lib/auth";
import { ownersAbsentFor } from "./owners-absent";

export { OWNERS_ABSENT_AFTER_DAYS } from "./owners-absent";

/** Products classified restricted, or holding personal data, need a second approval by data protection. */
export function needsDataProtection(product: { classification: string; containsPii: boolean }): boolean {
  return product.classification === "RESTRICTED" || product.containsPii;
}

export async function ownedDomainIds(viewer: Viewer): Promise<string[]> {
  const rows = await db.domainOwner.findMany({ where: { userId: viewer.id }, select: { domainId: true } });
  return rows.map((r) => r.domainId);
}

/** Whether the viewer owns the product's domain, and whether its maintainers count as absent (lib/access/owners-absent.ts). */
export async function domainContext(
  viewer: Viewer,
  product: { domainId: string; ownerTeamId: string },
  pendingSince?: Date,
  now = new Date(),
): Promise<DomainContext> {
  const isDomainOwner = (await db.domainOwner.count({ where: { domainId: product.domainId, userId: viewer.id } })) > 0;
  if (!isDomainOwner) return { isDomainOwner, ownersAbsent: false };
  const ownerTeamMaintainers = await db.membership.count({ where: { teamId: product.ownerTeamId, role: "MAINTAINER" } });
  return { isDomainOwner, ownersAbsent: ownersAbsentFor({ pendingSince, ownerTeamMaintainers }, now) };
}
