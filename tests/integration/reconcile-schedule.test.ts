// The reconciler's own schedule repairs drift: nobody calls reconcileAcls here. The worker loop runs with a
// 2-second interval (configuration; 30 s by default, docs/decisions/0035), an ACL is deleted by hand, and the
// test waits for the loop to put it back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { createDataProduct } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { decideAccessRequest, requestAccess } from "@/lib/access";
import { closeKafka, deleteAclBindings, listAcls } from "@/lib/kafka";
import { startProvisioningWorker, stopProvisioning } from "@/lib/provisioning";
import { eventually, produceAs } from "../support/kafka-clients";
import { inDays, newTeamWithMember, teamId, unique, viewerByEmail } from "../support/viewers";

const INTERVAL_SECONDS = 2;
let sam: Viewer;
let sales: string;

beforeAll(async () => {
  sam = await viewerByEmail("sam@example.com");
  sales = await teamId("sales");
  await startProvisioningWorker({ reconcileIntervalSeconds: INTERVAL_SECONDS });
});

afterAll(async () => {
  await stopProvisioning();
  await closeKafka();
});

describe("the scheduled reconciliation", () => {
  it("restores an ACL deleted behind Meshport's back within the interval, and records it", async () => {
    const slug = unique("it-loop");
    const { topic } = await createDataProduct(
      sam,
      createDataProductSchema.parse({
        ownerTeamId: sales, name: `Product ${slug}`, slug, description: "Scheduled reconcile test.", classification: "INTERNAL", containsPii: false,
        lifecycle: "ACTIVE", tags: "test", partitions: 1, replicationFactor: 1, retentionHours: 6, cleanupPolicy: "delete", schema: "",
      }),
    );
    expect(await produceAs("team-sales", topic, "m")).toBe("ok");
    const consumer = await newTeamWithMember("priya@example.com");
    const productId = (await db.dataProduct.findUniqueOrThrow({ where: { slug } })).id;
    const { requestId } = await requestAccess(consumer.viewer, { dataProductId: productId, consumerTeamId: consumer.teamId, purpose: "Scheduled reconcile test.", accessUntil: inDays(30), note: "" });
    await decideAccessRequest(sam, { requestId, decision: "APPROVE" });
    const grant = await db.grant.findFirstOrThrow({ where: { accessRequestId: requestId } });

    const reads = () => listAcls({ principal: consumer.principal, resourceType: "TOPIC", name: topic }).then((acls) => acls.filter((a) => a.operation === "READ"));
    const read = (await eventually(reads, (r) => r.length === 1, 5000))[0]!;
    await deleteAclBindings([read]); // someone with kafka-acls.sh

    // Only the loop can do this: nothing here calls the reconciler. 20 s leaves a loaded machine room; the
    // repair time itself is measured by npm run bench:reconcile, not asserted.
    const drift = await eventually(
      () => db.aclDrift.findMany({ where: { grantId: grant.id, kind: "MISSING_RESTORED" } }),
      (rows) => rows.length > 0,
      20_000,
    );
    expect(drift.map((d) => [d.resourceName, d.operation])).toEqual([[topic, "READ"]]);
    expect(await eventually(reads, (r) => r.length === 1, 5000)).toHaveLength(1);
    expect((await db.auditEvent.findMany({ where: { targetId: grant.id, action: "grant.acls-restored" } })).length).toBe(1);
  });
});
