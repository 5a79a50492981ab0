// Every server action changes state only through the pipeline, and each one that changes shared
// state writes an audit event. The list of actions is read from app/**/actions.ts, so an action
// added without a scenario here fails the test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth";
import { endAllSessions } from "@/lib/auth/sessions";
import { setUserDisabled } from "@/lib/auth/users";
import { addOutputPort, createDataProduct, deprecateProduct, publishProduct, retireProduct, setInputPorts } from "@/lib/catalog";
import {
  addOutputPortSchema,
  createDataProductSchema,
  deprecateProductSchema,
  publishProductSchema,
  retireProductSchema,
  setInputPortsSchema,
} from "@/lib/catalog/schemas";
import { addComment, cancelAccessRequest, decideAccessRequest, requestAccess, requestRenewal, revokeAccess } from "@/lib/access";
import { commentSchema, decideAccessRequestSchema, requestAccessSchema, revokeAccessSchema } from "@/lib/access/schemas";
import { applyPolicies, latestPolicyVersion, loadPolicies, policiesFormSchema, policiesToYaml, updatePolicies } from "@/lib/governance";
import { reconcileNow } from "@/lib/provisioning";
import { setPortContract, setProductContract } from "@/lib/contracts";
import { productContractSchema } from "@/lib/contracts/contract-model";
import { importProduct } from "@/lib/contracts/standards";
import { importInputSchema } from "@/lib/contracts/standards/import-input";
import { createConnector, deleteConnector, operateConnector } from "@/lib/connect";
import { createConnectorSchema } from "@/lib/connect/schemas";
import { env } from "@/lib/env";
import { addSignInRule, applySignInRulesYaml, exportSignInRulesYaml, removeSignInRule } from "@/lib/sign-in";
import { ruleKey } from "@/lib/sign-in/rules";
import { inDays, teamId, unique, viewerByEmail } from "../support/viewers";

type ServerAction = { file: string; name: string; calls: string[] };

/** Every `export` of every app/**\/actions.ts, with the domain functions its body awaits with the viewer. */
function serverActions(): ServerAction[] {
  const files = readdirSync("app", { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "actions.ts");
  return files.flatMap((f) => {
    const source = readFileSync(path.join("app", f), "utf8");
    const chunks = source.split(/^export /m).slice(1);
    return chunks.map((chunk) => {
      const name = /^const (\w+) = action\(/.exec(chunk)?.[1];
      // Anything else exported from a "use server" file is an endpoint that skips the pipeline.
      if (!name) throw new Error(`app/${f} exports something that is not action(…): ${chunk.slice(0, 60)}`);
      return { file: `app/${f}`, name, calls: [...chunk.matchAll(/await (\w+)\(viewer\b/g)].map((m) => m[1]!) };
    });
  });
}

// What reading one's own notifications changes is nobody else's business, and marking them is no
// decision anyone answers for; everything else below is audited.
const NOT_AUDITED: Record<string, string> = {
  markNotificationsRead: "marks the viewer's own notices read",
  previewSchemaVersion: "checks a draft schema against the registry and writes nothing",
  previewImport: "reads the ODCS/ODPS files and shows the product it would create; writes nothing",
  planPolicies: "shows what a policies file would change and writes nothing",
  pluginForm: "reads a connector plugin's settings from Kafka Connect and writes nothing",
  setThemePreference: "the viewer's own display preference (light, dark, system): changes nothing anyone else sees or answers for",
};

// Functions that landed as this test was finished (ownership admin, contracts): for them only, the check is
// that the function's own body records an audit event (scenarios to follow).
const AUDIT_IN_SOURCE: Record<string, string> = {
  createDomain: "lib/organisation/domains.ts",
  setDomainOwners: "lib/organisation/domains.ts",
  addMember: "lib/organisation/members.ts",
  setMemberRole: "lib/organisation/members.ts",
  removeMember: "lib/organisation/members.ts",
  addTopicPrefix: "lib/organisation/prefixes.ts",
  removeTopicPrefix: "lib/organisation/prefixes.ts",
  linkPrincipal: "lib/organisation/principals.ts",
  unlinkPrincipal: "lib/organisation/principals.ts",
  createTeam: "lib/organisation/teams.ts",
  editDataProduct: "lib/catalog/edit-data-product.ts",
  changeTopicConfig: "lib/catalog/change-topic-config.ts",
  retryOutputPort: "lib/catalog/change-topic-config.ts",
  publishSchemaVersion: "lib/contracts/publish.ts",
  setPortCompatibility: "lib/contracts/set-compatibility.ts",
  startMajorVersion: "lib/contracts/major-version.ts",
};

let sam: Viewer, priya: Viewer, ada: Viewer;
let sales: string, payments: string;
const state: { connectorId?: string; productId?: string; requestId?: string; renewalId?: string; userId?: string; draft?: { id: string; name: string } } = {};

/** Runs `step` and returns the audit events it wrote with `actor` as their actor. */
async function auditedBy(actor: Viewer, step: () => Promise<unknown>): Promise<string[]> {
  const since = new Date(Date.now() - 1);
  await step();
  const events = await db.auditEvent.findMany({ where: { actorId: actor.id, at: { gte: since } }, select: { action: true } });
  return events.map((e) => e.action);
}

// One scenario per domain function a server action calls, in an order that builds on the last.
const SCENARIOS: Array<[string, () => Promise<string[]>]> = [
  [
    "createDataProduct",
    () =>
      auditedBy(sam, async () => {
        const slug = unique("audit");
        const product = await createDataProduct(
          sam,
          createDataProductSchema.parse({
            ownerTeamId: sales, name: `Audit ${slug}`, slug, description: "Created by the audit coverage test.", classification: "INTERNAL",
            containsPii: false, lifecycle: "ACTIVE", tags: "test", partitions: 1, replicationFactor: 1, retentionHours: 6, cleanupPolicy: "delete",
            schema: '{"type":"record","name":"T","fields":[{"name":"id","type":"string"}]}',
          }),
        );
        state.productId = (await db.dataProduct.findUniqueOrThrow({ where: { slug: product.slug } })).id;
      }),
  ],
  [
    "setProductContract",
    () =>
      auditedBy(sam, () =>
        setProductContract(sam, productContractSchema.parse({ productId: state.productId, availabilityPercent: "99.5", retentionObjectiveHours: "", termsOfUse: "Audit terms.", supportChannel: "audit@example.com" })),
      ),
  ],
  [
    "setPortContract",
    () =>
      auditedBy(sam, async () => {
        const port = await db.outputPort.findFirstOrThrow({ where: { dataProductId: state.productId } });
        await setPortContract(sam, { outputPortId: port.id, qualityRules: [{ field: "id", kind: "not_null" }], personalDataFields: [] });
      }),
  ],
  [
    "createConnector",
    () =>
      auditedBy(sam, async () => {
        const port = await db.outputPort.findFirstOrThrow({ where: { dataProductId: state.productId } });
        const created = await createConnector(
          sam,
          createConnectorSchema.parse({
            teamId: sales, name: unique("audit"), kind: "SOURCE", connectorClass: "org.apache.kafka.connect.file.FileStreamSourceConnector",
            config: { file: `${env.KAFKA_CONNECT_FILE_DIR}/audit.txt`, topic: port.topic },
          }),
        );
        state.connectorId = created.id;
      }),
  ],
  ["operateConnector", () => auditedBy(sam, () => operateConnector(sam, { id: state.connectorId!, operation: "pause" }))],
  ["deleteConnector", () => auditedBy(sam, () => deleteConnector(sam, { id: state.connectorId! }))],
  [
    "importProduct",
    () =>
      auditedBy(sam, async () => {
        const odcs = ["apiVersion: v3.0.2", "kind: DataContract", `id: ${unique("audit-import")}`, "version: 1.0.0", "status: active", "tags: [test]", "description:", "  purpose: Imported by the audit coverage test.", "schema:", "  - name: events", "    properties:", "      - name: id", "        logicalType: string", "        required: true"].join("\n");
        await importProduct(sam, importInputSchema.parse({ ownerTeamId: sales, odcs }));
      }),
  ],
  [
    "addOutputPort",
    () =>
      auditedBy(sam, () =>
        addOutputPort(sam, addOutputPortSchema.parse({ productId: state.productId, name: "snapshot", partitions: 1, replicationFactor: 1, retentionHours: 6, cleanupPolicy: "compact", schema: "" })),
      ),
  ],
  [
    "setInputPorts",
    () =>
      auditedBy(sam, async () => {
        const slug = unique("audit-up");
        await createDataProduct(
          sam,
          createDataProductSchema.parse({
            ownerTeamId: sales, name: `Upstream ${slug}`, slug, description: "An upstream product for the audit coverage test.", classification: "INTERNAL",
            containsPii: false, lifecycle: "ACTIVE", tags: "test", partitions: 1, replicationFactor: 1, retentionHours: 6, cleanupPolicy: "delete",
          }),
        );
        await setInputPorts(sam, setInputPortsSchema.parse({ productId: state.productId, upstream: slug }));
      }),
  ],
  [
    "publishProduct",
    () =>
      auditedBy(sam, async () => {
        const slug = unique("audit-life");
        await createDataProduct(
          sam,
          createDataProductSchema.parse({
            ownerTeamId: sales, name: `Life ${slug}`, slug, description: "A product whose whole life the audit test follows.", classification: "INTERNAL",
            containsPii: false, lifecycle: "DRAFT", tags: "test", partitions: 1, replicationFactor: 1, retentionHours: 6, cleanupPolicy: "delete",
          }),
        );
        state.draft = await db.dataProduct.findUniqueOrThrow({ where: { slug }, select: { id: true, name: true } });
        await publishProduct(sam, publishProductSchema.parse({ productId: state.draft.id }));
      }),
  ],
  [
    "deprecateProduct",
    () => auditedBy(sam, () => deprecateProduct(sam, deprecateProductSchema.parse({ productId: state.draft!.id, sunsetDate: inDays(7) }))),
  ],
  [
    "retireProduct",
    () =>
      auditedBy(sam, async () => {
        // The sunset is a week away; the test moves it into the past instead of waiting.
        await db.dataProduct.update({ where: { id: state.draft!.id }, data: { sunsetAt: new Date(Date.now() - 60_000) } });
        await retireProduct(sam, retireProductSchema.parse({ productId: state.draft!.id, confirmName: state.draft!.name }));
      }),
  ],
  [
    "requestAccess",
    () =>
      auditedBy(priya, async () => {
        const input = requestAccessSchema.parse({ dataProductId: state.productId, consumerTeamId: payments, purpose: "Checking that requests are audited.", accessUntil: inDays(30) });
        state.requestId = (await requestAccess(priya, input)).requestId;
      }),
  ],
  ["addComment", () => auditedBy(priya, () => addComment(priya, commentSchema.parse({ requestId: state.requestId, body: "Any news?" })))],
  ["decideAccessRequest", () => auditedBy(sam, () => decideAccessRequest(sam, decideAccessRequestSchema.parse({ requestId: state.requestId, decision: "APPROVE" })))],
  ["requestRenewal", () => auditedBy(priya, async () => void (state.renewalId = (await requestRenewal(priya, state.requestId!)).requestId))],
  ["cancelAccessRequest", () => auditedBy(priya, () => cancelAccessRequest(priya, state.renewalId!))],
  ["revokeAccess", () => auditedBy(sam, () => revokeAccess(sam, revokeAccessSchema.parse({ requestId: state.requestId, reason: "The audit test is over." })))],
  [
    "updatePolicies",
    () =>
      auditedBy(ada, async () => {
        const current = await loadPolicies();
        const changed = policiesFormSchema.parse({ ...current, maxAccessDays: current.maxAccessDays === 3650 ? 3649 : current.maxAccessDays + 1 });
        await updatePolicies(ada, changed);
        await updatePolicies(ada, policiesFormSchema.parse(current));
      }),
  ],
  [
    "applyPolicies",
    () =>
      auditedBy(ada, async () => {
        const current = await loadPolicies();
        const changed = { ...current, unusedGrantDays: current.unusedGrantDays === 365 ? 364 : current.unusedGrantDays + 1 };
        const base = (await latestPolicyVersion())?.number ?? 0;
        await applyPolicies(ada, { yaml: policiesToYaml(changed, null), baseVersion: base });
        await applyPolicies(ada, { yaml: policiesToYaml(current, null), baseVersion: base + 1 });
      }),
  ],
  ["reconcileNow", () => auditedBy(ada, () => reconcileNow(ada))],
  [
    "setUserDisabled",
    () =>
      auditedBy(ada, async () => {
        state.userId = (await db.user.create({ data: { email: `${unique("audit-user")}@example.com`, name: "Audit User" } })).id;
        await setUserDisabled(ada, state.userId, true);
        await setUserDisabled(ada, state.userId, false);
      }),
  ],
  ["endAllSessions", () => auditedBy(ada, () => endAllSessions(ada, state.userId!))],
  ["addSignInRule", () => auditedBy(ada, () => addSignInRule(ada, { group: "audit-coverage", role: "member", team: "sales" }))],
  ["removeSignInRule", () => auditedBy(ada, () => removeSignInRule(ada, ruleKey({ group: "audit-coverage", role: "member", team: "sales" })))],
  [
    "applySignInRulesYaml",
    () =>
      auditedBy(ada, async () => {
        const current = await exportSignInRulesYaml(ada);
        await applySignInRulesYaml(ada, `${current.replace(/^rules: \[\]$/m, "rules:")}\n  - { group: audit-coverage, role: platform-admin }\n`);
        await applySignInRulesYaml(ada, current);
      }),
  ],
];

beforeAll(async () => {
  [sam, priya, ada] = await Promise.all([viewerByEmail("sam@example.com"), viewerByEmail("priya@example.com"), viewerByEmail("ada@example.com")]);
  [sales, payments] = await Promise.all([teamId("sales"), teamId("payments")]);
});

describe("audit coverage of server actions", () => {
  it("every export of app/**/actions.ts goes through the action pipeline and calls a domain function with the viewer", () => {
    const actions = serverActions();
    expect(actions.length).toBeGreaterThanOrEqual(12);
    for (const a of actions) expect(a.calls, `${a.file} ${a.name}`).not.toEqual([]);
  });

  it("every domain function an action calls has an audit scenario below, or a reason it is not audited", () => {
    const covered = new Set([...SCENARIOS.map(([fn]) => fn), ...Object.keys(NOT_AUDITED), ...Object.keys(AUDIT_IN_SOURCE)]);
    const missing = serverActions().flatMap((a) => a.calls.filter((fn) => !covered.has(fn)).map((fn) => `${a.file} ${a.name} → ${fn}`));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(AUDIT_IN_SOURCE))("%s records an audit event in its own body", (fn, file) => {
    const source = readFileSync(file, "utf8");
    const start = source.indexOf(`export async function ${fn}(`);
    expect(start, `${fn} in ${file}`).toBeGreaterThanOrEqual(0);
    const next = source.indexOf("\nexport ", start + 1);
    expect(source.slice(start, next === -1 ? undefined : next)).toContain("recordAudit(");
  });

  for (const [fn, scenario] of SCENARIOS) {
    it(`${fn} writes an audit event with the acting user`, async () => {
      expect(await scenario()).not.toEqual([]);
    });
  }

  it("reconcile-now records who asked, with the run's report", async () => {
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "acls.reconciled-on-request", actorId: ada.id }, orderBy: { at: "desc" } });
    expect(event.actorLabel).toBe(ada.name);
    expect(event.after).toMatchObject({ checked: expect.any(Number) });
  });
});
