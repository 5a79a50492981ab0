// Every zod schema at a boundary of Meshport, fed generated input field by field (issue 11):
// whatever is accepted is fit to store, and whatever is refused is refused at its own field with a
// message of its own. The figures are printed at the end (inputs tried, invalid values accepted).
import fc from "fast-check";
import { type z } from "zod";
import { afterAll, describe, expect, it } from "vitest";
import { anyValue, dateString, hostileNumber, hostileText, invisibleText, Tally, unfitText } from "@/tests/support/hostile-input";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { searchParamsSchema } from "@/lib/catalog/search-params";
import {
  cancelAccessRequestSchema,
  commentSchema,
  decideAccessRequestSchema,
  markNotificationsReadSchema,
  renewAccessSchema,
  requestAccessSchema,
  revokeAccessSchema,
} from "@/lib/access/schemas";
import { auditSearchSchema } from "@/lib/audit/schemas";
import { defaultPolicies, LIMITS, policiesSchema } from "@/lib/governance/policies";
import { INTERNAL_MESSAGE } from "@/lib/action-pipeline";

type Kind = "line" | "prose" | "id" | "slug" | "tags" | "date" | "enum" | "bool" | "schema" | `int:${number}:${number}` | "page";

/** `related`: a rule over two fields reports at the one it names (the maximum below the minimum). */
type Case = { name: string; schema: z.ZodType; valid: Record<string, unknown>; fields: Record<string, Kind>; lenient?: boolean; related?: Record<string, string> };

const ID = "cmiabc123def456ghi789jkl0";
const CASES: Case[] = [
  {
    name: "createDataProduct",
    schema: createDataProductSchema,
    valid: {
      ownerTeamId: ID, name: "Orders", slug: "orders", description: "Every order placed on the web shop.", classification: "INTERNAL",
      containsPii: false, lifecycle: "ACTIVE", tags: "orders", partitions: "3", replicationFactor: "1", retentionHours: "168",
      cleanupPolicy: "delete", freshnessSlaMinutes: "", schema: "",
    },
    fields: {
      ownerTeamId: "id", name: "line", slug: "slug", description: "prose", classification: "enum", containsPii: "bool", lifecycle: "enum", tags: "tags",
      partitions: `int:1:${LIMITS.partitions}`, replicationFactor: `int:1:${LIMITS.replicationFactor}`, retentionHours: `int:1:${LIMITS.retentionHours}`,
      cleanupPolicy: "enum", schema: "schema",
    },
  },
  {
    name: "requestAccess",
    schema: requestAccessSchema,
    valid: { dataProductId: ID, consumerTeamId: ID, purpose: "Monthly revenue dashboards.", accessUntil: "2027-01-31", note: "" },
    fields: { dataProductId: "id", consumerTeamId: "id", purpose: "prose", accessUntil: "date", note: "prose" },
  },
  {
    name: "decideAccessRequest (reject)",
    schema: decideAccessRequestSchema,
    valid: { requestId: ID, decision: "REJECT", reason: "Not for this purpose." },
    fields: { requestId: "id", reason: "prose" },
  },
  { name: "decideAccessRequest (approve)", schema: decideAccessRequestSchema, valid: { requestId: ID, decision: "APPROVE", reason: "Fine." }, fields: { requestId: "id", reason: "prose" } },
  { name: "cancelAccessRequest", schema: cancelAccessRequestSchema, valid: { requestId: ID }, fields: { requestId: "id" } },
  { name: "revokeAccess", schema: revokeAccessSchema, valid: { requestId: ID, reason: "The project ended." }, fields: { requestId: "id", reason: "prose" } },
  { name: "comment", schema: commentSchema, valid: { requestId: ID, body: "Which fields do you need?" }, fields: { requestId: "id", body: "prose" } },
  { name: "renewAccess", schema: renewAccessSchema, valid: { requestId: ID }, fields: { requestId: "id" } },
  { name: "markNotificationsRead", schema: markNotificationsReadSchema, valid: { id: ID }, fields: { id: "id" } },
  {
    name: "policies",
    schema: policiesSchema,
    valid: { ...defaultPolicies, requiredTagsAnyOf: "gold, silver" },
    fields: {
      maxPartitions: `int:1:${LIMITS.partitions}`, maxReplicationFactor: `int:1:${LIMITS.replicationFactor}`, minRetentionHours: `int:1:${LIMITS.retentionHours}`,
      maxRetentionHours: `int:1:${LIMITS.retentionHours}`, maxAccessDays: `int:1:${LIMITS.accessDays}`, piiMinClassification: "enum", requiredTagsAnyOf: "tags",
    },
    related: { minRetentionHours: "maxRetentionHours" },
  },
  {
    name: "catalog search params",
    schema: searchParamsSchema,
    valid: { q: "orders", domain: "sales", page: "2", sort: "name" },
    fields: { q: "line", domain: "tags", team: "tags", tag: "tags", classification: "enum", lifecycle: "enum", page: "int:1:500", limit: "int:1:50", sort: "enum", access: "enum", facets: "enum" },
  },
  { name: "audit log params", schema: auditSearchSchema, valid: { page: "2", target: ID }, fields: { page: "page", target: "line" }, lenient: true },
];

const tally = new Tally("schemas (unit)", ["inputs", "invalid accepted"]);
afterAll(() => {
  tally.print();
  expect(tally.get("invalid accepted")).toBe(0);
});

/** Input for one field of a kind: mostly hostile, sometimes well-formed, sometimes another type. */
function inputFor(kind: Kind): fc.Arbitrary<unknown> {
  const text = fc.oneof(hostileText(), invisibleText, anyValue);
  if (kind.startsWith("int:")) return fc.oneof(hostileNumber, fc.integer({ min: -5, max: 200_000 }).map(String), anyValue);
  if (kind === "date") return fc.oneof(dateString.map((d) => d.text), text);
  if (kind === "tags") return fc.oneof(text, fc.array(fc.oneof(hostileText(8), fc.constantFrom("gold", "Real-Time", "a b")), { maxLength: 25 }));
  if (kind === "schema") {
    const avro = fc.record({ type: fc.constant("record"), name: fc.oneof(fc.constant("Order"), hostileText(8)), fields: fc.array(fc.record({ name: hostileText(8), type: fc.constant("string"), doc: hostileText(10) }), { maxLength: 3 }) });
    return fc.oneof(text, avro.map((a) => JSON.stringify(a)));
  }
  return text;
}

/** Whether an accepted value for a field of this kind is fit to store; a reason when not. */
function unfit(kind: Kind, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (kind === "line" || kind === "prose") return typeof value === "string" ? unfitText(value, kind) : "not text";
  if (kind === "id") return typeof value === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? null : "not an id";
  if (kind === "slug") return typeof value === "string" && /^[a-z][a-z0-9-]{2,59}$/.test(value) ? null : "not a slug";
  if (kind === "tags") return Array.isArray(value) && value.every((t) => typeof t === "string" && /^[a-z0-9][a-z0-9-]{0,60}$/.test(t)) ? null : "bad tags";
  if (kind === "date") {
    if (typeof value !== "string") return "not a date";
    const [y, m, d] = value.split("-").map(Number);
    const back = new Date(Date.UTC(y!, m! - 1, d!));
    return back.getUTCFullYear() === y && back.getUTCMonth() === m! - 1 && back.getUTCDate() === d ? null : `${value} does not exist`;
  }
  if (kind === "schema") return typeof value === "string" ? unfitText(value, "json") : "not text";
  if (kind.startsWith("int:") || kind === "page") {
    const [, lo, hi] = kind === "page" ? [0, 1, Number.MAX_SAFE_INTEGER] : kind.split(":").map(Number);
    return typeof value === "number" && Number.isSafeInteger(value) && value >= lo! && value <= hi! ? null : `number ${String(value)} out of bounds`;
  }
  return null;
}

describe.each(CASES)("$name", ({ schema, valid, fields, lenient, related }) => {
  it("the valid example passes", () => {
    expect(schema.safeParse(valid).success).toBe(true);
  });
  for (const [field, kind] of Object.entries(fields)) {
    it(`${field}: accepts only what is fit to store, refuses at the field (generated)`, () => {
      fc.assert(
        fc.property(inputFor(kind), (value) => {
          tally.add("inputs");
          const r = schema.safeParse({ ...valid, [field]: value });
          if (r.success) {
            const out = (r.data as Record<string, unknown>)[field];
            const problem = unfit(kind, out);
            if (problem) tally.add("invalid accepted");
            expect(problem, `${field} accepted ${JSON.stringify(value)} as ${JSON.stringify(out)}`).toBeNull();
          } else {
            expect(lenient, "a lenient schema never fails").toBeFalsy();
            tally.add("refused");
            const issue = r.error.issues[0]!;
            expect([field, related?.[field]], `message at the field for ${JSON.stringify(value)}`).toContain(issue.path[0]);
            expect(issue.message).not.toBe(INTERNAL_MESSAGE);
            expect(issue.message.length).toBeGreaterThan(3);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
  it("never throws on arbitrary objects (and a lenient one never fails)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(fields), "extra"), anyValue), (raw) => {
        tally.add("inputs");
        const r = schema.safeParse(raw);
        if (lenient) expect(r.success, "a lenient schema never fails").toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
