import "server-only";
import { db } from "@/lib/db";
import { desiredBindings, type AclBinding, type AclSpec } from "@/lib/kafka";
import type { GrantFacts } from "./reconcile-plan";

// What Kafka should hold, read from Meshport's own records only (grants, their ports, their principals).
// See docs/decisions/0034: the broker's current ACLs never decide what to keep.


const grantSelect = {
  id: true,
  kind: true,
  status: true,
  provisioning: true,
  provisionedAt: true,
  principal: { select: { principal: true } },
  outputPort: { select: { topic: true } },
} as const;

type GrantRow = { id: string; kind: "PRODUCE" | "CONSUME"; status: GrantFacts["status"]; provisioning: GrantFacts["provisioning"]; provisionedAt: Date | null; principal: { principal: string }; outputPort: { topic: string } };

export function specOf(g: Pick<GrantRow, "kind" | "principal" | "outputPort">): AclSpec {
  return { principal: g.principal.principal, topic: g.outputPort.topic, access: g.kind };
}

const facts = (g: GrantRow): GrantFacts => ({ id: g.id, status: g.status, provisioning: g.provisioning, provisionedAt: g.provisionedAt, spec: specOf(g) });

/** Every grant, active or ended: the reconciler's view of Meshport's records. */
export async function loadGrantFacts(): Promise<GrantFacts[]> {
  return (await db.grant.findMany({ select: grantSelect })).map(facts);
}

/** What Kafka should hold for these principals now: the bindings their active grants imply. */
export async function desiredForPrincipals(principals: string[]): Promise<AclBinding[]> {
  if (principals.length === 0) return [];
  const active = await db.grant.findMany({ where: { status: "ACTIVE", principal: { principal: { in: principals } } }, select: grantSelect });
  return desiredBindings(active.map(specOf));
}
