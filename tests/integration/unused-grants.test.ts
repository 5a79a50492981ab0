// Unused grants against the real PostgreSQL and Kafka, with a clock the test controls: the seeded
// grant of Payments Core on Returns (granted 19 days ago) is flagged, its team told once; a real
// consumer reading the topic makes it used, until the window passes again.
import { randomUUID } from "node:crypto";
import kafkajs from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeKafka, kafkaConfig } from "@/lib/kafka";
import { refreshIndex } from "@/lib/cluster-index";
import { findUnusedGrants, flagUnusedGrants } from "@/lib/dashboards";
import { consumeOne } from "../support/kafka-clients";

const DAY = 86_400_000;
const group = `team-payments.it-unused-${randomUUID().slice(0, 8)}`;
let topic: string;
let grantId: string;

beforeAll(async () => {
  const grant = await db.grant.findFirstOrThrow({
    where: { kind: "CONSUME", status: "ACTIVE", dataProduct: { slug: "returns" }, team: { slug: "payments" } },
    include: { outputPort: true },
  });
  topic = grant.outputPort.topic;
  grantId = grant.id;
  await db.unusedGrantNotice.deleteMany({ where: { grantId } });
});

afterAll(async () => {
  // Leave no trace the later journeys would read as use of the grant.
  await db.consumerActivity.deleteMany({ where: { groupId: group } });
  await db.unusedGrantNotice.deleteMany({ where: { grantId } });
  const admin = new kafkajs.Kafka({ ...kafkaConfig(), logLevel: kafkajs.logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.deleteGroups([group]).catch(() => {});
  await admin.disconnect();
  await refreshIndex({ intervalMs: 1, holder: "test" });
  await closeKafka();
});

describe("unused grants", () => {
  it("flags a grant nobody consumed for the policy's window, tells the team once, and clears it once used", async () => {
    const now = new Date();
    const unused = await findUnusedGrants({ now, days: 14 });
    expect(unused.map((u) => u.grantId)).toContain(grantId);
    // Not yet 14 days after the grant: not flagged.
    const grant = await db.grant.findUniqueOrThrow({ where: { id: grantId } });
    expect((await findUnusedGrants({ now: new Date(grant.createdAt.getTime() + 10 * DAY), days: 14 })).map((u) => u.grantId)).not.toContain(grantId);

    const payments = await db.membership.findMany({ where: { team: { slug: "payments" } }, select: { userId: true } });
    const href = `/access/${grant.accessRequestId}`;
    const before = await db.notification.count({ where: { kind: "grant.unused", href, userId: { in: payments.map((m) => m.userId) } } });
    await flagUnusedGrants(now);
    await flagUnusedGrants(now); // a second run (another instance, say) tells nobody again
    const after = await db.notification.count({ where: { kind: "grant.unused", href, userId: { in: payments.map((m) => m.userId) } } });
    expect(after - before).toBe(payments.length);
    expect(await db.auditEvent.count({ where: { action: "grant.flagged-unused", targetId: grantId } })).toBeGreaterThanOrEqual(1);

    // Payments reads Returns with a real consumer; the index records the activity.
    expect(await consumeOne("team-payments", topic, group)).toHaveProperty("value");
    const o = await refreshIndex({ intervalMs: 1, holder: "test" });
    expect(o).toMatchObject({ ran: true, ok: true });
    const activity = await db.consumerActivity.findUniqueOrThrow({ where: { groupId_topic: { groupId: group, topic } } });
    expect(activity.principal).toBe("User:team-payments");
    const later = new Date(Math.max(Date.now(), activity.lastActiveAt.getTime() + 1000));
    expect((await findUnusedGrants({ now: later, days: 14 })).map((u) => u.grantId)).not.toContain(grantId);
    await flagUnusedGrants(later);
    expect(await db.unusedGrantNotice.findUnique({ where: { grantId } })).toBeNull();

    // Fifteen days later with nothing consumed since: unused again.
    const fifteenDaysOn = new Date(activity.lastActiveAt.getTime() + 15 * DAY);
    expect((await findUnusedGrants({ now: fifteenDaysOn, days: 14 })).map((u) => u.grantId)).toContain(grantId);
  });
});
