import { readFileSync } from "node:fs";
import Ajv2019 from "ajv/dist/2019";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseSchema } from "../formats";
import { buildOdcs, odcsYaml } from "./odcs-export";
import { odpsYaml } from "./odps-export";
import { readOdcs } from "./odcs-import";
import { readOdps } from "./odps-import";
import { toCreateInput } from "./to-create-input";
import type { ExportSource } from "./types";

const avro = JSON.stringify({
  type: "record",
  name: "Order",
  fields: [
    { name: "id", type: "string" },
    { name: "amount", type: "long" },
    { name: "status", type: { type: "enum", name: "Status", symbols: ["NEW", "PAID"] } },
    { name: "email", type: ["null", "string"], default: null },
    { name: "address", type: { type: "record", name: "Address", fields: [{ name: "city", type: "string" }] } },
  ],
});
const parsed = parseSchema("AVRO", avro);
if (!parsed.ok) throw new Error("fixture schema");

const source: ExportSource = {
  slug: "orders",
  name: "Orders",
  description: "Every order placed in the web shop.",
  lifecycle: "ACTIVE",
  classification: "CONFIDENTIAL",
  containsPii: true,
  tags: ["sales", "orders"],
  domain: "sales",
  team: { slug: "sales", name: "Sales", maintainers: [{ name: "Sam", email: "sam@example.com" }] },
  contractVersion: 3,
  freshnessMinutes: 15,
  availabilityPercent: 99.9,
  retentionHours: 72,
  termsOfUse: "Use for **reporting** only.",
  supportChannel: "orders-support@example.com",
  bootstrap: "kafka:9092",
  ports: [
    {
      name: "events",
      topic: "sales.orders.v1",
      partitions: 3,
      replicationFactor: 1,
      retentionHours: 72,
      cleanupPolicy: "delete",
      compatibility: "FULL",
      schema: { format: "AVRO", version: 2, text: avro, fields: parsed.schema.fields },
      qualityRules: [
        { field: "id", kind: "unique" },
        { field: "amount", kind: "range", min: 0, max: 1000 },
        { field: "status", kind: "allowed_values", values: ["NEW", "PAID"] },
        { field: "email", kind: "pattern", pattern: "^[^@]+@[^@]+$" },
        { field: "address.city", kind: "not_null" },
      ],
      personalDataFields: ["email", "address.city"],
    },
  ],
};

function validator(file: string) {
  // Formats (uri, date) are not checked: ajv-formats is no dependency here; the structure is what matters.
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  return ajv.compile(JSON.parse(readFileSync(`tests/fixtures/standards/${file}`, "utf8")) as object);
}

describe("ODCS export", () => {
  it("is valid against the official ODCS v3.0.2 JSON Schema", () => {
    const validate = validator("odcs-json-schema-v3.0.2.json");
    expect(validate(parse(odcsYaml(source))), JSON.stringify(validate.errors)).toBe(true);
  });

  it("says what the contract promises in ODCS terms", () => {
    const doc = buildOdcs(source) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(doc).toMatchObject({ apiVersion: "v3.0.2", kind: "DataContract", id: "orders-contract", version: "3.0.0", status: "active", domain: "sales", dataProduct: "Orders" });
    expect(doc.description).toMatchObject({ purpose: source.description, limitations: source.termsOfUse });
    expect(doc.servers[0]).toMatchObject({ type: "kafka", host: "kafka:9092", format: "avro", customProperties: expect.arrayContaining([{ property: "topic", value: "sales.orders.v1" }]) });
    expect(doc.slaProperties).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ property: "latency", value: 15, unit: "min" }),
        expect.objectContaining({ property: "availability", value: 99.9 }),
        expect.objectContaining({ property: "retention", value: 72, unit: "h" }),
      ]),
    );
    expect(doc.support).toEqual([expect.objectContaining({ url: "mailto:orders-support@example.com", tool: "email" })]);
    const [object] = doc.schema;
    expect(object).toMatchObject({ name: "events", physicalName: "sales.orders.v1", physicalType: "topic", logicalType: "object" });
    const byName = Object.fromEntries(object.properties.map((p: { name: string }) => [p.name, p]));
    expect(byName.amount).toMatchObject({ logicalType: "integer", physicalType: "long", required: true });
    expect(byName.email).toMatchObject({ logicalType: "string", required: false, classification: "pii" });
    expect(byName.address.properties[0]).toMatchObject({ name: "city", quality: [expect.objectContaining({ rule: "nullValues", mustBe: 0 })] });
    expect(byName.id.quality).toEqual([expect.objectContaining({ rule: "duplicateCount", mustBe: 0 })]);
  });
});

describe("ODPS export", () => {
  it("is valid against the official ODPS v1.0.0 JSON Schema and points its output port at the contract", () => {
    const validate = validator("odps-json-schema-v1.0.0.json");
    const doc = parse(odpsYaml(source)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc).toMatchObject({ apiVersion: "v1.0.0", kind: "DataProduct", id: "orders", status: "active", domain: "sales" });
    expect(doc.outputPorts).toEqual([expect.objectContaining({ name: "events", contractId: "orders-contract" })]);
  });
});

describe("round trip: export, then import", () => {
  it("reads back the same contract", () => {
    const read = readOdcs(odcsYaml(source));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const port = source.ports[0]!;
    expect(read.value).toMatchObject({
      id: "orders-contract",
      name: "Orders",
      lifecycle: "ACTIVE",
      domain: "sales",
      purpose: source.description,
      termsOfUse: source.termsOfUse,
      tags: source.tags,
      classification: "CONFIDENTIAL",
      containsPii: true,
      freshnessMinutes: 15,
      availabilityPercent: 99.9,
      retentionHours: 72,
      supportChannel: source.supportChannel,
      team: "sales",
    });
    expect(read.value.objects).toEqual([
      {
        name: "events",
        topic: port.topic,
        format: "AVRO",
        schemaText: avro,
        partitions: 3,
        replicationFactor: 1,
        cleanupPolicy: "delete",
        compatibility: "FULL",
        qualityRules: expect.arrayContaining(port.qualityRules),
        personalDataFields: port.personalDataFields,
      },
    ]);
    expect(read.value.objects[0]!.qualityRules).toHaveLength(port.qualityRules.length);
  });

  it("maps the pair to the create form's input and the rest of the contract", () => {
    const contract = readOdcs(odcsYaml(source));
    const product = readOdps(odpsYaml(source));
    if (!contract.ok || !product.ok) throw new Error("fixtures");
    const plan = toCreateInput(contract.value, product.value, { ownerTeamId: "team1", slug: "orders-copy" }, { partitions: 1, replicationFactor: 1, retentionHours: 24, piiMinClassification: "CONFIDENTIAL" });
    expect(plan.create).toMatchObject({ ownerTeamId: "team1", slug: "orders-copy", name: "Orders", lifecycle: "ACTIVE", partitions: 3, retentionHours: 72, schema: avro, schemaFormat: "AVRO", compatibility: "FULL", freshnessSlaMinutes: 15 });
    expect(plan.contract).toEqual({ availabilityPercent: 99.9, retentionObjectiveHours: null, termsOfUse: source.termsOfUse, supportChannel: source.supportChannel });
    expect(plan.ports[0]!.personalDataFields).toEqual(["email", "address.city"]);
  });
});

describe("import validation errors carry the line and column", () => {
  const minimal = ["apiVersion: v3.0.2", "kind: DataContract", "id: shipments", "version: 1.0.0", "status: active", "schema:", "  - name: shipments", "    properties:", "      - name: id", "        logicalType: string", "        required: true"];

  it("accepts a minimal contract and builds an Avro record from its properties", () => {
    const read = readOdcs(minimal.join("\n"));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(JSON.parse(read.value.objects[0]!.schemaText)).toEqual({ type: "record", name: "Shipments", fields: [{ name: "id", type: "string" }] });
    expect(parseSchema("AVRO", read.value.objects[0]!.schemaText).ok).toBe(true);
  });

  it("a wrong logical type is reported at its line", () => {
    const lines = [...minimal];
    lines[9] = "        logicalType: text";
    const read = readOdcs(lines.join("\n"));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues[0]).toMatchObject({ line: 10, column: 9, message: expect.stringMatching(/^logicalType is one of string/) });
  });

  it("an unknown top-level key, a wrong kind and a repeated key are each placed", () => {
    const unknown = readOdcs([...minimal, "owner: sam"].join("\n"));
    expect(unknown.ok ? null : unknown.issues[0]).toMatchObject({ line: 12, column: 1, message: expect.stringContaining("Not an ODCS v3.0 key: owner") });
    const wrongKind = readOdcs(minimal.map((l) => (l === "kind: DataContract" ? "kind: Contract" : l)).join("\n"));
    expect(wrongKind.ok ? null : wrongKind.issues[0]).toMatchObject({ line: 2, column: 1, message: expect.stringContaining("kind is DataContract") });
    const broken = readOdcs("apiVersion: v3.0.2\nkind: DataContract\nkind: DataProduct\n");
    expect(broken.ok ? null : broken.issues[0]).toMatchObject({ line: 3, column: 1, message: expect.stringMatching(/^Not valid YAML: Map keys must be unique/) });
  });

  it("an SLA with an unknown unit and a bad support link are placed at their keys", () => {
    const read = readOdcs([...minimal, "slaProperties:", "  - property: retention", "    value: 3", "    unit: fortnights", "support:", "  - channel: help", "    url: not a link"].join("\n"));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues).toEqual([
      expect.objectContaining({ line: 15, column: 5, message: expect.stringContaining('Unknown unit "fortnights"') }),
      expect.objectContaining({ line: 18, column: 5, message: expect.stringContaining("support url") }),
    ]);
  });

  it("an ODPS file without output ports is refused at its line", () => {
    const read = readOdps("apiVersion: v1.0.0\nkind: DataProduct\nid: orders\nstatus: active\noutputPorts: []\n");
    expect(read.ok ? null : read.issues[0]).toMatchObject({ line: 5, column: 1, message: expect.stringContaining("at least one output port") });
  });
});
