// Connectors through Meshport against the real Kafka Connect worker and broker that scripts/test.sh starts:
// policy first, Kafka's ACLs behind it, secrets never shown, and operations audited.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/auth";
import { createDataProduct } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { connectorDetail, createConnector, deleteConnector, operateConnector, watchConnectors } from "@/lib/connect";
import { createConnectorSchema } from "@/lib/connect/schemas";
import { closeKafka } from "@/lib/kafka";
import { stopProvisioning } from "@/lib/provisioning";
import { DomainError } from "@/lib/errors";
import { consumeOne, eventually, teamPassword } from "../support/kafka-clients";
import { teamId, unique, viewerByEmail } from "../support/viewers";

let sofia: Viewer; // Sales member
let priya: Viewer; // Payments member
let sales: string;
let payments: string;
let salesTopic: string;
const filesDir = () => env.KAFKA_CONNECT_FILE_DIR;

async function connectApi(method: string, p: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const r = await fetch(`${env.KAFKA_CONNECT_URL}${p}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, json: text ? (JSON.parse(text) as unknown) : null };
}

type Status = { connector: { state: string }; tasks: { state: string; trace?: string }[] };
const status = async (name: string) => (await connectApi("GET", `/connectors/${encodeURIComponent(name)}/status`)).json as Status;
const taskState = (s: Status | null) => s?.tasks?.[0]?.state ?? "NONE";

async function expectDomainError(p: Promise<unknown>, code: DomainError["code"]): Promise<DomainError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  expect((e as DomainError).code).toBe(code);
  return e as DomainError;
}

const input = (raw: Record<string, unknown>) => createConnectorSchema.parse(raw);

beforeAll(async () => {
  [sofia, priya] = await Promise.all([viewerByEmail("sofia@example.com"), viewerByEmail("priya@example.com")]);
  [sales, payments] = await Promise.all([teamId("sales"), teamId("payments")]);
  mkdirSync(filesDir(), { recursive: true });
  const slug = unique("it-connect");
  const created = await createDataProduct(
    sofia,
    createDataProductSchema.parse({
      ownerTeamId: sales,
      name: `Product ${slug}`,
      slug,
      description: "Written by a FileStream source in the integration tests.",
      classification: "INTERNAL",
      containsPii: false,
      lifecycle: "ACTIVE",
      tags: "test",
      partitions: 1,
      replicationFactor: 1,
      retentionHours: 6,
      cleanupPolicy: "delete",
      schema: '{"type":"record","name":"T","fields":[{"name":"id","type":"string"}]}',
    }),
  );
  salesTopic = created.topic;
});

afterAll(async () => {
  await stopProvisioning();
  await closeKafka();
});

describe("a source connector created through Meshport", () => {
  let id: string;
  let name: string;

  it("writes a file's lines into the team's topic, as the team's principal", async () => {
    const file = path.join(filesDir(), `${unique("lines")}.txt`);
    writeFileSync(file, "line-1\nline-2\nline-3\n");
    const created = await createConnector(
      sofia,
      input({ teamId: sales, name: unique("file-in"), kind: "SOURCE", connectorClass: "org.apache.kafka.connect.file.FileStreamSourceConnector", config: { file, topic: salesTopic } }),
    );
    ({ id, name } = created);
    expect(name).toMatch(/^sales\.file-in-/);
    const first = await consumeOne("team-sales", salesTopic, `team-sales.it-connect-${Date.now()}`, 30_000);
    expect(first).toEqual({ value: "line-1" });
    const row = await db.connector.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ kind: "SOURCE", topics: [salesTopic], teamId: sales });
  });

  it("keeps the team's password out of Connect's config, Meshport's pages and the audit log", async () => {
    const password = teamPassword("team-sales");
    const stored = (await connectApi("GET", `/connectors/${encodeURIComponent(name)}/config`)).json as Record<string, string>;
    expect(stored["producer.override.sasl.jaas.config"]).toContain("${file:");
    expect(JSON.stringify(stored)).not.toContain(password);
    const detail = await connectorDetail(sofia, id);
    expect(JSON.stringify(detail)).not.toContain(password);
    expect(JSON.stringify(detail)).not.toContain("sasl.jaas.config");
    const audit = await db.auditEvent.findMany({ where: { targetType: "connector", targetId: id } });
    expect(audit.map((a) => a.action)).toEqual(["connector.created"]);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("shows others its owner, state and topics, never its settings", async () => {
    const forOwner = await connectorDetail(sofia, id);
    expect(forOwner.settings?.values).toMatchObject({ topic: salesTopic });
    const forOther = await connectorDetail(priya, id);
    expect(forOther.settings).toBeNull();
    expect(forOther.canManage).toBe(false);
    expect(forOther.topics).toEqual([salesTopic]);
    expect(forOther.team.slug).toBe("sales");
  });

  it("pauses, resumes and restarts, each audited; another team may not", async () => {
    await expectDomainError(operateConnector(priya, { id, operation: "pause" }), "FORBIDDEN");
    await operateConnector(sofia, { id, operation: "pause" });
    expect((await eventually(() => status(name), (s) => s.connector?.state === "PAUSED", 30_000)).connector.state).toBe("PAUSED");
    await operateConnector(sofia, { id, operation: "resume" });
    expect((await eventually(() => status(name), (s) => s.connector?.state === "RUNNING", 30_000)).connector.state).toBe("RUNNING");
    await operateConnector(sofia, { id, operation: "restart" });
    expect(taskState(await eventually(() => status(name), (s) => taskState(s) === "RUNNING", 30_000))).toBe("RUNNING");
    const actions = (await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["connector.created", "connector.paused", "connector.resumed", "connector.restarted"]);
  });

  it("is deleted in Connect and in Meshport", async () => {
    await expectDomainError(deleteConnector(priya, { id }), "FORBIDDEN");
    await deleteConnector(sofia, { id });
    expect((await connectApi("GET", `/connectors/${encodeURIComponent(name)}`)).status).toBe(404);
    expect(await db.connector.findUnique({ where: { id } })).toBeNull();
  });
});

describe("policy, and Kafka behind it", () => {
  it("refuses a sink on a topic its team has no grant for", async () => {
    const e = await expectDomainError(
      createConnector(priya, input({ teamId: payments, name: unique("steal"), kind: "SINK", connectorClass: "org.apache.kafka.connect.file.FileStreamSinkConnector", topics: salesTopic, config: { file: path.join(filesDir(), "stolen.txt") } })),
      "INVALID",
    );
    expect(e.fieldErrors?.topics).toMatch(/no access to/);
    expect(await db.connector.count({ where: { teamId: payments, topics: { has: salesTopic } } })).toBe(0);
  });

  it("refuses a source writing to another team's topic, and files outside the workers' folder", async () => {
    const source = await expectDomainError(
      createConnector(priya, input({ teamId: payments, name: unique("spoof"), kind: "SOURCE", connectorClass: "org.apache.kafka.connect.file.FileStreamSourceConnector", config: { file: path.join(filesDir(), "x.txt"), topic: salesTopic } })),
      "INVALID",
    );
    expect(source.fieldErrors?.["config.topic"]).toMatch(/own topics/);
    const file = await expectDomainError(
      createConnector(sofia, input({ teamId: sales, name: unique("creds"), kind: "SOURCE", connectorClass: "org.apache.kafka.connect.file.FileStreamSourceConnector", config: { file: env.KAFKA_CONNECT_CREDENTIALS_FILE, topic: salesTopic } })),
      "INVALID",
    );
    expect(file.fieldErrors?.["config.file"]).toMatch(/inside/);
  });

  it("the same sink created directly on Connect fails on Kafka's authorization", async () => {
    const name = unique("direct");
    const put = await connectApi("PUT", `/connectors/${name}/config`, { "connector.class": "org.apache.kafka.connect.file.FileStreamSinkConnector", topics: salesTopic, file: path.join(filesDir(), `${name}.txt`) });
    expect(put.status).toBe(201);
    try {
      const s = await eventually(() => status(name), (x) => taskState(x) === "FAILED", 45_000);
      expect(taskState(s)).toBe("FAILED");
      expect(s.tasks[0]?.trace).toMatch(/AuthorizationException/);
    } finally {
      await connectApi("DELETE", `/connectors/${name}`);
    }
  });

  it("a sink of the team's own topic reads it into a file, in the team's consumer group", async () => {
    const out = path.join(filesDir(), `${unique("out")}.txt`);
    const { id, name } = await createConnector(
      sofia,
      input({ teamId: sales, name: unique("file-out"), kind: "SINK", connectorClass: "org.apache.kafka.connect.file.FileStreamSinkConnector", topics: salesTopic, config: { file: out } }),
    );
    try {
      const text = await eventually(async () => { try { return readFileSync(out, "utf8"); } catch { return ""; } }, (t) => t.includes("line-1"), 45_000);
      expect(text).toContain("line-1");
      const stored = (await connectApi("GET", `/connectors/${encodeURIComponent(name)}/config`)).json as Record<string, string>;
      expect(stored["consumer.override.group.id"]).toBe(`team-sales.connect.${name}`);
    } finally {
      await deleteConnector(sofia, { id });
    }
  });
});

describe("a failed task", () => {
  it("shows its error and tells the owning team once", async () => {
    // A sink whose file is a folder: its task fails at start, deterministically.
    const { id, name } = await createConnector(
      sofia,
      input({ teamId: sales, name: unique("broken"), kind: "SINK", connectorClass: "org.apache.kafka.connect.file.FileStreamSinkConnector", topics: salesTopic, config: { file: filesDir() + "/" } }),
    );
    try {
      await eventually(() => status(name), (s) => taskState(s) === "FAILED", 45_000);
      const before = await db.notification.count({ where: { kind: "connector.task-failed", href: `/connectors/${id}` } });
      expect(before).toBe(0);
      const first = await watchConnectors();
      expect(first.notified).toBeGreaterThan(0);
      const second = await watchConnectors();
      expect(second.notified).toBe(0);
      const row = await db.connector.findUniqueOrThrow({ where: { id } });
      expect(row.lastState).toBe("FAILED");
      expect(row.lastError).toMatch(/ConnectException/);
      const detail = await connectorDetail(sofia, id);
      expect(detail.live.reachable && detail.live.tasks[0]?.error).toMatch(/ConnectException/);
      expect(await db.notification.count({ where: { kind: "connector.task-failed", href: `/connectors/${id}`, userId: sofia.id } })).toBe(1);
    } finally {
      await deleteConnector(sofia, { id });
    }
  });
});
