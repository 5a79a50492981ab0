// Generated input through every server action's pipeline (lib/action-pipeline.ts, what the actions
// run) and the lib functions behind the pages and the search endpoint, on the real PostgreSQL and
// Kafka (issue 11). Asserts: no generic "something went wrong", no unexpected throw, and no row
// this suite made holds a value unfit to keep. Prints: inputs tried, generic errors, invalid rows.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { runAction } from "@/lib/action-pipeline";
import { startSession } from "@/lib/auth/sessions";
import { DomainError } from "@/lib/errors";
import { createDataProduct, getDataProduct, searchCatalog, searchCatalogForUser } from "@/lib/catalog";
import { createDataProductSchema } from "@/lib/catalog/schemas";
import { readCatalogSearch, searchParamsSchema } from "@/lib/catalog/search-params";
import { addComment, cancelAccessRequest, decideAccessRequest, getAccessRequestDetail, requestAccess, requestRenewal, revokeAccess } from "@/lib/access";
import {
  cancelAccessRequestSchema,
  commentSchema,
  decideAccessRequestSchema,
  markNotificationsReadSchema,
  renewAccessSchema,
  requestAccessSchema,
  revokeAccessSchema,
} from "@/lib/access/schemas";
import { markNotificationsRead } from "@/lib/notifications";
import { defaultPolicies, LIMITS, policiesSchema, updatePolicies } from "@/lib/governance";
import { listAuditEvents } from "@/lib/audit/queries";
import { auditSearchSchema } from "@/lib/audit/schemas";
import { closeKafka } from "@/lib/kafka";
import { stopProvisioning } from "@/lib/provisioning";
import { anyValue, dateString, hostileNumber, hostileText, invisibleText, Tally, unfitText } from "../support/hostile-input";
import { inDays, teamId, unique, viewerByEmail } from "../support/viewers";

const tally = new Tally("actions and lib functions (integration, real PostgreSQL + Kafka)", ["inputs", "generic errors", "invalid rows"]);
const started = new Date();
let sam: Viewer, priya: Viewer, ada: Viewer;
let sales: string, payments: string;
let productId: string;
let productSlug: string;

const text = fc.oneof(hostileText(), invisibleText, anyValue, fc.string({ minLength: 10, maxLength: 30 }));

/** Runs one input through the action pipeline; counts the outcome; a generic error fails the test. */
async function attempt<S extends z.ZodType, T>(schema: S, raw: unknown, viewer: Viewer, run: (v: Viewer, input: z.output<S>) => Promise<T>) {
  tally.add("inputs");
  const result = await runAction(schema, raw, () => Promise.resolve(viewer), run);
  if (!result.ok && result.code === "INTERNAL") tally.add("generic errors");
  expect(result.ok || result.code !== "INTERNAL", `generic error for ${JSON.stringify(raw)}`).toBe(true);
  return result;
}

/** For the lib functions pages call with URL values: a DomainError is an answer, anything else a failure. */
async function answer<T>(label: string, run: () => Promise<T>): Promise<T | DomainError> {
  tally.add("inputs");
  try {
    return await run();
  } catch (e) {
    if (e instanceof DomainError) return e;
    tally.add("generic errors");
    throw new Error(`${label} threw ${(e as Error).message}`);
  }
}

/** One field of a valid input replaced by generated input. */
const withField = (valid: Record<string, unknown>, fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(...Object.entries(fields).map(([k, arb]) => arb.map((v) => ({ ...valid, [k]: v }))));

beforeAll(async () => {
  [sam, priya, ada] = await Promise.all([viewerByEmail("sam@example.com"), viewerByEmail("priya@example.com"), viewerByEmail("ada@example.com")]);
  [sales, payments] = await Promise.all([teamId("sales"), teamId("payments")]);
  productSlug = unique("it-gen");
  await createDataProduct(sam, createDataProductSchema.parse({ ...productInput(), slug: productSlug }));
  productId = (await db.dataProduct.findUniqueOrThrow({ where: { slug: productSlug } })).id;
});

afterAll(async () => {
  await db.policy.deleteMany(); // other files expect the defaults
  tally.print();
  await stopProvisioning();
  await closeKafka();
});

function productInput(): Record<string, unknown> {
  return {
    ownerTeamId: sales, name: "Generated input", slug: unique("it-gen"), description: "Made by the generated-input suite.",
    classification: "INTERNAL", containsPii: false, lifecycle: "ACTIVE", tags: "test", partitions: "1", replicationFactor: "1",
    retentionHours: "6", cleanupPolicy: "delete", freshnessSlaMinutes: "", schema: "",
  };
}

describe("server actions with generated input", () => {
  it("create a data product", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() =>
          withField(productInput(), {
            name: text, description: text, tags: fc.oneof(text, fc.array(hostileText(8), { maxLength: 3 })), slug: text,
            partitions: hostileNumber, retentionHours: hostileNumber, freshnessSlaMinutes: hostileNumber, ownerTeamId: text,
            schema: fc.record({ type: fc.constant("record"), name: fc.constant("T"), fields: fc.constant([{ name: "id", type: "string" }]), doc: hostileText() }).map((r) => JSON.stringify(r)),
          }),
        ),
        async (raw) => {
          const r = await attempt(createDataProductSchema, { ...raw, slug: typeof raw.slug === "string" && raw.slug.startsWith("it-gen") ? unique("it-gen") : raw.slug }, sam, createDataProduct);
          if (r.ok) tally.add("accepted");
        },
      ),
      { numRuns: 60 },
    );
  });

  it("request access, then cancel (the stored date is the day asked for)", async () => {
    const valid = { dataProductId: productId, consumerTeamId: payments, purpose: "Dashboards for the finance team.", accessUntil: inDays(30), note: "" };
    await fc.assert(
      fc.asyncProperty(
        withField(valid, {
          purpose: text, note: text, dataProductId: text, consumerTeamId: text,
          accessUntil: fc.oneof(dateString.map((d) => d.text.replace(/^\d{4}/, String(new Date().getUTCFullYear() + 1))), text),
        }),
        async (raw) => {
          const r = await attempt(requestAccessSchema, raw, priya, requestAccess);
          if (!r.ok) return;
          tally.add("accepted");
          const row = await db.accessRequest.findUniqueOrThrow({ where: { id: r.data.requestId } });
          expect(row.accessUntil?.toISOString().slice(0, 10)).toBe(raw.accessUntil);
          await cancelAccessRequest(priya, r.data.requestId);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("reject, comment on and revoke requests; cancel, renew and mark read by generated ids", async () => {
    const open = async () => (await requestAccess(priya, requestAccessSchema.parse({ dataProductId: productId, consumerTeamId: payments, purpose: "Generated decisions.", accessUntil: inDays(20) }))).requestId;
    let requestId = await open();
    await fc.assert(
      fc.asyncProperty(text, text, async (reason, body) => {
        const c = await attempt(commentSchema, { requestId, body }, priya, addComment);
        if (c.ok) tally.add("accepted");
        const d = await attempt(decideAccessRequestSchema, { requestId, decision: "REJECT", reason }, sam, decideAccessRequest);
        if (d.ok) {
          tally.add("accepted");
          requestId = await open();
        }
      }),
      { numRuns: 80 },
    );
    // An approved grant to revoke, with generated reasons until one is accepted.
    await decideAccessRequest(sam, { requestId, decision: "APPROVE" });
    await fc.assert(
      fc.asyncProperty(text, async (reason) => {
        const r = await attempt(revokeAccessSchema, { requestId, reason }, sam, revokeAccess);
        if (r.ok) tally.add("accepted");
      }),
      { numRuns: 30 },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(text, fc.constant(requestId)), async (id) => {
        await attempt(cancelAccessRequestSchema, { requestId: id }, priya, (v, i) => cancelAccessRequest(v, i.requestId));
        await attempt(renewAccessSchema, { requestId: id }, priya, (v, i) => requestRenewal(v, i.requestId));
        await attempt(markNotificationsReadSchema, { id }, priya, (v, i) => markNotificationsRead(v, i.id));
      }),
      { numRuns: 60 },
    );
  });

  it("update the policies (and no stored policy forbids every product)", async () => {
    await fc.assert(
      fc.asyncProperty(
        withField({ ...defaultPolicies, requiredTagsAnyOf: "" }, {
          maxPartitions: hostileNumber, maxReplicationFactor: hostileNumber, minRetentionHours: fc.oneof(hostileNumber, fc.integer({ min: 1, max: 10 ** 7 })),
          maxRetentionHours: fc.oneof(hostileNumber, fc.integer({ min: 1, max: 10 ** 7 })), maxAccessDays: hostileNumber, requiredTagsAnyOf: text, piiMinClassification: text,
        }),
        async (raw) => {
          const r = await attempt(policiesSchema, raw, ada, updatePolicies);
          if (r.ok) tally.add("accepted");
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("page and endpoint reads with generated URL values", () => {
  // A URL carries text: other values arrive as their JSON text (String() throws on the
  // null-prototype objects fast-check generates).
  const urlValue = fc.oneof(hostileText(), anyValue.map((v) => (typeof v === "string" ? v : JSON.stringify(v))), fc.array(hostileText(10), { maxLength: 3 }));
  const params = fc.dictionary(fc.constantFrom("q", "domain", "team", "tag", "classification", "lifecycle", "access", "sort", "page", "limit", "facets", "target"), urlValue, { maxKeys: 4 });

  it("catalog page, search endpoint and audit log never fail on their parameters", async () => {
    const priyaSession = { userId: priya.id, sessionId: await startSession(priya.id, "test") };
    await fc.assert(
      fc.asyncProperty(params, async (p) => {
        const record = p as Record<string, string | string[]>;
        await answer("catalog page", () => searchCatalog(priya, readCatalogSearch(record).search));
        const parsed = searchParamsSchema.safeParse(record);
        if (parsed.success) await answer("search endpoint", () => searchCatalogForUser(priyaSession, parsed.data));
        await answer("audit log", () => listAuditEvents(ada, auditSearchSchema.parse(record)));
      }),
      { numRuns: 150 },
    );
  });

  it("product and request pages answer found or not found for any segment", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText(), fc.constant(productSlug)), async (segment) => {
        await answer("product page", () => getDataProduct(priya, segment));
        await answer("request page", () => getAccessRequestDetail(priya, segment));
      }),
      { numRuns: 150 },
    );
  });
});

describe("what the suite stored", () => {
  it("holds no value unfit to keep", async () => {
    const since = { gte: started };
    const [products, requests, comments, approvals, grants, ports, policies] = await Promise.all([
      db.dataProduct.findMany({ where: { createdAt: since }, select: { name: true, description: true, slug: true, tags: true, freshnessSlaMinutes: true } }),
      db.accessRequest.findMany({ where: { createdAt: since }, select: { purpose: true, note: true, decisionReason: true } }),
      db.accessRequestComment.findMany({ where: { createdAt: since }, select: { body: true } }),
      db.accessApproval.findMany({ where: { createdAt: since }, select: { reason: true } }),
      db.grant.findMany({ where: { createdAt: since }, select: { endReason: true } }),
      db.outputPort.findMany({ where: { createdAt: since }, select: { partitions: true, replicationFactor: true, retentionMs: true } }),
      db.policy.findMany(),
    ]);
    const invalid: string[] = [];
    const check = (what: string, value: string | null, kind: "line" | "prose") => {
      tally.add("stored values checked");
      const problem = value === null ? null : unfitText(value, kind);
      if (problem) invalid.push(`${what}: ${problem} in ${JSON.stringify(value)}`);
    };
    for (const p of products) {
      check("DataProduct.name", p.name, "line");
      check("DataProduct.description", p.description, "prose");
      if (!/^[a-z][a-z0-9-]{2,59}$/.test(p.slug)) invalid.push(`DataProduct.slug ${p.slug}`);
      for (const t of p.tags) if (!/^[a-z0-9][a-z0-9-]{0,30}$/.test(t)) invalid.push(`DataProduct.tags ${JSON.stringify(t)}`);
      if (p.freshnessSlaMinutes !== null && !(p.freshnessSlaMinutes >= 1 && p.freshnessSlaMinutes <= 10_080)) invalid.push(`freshness ${p.freshnessSlaMinutes}`);
    }
    for (const r of requests) {
      check("AccessRequest.purpose", r.purpose, "prose");
      check("AccessRequest.note", r.note, "prose");
      check("AccessRequest.decisionReason", r.decisionReason, "prose");
    }
    for (const c of comments) check("AccessRequestComment.body", c.body, "prose");
    for (const a of approvals) check("AccessApproval.reason", a.reason, "prose");
    for (const g of grants) check("Grant.endReason", g.endReason, "prose");
    for (const port of ports) {
      if (!(port.partitions >= 1 && port.partitions <= LIMITS.partitions && port.replicationFactor >= 1 && port.retentionMs > 0n)) invalid.push(`OutputPort ${JSON.stringify({ ...port, retentionMs: String(port.retentionMs) })}`);
    }
    // Every stored policy set still lets some product be created: the stored values parse, min ≤ max.
    const stored = Object.fromEntries(policies.map((p) => [p.key, p.value]));
    if (!policiesSchema.safeParse({ ...defaultPolicies, ...stored }).success) invalid.push(`Policy ${JSON.stringify(stored)}`);
    tally.add("invalid rows", invalid.length);
    expect(invalid).toEqual([]);
    expect(tally.get("generic errors")).toBe(0);
  });
});
