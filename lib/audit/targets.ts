import "server-only";
import { db } from "@/lib/db";

export type TargetLink = { href: string; label: string };

type Event = { targetType: string; targetId: string };

const key = (type: string, id: string) => `${type}:${id}`;
const idsOf = (events: Event[], type: string) => [...new Set(events.filter((e) => e.targetType === type).map((e) => e.targetId))];

/** Pages that show a whole kind of target rather than one of them. */
const PAGES: Record<string, { href: string; label: string }> = {
  policy: { href: "/admin/policies", label: "Policies" },
  user: { href: "/admin/users", label: "Users" },
  domain: { href: "/admin/organisation", label: "Organisation" },
  "kafka-acls": { href: "/admin/drift", label: "ACL drift" },
  "audit-log": { href: "/admin/audit", label: "Audit log" },
};

/**
 * Where each event's target lives in the portal, named as people know it (a product's name, not its
 * id), in one query per kind of target on the page. A target that no longer exists gets no link.
 */
export async function targetLinks(events: Event[]): Promise<Map<string, TargetLink>> {
  const [products, ports, teams, grants, connectors] = await Promise.all([
    db.dataProduct.findMany({ where: { id: { in: idsOf(events, "data-product") } }, select: { id: true, slug: true, name: true } }),
    db.outputPort.findMany({ where: { id: { in: idsOf(events, "output-port") } }, select: { id: true, topic: true, dataProduct: { select: { slug: true } } } }),
    db.team.findMany({ where: { id: { in: idsOf(events, "team") } }, select: { id: true, slug: true, name: true } }),
    db.grant.findMany({ where: { id: { in: idsOf(events, "grant") } }, select: { id: true, accessRequestId: true, dataProduct: { select: { slug: true, name: true } } } }),
    db.connector.findMany({ where: { id: { in: idsOf(events, "connector") } }, select: { id: true, name: true } }),
  ]);
  const links = new Map<string, TargetLink>();
  for (const p of products) links.set(key("data-product", p.id), { href: `/products/${p.slug}`, label: p.name });
  for (const p of ports) links.set(key("output-port", p.id), { href: `/products/${p.dataProduct.slug}`, label: p.topic });
  for (const t of teams) links.set(key("team", t.id), { href: `/teams/${t.slug}`, label: t.name });
  for (const g of grants) {
    const href = g.accessRequestId ? `/access/${g.accessRequestId}` : `/products/${g.dataProduct.slug}`;
    links.set(key("grant", g.id), { href, label: `Grant on ${g.dataProduct.name}` });
  }
  for (const c of connectors) links.set(key("connector", c.id), { href: `/connectors/${c.id}`, label: c.name });
  for (const id of idsOf(events, "access-request")) links.set(key("access-request", id), { href: `/access/${id}`, label: `Request ${id.slice(-8)}` });
  for (const e of events) {
    const page = PAGES[e.targetType];
    if (page) links.set(key(e.targetType, e.targetId), page);
  }
  return links;
}

export const targetKey = key;
