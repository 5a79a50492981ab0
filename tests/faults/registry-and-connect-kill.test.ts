// The Schema Registry and the Kafka Connect worker die (SIGKILL) under a running portal, and come back.
// Promised: pages that show their data still answer, saying what is unreachable; changes that need them are
// refused with a clear message and write nothing; everything works again once they are back.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { closeKafka } from "@/lib/kafka";
import { createDataProduct } from "@/lib/catalog";
import { publishSchemaVersion } from "@/lib/contracts";
import { connectorDetail, createConnector } from "@/lib/connect";
import { createConnectorSchema } from "@/lib/connect/schemas";
import { runAction } from "@/lib/action-pipeline";
import { z } from "zod";
import { stopProvisioning } from "@/lib/provisioning";
import { unique } from "../support/viewers";
import { newTeam, productInput, type Team } from "./support/mesh";
import { startPortal, stopAllPortals, type Portal } from "./support/portal";
import { getAs, sessionCookie, visibleText } from "./support/session";
import { killService, startService, waitFor } from "./support/services";

const AVRO_V1 = { type: "record", name: "Order", fields: [{ name: "id", type: "string" }] };
const AVRO_V2 = { ...AVRO_V1, fields: [...AVRO_V1.fields, { name: "note", type: ["null", "string"], default: null }] };

let portal: Portal;
let owner: Team;
let cookie: string;

/** A domain call through the server actions' pipeline: the answer a user's browser would get. */
const asAction = <T>(fn: () => Promise<T>) => runAction(z.unknown(), {}, async () => null, () => fn());

const generic = /could not be shown|Internal Server Error|went wrong/i;

beforeAll(async () => {
  owner = await newTeam("own");
  portal = await startPortal(0);
  cookie = await sessionCookie(owner.member.id);
});

afterAll(async () => {
  await stopAllPortals();
  await stopProvisioning();
  await closeKafka();
});

describe("the Schema Registry is killed", () => {
  it("refuses schema changes clearly, keeps product pages up, and publishes again once back", async () => {
    const slug = unique("fr");
    const { topic } = await createDataProduct(owner.member, productInput(owner, slug, { schema: JSON.stringify(AVRO_V1) }));
    const port = await db.outputPort.findFirstOrThrow({ where: { topic } });

    await killService("registry");
    try {
      const page = await getAs(portal, `/products/${slug}`, cookie);
      expect(page.status).toBe(200);
      expect(visibleText(page.text)).toContain(`Product ${slug}`);
      expect(visibleText(page.text)).not.toMatch(generic);

      const publish = await asAction(() => publishSchemaVersion(owner.member, { outputPortId: port.id, schema: JSON.stringify(AVRO_V2) }));
      expect(publish).toMatchObject({ ok: false, code: "UNAVAILABLE", message: expect.stringMatching(/Schema Registry is unreachable/) });
      const other = unique("fr");
      const create = await asAction(() => createDataProduct(owner.member, productInput(owner, other, { schema: JSON.stringify(AVRO_V1) })));
      expect(create).toMatchObject({ ok: false, code: "UNAVAILABLE", message: expect.stringMatching(/Schema Registry is unreachable/) });
      expect(await db.dataProduct.count({ where: { slug: other } })).toBe(0);
      expect(await db.schemaVersion.count({ where: { outputPortId: port.id } })).toBe(1);
    } finally {
      await startService("registry");
    }

    const published = await waitFor(
      "the registry to take the version again",
      () => asAction(() => publishSchemaVersion(owner.member, { outputPortId: port.id, schema: JSON.stringify(AVRO_V2) })),
      (r) => r.ok,
      60_000,
      2000,
    );
    expect(published.ok && published.data.version).toBe(2);
    const subject = `${topic}-value`;
    const latest = (await (await fetch(`${env.SCHEMA_REGISTRY_URL}/subjects/${subject}/versions/latest`)).json()) as { id: number; version: number };
    expect(latest.id).toBe(published.ok ? published.data.registryId : -1);
  });
});

describe("the Kafka Connect worker is killed", () => {
  it("refuses new connectors clearly, shows the pages with Connect unreachable, and the connector runs again after", async () => {
    const { topic } = await createDataProduct(owner.member, productInput(owner, unique("fk")));
    mkdirSync(env.KAFKA_CONNECT_FILE_DIR, { recursive: true });
    const file = path.join(env.KAFKA_CONNECT_FILE_DIR, `${unique("lines")}.txt`);
    writeFileSync(file, "one\ntwo\n");
    const connectorInput = (name: string) =>
      createConnectorSchema.parse({ teamId: owner.id, name, kind: "SOURCE", connectorClass: "org.apache.kafka.connect.file.FileStreamSourceConnector", config: { file, topic } });
    const created = await createConnector(owner.member, connectorInput(unique("in")));
    await waitFor("the connector to run", () => connectorDetail(owner.member, created.id), (d) => d.live.reachable && d.live.state === "RUNNING", 60_000);

    await killService("connect");
    try {
      for (const pathname of ["/connectors", `/connectors/${created.id}`]) {
        const page = await getAs(portal, pathname, cookie);
        expect({ pathname, status: page.status }).toEqual({ pathname, status: 200 });
        expect(visibleText(page.text)).not.toMatch(generic);
        expect(visibleText(page.text)).toContain(created.name);
      }
      expect(visibleText((await getAs(portal, `/connectors/${created.id}`, cookie)).text)).toMatch(/Kafka Connect is unreachable/i);
      const name = unique("in");
      const refused = await asAction(() => createConnector(owner.member, connectorInput(name)));
      expect(refused).toMatchObject({ ok: false, code: "UNAVAILABLE", message: expect.stringMatching(/Kafka Connect is unreachable/) });
      expect(await db.connector.count({ where: { teamId: owner.id } })).toBe(1);
    } finally {
      await startService("connect");
    }
    // Its definition lives in Kafka's topics, not in the dead process: the restarted worker runs it again.
    await waitFor("the connector to run again", () => connectorDetail(owner.member, created.id), (d) => d.live.reachable && d.live.state === "RUNNING", 90_000, 2000);
  });
});
