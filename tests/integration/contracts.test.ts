// Data contracts against the real Schema Registry, Kafka and PostgreSQL that scripts/test.sh starts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SchemaRegistry } from "@kafkajs/confluent-schema-registry";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/auth";
import { createDataProduct } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { decideAccessRequest, requestAccess } from "@/lib/access";
import {
  checkPortConformance,
  findSubjectDrift,
  getPortVersions,
  getSampleData,
  previewSchemaVersion,
  publishSchemaVersion,
  setPortCompatibility,
  setPortContract,
  startMajorVersion,
} from "@/lib/contracts";
import { codecFor } from "@/lib/contracts/wire";
import { closeKafka, kafkaClientFor, producer } from "@/lib/kafka";
import { stopProvisioning } from "@/lib/provisioning";
import { deleteSubject, getCompatibility, getVersion, listVersions, subjectFor } from "@/lib/schema-registry";
import { DomainError } from "@/lib/errors";
import { describeTopicAsAdmin } from "../support/kafka-clients";
import { inDays, teamId, unique, viewerByEmail } from "../support/viewers";

let sam: Viewer; // Sales maintainer
let priya: Viewer; // Payments member
let ada: Viewer; // platform admin
let sales: string;
let payments: string;

const v1 = { type: "record", name: "Order", namespace: "it", fields: [{ name: "id", type: "string" }, { name: "amount", type: "int" }] };
const addOptional = { ...v1, fields: [...v1.fields, { name: "note", type: ["null", "string"], default: null }] };
const addRequired = { ...v1, fields: [...v1.fields, { name: "currency", type: "string" }] };

function newProduct(slug: string, overrides: Record<string, unknown> = {}) {
  return createDataProductSchema.parse({
    ownerTeamId: sales,
    name: `Contract ${slug}`,
    slug,
    description: "Created by the contracts integration tests.",
    classification: "INTERNAL",
    containsPii: false,
    lifecycle: "ACTIVE",
    tags: "test",
    partitions: 1,
    replicationFactor: 1,
    retentionHours: 6,
    cleanupPolicy: "delete",
    schema: JSON.stringify(v1),
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

async function portOf(slug: string) {
  return db.outputPort.findFirstOrThrow({ where: { dataProduct: { slug } }, include: { schemaVersions: { orderBy: { version: "asc" } } } });
}

/** A product of Sales that Payments reads (an approved, provisioned access request). */
async function consumedProduct(slug: string) {
  await createDataProduct(sam, newProduct(slug));
  const product = await db.dataProduct.findUniqueOrThrow({ where: { slug } });
  const { requestId } = await requestAccess(priya, { dataProductId: product.id, consumerTeamId: payments, purpose: "Reconcile payments with orders.", accessUntil: inDays(30), note: "" });
  await decideAccessRequest(sam, { requestId, decision: "APPROVE", reason: "ok" });
  return portOf(slug);
}

beforeAll(async () => {
  [sam, priya, ada] = await Promise.all([viewerByEmail("sam@example.com"), viewerByEmail("priya@example.com"), viewerByEmail("ada@example.com")]);
  [sales, payments] = await Promise.all([teamId("sales"), teamId("payments")]);
});

afterAll(async () => {
  await stopProvisioning();
  await closeKafka();
});

describe("creating a product registers its schema", () => {
  it("registers version 1 under <topic>-value with the compatibility the owner chose", async () => {
    const slug = unique("ct-create");
    const { topic } = await createDataProduct(sam, newProduct(slug, { compatibility: "FULL" }));
    const subject = subjectFor(topic);
    const latest = await getVersion(subject, "latest");
    expect(latest?.version).toBe(1);
    expect(JSON.parse(latest!.schema)).toEqual(v1);
    expect(await getCompatibility(subject)).toBe("FULL");
    const port = await portOf(slug);
    expect(port.compatibility).toBe("FULL");
    expect(port.schemaVersions[0]?.registryId).toBe(latest?.id);
  });

  it("registers JSON Schema and Protobuf with their registry types", async () => {
    const json = unique("ct-json");
    await createDataProduct(sam, newProduct(json, { schemaFormat: "JSON_SCHEMA", schema: JSON.stringify({ type: "object", properties: { id: { type: "string" } }, required: ["id"] }) }));
    const proto = unique("ct-proto");
    await createDataProduct(sam, newProduct(proto, { schemaFormat: "PROTOBUF", schema: 'syntax = "proto3";\nmessage Order { string id = 1; int64 amount = 2; }' }));
    expect((await getVersion(subjectFor(`sales.${json}.v1`), "latest"))?.schemaType).toBe("JSON");
    expect((await getVersion(subjectFor(`sales.${proto}.v1`), "latest"))?.schemaType).toBe("PROTOBUF");
  });

  it("refuses a schema that does not parse, at its line, and writes nothing", async () => {
    const slug = unique("ct-bad");
    const e = await expectDomainError(
      createDataProduct(sam, newProduct(slug, { schema: '{\n  "type": "record",\n  "name": "X",\n  "fields": [{"name": "a", "type": "strng"}]\n}' })),
      "INVALID",
    );
    expect(e.fieldErrors?.schema).toMatch(/^Line 4, column \d+: Field a:/);
    expect(await db.dataProduct.count({ where: { slug } })).toBe(0);
  });

  it("when the registry is unreachable, says so and writes nothing anywhere", async () => {
    const slug = unique("ct-down");
    const url = env.SCHEMA_REGISTRY_URL;
    env.SCHEMA_REGISTRY_URL = "http://localhost:1/apis/ccompat/v7";
    try {
      const e = await expectDomainError(createDataProduct(sam, newProduct(slug)), "UNAVAILABLE");
      expect(e.message).toMatch(/Schema Registry is unreachable at http:\/\/localhost:1.*Nothing was changed/);
    } finally {
      env.SCHEMA_REGISTRY_URL = url;
    }
    expect(await db.dataProduct.count({ where: { slug } })).toBe(0);
    await expect(describeTopicAsAdmin(`sales.${slug}.v1`)).rejects.toThrow();
    expect(await listVersions(subjectFor(`sales.${slug}.v1`))).toEqual([]);
  });
});

describe("publishing new versions", () => {
  it("registers a compatible version and shows it with its diff", async () => {
    const slug = unique("ct-compat");
    const port = await consumedProduct(slug);
    const preview = await previewSchemaVersion(sam, { outputPortId: port.id, schema: JSON.stringify(addOptional) });
    expect(preview).toMatchObject({ compatible: true, reasons: [], registry: { compatible: true }, nextVersion: 2 });
    expect(preview.changes.map((c) => c.words)).toEqual(["Field note (null | string) was added with default null."]);
    expect(preview.impact.map((i) => [i.teamName, i.principal, i.consumerGroups])).toEqual([["Payments Core", "User:team-payments", "team-payments.*"]]);

    const { version, registryId } = await publishSchemaVersion(sam, { outputPortId: port.id, schema: JSON.stringify(addOptional) });
    expect(version).toBe(2);
    const latest = await getVersion(subjectFor(port.topic), "latest");
    expect([latest?.version, latest?.id]).toEqual([2, registryId]);
    const page = await getPortVersions(priya, slug, port.id);
    expect(page.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(page.diff).toEqual({ from: 1, to: 2, changes: ["Field note (null | string) was added with default null."] });
    const notices = await db.notification.count({ where: { kind: "schema.version-published", user: { email: "priya@example.com" } } });
    expect(notices).toBeGreaterThan(0);
    expect(await db.auditEvent.count({ where: { targetId: port.id, action: "schema-version.published", actorId: sam.id } })).toBe(1);
  });

  it("refuses an incompatible version with the registry's verdict and Meshport's reasons, storing nothing", async () => {
    const slug = unique("ct-break");
    const port = await consumedProduct(slug);
    const preview = await previewSchemaVersion(sam, { outputPortId: port.id, schema: JSON.stringify(addRequired) });
    expect(preview.compatible).toBe(false);
    expect(preview.registry.compatible).toBe(false);
    expect(preview.reasons).toEqual([
      { path: "currency", direction: "backward", against: 1, reason: "New field currency has no default: consumers on the new schema cannot read messages written before it existed." },
    ]);
    const e = await expectDomainError(publishSchemaVersion(sam, { outputPortId: port.id, schema: JSON.stringify(addRequired) }), "CONFLICT");
    expect(e.message).toMatch(/refuse this version under BACKWARD: New field currency has no default.*Nothing was stored/);
    expect(await listVersions(subjectFor(port.topic))).toEqual([1]);
    expect(await db.schemaVersion.count({ where: { outputPortId: port.id } })).toBe(1);
  });

  it("only owners preview or publish", async () => {
    const slug = unique("ct-owner");
    await createDataProduct(sam, newProduct(slug));
    const port = await portOf(slug);
    await expectDomainError(previewSchemaVersion(priya, { outputPortId: port.id, schema: JSON.stringify(addOptional) }), "FORBIDDEN");
  });

  it("offers a new major version: a v2 port beside v1, v1 deprecated with its sunset, consumers told", async () => {
    const slug = unique("ct-major");
    const port = await consumedProduct(slug);
    const { topic } = await startMajorVersion(sam, { outputPortId: port.id, schema: JSON.stringify(addRequired), sunsetAt: new Date(Date.now() + 30 * 86_400_000) });
    expect(topic).toBe(`sales.${slug}.v2`);
    expect((await describeTopicAsAdmin(topic)).partitions).toBe(1);
    expect(JSON.parse((await getVersion(subjectFor(topic), "latest"))!.schema)).toEqual(addRequired);
    const old = await db.outputPort.findUniqueOrThrow({ where: { id: port.id } });
    expect(old.deprecatedAt).not.toBeNull();
    expect(old.sunsetAt?.getTime()).toBeGreaterThan(Date.now());
    expect(await db.notification.count({ where: { kind: "output-port.deprecated", user: { email: "priya@example.com" }, title: { contains: topic } } })).toBe(1);
  });
});

describe("compatibility mode", () => {
  it("is what the owner chose on the registry's subject, within the policy's floor", async () => {
    const slug = unique("ct-mode");
    const port = await consumedProduct(slug);
    const e = await expectDomainError(setPortCompatibility(sam, { outputPortId: port.id, compatibility: "NONE" }), "INVALID");
    expect(e.fieldErrors?.compatibility).toMatch(/at least BACKWARD/);
    expect(await getCompatibility(subjectFor(port.topic))).toBe("BACKWARD");
    await setPortCompatibility(sam, { outputPortId: port.id, compatibility: "FULL_TRANSITIVE" });
    expect(await getCompatibility(subjectFor(port.topic))).toBe("FULL_TRANSITIVE");
  });
});

describe("drift", () => {
  it("reports a subject deleted behind Meshport's back", async () => {
    const slug = unique("ct-drift");
    const { topic } = await createDataProduct(sam, newProduct(slug));
    await deleteSubject(subjectFor(topic), true);
    const drift = await findSubjectDrift(ada);
    expect(drift.filter((d) => d.subject === subjectFor(topic)).map((d) => d.kind)).toEqual(["deleted"]);
    await expectDomainError(findSubjectDrift(sam), "FORBIDDEN");
  });
});

describe("a registry client from npm reads what Meshport registered", () => {
  it("decodes Confluent wire-format messages produced with the registered schema id", async () => {
    const slug = unique("ct-wire");
    const { topic } = await createDataProduct(sam, newProduct(slug));
    const registered = (await getVersion(subjectFor(topic), "latest"))!;
    const codec = codecFor("AVRO", registered.schema);
    const p = await producer();
    await p.send({ topic, messages: [{ key: "o-1", value: codec.encode(registered.id, { id: "o-1", amount: 42 }) }] });
    await p.disconnect();

    const consumer = kafkaClientFor({ username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD }).consumer({ groupId: unique("ct-wire-reader") });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const value = await new Promise<Buffer>((resolve) => {
      void consumer.run({ eachMessage: async ({ message }) => resolve(message.value!) });
    });
    await consumer.disconnect();

    const url = new URL(env.SCHEMA_REGISTRY_URL);
    const registry = new SchemaRegistry({ host: url.toString().replace(/\/$/, "") });
    expect(await registry.decode(value)).toEqual({ id: "o-1", amount: 42 });
    expect(codec.decode(value)).toEqual({ id: "o-1", amount: 42 });
  });
});

describe("live conformance and sample data", () => {
  it("scores real messages against the schema and quality rules, and shows masked samples only to teams with access", async () => {
    const slug = unique("ct-conf");
    const port = await consumedProduct(slug);
    await setPortContract(sam, { outputPortId: port.id, qualityRules: [{ field: "amount", kind: "range", min: 0 }], personalDataFields: ["id"] });
    await expectDomainError(setPortContract(sam, { outputPortId: port.id, qualityRules: [{ field: "nope", kind: "not_null" }], personalDataFields: [] }), "INVALID");
    const registered = (await getVersion(subjectFor(port.topic), "latest"))!;
    const codec = codecFor("AVRO", registered.schema);
    const p = await producer();
    const values = [10, 20, -3, 40, -1, 60, 70, 80];
    await p.send({ topic: port.topic, messages: values.map((amount, i) => ({ value: codec.encode(registered.id, { id: `o-${i}`, amount }) })) });
    await p.send({ topic: port.topic, messages: [{ value: Buffer.from("not json at all") }] });
    await p.disconnect();

    const run = await checkPortConformance(port.id);
    expect([run.sampled, run.passed]).toEqual([9, 6]);
    expect(run.failures).toEqual([
      { rule: "amount is at least 0", count: 2, example: { partition: 0, offset: "2" } },
      { rule: "schema: neither Confluent wire format nor JSON", count: 1, example: { partition: 0, offset: "8" } },
    ]);

    const owner = await getSampleData(sam, port.id);
    const consumer = await getSampleData(priya, port.id);
    const outsider = await getSampleData(await viewerByEmail("ivan@example.com"), port.id);
    expect(owner.state === "ok" && owner.messages.find((m) => m.offset === "7")?.value).toEqual({ id: "o-7", amount: 80 });
    expect(consumer.state === "ok" && consumer.messages.find((m) => m.offset === "7")?.value).toEqual({ id: "••••", amount: 80 });
    expect(outsider).toEqual({ state: "hidden" });
  });
});
