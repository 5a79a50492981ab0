import { aclBindingsFor, aclDiff, bindingKey, desiredBindings, type AclBinding, type AclSpec } from "@/lib/kafka/acl-spec";

// Pure: what one reconcile pass does, from Meshport's grants and the ACLs Kafka listed. No I/O; unit-tested.
// What Kafka should hold comes from the grants alone (desiredBindings); Kafka's listing only says what differs.

/** A grant as the reconciler needs it (lib/provisioning/desired.ts reads them). */
export type GrantFacts = {
  id: string;
  status: "ACTIVE" | "REVOKED" | "EXPIRED";
  provisioning: "PENDING" | "APPLIED" | "FAILED";
  provisionedAt: Date | null;
  spec: AclSpec;
};

export type ReconcilePlan = {
  /** Missing bindings to re-create, by the active grant they are restored for (whose provisioning had completed). */
  restore: Map<string, AclBinding[]>;
  /** Bindings Meshport manages that no active grant implies, with an ended grant that implied them. */
  orphans: { binding: AclBinding; grantId: string }[];
  /** Everything else Kafka holds that no grant implies: reported, never touched. */
  unmanaged: AclBinding[];
};

/**
 * `listedAt`: when Kafka was listed. A missing binding is restored only for a grant provisioned before then
 * (one still PENDING belongs to its sync job, and one applied after the listing was not in it).
 */
export function planReconcile(grants: GrantFacts[], listed: AclBinding[], listedAt: Date): ReconcilePlan {
  const active = grants.filter((g) => g.status === "ACTIVE");
  const desired = desiredBindings(active.map((g) => g.spec));
  const impliedBy = new Map<string, string>(); // binding → an ended grant implying it
  for (const g of grants) {
    if (g.status === "ACTIVE") continue;
    for (const b of aclBindingsFor(g.spec)) {
      const k = bindingKey(b);
      if (!impliedBy.has(k)) impliedBy.set(k, g.id);
    }
  }
  const { add, remove } = aclDiff(desired, listed, (b) => impliedBy.has(bindingKey(b)));

  const missing = new Set(add.map(bindingKey));
  const restore = new Map<string, AclBinding[]>();
  const claimed = new Set<string>();
  for (const g of missing.size > 0 ? active : []) {
    if (g.provisioning !== "APPLIED" || !g.provisionedAt || g.provisionedAt > listedAt) continue;
    const own = aclBindingsFor(g.spec).filter((b) => missing.has(bindingKey(b)) && !claimed.has(bindingKey(b)));
    for (const b of own) claimed.add(bindingKey(b));
    if (own.length > 0) restore.set(g.id, own);
  }

  const desiredKeys = new Set(desired.map(bindingKey));
  const orphanKeys = new Set(remove.map(bindingKey));
  return {
    restore,
    orphans: remove.map((binding) => ({ binding, grantId: impliedBy.get(bindingKey(binding))! })),
    unmanaged: listed.filter((b) => !desiredKeys.has(bindingKey(b)) && !orphanKeys.has(bindingKey(b))),
  };
}
