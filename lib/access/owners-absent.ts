import { foldCondition, matches, type Condition } from "@/lib/auth/conditions";
import type { Prisma } from "@/lib/db";

// When a product's own maintainers count as absent, so a domain owner may decide in their place (0020):
// written once, as a condition; read in memory (lib/access/context.ts, for one request) and as a Prisma
// filter over access requests (lib/access/queries.ts, the inbox). tests/integration/visibility-rules.test.ts
// checks that both readings agree.

/** A domain owner may stand in when a request has waited this long for the product's maintainers. */
export const OWNERS_ABSENT_AFTER_DAYS = 3;

export type OwnersAbsentLeaf =
  /** The request has been pending since `before` or earlier. */
  | { kind: "pendingSince"; before: Date }
  /** The product's owning team has no maintainer at all. */
  | { kind: "ownerTeamHasNoMaintainer" };

/** What the leaves need to know about one request: since when it waits (unset once decided), and its owners. */
export type OwnersAbsentFacts = { pendingSince?: Date; ownerTeamMaintainers: number };

export function ownersAbsent(now: Date): Condition<OwnersAbsentLeaf> {
  const before = new Date(now.getTime() - OWNERS_ABSENT_AFTER_DAYS * 86_400_000);
  return { anyOf: [{ leaf: { kind: "pendingSince", before } }, { leaf: { kind: "ownerTeamHasNoMaintainer" } }] };
}

export function ownersAbsentFor(facts: OwnersAbsentFacts, now: Date): boolean {
  return matches(ownersAbsent(now), facts, (leaf, f) =>
    leaf.kind === "pendingSince" ? f.pendingSince !== undefined && f.pendingSince <= leaf.before : f.ownerTeamMaintainers === 0,
  );
}

/** The same condition over pending access requests (their createdAt is when they started waiting). */
export function ownersAbsentWhere(now: Date): Prisma.AccessRequestWhereInput {
  return foldCondition<OwnersAbsentLeaf, Prisma.AccessRequestWhereInput>(ownersAbsent(now), {
    constant: (v) => (v ? {} : { id: { in: [] } }),
    anyOf: (parts) => ({ OR: parts }),
    allOf: (parts) => ({ AND: parts }),
    leaf: (leaf) =>
      leaf.kind === "pendingSince" ? { createdAt: { lte: leaf.before } } : { dataProduct: { ownerTeam: { memberships: { none: { role: "MAINTAINER" } } } } },
  });
}
