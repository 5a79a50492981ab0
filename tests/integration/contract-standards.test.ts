// The rest of the data contract (objectives, terms, support), its numbered versions, and ODCS/ODPS
// export and import, on the real PostgreSQL, Kafka and Schema Registry that scripts/test.sh starts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { db } from "@/lib/db";
import { loadViewer, type Viewer } from "@/lib/auth";
import { createDataProduct } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { getContract, setPortContract, setProductContract } from "@/lib/contracts";
import { productContractSchema } from "@/lib/contracts/contract-model";
import { exportOdcs, exportOdps, importProduct, previewImport } from "@/lib/contracts/standards";
import { importInputSchema } from "@/lib/contracts/standards/import-input";
import { closeKafka } from "@/lib/kafka";
import { stopProvisioning } from "@/lib/provisioning";
import { getVersion, subjectFor } from "@/lib/schema-registry";
import { DomainError } from "@/lib/errors";
import { createDemoUser } from "../support/factories";
import { teamId, unique, viewerByEmail } from "../support/viewers";

let sam: Viewer; // Sales maintainer
let outsider: Viewer; // in no team
let sales: string;

const schema = JSON.stringify({ type: "record", name: "Parcel", fields: [{ name: "id", type: "string" }, { name: "weight", type: "int" }, { name: "email", type: ["null", "string"], default: null }] });

async function product(lifecycle: "ACTIVE" | "DRAFT" = "ACTIVE") {
  const slug = unique("cs");
  await createDataProduct(
    sam,
    createDataProductSchema.parse({
      ownerTeamId: sales, name: `Parcels ${slug}`, slug, description: "Parcels handed to the carrier.", classification: "CONFIDENTIAL", containsPii: true,
      lifecycle, tags: "test", partitions: 1, replicationFactor: 1, retentionHours: 48, cleanupPolicy: "delete", schema, freshnessSlaMinutes: 10,
    }),
  );
  const row = await db.dataProduct.findUniqueOrThrow({ where: { slug }, include: { outputPorts: true } });
  await db.outputPort.update({ where: { id: row.outputPorts[0]!.id }, data: { qualityRules: [{ field: "weight", kind: "range", min: 0 }], personalDataFields: ["email"] } });
  return row;
}

const contractInput = (productId: string, overrides: Record<string, unknown> = {}) =>
  productContractSchema.parse({ productId, availabilityPercent: "99.9", retentionObjectiveHours: "24", termsOfUse: "Only for **shipping** analytics.", supportChannel: "https://help.example.com/parcels", ...overrides });

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

beforeAll(async () => {
  sam = await viewerByEmail("sam@example.com");
  sales = await teamId("sales");
  const user = await createDemoUser(`Outsider ${unique("o")}`);
  outsider = (await loadViewer(user.id))!;
});

afterAll(async () => {
  await stopProvisioning();
  await closeKafka();
});

describe("contract versions", () => {
  it("the first save records the contract as created (version 1) and the new one (version 2), audited before → after", async () => {
    const p = await product();
    expect((await setProductContract(sam, contractInput(p.id))).version).toBe(2);
    const versions = await db.contractVersion.findMany({ where: { dataProductId: p.id }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.snapshot).toMatchObject({ availabilityPercent: null, retentionHours: 48, retentionDerived: true, termsOfUse: "", freshnessMinutes: 10 });
    expect(versions[1]!.snapshot).toMatchObject({
      availabilityPercent: 99.9,
      retentionHours: 24,
      retentionDerived: false,
      supportChannel: "https://help.example.com/parcels",
      ports: [{ topic: p.outputPorts[0]!.topic, schemaVersion: 1, schemaFormat: "AVRO", qualityRules: [{ field: "weight", kind: "range", min: 0 }], personalDataFields: ["email"] }],
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: p.id, action: "data-product.contract-changed" } });
    expect(audit.actorId).toBe(sam.id);
    expect(audit.before).toMatchObject({ availabilityPercent: null, termsOfUse: "", version: null });
    expect(audit.after).toMatchObject({ availabilityPercent: 99.9, retentionObjectiveHours: 24, version: 2 });

    // The next save is version 3; saving the same contract again makes no version.
    expect((await setProductContract(sam, contractInput(p.id, { supportChannel: "parcels@example.com" }))).version).toBe(3);
    expect(await setProductContract(sam, contractInput(p.id, { supportChannel: "parcels@example.com" }))).toEqual({ version: 3, changed: false });
    const view = await getContract(p.id);
    expect(view.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(view.versions[0]!.by).toBe(sam.name);
  });

  it("refuses a retention objective longer than the topics keep, and anyone but the owners; nothing is written", async () => {
    const p = await product();
    const long = await rejection(setProductContract(sam, contractInput(p.id, { retentionObjectiveHours: "49" })));
    expect(long.code).toBe("INVALID");
    expect(long.fieldErrors?.retentionObjectiveHours).toMatch(/keep data 48 hours/);
    expect((await rejection(setProductContract(outsider, contractInput(p.id)))).code).toBe("FORBIDDEN");
    expect(await db.contractVersion.count({ where: { dataProductId: p.id } })).toBe(0);
    expect((await db.dataProduct.findUniqueOrThrow({ where: { id: p.id } })).availabilityPercent).toBeNull();
  });
});

describe("ODCS and ODPS export", () => {
  it("exports the saved contract, and answers NOT_FOUND for a product the viewer cannot see", async () => {
    const p = await product();
    await setProductContract(sam, contractInput(p.id));
    const odcs = parse(await exportOdcs(sam, p.slug)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(odcs).toMatchObject({ apiVersion: "v3.0.2", kind: "DataContract", id: `${p.slug}-contract`, version: "2.0.0", status: "active", domain: "sales" });
    expect(odcs.description.limitations).toBe("Only for **shipping** analytics.");
    expect(odcs.servers[0].customProperties).toContainEqual({ property: "topic", value: p.outputPorts[0]!.topic });
    expect(odcs.slaProperties).toContainEqual(expect.objectContaining({ property: "retention", value: 24, unit: "h" }));
    const odps = parse(await exportOdps(sam, p.slug)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(odps.outputPorts[0].contractId).toBe(`${p.slug}-contract`);

    const draft = await product("DRAFT");
    expect((await rejection(exportOdcs(outsider, draft.slug))).code).toBe("NOT_FOUND");
    expect((await rejection(exportOdps(outsider, draft.slug))).code).toBe("NOT_FOUND");
  });
});

describe("import", () => {
  it("creates a product from an exported ODCS/ODPS pair: topic, registered schema, rules, personal data, contract version 1", async () => {
    const source = await product();
    await setProductContract(sam, contractInput(source.id));
    const slug = unique("cs-imported");
    const input = importInputSchema.parse({ ownerTeamId: sales, slug, odcs: await exportOdcs(sam, source.slug), odps: await exportOdps(sam, source.slug) });

    const preview = await previewImport(sam, input);
    expect(preview).toMatchObject({ slug, port: { topic: `sales.${slug}.v1`, format: "AVRO", personalDataFields: ["email"], rules: ["weight is at least 0"] }, availabilityPercent: 99.9 });
    expect(await db.dataProduct.count({ where: { slug } })).toBe(0);

    const created = await importProduct(sam, input);
    expect(created).toMatchObject({ slug, topic: `sales.${slug}.v1`, contractVersion: 1 });
    const row = await db.dataProduct.findUniqueOrThrow({ where: { slug }, include: { outputPorts: { include: { schemaVersions: true } }, contractVersions: true } });
    expect(row).toMatchObject({ classification: "CONFIDENTIAL", containsPii: true, availabilityPercent: 99.9, termsOfUse: "Only for **shipping** analytics.", supportChannel: "https://help.example.com/parcels", freshnessSlaMinutes: 10 });
    expect(row.outputPorts[0]).toMatchObject({ retentionMs: 24n * 3_600_000n, qualityRules: [{ field: "weight", kind: "range", min: 0 }], personalDataFields: ["email"] });
    expect(row.contractVersions.map((v) => v.version)).toEqual([1]);
    expect(JSON.parse((await getVersion(subjectFor(`sales.${slug}.v1`), "latest"))!.schema)).toEqual(JSON.parse(schema));
    const audit = await db.auditEvent.findMany({ where: { targetId: row.id }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["data-product.created", "data-product.contract-changed"]));
  });

  it("refuses a contract with a problem at its line and creates nothing", async () => {
    const slug = unique("cs-bad");
    const odcs = ["apiVersion: v3.0.2", "kind: DataContract", `id: ${slug}`, "version: 1.0.0", "status: active", "schema:", "  - name: events", "    properties:", "      - name: id", "        logicalType: uuid"].join("\n");
    const e = await rejection(importProduct(sam, importInputSchema.parse({ ownerTeamId: sales, odcs })));
    expect(e.code).toBe("INVALID");
    expect(e.fieldErrors?.odcs).toMatch(/^Line 10, column 9: logicalType is one of/);
    expect(await db.dataProduct.count({ where: { slug } })).toBe(0);
  });
});

describe("a port's quality rules and personal-data fields", () => {
  it("are set by the owners as the contract's next version; unknown fields refused at the field; no change writes nothing", async () => {
    const p = await product();
    const port = p.outputPorts[0]!;
    const rules = { outputPortId: port.id, qualityRules: [{ field: "weight", kind: "range" as const, min: 1, max: 100 }, { field: "id", kind: "unique" as const }], personalDataFields: ["email"] };
    expect(await setPortContract(sam, rules)).toEqual({ version: 2 }); // version 1: the contract as created
    const c = await getContract(p.id);
    expect(c.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(c.versions[0]!.snapshot.ports[0]!.qualityRules).toEqual(rules.qualityRules);
    expect(c.versions[1]!.snapshot.ports[0]!.qualityRules).toEqual([{ field: "weight", kind: "range", min: 0 }]);
    expect(await setPortContract(sam, rules)).toEqual({ version: null });

    const unknown = await rejection(setPortContract(sam, { ...rules, qualityRules: [{ field: "nope", kind: "not_null" }] }));
    expect(unknown.fieldErrors?.qualityRules).toContain("nope");
    expect((await rejection(setPortContract(outsider, rules))).code).toBe("FORBIDDEN");
    expect((await getContract(p.id)).versions).toHaveLength(2);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: port.id, action: "output-port.contract-changed" } });
    expect(audit.after).toMatchObject({ contractVersion: 2 });
  });
});
