// Policies as code (docs/decisions/0053) on the real PostgreSQL: every change a version with who and
// when, plan and apply from YAML (idempotent, refused when stale), violations listed and never
// changed, the migration folding stored rows into version 1, and the CI command as a child process.
import { execFile } from "node:child_process";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/auth";
import {
  applyPolicies, commitPolicies, defaultPolicies, latestPolicyVersion, listPolicyVersions, listPolicyViolations, loadPolicies, planPolicies,
  policiesToYaml, updatePolicies, type Policies,
} from "@/lib/governance";
import { createProductWithPorts, deleteProduct } from "../support/factories";
import { unique, viewerByEmail } from "../support/viewers";

const run = promisify(execFile);
let ada: Viewer, sam: Viewer;
let wide: { slug: string; topics: string[] };
let dir: string;

/** The versions written since `from` (exclusive). */
const versionsAfter = (from: number) => db.policyVersion.count({ where: { number: { gt: from } } });
const latest = async () => (await latestPolicyVersion())?.number ?? 0;

beforeAll(async () => {
  [ada, sam] = await Promise.all([viewerByEmail("ada@example.com"), viewerByEmail("sam@example.com")]);
  // A product made when 12 partitions were allowed: a ceiling of 8 must list it, not change it.
  wide = await createProductWithPorts({ teamSlug: "sales", slug: unique("it-wide"), name: "Wide product", ports: [{ partitions: 12, retentionHours: 24 }, { partitions: 2, retentionHours: 24 }] });
  dir = await mkdtemp(path.join(tmpdir(), "meshport-policies-"));
});

afterAll(async () => {
  // Put the defaults back as a version of their own, as an admin would: other files expect them.
  await commitPolicies(ada, defaultPolicies, { source: "form" });
  await deleteProduct(wide.slug);
});

describe("versions", () => {
  it("version 1 exists from the migration, and a form change is version n+1 with who, when, how, and its audit event", async () => {
    expect(await db.policyVersion.findUnique({ where: { number: 1 } })).toMatchObject({ source: "migration" });
    const before = await latest();
    const current = await loadPolicies();
    await updatePolicies(ada, { ...current, maxAccessDays: current.maxAccessDays === 100 ? 101 : 100 });
    const row = await db.policyVersion.findUniqueOrThrow({ where: { number: before + 1 } });
    expect(row).toMatchObject({ source: "form", createdById: ada.id, actorLabel: ada.name });
    expect(Date.now() - row.createdAt.getTime()).toBeLessThan(60_000);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "policies.updated" }, orderBy: { at: "desc" } });
    expect(event).toMatchObject({ actorId: ada.id, after: { version: before + 1, source: "form" } });

    // Saving the same values again is no change: no version, no event.
    await updatePolicies(ada, await loadPolicies());
    expect(await versionsAfter(before + 1)).toBe(0);

    const [newest] = await listPolicyVersions(ada, 5);
    expect(newest).toMatchObject({ number: before + 1, actorLabel: ada.name, changes: [{ key: "maxAccessDays", before: String(current.maxAccessDays) }] });
  });

  it("only platform admins see and change them", async () => {
    await expect(listPolicyVersions(sam)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(planPolicies(sam, policiesToYaml(defaultPolicies, null))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(applyPolicies(sam, { yaml: policiesToYaml(defaultPolicies, null), baseVersion: await latest() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listPolicyViolations(sam)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("plan and apply", () => {
  const tighter = (p: Policies): Policies => ({ ...p, maxPartitions: 8 });

  it("plans the change and the products it would catch, applies it once, and refuses a stale plan", async () => {
    const base = await latest();
    const yaml = policiesToYaml(tighter(await loadPolicies()), null);
    const plan = await planPolicies(ada, yaml);
    expect(plan).toMatchObject({ ok: true, baseVersion: base, changes: [{ key: "maxPartitions", after: "8", tightened: true }] });
    expect(plan.ok && plan.newlyViolating).toContain(wide.slug);
    expect(plan.ok && plan.violatingProducts).toBeGreaterThanOrEqual(1);
    expect(await versionsAfter(base)).toBe(0); // a plan writes nothing

    expect(await applyPolicies(ada, { yaml, baseVersion: base })).toMatchObject({ version: base + 1, created: true });
    expect(await db.policyVersion.findUniqueOrThrow({ where: { number: base + 1 } })).toMatchObject({ source: "yaml", actorLabel: ada.name });
    expect((await loadPolicies()).maxPartitions).toBe(8);
    // The same file again: nothing changes, no version.
    expect(await applyPolicies(ada, { yaml, baseVersion: base + 1 })).toMatchObject({ version: base + 1, created: false });
    expect(await versionsAfter(base + 1)).toBe(0);
    // A plan made before someone else's change is refused, with nothing written.
    const other = policiesToYaml({ ...tighter(await loadPolicies()), maxPartitions: 9 }, null);
    await expect(applyPolicies(ada, { yaml: other, baseVersion: base })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/plan again/) });
    expect((await loadPolicies()).maxPartitions).toBe(8);
  });

  it("lists the product that breaks the tightened policy, port by port, and leaves it as it was", async () => {
    const violations = await listPolicyViolations(ada);
    const mine = violations.filter((v) => v.productSlug === wide.slug);
    expect(mine).toEqual([{ productSlug: wide.slug, productName: "Wide product", teamName: expect.any(String), topic: wide.topics[0], field: "partitions", rule: "At most 8 partitions are allowed by policy." }]);
    expect((await db.outputPort.findUniqueOrThrow({ where: { topic: wide.topics[0] } })).partitions).toBe(12);
  });

  it("refuses an invalid file with its line and column, and writes nothing", async () => {
    const base = await latest();
    const yaml = policiesToYaml(await loadPolicies(), null).replace(/^maxPartitions: \d+$/m, "maxPartitions: lots");
    const plan = await planPolicies(ada, yaml);
    const line = yaml.split("\n").indexOf("maxPartitions: lots") + 1;
    expect(plan).toEqual({ ok: false, problems: [{ line, column: 16, message: "maxPartitions: Enter a whole number (digits only)." }] });
    await expect(applyPolicies(ada, { yaml, baseVersion: base })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { yaml: `Line ${line}, column 16: maxPartitions: Enter a whole number (digits only).` } });
    expect(await versionsAfter(base)).toBe(0);
  });
});

describe("the migration", () => {
  it("folds the Policy rows stored before versioning into version 1, over the defaults, with who changed them last", async () => {
    const sql = await readFile("prisma/migrations/20261203053816_policies_versions/migration.sql", "utf8");
    const insert = sql.slice(sql.indexOf('INSERT INTO "PolicyVersion"'));
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query('DELETE FROM "PolicyVersion"; DELETE FROM "Policy"');
      await client.query(`INSERT INTO "Policy" ("key", "value", "updatedById", "updatedAt") VALUES ('maxPartitions', '12', NULL, now() - interval '1 day'), ('requiredTagsAnyOf', '["gold"]', $1, now())`, [ada.id]);
      await client.query(insert);
      const { rows } = await client.query<{ number: number; policies: Policies; source: string; createdById: string; actorLabel: string }>('SELECT * FROM "PolicyVersion"');
      expect(rows).toEqual([expect.objectContaining({ number: 1, source: "migration", createdById: ada.id, actorLabel: ada.name, policies: { ...defaultPolicies, maxPartitions: 12, requiredTagsAnyOf: ["gold"] } })]);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });
});

describe("npm run policies (as CI runs it)", () => {
  const cli = async (...args: string[]) => {
    const result = await run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/policies.ts", ...args], { env: { ...process.env, DATABASE_URL: env.DATABASE_URL } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
    return result;
  };

  it("exports, plans without writing, applies once as policies-cli, and fails an invalid file with file:line:column", async () => {
    const file = path.join(dir, "policies.yaml");
    expect((await cli("export", file)).code).toBe(0);
    const exported = await readFile(file, "utf8");
    expect(exported).toMatch(/^# Meshport governance policies, version \d+/);
    await writeFile(file, exported.replace(/^maxAccessDays: \d+$/m, "maxAccessDays: 42"));

    const base = await latest();
    const plan = await cli("plan", file);
    expect(plan).toMatchObject({ code: 0, stdout: expect.stringContaining(`against version ${base}: 1 change`) });
    expect(plan.stdout).toMatch(/~ maxAccessDays: \d+ → 42/);
    expect(plan.stdout).toContain("Plan only: nothing was changed.");
    expect(await versionsAfter(base)).toBe(0);

    expect(await cli("apply", file)).toMatchObject({ code: 0, stdout: expect.stringContaining(`Applied as version ${base + 1} by policies-cli.`) });
    expect(await db.policyVersion.findUniqueOrThrow({ where: { number: base + 1 } })).toMatchObject({ source: "cli", actorLabel: "policies-cli", createdById: null });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "policies.updated" }, orderBy: { at: "desc" } })).toMatchObject({ actorLabel: "policies-cli", actorId: null });
    expect(await cli("apply", file)).toMatchObject({ code: 0, stdout: expect.stringContaining(`Nothing to apply: version ${base + 1} stays in force.`) });
    expect(await versionsAfter(base + 1)).toBe(0);

    const bad = path.join(dir, "bad.yaml");
    await writeFile(bad, exported.replace(/^maxAccessDays: \d+$/m, "maxAccessDays: 99999").replace(/^maxPartitions: \d+$/m, "maxPartition: 4"));
    const line = (needle: string) => exported.replace(/^maxPartitions: \d+$/m, "maxPartition: 4").split("\n").indexOf(needle) + 1;
    const failed = await cli("apply", bad);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`${bad}:${line("maxPartition: 4")}:1: Unknown policy "maxPartition".`);
    expect(failed.stderr).toContain('"maxPartitions" is missing');
    // The file's shape is checked first: values are judged once every key is right.
    expect(failed.stderr).toContain("2 problems: nothing was changed.");
    expect(await versionsAfter(base + 1)).toBe(0);
    expect((await cli("plan")).code).toBe(2);
  }, 120_000);
});
