// The broker dies (SIGKILL) in the middle of 100 approvals given in parallel by four owners, and comes back
// 15 s later. Promised: every approval stands, the request page says "pending" meanwhile (not an error),
// and afterwards all 100 grants are enforced by the broker, no ACL is extra or missing, and the audit log
// holds each approval and each activation once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bindingKey, closeKafka, listAcls } from "@/lib/kafka";
import { decideAccessRequest, type DecisionResult } from "@/lib/access";
import { stopProvisioning } from "@/lib/provisioning";
import { desiredForPrincipals } from "@/lib/provisioning/desired";
import { askForAccess, inParallel, newConsumerTeam, newProduct, newTeam, type Product, type Team } from "./support/mesh";
import { readEveryTopicAs } from "./support/consumers";
import { startPortal, stopAllPortals, type Portal } from "./support/portal";
import { getAs, sessionCookie, visibleText } from "./support/session";
import { killService, sleep, startService, waitFor } from "./support/services";

const OWNERS = 4;
const PRODUCTS_PER_OWNER = 5;
const CONSUMERS = 5; // 4 × 5 products × 5 consumer teams = 100 requests
const KILL_AFTER = 25; // approvals answered before the broker is killed
const DOWN_FOR_MS = 15_000;

type Ask = { requestId: string; consumer: Team; product: Product };

let portal: Portal;
let consumers: Team[];
let asks: Ask[];

beforeAll(async () => {
  const owners = await inParallel(Array.from({ length: OWNERS }), 2, () => newTeam("own"));
  const products = (await inParallel(owners, 2, (o) => inParallel(Array.from({ length: PRODUCTS_PER_OWNER }), 1, () => newProduct(o)))).flat();
  consumers = [];
  for (let i = 0; i < CONSUMERS; i++) consumers.push(await newConsumerTeam());
  const pairs = consumers.flatMap((consumer) => products.map((product) => ({ consumer, product })));
  asks = await inParallel(pairs, 8, async (p) => ({ ...p, requestId: await askForAccess(p.consumer, p.product) }));
  portal = await startPortal(0);
});

afterAll(async () => {
  await stopAllPortals();
  await stopProvisioning();
  await closeKafka();
});

describe("the broker is killed during 100 parallel approvals", () => {
  it("ends with all 100 grants enforced, each once, and said 'pending' meanwhile", async () => {
    // Each owner approves the requests for their products, one after another; the four owners at once.
    const byOwner = new Map<string, Ask[]>();
    for (const a of asks) byOwner.set(a.product.owner.id, [...(byOwner.get(a.product.owner.id) ?? []), a]);
    let answered = 0;
    let killed = false;
    let releaseKill: () => void = () => {};
    const killPoint = new Promise<void>((resolve) => (releaseKill = resolve));
    const outcomes = new Map<string, DecisionResult | Error>();
    const approvedWhileDown: string[] = [];

    const approvals = Promise.all(
      [...byOwner.values()].map(async (list) => {
        for (const a of list) {
          const result = await decideAccessRequest(a.product.owner.member, { requestId: a.requestId, decision: "APPROVE" }).catch((e: Error) => e);
          outcomes.set(a.requestId, result);
          if (killed && !(result instanceof Error)) approvedWhileDown.push(a.requestId);
          if (++answered === KILL_AFTER) releaseKill();
        }
      }),
    );

    await killPoint;
    await killService("kafka");
    killed = true;
    const downSince = Date.now();

    // Meanwhile a consumer opens a request approved while Kafka was down: a page, not an error.
    const seenWhileDown = await waitFor("an approval answered while Kafka is down", async () => approvedWhileDown.length, (n) => n > 0, 30_000, 200);
    expect(seenWhileDown).toBeGreaterThan(0);
    const requestId = approvedWhileDown[0]!;
    const ask = asks.find((a) => a.requestId === requestId)!;
    const page = await getAs(portal, `/access/${requestId}`, await sessionCookie(ask.consumer.member.id));
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain("ACLs pending");
    expect(text).not.toContain("This page could not be shown");

    await sleep(Math.max(0, DOWN_FOR_MS - (Date.now() - downSince)));
    await startService("kafka");
    await approvals;

    // Every approval was answered as approved: Kafka being down is a warning, never a failed decision.
    const errors = [...outcomes.values()].filter((o) => o instanceof Error);
    expect(errors.map(String)).toEqual([]);
    expect([...outcomes.values()].every((o) => !(o instanceof Error) && o.status === "APPROVED")).toBe(true);
    expect([...outcomes.values()].filter((o) => !(o instanceof Error) && o.provisioningWarning).length).toBeGreaterThan(0);

    // The portal's worker finishes the job: every request ACTIVE (its grants' ACLs applied).
    const ids = asks.map((a) => a.requestId);
    await waitFor(
      "all 100 requests to become ACTIVE",
      () => db.accessRequest.count({ where: { id: { in: ids }, status: "ACTIVE" } }),
      (n) => n === ids.length,
      240_000,
      2000,
    );

    // The broker enforces all 100: each consuming principal reads a message from each of its 20 topics.
    for (const consumer of consumers) {
      const topics = asks.filter((a) => a.consumer === consumer).map((a) => a.product.topic);
      const outcome = await readEveryTopicAs(consumer.slug, topics);
      expect({ principal: consumer.principal, error: outcome.error, read: outcome.read.length }).toEqual({ principal: consumer.principal, error: undefined, read: topics.length });
    }

    // No ACL extra, missing or twice: each principal's bindings are exactly what its grants imply.
    for (const consumer of consumers) {
      const live = (await listAcls({ principal: consumer.principal })).map(bindingKey);
      const desired = (await desiredForPrincipals([consumer.principal])).map(bindingKey);
      expect(live.length).toBe(new Set(live).size);
      expect([...live].sort()).toEqual([...new Set(desired)].sort());
    }

    // The audit log holds each approval once and each activation once; each grant's ACLs applied once.
    const events = await db.auditEvent.groupBy({ by: ["action", "targetId"], where: { targetId: { in: ids } }, _count: true });
    const count = (action: string) => events.filter((e) => e.action === action);
    expect(count("access-request.approved").length).toBe(ids.length);
    expect(count("access-request.approved").every((e) => e._count === 1)).toBe(true);
    expect(count("access-request.activated").length).toBe(ids.length);
    expect(count("access-request.activated").every((e) => e._count === 1)).toBe(true);
    const grants = await db.grant.findMany({ where: { accessRequestId: { in: ids } }, select: { id: true } });
    expect(grants.length).toBe(ids.length);
    const applied = await db.auditEvent.groupBy({ by: ["targetId"], where: { action: "grant.acls-applied", targetId: { in: grants.map((g) => g.id) } }, _count: true });
    expect(applied.length).toBe(grants.length);
    expect(applied.filter((a) => a._count !== 1)).toEqual([]);
  });
});
