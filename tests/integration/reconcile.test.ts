// The reconciler against the real Kafka: ACLs deleted behind Meshport's back come back, ACLs left for
// ended grants go, and ACLs Meshport does not manage are reported, never touched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { createDataProduct } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { decideAccessRequest, requestAccess, revokeAccess } from "@/lib/access";
import { applyAcls, closeKafka, deleteAclBindings, listAcls } from "@/lib/kafka";
import { reconcileAcls, stopProvisioning } from "@/lib/provisioning";
import { consumeOne, eventually, produceAs } from "../support/kafka-clients";
import { inDays, newTeamWithMember, teamId, unique, viewerByEmail } from "../support/viewers";

let sam: Viewer, priya: Viewer;
let sales: string, payments: string;

async function grantedProduct(consumer: { viewer: Viewer; teamId: string } = { viewer: priya, teamId: payments }) {
  const slug = unique("it-rec");
  const { topic } = await createDataProduct(
    sam,
    createDataProductSchema.parse({
      ownerTeamId: sales, name: `Product ${slug}`, slug, description: "Reconciler test.", classification: "INTERNAL", containsPii: false,
      lifecycle: "ACTIVE", tags: "test", partitions: 1, replicationFactor: 1, retentionHours: 6, cleanupPolicy: "delete", schema: "",
    }),
  );
  expect(await produceAs("team-sales", topic, "m")).toBe("ok");
  const productId = (await db.dataProduct.findUniqueOrThrow({ where: { slug } })).id;
  const { requestId } = await requestAccess(consumer.viewer, { dataProductId: productId, consumerTeamId: consumer.teamId, purpose: "Reconciler test purpose.", accessUntil: inDays(30), note: "" });
  await decideAccessRequest(sam, { requestId, decision: "APPROVE" });
  const grant = await db.grant.findFirstOrThrow({ where: { accessRequestId: requestId } });
  return { slug, topic, requestId, grant };
}

const topicAcls = (topic: string, principal = "User:team-payments") => listAcls({ principal, resourceType: "TOPIC", name: topic });

beforeAll(async () => {
  [sam, priya] = await Promise.all([viewerByEmail("sam@example.com"), viewerByEmail("priya@example.com")]);
  [sales, payments] = await Promise.all([teamId("sales"), teamId("payments")]);
});

afterAll(async () => {
  await stopProvisioning();
  await closeKafka();
});

describe("reconciling grants with Kafka's ACLs", () => {
  it("restores an ACL deleted behind Meshport's back, and records the drift", async () => {
    const g = await grantedProduct();
    const read = (await topicAcls(g.topic)).find((a) => a.operation === "READ")!;
    await deleteAclBindings([read]); // someone with kafka-acls.sh
    expect((await topicAcls(g.topic)).some((a) => a.operation === "READ")).toBe(false);
    const refused = await eventually(() => consumeOne("team-payments", g.topic, `team-payments.${g.slug}.a`, 6000), (r) => "refused" in r);
    expect(refused).toHaveProperty("refused");

    const report = await reconcileAcls();
    expect(report.restored).toBeGreaterThanOrEqual(1);
    expect((await topicAcls(g.topic)).filter((a) => a.operation === "READ")).toHaveLength(1);
    const drift = await db.aclDrift.findMany({ where: { grantId: g.grant.id } });
    expect(drift.map((d) => [d.kind, d.resourceName, d.operation])).toEqual([["MISSING_RESTORED", g.topic, "READ"]]);
    expect(await eventually(() => consumeOne("team-payments", g.topic, `team-payments.${g.slug}.b`, 6000), (r) => "value" in r)).toEqual({ value: "m" });

    // Nothing left to do: a second run restores nothing for this grant.
    await reconcileAcls();
    expect(await db.aclDrift.count({ where: { grantId: g.grant.id } })).toBe(1);
  });

  it("removes an ACL left for an ended grant", async () => {
    const g = await grantedProduct();
    await revokeAccess(sam, { requestId: g.requestId, reason: "Testing orphan removal." });
    await applyAcls({ principal: "User:team-payments", topic: g.topic, access: "CONSUME" }); // re-added by hand
    // The controller commits the ACLs before the broker's authorizer lists them: wait for the broker to show them.
    expect((await eventually(() => topicAcls(g.topic), (a) => a.length > 0)).length).toBeGreaterThan(0);
    const report = await reconcileAcls();
    expect(report.removed).toBeGreaterThanOrEqual(2);
    expect(await topicAcls(g.topic)).toEqual([]);
    const drift = await db.aclDrift.findMany({ where: { grantId: g.grant.id, kind: "ORPHAN_REMOVED" } });
    expect(drift.map((d) => d.operation).sort()).toEqual(expect.arrayContaining(["DESCRIBE", "READ"]));
  });

  it("reports ACLs Meshport does not manage and never touches them", async () => {
    const g = await grantedProduct();
    const outsider = `User:${unique("outsider")}`;
    await applyAcls({ principal: outsider, topic: g.topic, access: "CONSUME" });
    const first = await reconcileAcls();
    expect(first.unmanaged).toBeGreaterThanOrEqual(3);
    const rows = await db.aclDrift.findMany({ where: { principal: outsider } });
    expect(rows.map((r) => [r.kind, r.operation]).sort()).toEqual([["UNMANAGED", "DESCRIBE"], ["UNMANAGED", "READ"], ["UNMANAGED", "READ"]]);
    await reconcileAcls();
    const again = await db.aclDrift.findMany({ where: { principal: outsider } });
    expect(again).toHaveLength(3); // the same rows, seen again
    expect(Math.min(...again.map((r) => r.lastSeenAt.getTime()))).toBeGreaterThan(Math.max(...rows.map((r) => r.lastSeenAt.getTime())) - 1);
    expect(await topicAcls(g.topic, outsider)).toHaveLength(2); // untouched
  });

  it("keeps a team's shared group ACL for its other grant when one is revoked, even after drift on the other's ACLs", async () => {
    const team = await newTeamWithMember("priya@example.com");
    const [a, b] = [await grantedProduct(team), await grantedProduct(team)];
    const group = { principal: team.principal, resourceType: "GROUP" as const };
    expect(await eventually(() => listAcls(group), (l) => l.length > 0, 5000)).toHaveLength(1); // one group-prefix ACL serves both grants
    // Drift: b's topic READ deleted by hand. The old decision, read from the broker, then dropped the group ACL.
    await deleteAclBindings((await topicAcls(b.topic, team.principal)).filter((x) => x.operation === "READ"));
    await eventually(() => topicAcls(b.topic, team.principal), (left) => !left.some((x) => x.operation === "READ"), 5000);

    await revokeAccess(sam, { requestId: a.requestId, reason: "Testing the shared group ACL." });
    expect(await eventually(() => topicAcls(a.topic, team.principal), (left) => left.length === 0, 5000)).toEqual([]);
    expect((await listAcls(group)).map((x) => `${x.name}:${x.operation}`)).toEqual([`${team.principal.slice(5)}.:READ`]);

    // The reconciler repairs b's READ from the database's records; the group ACL is still there.
    const report = await reconcileAcls();
    expect(report.restored).toBeGreaterThanOrEqual(1);
    // The broker's authorizer applies ACL records shortly after the controller commits them (KRaft).
    const repaired = await eventually(() => topicAcls(b.topic, team.principal), (l) => l.some((x) => x.operation === "READ"), 5000);
    expect(repaired.map((x) => x.operation).sort()).toEqual(["DESCRIBE", "READ"]);
    expect(await listAcls(group)).toHaveLength(1);
  });
});
