import { forbidden } from "@/lib/errors";
import { membershipIn, type Viewer } from "./viewer";

// Permissions are named `verb:entity` and decided by pure functions of the
// viewer and the resource, so the whole matrix is unit-tested in one place.

type ProductRef = { ownerTeamId: string; lifecycle: string };

export type PermissionCheck =
  | { permission: "read:data-product"; product: ProductRef }
  | { permission: "create:data-product"; ownerTeamId: string }
  | { permission: "request:access"; product: ProductRef; consumerTeamId: string }
  | { permission: "decide:access-request"; product: ProductRef; requesterId: string }
  | { permission: "cancel:access-request"; requesterId: string }
  | { permission: "read:audit-log" }
  | { permission: "manage:policies" };

/** Returns null when allowed, else the reason it is not. */
export function denialReason(viewer: Viewer, check: PermissionCheck): string | null {
  switch (check.permission) {
    case "read:data-product": {
      if (check.product.lifecycle !== "DRAFT") return null;
      if (viewer.isPlatformAdmin || membershipIn(viewer, check.product.ownerTeamId)) return null;
      return "Drafts are visible to their owning team only.";
    }
    case "create:data-product":
      if (viewer.isPlatformAdmin || membershipIn(viewer, check.ownerTeamId)) return null;
      return "You can only create data products for a team you belong to.";
    case "request:access": {
      if (!membershipIn(viewer, check.consumerTeamId)) return "You can only request access for a team you belong to.";
      if (check.consumerTeamId === check.product.ownerTeamId) return "The owning team already has access to its own product.";
      if (check.product.lifecycle === "DRAFT" || check.product.lifecycle === "RETIRED")
        return "Access can only be requested to published products.";
      return null;
    }
    case "decide:access-request": {
      // Four eyes: nobody decides their own request, not even an admin.
      if (check.requesterId === viewer.id) return "You cannot decide on your own access request.";
      if (viewer.isPlatformAdmin) return null;
      if (membershipIn(viewer, check.product.ownerTeamId)?.role === "MAINTAINER") return null;
      return "Only maintainers of the owning team can decide access requests.";
    }
    case "cancel:access-request":
      return check.requesterId === viewer.id ? null : "Only the requester can cancel a request.";
    case "read:audit-log":
    case "manage:policies":
      return viewer.isPlatformAdmin ? null : "Only platform admins can do this.";
  }
}

export function can(viewer: Viewer, check: PermissionCheck): boolean {
  return denialReason(viewer, check) === null;
}

/** Throws a FORBIDDEN DomainError naming the missing permission. */
export function assertCan(viewer: Viewer, check: PermissionCheck): void {
  const reason = denialReason(viewer, check);
  if (reason) throw forbidden(`${reason} (missing permission ${check.permission})`);
}
