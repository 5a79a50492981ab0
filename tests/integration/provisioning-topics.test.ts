// Provisioning never lies about a topic (issue 14): a topic that already exists with another layout is reported
// with the difference and its port marked FAILED (not retried); one that matches is adopted. Real Kafka and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { createDataProduct } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { topicNameFor } from "@/lib/governance";
import { closeKafka, deleteTopic, ensureTopic, listAcls } from "@/lib/kafka";
import { stopProvisioning, syncOutputPort } from "@/lib/provisioning";
import { consumeOne, describeTopicAsAdmin, produceAs } from "../support/kafka-clients";
import { teamId, unique, viewerByEmail } from "../support/viewers";

let sam: Viewer;
let sales: string;
const topics: string[] = [];

const input = (slug: string) =>
  createDataProductSchema.parse({
    ownerTeamId: sales, name: `Product ${slug}`, slug, description: "Provisioning test.", classification: "INTERNAL", containsPii: false,
    lifecycle: "ACTIVE", tags: "test", partitions: 1, replicationFactor: 1, retentionHours: 6, cleanupPolicy: "delete", schema: "",
  });

/** A topic someone made by hand, before Meshport was asked for it. */
async function preExisting(slug: string, partitions: number, retentionHours: number) {
  const topic = topicNameFor("sales", slug);
  topics.push(topic);
  await ensureTopic({ topic, partitions, replicationFactor: 1, configs: { "retention.ms": String(retentionHours * 3_600_000), "cleanup.policy": "delete" } });
  return topic;
}

const portOf = (topic: string) => db.outputPort.findUniqueOrThrow({ where: { topic } });

beforeAll(async () => {
  sam = await viewerByEmail("sam@example.com");
  sales = await teamId("sales");
});

afterAll(async () => {
  for (const t of topics) await deleteTopic(t).catch(() => {});
  await stopProvisioning();
  await closeKafka();
});

describe("provisioning an output port whose topic already exists", () => {
  it("reports a conflicting topic with the difference, marks the port FAILED, and leaves the topic and its ACLs alone", async () => {
    const slug = unique("it-conflict");
    const topic = await preExisting(slug, 3, 24);

    const created = await createDataProduct(sam, input(slug));
    expect(created.provisioningWarning).toContain("partitions 1 requested, 3 in Kafka");
    expect(created.provisioningWarning).not.toContain("keeps retrying");

    const port = await portOf(topic);
    expect(port.provisioning).toBe("FAILED");
    expect(port.provisioningError).toContain("partitions 1 requested, 3 in Kafka; retention.ms 21600000 requested, 86400000 in Kafka");
    const audit = await db.auditEvent.findMany({ where: { targetId: port.id }, select: { action: true, after: true } });
    expect(audit.map((a) => a.action)).toEqual(["output-port.provisioning-failed"]);
    expect(audit[0]!.after).toMatchObject({ provisioning: "FAILED", error: expect.stringContaining("partitions") });
    // The PRODUCE grant stays pending: its ACLs were not created on someone else's topic.
    expect((await db.grant.findFirstOrThrow({ where: { outputPortId: port.id } })).provisioning).toBe("PENDING");
    expect(await listAcls({ resourceType: "TOPIC", name: topic })).toEqual([]);
    expect(await describeTopicAsAdmin(topic)).toMatchObject({ partitions: 3, configs: { "retention.ms": "86400000" } });

    // A retry is told the same and does not throw the job back to pg-boss; the failure is audited once.
    expect(await syncOutputPort(port.id)).toMatchObject({ ok: false, retryable: false });
    expect(await db.auditEvent.count({ where: { targetId: port.id } })).toBe(1);
  });

  it("adopts a topic whose layout and configs match, and the owning team writes and reads it", async () => {
    const slug = unique("it-adopt");
    const topic = await preExisting(slug, 1, 6);
    expect(await produceAs(undefined, topic, "made before Meshport")).toBe("ok");

    const created = await createDataProduct(sam, input(slug));
    expect(created.provisioningWarning).toBeUndefined();
    const port = await portOf(topic);
    expect(port).toMatchObject({ provisioning: "APPLIED", provisioningError: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: port.id, action: "output-port.provisioned" } });
    expect(audit.after).toMatchObject({ topicAdopted: true, topic });
    expect(await produceAs("team-sales", topic, "from sales")).toBe("ok");
    expect(await consumeOne("team-sales", topic, `team-sales.${slug}`)).toEqual({ value: "made before Meshport" });
  });

  it("a topic Meshport creates itself is not reported as adopted; the owning team reads its own product (what the catalog's 'I have access' says)", async () => {
    const slug = unique("it-fresh");
    topics.push(topicNameFor("sales", slug));
    await createDataProduct(sam, input(slug));
    const port = await portOf(topicNameFor("sales", slug));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: port.id, action: "output-port.provisioned" } });
    expect(audit.after).toMatchObject({ topicAdopted: false });
    const topic = topicNameFor("sales", slug);
    expect(await produceAs("team-sales", topic, "own data")).toBe("ok");
    // Another of the team's own products can be built from this one: its consumer reads with the team's group prefix.
    expect(await consumeOne("team-sales", topic, `team-sales.builds-another.${slug}`)).toEqual({ value: "own data" });
  });
});
