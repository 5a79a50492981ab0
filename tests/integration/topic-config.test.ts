// Topic configuration changes on live output ports, against the real Kafka: applied where Kafka allows it and
// read back through the admin API; refused before anything changes where it does not; queued when Kafka is away.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/auth";
import { changeTopicConfig, createDataProduct, retryOutputPort } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { closeKafka, describeTopic } from "@/lib/kafka";
import { startProvisioningWorker, stopProvisioning, sweepPending, syncOutputPort } from "@/lib/provisioning";
import { describeTopicAsAdmin, eventually } from "../support/kafka-clients";
import { teamId, unique, viewerByEmail } from "../support/viewers";

let sam: Viewer;
let sofia: Viewer;

beforeAll(async () => {
  [sam, sofia] = await Promise.all([viewerByEmail("sam@example.com"), viewerByEmail("sofia@example.com")]);
});
afterAll(async () => {
  await stopProvisioning();
  await closeKafka();
});

async function livePort() {
  const slug = unique("it-cfg");
  const created = await createDataProduct(
    sam,
    createDataProductSchema.parse({
      ownerTeamId: await teamId("sales"), name: `Config ${slug}`, slug, description: "A topic whose configuration changes.", classification: "INTERNAL",
      containsPii: false, lifecycle: "ACTIVE", tags: "", partitions: 2, replicationFactor: 1, retentionHours: 24, cleanupPolicy: "delete", schema: "",
    }),
  );
  const port = await db.outputPort.findUniqueOrThrow({ where: { topic: created.topic } });
  expect(port.provisioning).toBe("APPLIED");
  return port;
}

const HOUR = 3_600_000;

describe("changeTopicConfig", () => {
  it("applies a longer retention, compaction and more partitions to the real topic, read back through the admin API", async () => {
    const port = await livePort();
    const result = await changeTopicConfig(sam, { portId: port.id, partitions: 5, retentionHours: 72, cleanupPolicy: "compact" });
    expect(result).toEqual({ changed: ["partitions", "retentionHours", "cleanupPolicy"], status: "APPLIED" });
    const live = await describeTopicAsAdmin(port.topic);
    expect(live.partitions).toBe(5);
    expect(live.configs["retention.ms"]).toBe(String(72 * HOUR));
    expect(live.configs["cleanup.policy"]).toBe("compact");
    const events = await db.auditEvent.findMany({ where: { targetId: port.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["output-port.provisioned", "output-port.config-changed", "output-port.config-applied"]);
    expect(events[1]).toMatchObject({ actorId: sam.id, before: { partitions: 2, retentionHours: 24, cleanupPolicy: "delete" }, after: { partitions: 5, retentionHours: 72, cleanupPolicy: "compact" } });
  });

  it("refuses fewer partitions and policy-breaking retention with the reason, and changes nothing anywhere", async () => {
    const port = await livePort();
    await expect(changeTopicConfig(sam, { portId: port.id, partitions: 1, retentionHours: 24 * 365, cleanupPolicy: "delete" })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: {
        partitions: "Kafka cannot remove partitions: this topic has 2, so keep 2 or more. To shrink, publish a new major version on a new output port.",
        retentionHours: "Retention must be between 1 and 2160 hours.",
      },
    });
    expect(await db.outputPort.findUniqueOrThrow({ where: { id: port.id } })).toMatchObject({ partitions: 2, retentionMs: BigInt(24 * HOUR), provisioning: "APPLIED", updatedAt: port.updatedAt });
    const live = await describeTopic(port.topic, { lastMessage: false });
    expect(live).toMatchObject({ partitions: 2, configs: { "retention.ms": String(24 * HOUR), "cleanup.policy": "delete" } });
    expect(await db.auditEvent.count({ where: { targetId: port.id, action: "output-port.config-changed" } })).toBe(0);
  });

  it("is for the owning team's maintainers only", async () => {
    const port = await livePort();
    await expect(changeTopicConfig(sofia, { portId: port.id, partitions: 3, retentionHours: 24, cleanupPolicy: "delete" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("with Kafka unreachable the change stays pending, then is applied exactly once when Kafka is back", async () => {
    const port = await livePort();
    const brokers = env.KAFKA_BROKERS;
    env.KAFKA_BROKERS = "localhost:1"; // nothing listens there
    let result;
    try {
      result = await changeTopicConfig(sam, { portId: port.id, partitions: 4, retentionHours: 48, cleanupPolicy: "delete" });
    } finally {
      env.KAFKA_BROKERS = brokers;
    }
    expect(result.status).toBe("PENDING");
    expect(result.warning).toMatch(/unreachable.*keeps retrying/s);
    const pending = await db.outputPort.findUniqueOrThrow({ where: { id: port.id } });
    expect(pending).toMatchObject({ provisioning: "PENDING", partitions: 4 });
    expect((await describeTopicAsAdmin(port.topic)).partitions).toBe(2); // Kafka untouched so far

    await startProvisioningWorker();
    await sweepPending(); // may queue it a second time: the stately queue and idempotent sync keep it to one effect
    const applied = await eventually(() => db.outputPort.findUniqueOrThrow({ where: { id: port.id } }), (p) => p.provisioning === "APPLIED", 30_000);
    expect(applied.provisioningError).toBeNull();
    await syncOutputPort(port.id); // a late duplicate is harmless
    const live = await describeTopicAsAdmin(port.topic);
    expect(live.partitions).toBe(4);
    expect(live.configs["retention.ms"]).toBe(String(48 * HOUR));
    expect(await db.auditEvent.count({ where: { targetId: port.id, action: "output-port.config-applied" } })).toBe(1);
  });

  it("a retry of an applied port does nothing; a pending one is tried again and audited", async () => {
    const port = await livePort();
    expect(await retryOutputPort(sam, port.id)).toEqual({ changed: [], status: "APPLIED" });
    await db.outputPort.update({ where: { id: port.id }, data: { provisioning: "FAILED", provisioningError: "an earlier failure" } });
    expect((await retryOutputPort(sam, port.id)).status).toBe("APPLIED");
    expect(await db.auditEvent.count({ where: { targetId: port.id, action: "output-port.retried" } })).toBe(1);
  });
});
