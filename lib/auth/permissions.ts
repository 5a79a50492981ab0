import { forbidden } from "@/lib/errors";
import { membershipIn, type Viewer } from "./viewer";
import { canSeeProduct, scopeOf } from "./visibility";
import { accessClosedReason } from "@/lib/governance/lifecycle";

// Permissions are named `verb:entity` and decided by pure functions of the
// viewer and the resource, so the whole matrix is unit-tested in one place.

/** `sunsetAt`: set on deprecated products; access requests close once it has passed. */
type ProductRef = { ownerTeamId: string; lifecycle: string; sunsetAt?: Date | null };

/** A product's lifecycle transitions (docs/decisions/0052); their conditions are lib/governance/lifecycle.ts. */
export type LifecycleTransition = "publish" | "deprecate" | "retire";

/** The facts about an access request that reading, commenting and renewing depend on. */
export type AccessRequestRef = {
  requesterId: string;
  consumerTeamId: string;
  requiresDataProtection: boolean;
  product: ProductRef;
};

/**
 * Context the caller looks up (the rules stay pure): whether the viewer owns the product's domain,
 * and whether the product's own maintainers count as absent (see docs/decisions/0020).
 */
export type DomainContext = { isDomainOwner?: boolean; ownersAbsent?: boolean };

export type ApprovalStep = "OWNER" | "DATA_PROTECTION";

export type PermissionCheck =
  | { permission: "read:data-product"; product: ProductRef }
  | { permission: "create:data-product"; ownerTeamId: string }
  | { permission: "request:access"; product: ProductRef; consumerTeamId: string; now?: Date }
  | ({
      permission: "decide:access-request";
      product: ProductRef;
      requesterId: string;
      /** Which approval is being given (default OWNER). */
      step?: ApprovalStep;
      /** Who gave the owner approval, for the data-protection step: it must be someone else. */
      ownerApproverId?: string | null;
    } & DomainContext)
  | { permission: "cancel:access-request"; requesterId: string }
  | ({ permission: "revoke:grant"; product: ProductRef } & DomainContext)
  | ({ permission: "read:access-request"; request: AccessRequestRef } & DomainContext)
  | ({ permission: "comment:access-request"; request: AccessRequestRef } & DomainContext)
  | { permission: "renew:access"; consumerTeamId: string }
  /** Publish schema versions, set a port's compatibility, start a new major version, edit the contract. */
  | ({ permission: "manage:contract"; product: ProductRef } & DomainContext)
  /** Latest messages of a port: the owning team, and teams whose active grant lets them read it. */
  | { permission: "read:sample-data"; product: ProductRef; consumerTeamIds: readonly string[] }
  | { permission: "read:product-health"; product: ProductRef }
  | { permission: "read:cluster-index" }
  | { permission: "read:acl-drift" }
  | { permission: "read:audit-log" }
  | { permission: "manage:policies" }
  // lifecycle: organisation and product life (docs/decisions/0050..0054)
  | { permission: "manage:organisation" }
  | { permission: "manage:team-members"; teamId: string }
  | { permission: "edit:data-product"; product: ProductRef }
  /** Publish a draft, deprecate an active product, retire a deprecated one. */
  | { permission: "change:product-lifecycle"; product: ProductRef; transition: LifecycleTransition }
  | { permission: "manage:users" }
  /** Edit the rules that turn the identity provider's groups into teams and roles (docs/decisions/0061). */
  | { permission: "manage:sign-in-rules" }
  /** Create, operate and delete a Kafka Connect connector, and read its configuration (docs/decisions/0064). */
  | { permission: "manage:connector"; teamId: string }
  /** Register a Kafka Streams application of the team (its outputs and internal topics). */
  | { permission: "manage:processor"; teamId: string }
  | { permission: "reconcile:acls" };

const maintains = (viewer: Viewer, teamId: string) => membershipIn(viewer, teamId)?.role === "MAINTAINER";

/** Owners of a product: its team's maintainers, platform admins, and the domain's owners. */
const ownsProduct = (viewer: Viewer, product: ProductRef, ctx: DomainContext) =>
  viewer.isPlatformAdmin || maintains(viewer, product.ownerTeamId) || Boolean(ctx.isDomainOwner);

/** Everyone with a part in a request: both teams, its requester, admins, domain owners, and data protection when it needs them. */
function involvedIn(viewer: Viewer, request: AccessRequestRef, ctx: DomainContext): boolean {
  return (
    viewer.isPlatformAdmin ||
    request.requesterId === viewer.id ||
    Boolean(membershipIn(viewer, request.consumerTeamId)) ||
    Boolean(membershipIn(viewer, request.product.ownerTeamId)) ||
    Boolean(ctx.isDomainOwner) ||
    (request.requiresDataProtection && viewer.isDataProtectionApprover)
  );
}

/** Returns null when allowed, else the reason it is not. */
export function denialReason(viewer: Viewer, check: PermissionCheck): string | null {
  switch (check.permission) {
    case "read:data-product":
      // The one visibility rule (lib/auth/visibility.ts); the catalog's Prisma and SQL filters are read from it too.
      return canSeeProduct(scopeOf(viewer), check.product) ? null : "Drafts are visible to their owning team only.";
    case "create:data-product":
      if (viewer.isPlatformAdmin || membershipIn(viewer, check.ownerTeamId)) return null;
      return "You can only create data products for a team you belong to.";
    case "request:access": {
      if (!membershipIn(viewer, check.consumerTeamId)) return "You can only request access for a team you belong to.";
      if (check.consumerTeamId === check.product.ownerTeamId) return "The owning team already has access to its own product.";
      return accessClosedReason(check.product, check.now ?? new Date());
    }
    case "decide:access-request": {
      // Four eyes: nobody decides their own request, not even an admin.
      if (check.requesterId === viewer.id) return "You cannot decide on your own access request.";
      if (check.step === "DATA_PROTECTION") {
        if (!viewer.isDataProtectionApprover) return "Only data-protection approvers give the second approval.";
        // Two approvals mean two people: the owner's approver cannot also give the data-protection one.
        if (check.ownerApproverId === viewer.id) return "You already gave the owner approval; another person must give the data-protection approval.";
        return null;
      }
      if (viewer.isPlatformAdmin) return null;
      if (maintains(viewer, check.product.ownerTeamId)) return null;
      if (check.isDomainOwner && check.ownersAbsent) return null;
      if (check.isDomainOwner) return "Domain owners decide only when the product's maintainers are absent.";
      return "Only maintainers of the owning team can decide access requests.";
    }
    case "cancel:access-request":
      return check.requesterId === viewer.id ? null : "Only the requester can cancel a request.";
    case "revoke:grant":
      return ownsProduct(viewer, check.product, check) ? null : "Only the product's owners and platform admins can revoke access.";
    case "read:access-request":
      return involvedIn(viewer, check.request, check) ? null : "Only the people involved can see this request.";
    case "comment:access-request":
      return involvedIn(viewer, check.request, check) ? null : "Only the people involved can comment on this request.";
    case "renew:access":
      return membershipIn(viewer, check.consumerTeamId) ? null : "Only members of the consuming team can ask to renew its access.";
    case "manage:team-members":
      return viewer.isPlatformAdmin || maintains(viewer, check.teamId) ? null : "Only the team's maintainers and platform admins can manage its members.";
    case "edit:data-product":
      if (check.product.lifecycle === "RETIRED") return "A retired product can no longer be changed.";
      return viewer.isPlatformAdmin || maintains(viewer, check.product.ownerTeamId) ? null : "Only maintainers of the owning team can change this product.";
    case "change:product-lifecycle":
      // One rule for every transition: the owning team's maintainers (and platform admins) run their product's life.
      if (check.product.lifecycle === "RETIRED") return "A retired product can no longer be changed.";
      return viewer.isPlatformAdmin || maintains(viewer, check.product.ownerTeamId)
        ? null
        : `Only maintainers of the owning team can ${check.transition} this product.`;
    case "manage:contract":
      return ownsProduct(viewer, check.product, check) ? null : "Only the product's owners and platform admins can change its contract.";
    case "read:sample-data":
      if (membershipIn(viewer, check.product.ownerTeamId)) return null;
      if (check.consumerTeamIds.some((t) => membershipIn(viewer, t))) return null;
      return "Only the owning team and teams with access see sample data.";
    case "read:product-health":
      // Consumers see their own groups' part without this (the page filters by their grants).
      return viewer.isPlatformAdmin || membershipIn(viewer, check.product.ownerTeamId) ? null : "Only the owning team and platform admins see a product's whole health.";
    case "manage:connector":
    case "manage:processor":
      // Connect's own API has no permissions: Meshport is the gate, so only the owning team (and admins) run its pipelines.
      return viewer.isPlatformAdmin || membershipIn(viewer, check.teamId) ? null : "Only members of the owning team can see and change its pipelines.";
    case "read:cluster-index":
    case "read:acl-drift":
    case "read:audit-log":
    case "manage:organisation":
    case "manage:policies":
    case "manage:users":
    case "manage:sign-in-rules":
    case "reconcile:acls":
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
