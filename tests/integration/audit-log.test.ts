// The audit log's filters, export and retention on the real PostgreSQL (issue 17). Events are made
// here with their own target type and words, so other files' events never match these filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { loadViewer, type Viewer } from "@/lib/auth";
import { db } from "@/lib/db";
import { listAuditEvents } from "@/lib/audit/queries";
import { exportAuditEvents } from "@/lib/audit/export";
import { pruneAuditLog } from "@/lib/audit/retention";
import { auditFilterSchema, auditSearchSchema, type AuditFilter } from "@/lib/audit/schemas";
import { DomainError } from "@/lib/errors";

const run = randomUUID().slice(0, 8);
const TYPE = `it-audit-${run}`;
let admin: Viewer, member: Viewer;
let adminId: string;

async function newUser(label: string, isPlatformAdmin: boolean): Promise<Viewer> {
  const user = await db.user.create({ data: { name: `${label} ${run}`, email: `${label}.${run}@example.com`, isPlatformAdmin } });
  const viewer = await loadViewer(user.id);
  if (!viewer) throw new Error("no viewer");
  return viewer;
}

const at = (iso: string) => new Date(iso);
const search = (raw: Record<string, unknown>) => auditSearchSchema.parse({ targetType: TYPE, ...raw });
async function collect(filter: AuditFilter, format: "csv" | "jsonl", batch?: number) {
  let text = "";
  for await (const chunk of exportAuditEvents(admin, filter, format, batch)) text += chunk;
  return text;
}

beforeAll(async () => {
  [admin, member] = await Promise.all([newUser("Auditor", true), newUser("Member", false)]);
  adminId = admin.id;
  // 12 events over three days; one by "system"; before/after values carrying searchable words.
  await db.auditEvent.createMany({
    data: Array.from({ length: 12 }, (_, i) => ({
      at: at(`2026-03-0${1 + (i % 3)}T${String(10 + i).padStart(2, "0")}:00:00Z`),
      actorId: i === 11 ? null : adminId,
      actorLabel: i === 11 ? "system" : admin.name,
      action: i % 2 === 0 ? `${TYPE}.changed` : `${TYPE}.renamed`,
      targetType: TYPE,
      targetId: `target-${i % 4}`,
      before: { retentionHours: i },
      after: { note: i === 5 ? `=HYPERLINK("evil") 100%_done, "quoted"\nsecond line` : `value ${i}` },
    })),
  });
});

afterAll(async () => {
  await db.auditEvent.deleteMany({ where: { OR: [{ targetType: TYPE }, { actorId: { in: [admin.id, member.id] } }] } });
  await db.user.deleteMany({ where: { id: { in: [admin.id, member.id] } } });
});

describe("audit log filters", () => {
  it("filter by who, action, target, time range and change text, each alone and together", async () => {
    const count = async (raw: Record<string, unknown>) => (await listAuditEvents(admin, search(raw))).total;
    expect(await count({})).toBe(12);
    expect(await count({ actor: "system" })).toBe(1);
    expect(await count({ actor: adminId })).toBe(11);
    expect(await count({ action: `${TYPE}.renamed` })).toBe(6);
    expect(await count({ target: "target-1" })).toBe(3);
    // Whole UTC days, both ends included: 1 and 2 March hold 8 of the 12.
    expect(await count({ from: "2026-03-01", to: "2026-03-02" })).toBe(8);
    expect(await count({ from: "2026-03-03" })).toBe(4);
    // Inside the JSON values, case-insensitive; % and _ match themselves.
    expect(await count({ q: "hyperlink" })).toBe(1);
    expect(await count({ q: "100%_done" })).toBe(1);
    expect(await count({ q: "100_" })).toBe(0); // "_" is no wildcard: the text has "100%"
    expect(await count({ q: "value 1" })).toBe(3); // value 1, value 10, value 11
    expect(await count({ action: `${TYPE}.changed`, from: "2026-03-02", to: "2026-03-02", q: "value" })).toBe(2);
  });

  it("lists newest first, pages through the filtered set, and ignores values that are not fit", async () => {
    const page = await listAuditEvents(admin, search({}));
    const times = page.events.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(page.events[0]!.at.toISOString()).toBe("2026-03-03T21:00:00.000Z"); // read back as the instant stored
    const parsed = auditFilterSchema.parse({ from: "2027-02-30", actor: "not an id!", q: "bad\u0000", action: ["a.b", "c.d"] });
    expect(parsed).toEqual({ action: "a.b" });
  });

  it("is for platform admins only", async () => {
    await expect(listAuditEvents(member, search({}))).rejects.toBeInstanceOf(DomainError);
    await expect(exportAuditEvents(member, {}, "csv").next()).rejects.toBeInstanceOf(DomainError);
  });
});

describe("audit log export", () => {
  it("streams the filtered set as CSV in keyset batches, equal to the list, formulas made inert", async () => {
    const filter = auditFilterSchema.parse({ targetType: TYPE });
    const csv = await collect(filter, "csv", 5); // 12 rows in batches of 5, 5 and 2
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("at,actor,actorId,action,targetType,targetId,before,after");
    const listed = (await listAuditEvents(admin, search({}))).events;
    // One line per event (JSON escapes line breaks), each starting with its time, in the list's order.
    const rowStarts = lines.slice(1).filter((l) => /^\d{4}-\d\d-\d\dT/.test(l)).map((l) => l.slice(0, 24));
    expect(rowStarts).toEqual(listed.map((e) => e.at.toISOString()));
    expect(csv).toContain(`"{""note"":""=HYPERLINK(\\""evil\\"") 100%_done, \\""quoted\\""\\nsecond line""}"`);
    const audited = await db.auditEvent.findFirst({ where: { actorId: adminId, action: "audit-log.exported" }, orderBy: { at: "desc" } });
    expect(audited?.after).toMatchObject({ format: "csv", filter: { targetType: TYPE } });
  });

  it("streams JSON Lines, one event per line, the same set as the page's filter", async () => {
    const jsonl = await collect(auditFilterSchema.parse({ targetType: TYPE, actor: "system" }), "jsonl", 2);
    const rows = jsonl.trimEnd().split("\n").map((l) => JSON.parse(l) as { actor: string; actorId: string | null; after: { note: string } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: "system", actorId: null, after: { note: "value 11" } });
    const all = (await collect(auditFilterSchema.parse({ targetType: TYPE }), "jsonl", 5)).trimEnd().split("\n");
    expect(all).toHaveLength(12);
    expect(new Set(all).size).toBe(12); // no row twice across batch boundaries
  });

  it("turns a cell that starts like a formula into text", async () => {
    await db.auditEvent.create({ data: { at: at("2026-03-04T00:00:00Z"), actorLabel: "=cmd|' /C calc'!A0", action: `${TYPE}.formula`, targetType: TYPE, targetId: "+1" } });
    const csv = await collect(auditFilterSchema.parse({ targetType: TYPE, action: `${TYPE}.formula` }), "csv");
    expect(csv.split("\r\n")[1]).toBe(`2026-03-04T00:00:00.000Z,'=cmd|' /C calc'!A0,,${TYPE}.formula,${TYPE},'+1,,`);
  });
});

describe("audit log retention", () => {
  it("deletes events past the retention and records the pruning, with its count, in the log", async () => {
    // Relative to a "now" the test chooses: events before 2026-03-02 are older than 1 day on 2026-03-03.
    const before = await db.auditEvent.count({ where: { at: { lt: at("2026-03-02T00:00:00Z") } } });
    expect(before).toBeGreaterThanOrEqual(4);
    const r = await pruneAuditLog(at("2026-03-03T00:00:00Z"), 1);
    expect(r.deleted).toBe(before);
    expect(await db.auditEvent.count({ where: { targetType: TYPE } })).toBe(13 - 4);
    const pruned = await db.auditEvent.findFirstOrThrow({ where: { action: "audit-log.pruned" }, orderBy: { at: "desc" } });
    expect(pruned.after).toEqual({ olderThan: "2026-03-02T00:00:00.000Z", retentionDays: 1, deleted: before });
    expect((await pruneAuditLog(at("2026-03-03T00:00:00Z"), 1)).deleted).toBe(0); // nothing left, nothing recorded
  });
});
