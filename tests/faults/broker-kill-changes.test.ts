// The broker dies (SIGKILL) while products are being created, while a topic is being changed and while
// access is being revoked; it comes back 10 s later. Promised: once Meshport has caught up, Kafka holds
// exactly what the database records (no orphan topic or ACL, nothing missing), whatever the calls answered.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { closeKafka } from "@/lib/kafka";
import { createDataProduct, changeTopicConfig } from "@/lib/catalog";
import { decideAccessRequest, revokeAccess } from "@/lib/access";
import { stopProvisioning } from "@/lib/provisioning";
import { unique } from "../support/viewers";
import { askForAccess, inParallel, newProduct, newTeam, productInput, type Team } from "./support/mesh";
import { aclsOf, kafkaTopics, recordedTopics } from "./support/kafka-state";
import { startPortal, stopAllPortals } from "./support/portal";
import { killService, sleep, startService, waitFor } from "./support/services";

const DOWN_FOR_MS = 10_000;

/** Runs `work` and kills the broker `afterMs` into it; restarts the broker after DOWN_FOR_MS. */
async function killDuring<T>(work: () => Promise<T>, afterMs: number): Promise<T> {
  const running = work();
  await sleep(afterMs);
  await killService("kafka");
  await sleep(DOWN_FOR_MS);
  await startService("kafka");
  return running;
}

/** A call's answer: what it returned, or the domain error's code (anything else is a bug and fails the test). */
async function answer<T>(p: Promise<T>): Promise<T | string> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

const settled = (ownerTeamId: string) =>
  waitFor(
    "the team's ports to be provisioned",
    () => db.outputPort.count({ where: { dataProduct: { ownerTeamId }, provisioning: { not: "APPLIED" } } }),
    (n) => n === 0,
    180_000,
  );

beforeAll(async () => {
  await startPortal(0);
});

afterAll(async () => {
  await stopAllPortals();
  await stopProvisioning();
  await closeKafka();
});

describe("the broker is killed during changes", () => {
  it("product creation: every recorded topic exists as recorded, no topic exists unrecorded", async () => {
    const owner: Team = await newTeam("own");
    const answers = await killDuring(
      () => inParallel(Array.from({ length: 8 }), 4, () => answer(createDataProduct(owner.member, productInput(owner, unique("fc"), { partitions: 2 })))),
      300,
    );
    // Refused ("Kafka is unreachable, nothing was created") or created: never a half-made product.
    for (const a of answers) expect(typeof a === "string" ? a : "created").toMatch(/^(created|UNAVAILABLE)$/);
    await settled(owner.id);
    const recorded = await recordedTopics(owner.id);
    expect(recorded.length).toBe(answers.filter((a) => typeof a !== "string").length);
    expect(await kafkaTopics(`${owner.slug}.`)).toEqual(recorded);
    const acls = await aclsOf(owner.principal);
    expect(acls.live).toEqual(acls.desired);
  });

  it("a topic change: Kafka ends with the layout the database records", async () => {
    const owner = await newTeam("own");
    const product = await newProduct(owner);
    const port = await db.outputPort.findFirstOrThrow({ where: { dataProductId: product.id } });
    const outcome = await killDuring(() => answer(changeTopicConfig(owner.member, { portId: port.id, partitions: 4, retentionHours: 12, cleanupPolicy: "delete" })), 50);
    expect(typeof outcome === "string" ? outcome : "saved").toMatch(/^(saved|UNAVAILABLE)$/);
    await settled(owner.id);
    const recorded = await recordedTopics(owner.id);
    expect(await kafkaTopics(`${owner.slug}.`)).toEqual(recorded);
    // Saved means applied in the end; the database is the truth either way.
    if (typeof outcome !== "string") expect(recorded[0]).toMatchObject({ partitions: 4, retentionMs: String(12 * 3_600_000) });
  });

  it("a revocation: the ACLs end as the database's grants say", async () => {
    const owner = await newTeam("own");
    const consumer = await newTeam("con");
    const products = await inParallel(Array.from({ length: 3 }), 1, () => newProduct(owner));
    const requests: string[] = [];
    for (const p of products) {
      const id = await askForAccess(consumer, p);
      await decideAccessRequest(owner.member, { requestId: id, decision: "APPROVE" });
      requests.push(id);
    }
    await waitFor("the grants to be active", () => db.accessRequest.count({ where: { id: { in: requests }, status: "ACTIVE" } }), (n) => n === 3);
    const before = await aclsOf(consumer.principal);
    expect(before.live.length).toBeGreaterThan(0);

    // Two of the three revoked while the broker dies.
    const revoked = await killDuring(
      () => inParallel(requests.slice(0, 2), 2, (id) => answer(revokeAccess(owner.member, { requestId: id, reason: "The fault suite revokes it." }))),
      50,
    );
    for (const r of revoked) expect(typeof r === "string" ? r : "revoked").toBe("revoked");
    await waitFor(
      "the revoked grants' ACLs to be removed",
      () => db.grant.count({ where: { accessRequestId: { in: requests }, provisioning: { not: "APPLIED" } } }),
      (n) => n === 0,
      180_000,
    );
    const after = await aclsOf(consumer.principal);
    expect(after.live).toEqual(after.desired);
    const third = products[2]!.topic;
    expect(after.live.filter((k) => k.includes(`|TOPIC|${third}|`)).length).toBe(2); // READ and DESCRIBE stay
    for (const p of products.slice(0, 2)) expect(after.live.filter((k) => k.includes(`|TOPIC|${p.topic}|`))).toEqual([]);
  });
});
