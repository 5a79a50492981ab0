// A product's life against the real PostgreSQL and Kafka (issue 14): several output ports, input ports,
// draft → active → deprecated → retired. Teams, users and products are this file's own (tests/support/factories.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadViewer, type Viewer } from "@/lib/auth";
import { addOutputPort, createDataProduct, deprecateProduct, publishProduct, retireProduct, setInputPorts } from "@/lib/catalog";
import { addOutputPortSchema, createDataProductSchema, deprecateProductSchema, retireProductSchema, setInputPortsSchema } from "@/lib/catalog/schemas";
import { decideAccessRequest, requestAccess, revokeAccess } from "@/lib/access";
import { decideAccessRequestSchema, requestAccessSchema, revokeAccessSchema } from "@/lib/access/schemas";
import { closeKafka, describeTopic, listAcls } from "@/lib/kafka";
import { stopProvisioning } from "@/lib/provisioning";
import { DomainError } from "@/lib/errors";
import { createDemoUser, createTeamWithMembers } from "../support/factories";
import { describeTopicAsAdmin } from "../support/kafka-clients";
import { inDays, unique } from "../support/viewers";

let owner: Viewer; // maintainer of the owning team
let member: Viewer; // plain member of the owning team
let consumer: Viewer; // member of the consuming team
let ownerTeam: Awaited<ReturnType<typeof createTeamWithMembers>>;
let consumerTeam: Awaited<ReturnType<typeof createTeamWithMembers>>;

const viewer = async (id: string) => (await loadViewer(id))!;
const port = (name: string, over: Record<string, unknown> = {}) => ({ name, topic: "", partitions: 2, replicationFactor: 1, retentionHours: 6, cleanupPolicy: "delete", schema: "", ...over });

async function newProduct(slug: string, ports = [port("events")], lifecycle = "ACTIVE") {
  return createDataProduct(
    owner,
    createDataProductSchema.parse({
      ownerTeamId: ownerTeam.id, name: `Product ${slug}`, slug, description: "Built by the product lifecycle tests.", classification: "INTERNAL",
      containsPii: false, lifecycle, tags: "test", ports,
    }),
  );
}

async function domainError(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

beforeAll(async () => {
  const slug = unique("it-life");
  const [o, m, c] = await Promise.all([createDemoUser(`Owner ${slug}`), createDemoUser(`Member ${slug}`), createDemoUser(`Consumer ${slug}`)]);
  ownerTeam = await createTeamWithMembers(`${slug}-own`, [{ userId: o.id, role: "MAINTAINER" }, { userId: m.id, role: "MEMBER" }], { prefix: `${slug}.` });
  consumerTeam = await createTeamWithMembers(`${slug}-use`, [{ userId: c.id, role: "MAINTAINER" }]);
  [owner, member, consumer] = await Promise.all([viewer(o.id), viewer(m.id), viewer(c.id)]);
});

afterAll(async () => {
  await stopProvisioning();
  await closeKafka();
});

describe("several output ports", () => {
  it("creates each port's topic with its own layout, under the team's prefix, and refuses one outside it at that port", async () => {
    const slug = unique("ports");
    const created = await newProduct(slug, [port("events"), port("snapshot", { cleanupPolicy: "compact", partitions: 1 })]);
    const prefix = `${ownerTeam.slug.replace(/-own$/, "")}.`;
    expect(created.topics).toEqual([`${prefix}${slug}.v1`, `${prefix}${slug}.snapshot.v1`]);
    const [events, snapshot] = await Promise.all(created.topics.map((t) => describeTopicAsAdmin(t)));
    expect([events!.partitions, events!.configs["cleanup.policy"]]).toEqual([2, "delete"]);
    expect([snapshot!.partitions, snapshot!.configs["cleanup.policy"]]).toEqual([1, "compact"]);

    const e = await domainError(newProduct(unique("ports"), [port("events"), port("snapshot", { topic: "elsewhere.orders.v1" })]));
    expect(e.fieldErrors).toEqual({ "ports.1.topic": `The topic "elsewhere.orders.v1" must start with the team's prefix "${prefix}".` });
  });

  it("a maintainer adds a port to a live product; a member may not", async () => {
    const slug = unique("add");
    const { topic } = await newProduct(slug);
    const productId = (await db.dataProduct.findUniqueOrThrow({ where: { slug } })).id;
    const input = addOutputPortSchema.parse({ productId, ...port("snapshot", { cleanupPolicy: "compact" }) });
    expect((await domainError(addOutputPort(member, input))).code).toBe("FORBIDDEN");
    const added = await addOutputPort(owner, input);
    expect(added).toMatchObject({ topic: topic.replace(/\.v1$/, ".snapshot.v1"), status: "APPLIED" });
    expect((await describeTopicAsAdmin(added.topic)).configs["cleanup.policy"]).toBe("compact");
    expect((await domainError(addOutputPort(owner, input))).fieldErrors).toMatchObject({ name: 'Another output port of this product is already called "snapshot".' });
  });
});

describe("input ports", () => {
  it("records what a product is built from, and refuses a cycle at the field", async () => {
    const [a, b] = [unique("raw"), unique("agg")];
    await newProduct(a);
    await newProduct(b);
    const [ra, rb] = await Promise.all([a, b].map((slug) => db.dataProduct.findUniqueOrThrow({ where: { slug } })));
    expect(await setInputPorts(owner, setInputPortsSchema.parse({ productId: rb!.id, upstream: a }))).toEqual({ upstream: [a] });
    const e = await domainError(setInputPorts(owner, setInputPortsSchema.parse({ productId: ra!.id, upstream: b })));
    expect(e.fieldErrors?.upstream).toBe(`Product ${b} is built from this product, directly or through others.`);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: rb!.id, action: "data-product.input-ports-changed" } });
    expect([audit.before, audit.after]).toEqual([{ builtFrom: [] }, { builtFrom: [a] }]);
  });
});

describe("lifecycle", () => {
  it("publishes a draft; only its team's maintainers may", async () => {
    const slug = unique("draft");
    await newProduct(slug, [port("events")], "DRAFT");
    const { id } = await db.dataProduct.findUniqueOrThrow({ where: { slug } });
    expect((await domainError(publishProduct(member, { productId: id }))).code).toBe("FORBIDDEN");
    await publishProduct(owner, { productId: id });
    expect((await db.dataProduct.findUniqueOrThrow({ where: { id } })).lifecycle).toBe("ACTIVE");
    expect((await domainError(publishProduct(owner, { productId: id }))).message).toBe("Only drafts are published (this product is active).");
  });

  it("deprecates with a notice to consumers, then retires after the sunset: topics and ACLs deleted in Kafka, the record kept", async () => {
    const slug = unique("retire");
    const { topics } = await newProduct(slug, [port("events"), port("snapshot", { cleanupPolicy: "compact" })]);
    const product = await db.dataProduct.findUniqueOrThrow({ where: { slug } });

    // A consumer with an active grant.
    const { requestId } = await requestAccess(consumer, requestAccessSchema.parse({ dataProductId: product.id, consumerTeamId: consumerTeam.id, purpose: "Reading it until it is retired.", accessUntil: inDays(30) }));
    await decideAccessRequest(owner, decideAccessRequestSchema.parse({ requestId, decision: "APPROVE" }));
    expect((await listAcls({ principal: consumerTeam.principal })).some((a) => a.name === topics[0])).toBe(true);

    expect((await domainError(retireProduct(owner, retireProductSchema.parse({ productId: product.id, confirmName: product.name })))).message).toBe("Deprecate the product with a sunset date first.");
    const past = await domainError(deprecateProduct(owner, deprecateProductSchema.parse({ productId: product.id, sunsetDate: inDays(0) })));
    expect(past.fieldErrors?.sunsetDate).toMatch(/^The sunset must be after today/);
    const deprecated = await deprecateProduct(owner, deprecateProductSchema.parse({ productId: product.id, sunsetDate: inDays(14) }));
    expect(deprecated).toMatchObject({ lifecycle: "DEPRECATED", notified: 1 });
    const notice = await db.notification.findFirstOrThrow({ where: { userId: consumer.id, kind: "data-product.deprecated" } });
    expect(notice.title).toBe(`${product.name} is deprecated: sunset on ${inDays(14)}`);

    // Before the sunset, and with a consumer left, retirement is refused and nothing changes.
    const early = await domainError(retireProduct(owner, retireProductSchema.parse({ productId: product.id, confirmName: product.name })));
    expect(early.message).toMatch(/^The product can be retired after its sunset/);
    await db.dataProduct.update({ where: { id: product.id }, data: { sunsetAt: new Date(Date.now() - 60_000) } }); // the test cannot wait 14 days
    const withConsumer = await domainError(retireProduct(owner, retireProductSchema.parse({ productId: product.id, confirmName: product.name })));
    // One grant per output port: the consuming team holds two.
    expect(withConsumer.message).toBe("2 consumer grants are still active: wait until they end, or revoke them.");
    // Past its sunset, the product takes no new requests.
    const other = await createTeamWithMembers(unique("it-late"), [{ userId: consumer.id, role: "MEMBER" }]);
    const lateViewer = await viewer(consumer.id);
    const late = await domainError(requestAccess(lateViewer, requestAccessSchema.parse({ dataProductId: product.id, consumerTeamId: other.id, purpose: "Too late for this one.", accessUntil: inDays(30) })));
    expect(late.message).toMatch(/^The product is past its sunset/);

    await revokeAccess(owner, revokeAccessSchema.parse({ requestId, reason: "The product is being retired." }));
    expect((await domainError(retireProduct(owner, retireProductSchema.parse({ productId: product.id, confirmName: "wrong" })))).fieldErrors).toEqual({
      confirmName: `Type the product's name, ${product.name}, to confirm.`,
    });
    expect((await domainError(retireProduct(member, retireProductSchema.parse({ productId: product.id, confirmName: product.name })))).code).toBe("FORBIDDEN");

    const retired = await retireProduct(owner, retireProductSchema.parse({ productId: product.id, confirmName: product.name }));
    expect(retired).toEqual({ lifecycle: "RETIRED", topics: expect.arrayContaining(topics), pending: [] });
    for (const topic of topics) {
      expect(await describeTopic(topic, { lastMessage: false })).toBeNull();
      expect(await listAcls({ resourceType: "TOPIC", name: topic })).toEqual([]);
    }
    expect((await listAcls({ principal: ownerTeam.principal })).filter((a) => topics.includes(a.name))).toEqual([]);

    // The record stays, marked retired, with its trail.
    const kept = await db.dataProduct.findUniqueOrThrow({ where: { id: product.id }, include: { outputPorts: true, grants: true } });
    expect(kept.lifecycle).toBe("RETIRED");
    expect(kept.outputPorts.map((p) => [p.topic, p.provisioning, Boolean(p.removedAt)]).sort()).toEqual(topics.map((t) => [t, "APPLIED", true]).sort());
    expect(kept.grants.every((g) => g.status !== "ACTIVE")).toBe(true);
    const actions = (await db.auditEvent.findMany({ where: { targetId: { in: [product.id, ...kept.outputPorts.map((p) => p.id)] } }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["data-product.created", "data-product.deprecated", "data-product.retired", "output-port.topic-deleted"]));
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: product.id, action: "data-product.retired" } });
    expect([event.actorId, (event.before as { lifecycle: string }).lifecycle, (event.after as { lifecycle: string }).lifecycle]).toEqual([owner.id, "DEPRECATED", "RETIRED"]);
    expect((await domainError(deprecateProduct(owner, deprecateProductSchema.parse({ productId: product.id, sunsetDate: inDays(3) })))).code).toBe("FORBIDDEN");
  });
});
