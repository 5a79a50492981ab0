// The walking skeleton's domain flow against the real PostgreSQL and Kafka that
// scripts/test.sh starts (with the demo mesh seeded): create → request → decide.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/auth";
import { createDataProduct } from "@/lib/catalog";
import { getDataProduct } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { cancelAccessRequest, decideAccessRequest, requestAccess } from "@/lib/access";
import { closeKafka, listAcls } from "@/lib/kafka";
import { stopProvisioning } from "@/lib/provisioning";
import { DomainError } from "@/lib/errors";
import { consumeOne, describeTopicAsAdmin, eventually, produceAs } from "../support/kafka-clients";
import { inDays, teamId, unique, viewerByEmail } from "../support/viewers";

let sam: Viewer; // Sales maintainer
let sofia: Viewer; // Sales member
let priya: Viewer; // Payments member
let ada: Viewer; // platform admin
let sales: string;
let payments: string;

function newProduct(slug: string, overrides: Record<string, unknown> = {}) {
  return createDataProductSchema.parse({
    ownerTeamId: sales,
    name: `Product ${slug}`,
    slug,
    description: "Created by the integration tests.",
    classification: "INTERNAL",
    containsPii: false,
    lifecycle: "ACTIVE",
    tags: "test",
    partitions: 3,
    replicationFactor: 1,
    retentionHours: 6,
    cleanupPolicy: "delete",
    schema: '{"type":"record","name":"T","fields":[{"name":"id","type":"string"}]}',
    ...overrides,
  });
}

async function expectDomainError(p: Promise<unknown>, code: DomainError["code"]): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  expect((e as DomainError).code).toBe(code);
  return e as DomainError;
}

beforeAll(async () => {
  [sam, sofia, priya, ada] = await Promise.all([
    viewerByEmail("sam@example.com"),
    viewerByEmail("sofia@example.com"),
    viewerByEmail("priya@example.com"),
    viewerByEmail("ada@example.com"),
  ]);
  [sales, payments] = await Promise.all([teamId("sales"), teamId("payments")]);
});

afterAll(async () => {
  await stopProvisioning();
  await closeKafka();
});

describe("creating a data product", () => {
  it("creates the topic as configured, the PRODUCE ACLs, the rows and the audit event", async () => {
    const slug = unique("it-create");
    const created = await createDataProduct(sofia, newProduct(slug));
    expect(created).toEqual({ slug, topic: `sales.${slug}.v1`, topics: [`sales.${slug}.v1`], provisioningWarning: undefined });

    const topic = await describeTopicAsAdmin(created.topic);
    expect(topic.partitions).toBe(3);
    expect(topic.configs["retention.ms"]).toBe(String(6 * 3_600_000));
    expect(topic.configs["cleanup.policy"]).toBe("delete");

    const acls = await eventually(() => listAcls({ principal: "User:team-sales" }), (l) => l.some((a) => a.name === created.topic && a.operation === "WRITE"), 5000);
    const onTopic = acls.filter((a) => a.resourceType === "TOPIC" && a.name === created.topic).map((a) => a.operation).sort();
    // The owner writes and reads its own topic (docs/decisions/0034).
    expect(onTopic).toEqual(["DESCRIBE", "READ", "WRITE"]);

    const product = await db.dataProduct.findUniqueOrThrow({
      where: { slug },
      include: { outputPorts: { include: { schemaVersions: true } }, grants: true },
    });
    expect(product.outputPorts[0]?.provisioning).toBe("APPLIED");
    expect(product.outputPorts[0]?.schemaVersions).toHaveLength(1);
    expect(product.grants.map((g) => [g.kind, g.provisioning])).toEqual([["PRODUCE", "APPLIED"]]);
    const audit = await db.auditEvent.findMany({ where: { targetId: { in: [product.id, product.outputPorts[0]!.id] } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["data-product.created", "output-port.provisioned"]);
    expect(audit.find((a) => a.action === "data-product.created")?.actorId).toBe(sofia.id);
  });

  it("refuses a team the user is not in", async () => {
    await expectDomainError(createDataProduct(priya, newProduct(unique("it-forbidden"))), "FORBIDDEN");
  });

  it("refuses a taken name at the field", async () => {
    const slug = unique("it-dup");
    await createDataProduct(sam, newProduct(slug));
    const e = await expectDomainError(createDataProduct(sam, newProduct(slug)), "CONFLICT");
    expect(e.fieldErrors?.slug).toMatch(/already exists/);
  });

  it("checks governance policies with the cluster's real broker count", async () => {
    const e = await expectDomainError(createDataProduct(sam, newProduct(unique("it-rf"), { replicationFactor: 2 })), "INVALID");
    expect(e.fieldErrors).toEqual({ replicationFactor: "The cluster has 1 broker, so the replication factor can be at most 1." });
  });

  it("when Kafka is unreachable, says so and writes nothing", async () => {
    const slug = unique("it-down");
    const brokers = env.KAFKA_BROKERS;
    env.KAFKA_BROKERS = "localhost:1"; // nothing listens there
    try {
      const e = await expectDomainError(createDataProduct(sam, newProduct(slug)), "UNAVAILABLE");
      expect(e.message).toMatch(/Kafka is unreachable.*Nothing was created/);
    } finally {
      env.KAFKA_BROKERS = brokers;
    }
    expect(await db.dataProduct.count({ where: { slug } })).toBe(0);
    expect(await db.outputPort.count({ where: { topic: `sales.${slug}.v1` } })).toBe(0);
  });
});

describe("requesting and deciding access", () => {
  it("grants READ in Kafka only once the owner approves", async () => {
    const slug = unique("it-access");
    const { topic } = await createDataProduct(sam, newProduct(slug));
    const product = await db.dataProduct.findUniqueOrThrow({ where: { slug } });
    expect(await produceAs("team-sales", topic, "hello")).toBe("ok");

    const { requestId } = await requestAccess(priya, {
      dataProductId: product.id,
      consumerTeamId: payments,
      purpose: "Reconcile payments with orders.",
      accessUntil: inDays(30),
      note: "",
    });
    const group = `team-payments.${slug}`;
    expect(await consumeOne("team-payments", topic, group, 8000)).toEqual({ refused: "TOPIC_AUTHORIZATION_FAILED" });

    // A second pending request for the same product and team is refused.
    const dup = await expectDomainError(
      requestAccess(priya, { dataProductId: product.id, consumerTeamId: payments, purpose: "Again, the same thing.", accessUntil: inDays(30), note: "" }),
      "CONFLICT",
    );
    expect(dup.message).toBe("Your team already has a pending request for this product.");

    // Nobody outside the owning team's maintainers decides; the requester never does.
    await expectDomainError(decideAccessRequest(sofia, { requestId, decision: "APPROVE" }), "FORBIDDEN");
    await expectDomainError(decideAccessRequest(priya, { requestId, decision: "APPROVE" }), "FORBIDDEN");

    const result = await decideAccessRequest(sam, { requestId, decision: "APPROVE", reason: "ok" });
    expect(result).toEqual({ status: "APPROVED", step: "OWNER", provisioningWarning: undefined });
    expect(await consumeOne("team-payments", topic, group)).toEqual({ value: "hello" });

    const grant = await db.grant.findFirstOrThrow({ where: { accessRequestId: requestId } });
    expect([grant.kind, grant.status, grant.provisioning]).toEqual(["CONSUME", "ACTIVE", "APPLIED"]);
    const acls = await listAcls({ principal: "User:team-payments" });
    expect(acls.some((a) => a.resourceType === "GROUP" && a.name === "team-payments." && a.patternType === "PREFIXED" && a.operation === "READ")).toBe(true);

    const audit = await db.auditEvent.findMany({ where: { targetId: { in: [requestId, grant.id] } }, orderBy: { at: "asc" } });
    // Approved, then ACTIVE once the ACLs are in Kafka.
    expect(audit.map((a) => a.action)).toEqual(["access-request.created", "access-request.approved", "grant.acls-applied", "access-request.activated"]);
    expect(audit[1]).toMatchObject({ actorId: sam.id, before: { status: "PENDING" } });
  });

  it("lets exactly one of two racing approvers decide", async () => {
    const slug = unique("it-race");
    await createDataProduct(sam, newProduct(slug));
    const product = await db.dataProduct.findUniqueOrThrow({ where: { slug } });
    const { requestId } = await requestAccess(priya, {
      dataProductId: product.id,
      consumerTeamId: payments,
      purpose: "Racing approvals in a test.",
      accessUntil: inDays(10),
      note: "",
    });
    const outcomes = await Promise.allSettled([
      decideAccessRequest(sam, { requestId, decision: "APPROVE" }),
      decideAccessRequest(ada, { requestId, decision: "REJECT", reason: "Not needed." }),
    ]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]!.reason as DomainError).message).toMatch(/already (approved|rejected) by/);
    const grants = await db.grant.count({ where: { accessRequestId: requestId } });
    const request = await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(grants).toBe(request.status === "ACTIVE" ? 1 : 0);
  });

  it("lets the requester cancel, after which an approval is refused", async () => {
    const slug = unique("it-cancel");
    await createDataProduct(sam, newProduct(slug));
    const product = await db.dataProduct.findUniqueOrThrow({ where: { slug } });
    const { requestId } = await requestAccess(priya, {
      dataProductId: product.id,
      consumerTeamId: payments,
      purpose: "Cancelled before a decision.",
      accessUntil: inDays(10),
      note: "",
    });
    await expectDomainError(cancelAccessRequest(sam, requestId), "FORBIDDEN");
    await cancelAccessRequest(priya, requestId);
    const e = await expectDomainError(decideAccessRequest(sam, { requestId, decision: "APPROVE" }), "CONFLICT");
    expect(e.message).toMatch(/already cancelled/);
    // Cancelling frees the slot: a new request for the same team is accepted.
    await expect(
      requestAccess(priya, { dataProductId: product.id, consumerTeamId: payments, purpose: "Asking again after cancelling.", accessUntil: inDays(10), note: "" }),
    ).resolves.toHaveProperty("requestId");
  });

  it("refuses an end date beyond the policy's maximum, at the field", async () => {
    const product = await db.dataProduct.findUniqueOrThrow({ where: { slug: "daily-sales-summary" } });
    const e = await expectDomainError(
      requestAccess(priya, { dataProductId: product.id, consumerTeamId: payments, purpose: "Too long a grant.", accessUntil: inDays(400), note: "" }),
      "INVALID",
    );
    expect(e.fieldErrors?.accessUntil).toMatch(/at most 365 days/);
  });

  it("refuses a request from the owning team for its own product", async () => {
    const product = await db.dataProduct.findUniqueOrThrow({ where: { slug: "settlements" } });
    const e = await expectDomainError(
      requestAccess(priya, { dataProductId: product.id, consumerTeamId: payments, purpose: "Our own product.", accessUntil: inDays(10), note: "" }),
      "FORBIDDEN",
    );
    expect(e.message).toMatch(/owning team already has access/);
  });
});

describe("visibility", () => {
  it("answers NOT_FOUND for another team's draft, as if it did not exist", async () => {
    const mia = await viewerByEmail("mia@example.com");
    await expectDomainError(getDataProduct(mia, "fraud-scores"), "NOT_FOUND");
    const paul = await viewerByEmail("paul@example.com");
    await expect(getDataProduct(paul, "fraud-scores")).resolves.toHaveProperty("product.slug", "fraud-scores");
  });
});
