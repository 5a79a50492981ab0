// The access workflow end to end against the real PostgreSQL and Kafka: routing and four eyes,
// the two-step approval for personal data, enforcement in Kafka from approval to revocation and
// expiry, notices, renewal, comments, races, and an approval while Kafka is down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/auth";
import { createDataProduct } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import {
  addComment,
  cancelAccessRequest,
  decideAccessRequest,
  expireDueGrants,
  getAccessRequestDetail,
  listInbox,
  requestAccess,
  requestRenewal,
  revokeAccess,
  sendExpiryNotices,
} from "@/lib/access";
import { closeKafka, listAcls } from "@/lib/kafka";
import { startProvisioningWorker, stopProvisioning, sweepPending, syncGrant } from "@/lib/provisioning";
import { DomainError } from "@/lib/errors";
import { consumeOne, eventually, produceAs, type ConsumeResult } from "../support/kafka-clients";
import { inDays, makeDomainOwner, teamId, unique, viewerByEmail } from "../support/viewers";

let sam: Viewer, priya: Viewer, ada: Viewer, dana: Viewer, mia: Viewer, marco: Viewer;
let sales: string, payments: string;

async function product(opts: { pii?: boolean } = {}) {
  const slug = unique(opts.pii ? "it-pii" : "it-acc");
  const { topic } = await createDataProduct(
    sam,
    createDataProductSchema.parse({
      ownerTeamId: sales,
      name: `Product ${slug}`,
      slug,
      description: "Access lifecycle test.",
      classification: opts.pii ? "RESTRICTED" : "INTERNAL",
      containsPii: Boolean(opts.pii),
      lifecycle: "ACTIVE",
      tags: "test",
      partitions: 1,
      replicationFactor: 1,
      retentionHours: 6,
      cleanupPolicy: "delete",
      schema: "",
    }),
  );
  expect(await produceAs("team-sales", topic, `hello ${slug}`)).toBe("ok");
  const row = await db.dataProduct.findUniqueOrThrow({ where: { slug } });
  return { id: row.id, slug, topic, message: `hello ${slug}` };
}

const ask = (productId: string, purpose = "Reconcile payments with orders.", days = 30) =>
  requestAccess(priya, { dataProductId: productId, consumerTeamId: payments, purpose, accessUntil: inDays(days), note: "" });

async function expectDomainError(p: Promise<unknown>, code: DomainError["code"]): Promise<DomainError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  expect((e as DomainError).code).toBe(code);
  return e as DomainError;
}

const refused = (r: ConsumeResult) => "refused" in r && /AUTHORIZATION_FAILED|GroupCoordinatorNotFound/.test(r.refused);
const readsAs = (topic: string, slug: string, tag: string) => consumeOne("team-payments", topic, `team-payments.${slug}.${tag}`, 8000);
const statusOf = async (id: string) => (await db.accessRequest.findUniqueOrThrow({ where: { id } })).status;
const actions = async (ids: string[]) => (await db.auditEvent.findMany({ where: { targetId: { in: ids } }, orderBy: { at: "asc" } })).map((a) => a.action);

beforeAll(async () => {
  [sam, priya, ada, dana, mia, marco] = await Promise.all([
    viewerByEmail("sam@example.com"),
    viewerByEmail("priya@example.com"),
    viewerByEmail("ada@example.com"),
    viewerByEmail("dana@example.com"),
    viewerByEmail("mia@example.com"),
    viewerByEmail("marco@example.com"),
  ]);
  [sales, payments] = await Promise.all([teamId("sales"), teamId("payments")]);
});

afterAll(async () => {
  await stopProvisioning();
  await closeKafka();
});

describe("enforcement in Kafka", () => {
  it("refuses before approval, reads after, is refused after revocation; the consumer sees why", async () => {
    const p = await product();
    const { requestId } = await ask(p.id);
    expect(refused(await readsAs(p.topic, p.slug, "a"))).toBe(true);

    const decided = await decideAccessRequest(sam, { requestId, decision: "APPROVE", reason: "Fine for reconciliation." });
    expect(decided).toMatchObject({ status: "APPROVED", step: "OWNER" });
    expect(await statusOf(requestId)).toBe("ACTIVE"); // the ACLs applied inline
    expect(await readsAs(p.topic, p.slug, "b")).toEqual({ value: p.message });

    // Consumers cannot revoke; owners can.
    await expectDomainError(revokeAccess(priya, { requestId, reason: "I do not want it" }), "FORBIDDEN");
    await revokeAccess(sam, { requestId, reason: "Purpose fulfilled; closing access." });
    expect(refused(await eventually(() => readsAs(p.topic, p.slug, "c"), refused))).toBe(true);
    const grant = await db.grant.findFirstOrThrow({ where: { accessRequestId: requestId } });
    expect([grant.status, grant.provisioning, grant.endReason, grant.endedById]).toEqual(["REVOKED", "APPLIED", "Purpose fulfilled; closing access.", sam.id]);
    expect(await statusOf(requestId)).toBe("REVOKED");
    const notice = await db.notification.findFirst({ where: { userId: priya.id, kind: "grant.revoked", href: `/access/${requestId}` } });
    expect(notice?.body).toBe("Purpose fulfilled; closing access.");
    expect(await actions([requestId, grant.id])).toEqual([
      "access-request.created",
      "access-request.approved",
      "grant.acls-applied",
      "access-request.activated",
      "access-request.revoked",
      "grant.acls-removed",
    ]);
    // A second revoke is told there is nothing left to revoke.
    expect((await expectDomainError(revokeAccess(ada, { requestId, reason: "Again, twice." }), "CONFLICT")).message).toMatch(/not active/);
  });

  it("expires at the end date: ACLs removed automatically, consumer refused, everyone told", async () => {
    const p = await product();
    const { requestId } = await ask(p.id);
    await decideAccessRequest(sam, { requestId, decision: "APPROVE" });
    expect(await readsAs(p.topic, p.slug, "a")).toEqual({ value: p.message });
    // A short expiry: the grant ends a second from now.
    await db.grant.updateMany({ where: { accessRequestId: requestId }, data: { validUntil: new Date(Date.now() + 1000) } });
    expect(await expireDueGrants(new Date())).toEqual({ expired: 0 });
    await new Promise((r) => setTimeout(r, 1200));
    expect(await expireDueGrants(new Date())).toMatchObject({ expired: expect.any(Number) });
    expect(await statusOf(requestId)).toBe("EXPIRED");
    expect(refused(await eventually(() => readsAs(p.topic, p.slug, "b"), refused))).toBe(true);
    const grant = await db.grant.findFirstOrThrow({ where: { accessRequestId: requestId } });
    expect([grant.status, grant.provisioning]).toEqual(["EXPIRED", "APPLIED"]);
    expect(await db.notification.count({ where: { kind: "grant.expired", href: `/access/${requestId}`, userId: { in: [priya.id, sam.id] } } })).toBe(2);
    // Running again changes nothing.
    await expireDueGrants(new Date());
    expect((await actions([requestId])).filter((a) => a === "access-request.expired")).toHaveLength(1);
  });

  it("notices a week ahead, once; one-click renewal keeps the ACLs across the old grant's expiry", async () => {
    const p = await product();
    const { requestId } = await ask(p.id, "Reconcile payments with orders.", 5);
    await decideAccessRequest(sam, { requestId, decision: "APPROVE" });
    await sendExpiryNotices(new Date());
    const notices = await db.notification.findMany({ where: { kind: "grant.expiring", href: `/access/${requestId}` } });
    expect(new Set(notices.map((n) => n.userId))).toEqual(new Set([priya.id, sam.id, (await viewerByEmail("paul@example.com")).id]));
    await sendExpiryNotices(new Date());
    expect(await db.notification.count({ where: { kind: "grant.expiring", href: `/access/${requestId}` } })).toBe(notices.length);

    const renewal = await requestRenewal(priya, requestId);
    const renewed = await db.accessRequest.findUniqueOrThrow({ where: { id: renewal.requestId } });
    expect([renewed.status, renewed.renewalOfId]).toEqual(["PENDING", requestId]);
    await decideAccessRequest(sam, { requestId: renewal.requestId, decision: "APPROVE" });
    // The old grant ends; the renewal's grant still needs the same ACLs, so they stay.
    await db.grant.updateMany({ where: { accessRequestId: requestId }, data: { validUntil: new Date() } });
    await expireDueGrants(new Date());
    expect(await statusOf(requestId)).toBe("EXPIRED");
    expect(await statusOf(renewal.requestId)).toBe("ACTIVE");
    expect(await readsAs(p.topic, p.slug, "renewed")).toEqual({ value: p.message });
  });
});

describe("routing and four eyes", () => {
  it("needs the owners and then data protection for personal data, by two different people", async () => {
    const p = await product({ pii: true });
    const { requestId } = await ask(p.id);
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).requiresDataProtection).toBe(true);
    // Data protection does not see it before the owners approved.
    expect((await listInbox(dana)).some((r) => r.id === requestId)).toBe(false);
    await expectDomainError(decideAccessRequest(dana, { requestId, decision: "APPROVE" }), "FORBIDDEN");

    expect(await decideAccessRequest(sam, { requestId, decision: "APPROVE", reason: "Owners agree." })).toMatchObject({ status: "PENDING", step: "OWNER" });
    expect(await statusOf(requestId)).toBe("PENDING");
    expect(refused(await readsAs(p.topic, p.slug, "a"))).toBe(true);
    expect((await listInbox(sam)).some((r) => r.id === requestId)).toBe(false);
    expect((await listInbox(dana)).find((r) => r.id === requestId)?.step).toBe("DATA_PROTECTION");
    expect(await db.notification.count({ where: { userId: dana.id, kind: "access-request.awaiting-data-protection", href: `/access/${requestId}` } })).toBe(1);
    // The owner's approver cannot give the second approval, even as an admin.
    await expectDomainError(decideAccessRequest(sam, { requestId, decision: "APPROVE" }), "FORBIDDEN");
    await expectDomainError(decideAccessRequest(ada, { requestId, decision: "APPROVE" }), "FORBIDDEN");

    expect(await decideAccessRequest(dana, { requestId, decision: "APPROVE", reason: "Purpose is lawful." })).toMatchObject({ status: "APPROVED", step: "DATA_PROTECTION" });
    expect(await statusOf(requestId)).toBe("ACTIVE");
    expect(await readsAs(p.topic, p.slug, "b")).toEqual({ value: p.message });
    const approvals = await db.accessApproval.findMany({ where: { accessRequestId: requestId }, orderBy: { createdAt: "asc" } });
    expect(approvals.map((a) => [a.step, a.approverId])).toEqual([["OWNER", sam.id], ["DATA_PROTECTION", dana.id]]);
  });

  it("shows the rejection reason to the requester on the request itself", async () => {
    const p = await product({ pii: true });
    const { requestId } = await ask(p.id);
    await decideAccessRequest(sam, { requestId, decision: "APPROVE" });
    await decideAccessRequest(dana, { requestId, decision: "REJECT", reason: "Use the pseudonymised product instead." });
    const detail = await getAccessRequestDetail(priya, requestId);
    expect([detail.request.status, detail.request.decisionReason, detail.request.decidedBy?.name]).toEqual(["REJECTED", "Use the pseudonymised product instead.", dana.name]);
    expect(await db.grant.count({ where: { accessRequestId: requestId } })).toBe(0);
  });

  it("lets a domain owner act only when the product's maintainers are absent", async () => {
    await makeDomainOwner("sales", "marco@example.com");
    marco = await viewerByEmail("marco@example.com");
    const p = await product();
    const { requestId } = await ask(p.id);
    expect((await listInbox(marco)).some((r) => r.id === requestId)).toBe(false);
    expect((await expectDomainError(decideAccessRequest(marco, { requestId, decision: "APPROVE" }), "FORBIDDEN")).message).toMatch(/absent/);
    // Three days without an answer: the maintainers count as absent.
    await db.accessRequest.update({ where: { id: requestId }, data: { createdAt: new Date(Date.now() - 4 * 86_400_000) } });
    expect((await listInbox(marco)).some((r) => r.id === requestId)).toBe(true);
    expect(await decideAccessRequest(marco, { requestId, decision: "APPROVE" })).toMatchObject({ status: "APPROVED" });
  });

  it("keeps a comment thread visible to those involved only", async () => {
    const p = await product();
    const { requestId } = await ask(p.id);
    await addComment(sam, { requestId, body: "Which fields do you need?" });
    await addComment(priya, { requestId, body: "Only the order id and total." });
    await expectDomainError(addComment(mia, { requestId, body: "Me too" }), "NOT_FOUND");
    await expectDomainError(getAccessRequestDetail(mia, requestId), "NOT_FOUND");
    const detail = await getAccessRequestDetail(priya, requestId);
    expect(detail.request.comments.map((c) => [c.author.name, c.body])).toEqual([
      [sam.name, "Which fields do you need?"],
      [priya.name, "Only the order id and total."],
    ]);
    expect(detail.permissions).toMatchObject({ decide: false, cancel: true, comment: true });
    expect(await db.notification.count({ where: { userId: priya.id, kind: "access-request.commented", href: `/access/${requestId}` } })).toBe(1);
  });
});

describe("concurrency", () => {
  it("two owners approving at once: exactly one approval stands, the other is told", async () => {
    const p = await product({ pii: true });
    const { requestId } = await ask(p.id);
    const outcomes = await Promise.allSettled([
      decideAccessRequest(sam, { requestId, decision: "APPROVE" }),
      decideAccessRequest(ada, { requestId, decision: "APPROVE" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const lost = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
    expect((lost?.reason as DomainError).message).toMatch(/already approved by (Sam Rivera|Ada Okafor)/);
    expect(await db.accessApproval.count({ where: { accessRequestId: requestId } })).toBe(1);
  });

  it("approve racing cancel ends consistently: cancelled with no grant, or active with its ACLs", async () => {
    for (let i = 0; i < 3; i++) {
      const p = await product();
      const { requestId } = await ask(p.id);
      const [approve, cancel] = await Promise.allSettled([
        decideAccessRequest(sam, { requestId, decision: "APPROVE" }),
        cancelAccessRequest(priya, requestId),
      ]);
      expect([approve.status, cancel.status].sort()).toEqual(["fulfilled", "rejected"]);
      const status = await statusOf(requestId);
      const grants = await db.grant.findMany({ where: { accessRequestId: requestId } });
      if (status === "CANCELLED") expect(grants).toHaveLength(0);
      else {
        expect(status).toBe("ACTIVE");
        expect(grants.map((g) => g.provisioning)).toEqual(["APPLIED"]);
      }
    }
  });
});

describe("Kafka down while approving", () => {
  it("the approval stands, provisioning waits, and the ACL appears exactly once when Kafka is back", async () => {
    const p = await product();
    const { requestId } = await ask(p.id);
    const brokers = env.KAFKA_BROKERS;
    env.KAFKA_BROKERS = "localhost:1"; // nothing listens there
    let result;
    try {
      result = await decideAccessRequest(sam, { requestId, decision: "APPROVE" });
    } finally {
      env.KAFKA_BROKERS = brokers;
    }
    expect(result.status).toBe("APPROVED");
    expect(result.provisioningWarning).toMatch(/retries automatically/);
    expect(await statusOf(requestId)).toBe("APPROVED");
    const grant = await db.grant.findFirstOrThrow({ where: { accessRequestId: requestId } });
    expect(grant.provisioning).toBe("PENDING");
    expect(grant.provisioningError).toMatch(/unreachable/);
    expect(await readsAs(p.topic, p.slug, "down")).toSatisfy(refused);

    // Kafka is back: the retry job that the failed attempt queued runs in the worker.
    await startProvisioningWorker();
    await sweepPending(); // the sweep may queue it again: stately jobs and idempotent sync keep it to one effect
    const applied = await eventually(() => db.grant.findUniqueOrThrow({ where: { id: grant.id } }), (g) => g.provisioning === "APPLIED", 30_000);
    expect(applied.provisioning).toBe("APPLIED");
    await syncGrant(grant.id); // a late duplicate is harmless
    expect(await statusOf(requestId)).toBe("ACTIVE");
    const reads = (await listAcls({ principal: "User:team-payments", resourceType: "TOPIC", name: p.topic })).filter((a) => a.operation === "READ");
    expect(reads).toHaveLength(1);
    expect((await actions([grant.id])).filter((a) => a === "grant.acls-applied")).toHaveLength(1);
    expect((await actions([requestId])).filter((a) => a === "access-request.activated")).toHaveLength(1);
    expect(await readsAs(p.topic, p.slug, "back")).toEqual({ value: p.message });
  });
});
