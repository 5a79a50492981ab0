// Catalog search against the real PostgreSQL: relevance, typos, prefixes, facet counts and
// visibility, on a small fixed catalog of its own (a throw-away domain and two teams), and the
// triggers that keep the search columns in sync. Every query filters by that domain, so the
// expectations are exact whatever else the database holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadViewer, type Viewer } from "@/lib/auth";
import { startSession } from "@/lib/auth/sessions";
import { searchCatalog, searchCatalogForUser, type CatalogResult } from "@/lib/catalog";
import { parseCatalogSearch } from "@/lib/catalog/search-params";
import { unique, viewerByEmail } from "../support/viewers";

const run = unique("srch");
const domainSlug = `${run}-dom`;
let teamA: string;
let teamB: string;
let outsider: Viewer; // mia: in neither team
let memberB: Viewer; // a member of team B (sees its draft)
let admin: Viewer;
const ids: Record<string, string> = {};

const search = (viewer: Viewer, params: Record<string, string | string[]>) =>
  searchCatalog(viewer, parseCatalogSearch({ domain: domainSlug, ...params }));
const slugs = (r: CatalogResult) => r.items.map((i) => i.slug.replace(`${run}-`, ""));
const counts = (r: CatalogResult, facet: keyof NonNullable<CatalogResult["facets"]>) =>
  Object.fromEntries((r.facets?.[facet] ?? []).filter((v) => v.count > 0).map((v) => [v.value, v.count]));

async function product(key: string, data: { name: string; description?: string; team: string; tags: string[]; lifecycle?: "ACTIVE" | "DRAFT" | "DEPRECATED"; classification: "PUBLIC" | "INTERNAL" | "CONFIDENTIAL" | "RESTRICTED"; fields?: string[] }) {
  const domain = await db.domain.findUniqueOrThrow({ where: { slug: domainSlug } });
  const p = await db.dataProduct.create({
    data: {
      slug: `${run}-${key}`,
      name: data.name,
      description: data.description ?? "A fixture of the search tests.",
      domainId: domain.id,
      ownerTeamId: data.team,
      tags: data.tags,
      lifecycle: data.lifecycle ?? "ACTIVE",
      classification: data.classification,
      outputPorts: {
        create: {
          name: "events",
          topic: `${run}.${key}`,
          partitions: 1,
          replicationFactor: 1,
          retentionMs: 3_600_000n,
          schemaVersions: data.fields
            ? { create: { version: 1, definition: { type: "record", name: "E", fields: data.fields.map((name) => ({ name, type: "string" })) } } }
            : undefined,
        },
      },
    },
  });
  ids[key] = p.id;
}

beforeAll(async () => {
  const domain = await db.domain.create({ data: { slug: domainSlug, name: `Zeta ${run}` } });
  teamA = (await db.team.create({ data: { slug: `${run}-a`, name: `Alpha Crew ${run}`, domainId: domain.id } })).id;
  teamB = (await db.team.create({ data: { slug: `${run}-b`, name: `Bravo Crew ${run}`, domainId: domain.id } })).id;
  await db.kafkaPrincipal.create({ data: { teamId: teamB, principal: `User:${run}-b` } });
  const user = await db.user.create({ data: { email: `${run}@example.com`, name: "Search Tester", memberships: { create: { teamId: teamB } } } });
  memberB = (await loadViewer(user.id))!;
  outsider = await viewerByEmail("mia@example.com");
  admin = await viewerByEmail("ada@example.com");

  await product("levels", { name: "Inventory Levels", team: teamA, tags: ["stock"], classification: "INTERNAL" });
  await product("moves", { name: "Warehouse Moves", description: "Every move of inventory between bins.", team: teamA, tags: ["stock", "logistics"], classification: "CONFIDENTIAL" });
  await product("shipments", { name: "Shipment Events", team: teamB, tags: ["logistics"], classification: "PUBLIC", lifecycle: "DEPRECATED", fields: ["shipment_id", "inventory_ref"] });
  await product("secret", { name: "Secret Inventory Forecast", team: teamB, tags: ["stock", "forecast"], classification: "INTERNAL", lifecycle: "DRAFT" });
  await product("ledger", { name: "Payment Ledger", team: teamB, tags: ["finance"], classification: "RESTRICTED" });
});

afterAll(async () => {
  await db.grant.deleteMany({ where: { dataProductId: { in: Object.values(ids) } } });
  await db.dataProduct.deleteMany({ where: { id: { in: Object.values(ids) } } });
  await db.user.deleteMany({ where: { email: `${run}@example.com` } });
  await db.kafkaPrincipal.deleteMany({ where: { teamId: { in: [teamA, teamB] } } });
  await db.team.deleteMany({ where: { id: { in: [teamA, teamB] } } });
  await db.domain.deleteMany({ where: { slug: domainSlug } });
});

describe("relevance", () => {
  it("ranks a name match above a schema field, and a field above a description mention", async () => {
    const r = await search(outsider, { q: "inventory" });
    expect(slugs(r)).toEqual(["levels", "shipments", "moves"]);
    expect(r.total).toBe(3);
  });

  it("tolerates typos", async () => {
    const r = await search(outsider, { q: "invnetory" });
    expect(slugs(r)[0]).toBe("levels");
    expect((await search(outsider, { q: "warehuose" })).items[0]?.slug).toBe(`${run}-moves`);
  });

  it("matches prefixes while typing", async () => {
    expect(slugs(await search(outsider, { q: "inven" }))).toEqual(["levels", "shipments", "moves"]);
    expect(slugs(await search(outsider, { q: "ship" }))).toEqual(["shipments"]);
  });

  it("searches tags, owner team and domain names", async () => {
    expect(slugs(await search(outsider, { q: "logistics", sort: "name" }))).toEqual(["shipments", "moves"]);
    // The owner team's products first; the other "crew" only comes after, through trigram similarity.
    expect(slugs(await search(outsider, { q: "bravo crew" })).slice(0, 2).sort()).toEqual(["ledger", "shipments"]);
    expect(slugs(await search(outsider, { q: `zeta ${run}` })).sort()).toEqual(["ledger", "levels", "moves", "shipments"]);
  });

  it("sorts by name, recency and consumers", async () => {
    expect(slugs(await search(outsider, { sort: "name" }))).toEqual(["levels", "ledger", "shipments", "moves"]);
    await db.dataProduct.update({ where: { id: ids.ledger }, data: { description: "Touched last." } });
    expect(slugs(await search(outsider, { sort: "updated" }))[0]).toBe("ledger");
  });
});

describe("typo matching as a fallback", () => {
  // A word of this run only, so the full-text match count (over every visible product) is ours.
  const word = `kestrel${run.replace(/[^a-z]/g, "")}`;
  const typo = `ksetrel${run.replace(/[^a-z]/g, "")}`;
  const otherDomain = `${run}-typo`;
  const made: string[] = [];
  const find = (q: string) => searchCatalog(outsider, parseCatalogSearch({ domain: otherDomain, q, sort: "name" }));

  beforeAll(async () => {
    const domain = await db.domain.create({ data: { slug: otherDomain, name: `Typo ${run}` } });
    for (const [i, name] of [...[1, 2, 3, 4, 5].map((n) => `${word} Feed ${n}`), `${typo} Mirror`].entries()) {
      made.push((await db.dataProduct.create({ data: { slug: `${run}-typo-${i}`, name, domainId: domain.id, ownerTeamId: teamA, tags: [], classification: "INTERNAL" } })).id);
    }
  });
  afterAll(async () => {
    await db.dataProduct.deleteMany({ where: { id: { in: made } } });
    await db.domain.deleteMany({ where: { slug: otherDomain } });
  });

  it("leaves similar spellings out when the words match enough products", async () => {
    const r = await find(word);
    expect(r.total).toBe(5);
    expect(r.items.map((i) => i.name)).not.toContain(`${typo} Mirror`);
    expect(r.facets?.domain.find((d) => d.value === otherDomain)?.count).toBe(5);
  });

  it("widens with similar spellings when the words match fewer than a handful", async () => {
    const r = await find(typo);
    expect(r.total).toBe(6);
    expect(r.facets?.domain.find((d) => d.value === otherDomain)?.count).toBe(6);
    const ranked = await searchCatalog(outsider, parseCatalogSearch({ domain: otherDomain, q: typo }));
    expect(ranked.items[0]?.name).toBe(`${typo} Mirror`);
  });
});

describe("facets", () => {
  it("counts every facet over the visible results", async () => {
    const r = await search(outsider, {});
    expect(r.total).toBe(4);
    expect(counts(r, "team")).toEqual({ [`${run}-a`]: 2, [`${run}-b`]: 2 });
    expect(counts(r, "tag")).toEqual({ stock: 2, logistics: 2, finance: 1 });
    expect(counts(r, "classification")).toEqual({ INTERNAL: 1, CONFIDENTIAL: 1, PUBLIC: 1, RESTRICTED: 1 });
    expect(counts(r, "lifecycle")).toEqual({ ACTIVE: 3, DEPRECATED: 1 });
    expect(counts(r, "domain")[domainSlug]).toBe(4);
  });

  it("counts each facet with the other facets' filters applied (so a count is what ticking it gives)", async () => {
    const r = await search(outsider, { tag: "stock", classification: "INTERNAL" });
    expect(slugs(r)).toEqual(["levels"]);
    // classification counts ignore the classification filter, but honour the tag filter
    expect(counts(r, "classification")).toEqual({ INTERNAL: 1, CONFIDENTIAL: 1 });
    // tag counts ignore the tag filter, but honour the classification filter
    expect(counts(r, "tag")).toEqual({ stock: 1 });
    expect(counts(r, "team")).toEqual({ [`${run}-a`]: 1 });
    const either = await search(outsider, { tag: ["stock", "finance"] });
    expect(either.total).toBe(3);
  });

  it("filters on 'I have access': owned products and active grants", async () => {
    expect(slugs(await search(memberB, { access: "mine", sort: "name" }))).toEqual(["ledger", "secret", "shipments"]);
    const port = await db.outputPort.findFirstOrThrow({ where: { dataProductId: ids.levels } });
    const principal = await db.kafkaPrincipal.findFirstOrThrow({ where: { teamId: teamB } });
    await db.grant.create({ data: { kind: "CONSUME", dataProductId: ids.levels!, outputPortId: port.id, teamId: teamB, principalId: principal.id } });
    const r = await search(memberB, { access: "mine", sort: "name" });
    expect(slugs(r)).toEqual(["levels", "ledger", "secret", "shipments"]);
    expect(r.items[0]?.hasAccess).toBe(true);
    // A grant on a product the team owns as well: listed and counted once.
    const ledgerPort = await db.outputPort.findFirstOrThrow({ where: { dataProductId: ids.ledger } });
    await db.grant.create({ data: { kind: "CONSUME", dataProductId: ids.ledger!, outputPortId: ledgerPort.id, teamId: teamB, principalId: principal.id } });
    const owned = await search(memberB, { access: "mine", sort: "name" });
    expect(slugs(owned)).toEqual(["levels", "ledger", "secret", "shipments"]);
    expect(owned.total).toBe(4);
    expect(counts(owned, "access")).toEqual({ mine: 4 });
    expect(counts(await search(outsider, {}), "access")).toEqual({});
  });
});

describe("visibility", () => {
  it("answers the search endpoint (by session) as for the viewer, and nothing for an unknown user or session", async () => {
    const views: Record<string, string>[] = [{ q: "secret" }, { q: "shipmnts" }, { sort: "name" }, { access: "mine" }, { lifecycle: "DRAFT" }];
    for (const viewer of [outsider, memberB, admin]) {
      const session = { userId: viewer.id, sessionId: await startSession(viewer.id, "test") };
      for (const params of views) {
        const viaEndpoint = await searchCatalogForUser(session, parseCatalogSearch({ domain: domainSlug, ...params }));
        expect(viaEndpoint).toEqual(await search(viewer, params));
      }
      expect(await searchCatalogForUser({ userId: viewer.id, sessionId: "no-such-session" }, parseCatalogSearch({ q: "secret" }))).toBeNull();
    }
    expect(await searchCatalogForUser({ userId: "no-such-user", sessionId: "no-such-session" }, parseCatalogSearch({ q: "secret" }))).toBeNull();
  });

  it("never shows another team's draft, in results or in any count", async () => {
    const r = await search(outsider, { q: "secret" });
    expect(r.total).toBe(0);
    expect(r.items).toEqual([]);
    for (const values of Object.values(r.facets ?? {})) expect(values.filter((v) => v.count > 0)).toEqual([]);
    const all = await search(outsider, { lifecycle: "DRAFT" });
    expect(all.total).toBe(0);
    expect(counts(await search(outsider, {}), "tag").forecast).toBeUndefined();
  });

  it("shows the draft to the owning team and to platform admins", async () => {
    for (const viewer of [memberB, admin]) {
      const r = await search(viewer, { q: "secret" });
      expect(slugs(r)).toEqual(["secret"]);
      expect(counts(await search(viewer, {}), "lifecycle")).toEqual({ ACTIVE: 3, DEPRECATED: 1, DRAFT: 1 });
    }
  });
});

describe("search columns kept in sync by the database", () => {
  const row = (key: string) =>
    db.$queryRaw<{ consumerCount: number; vector: string }[]>`
      SELECT "consumerCount", "searchVector"::text AS vector FROM "DataProduct" WHERE id = ${ids[key]}`.then((r) => r[0]!);

  it("follows a team rename and a new schema version", async () => {
    await db.team.update({ where: { id: teamA }, data: { name: `Quasar Squad ${run}` } });
    expect((await row("levels")).vector).toContain("'quasar':");
    expect(slugs(await search(outsider, { q: "quasar", sort: "name" }))).toEqual(["levels", "moves"]);

    const port = await db.outputPort.findFirstOrThrow({ where: { dataProductId: ids.ledger } });
    await db.schemaVersion.create({ data: { outputPortId: port.id, version: 1, definition: { type: "record", name: "L", fields: [{ name: "zeppelin_code", type: "string" }] } } });
    expect(slugs(await search(outsider, { q: "zeppelin" }))).toEqual(["ledger"]);
  });

  it("counts distinct consumer teams with active grants", async () => {
    expect((await row("levels")).consumerCount).toBe(1);
    await db.grant.updateMany({ where: { dataProductId: ids.levels }, data: { status: "REVOKED" } });
    expect((await row("levels")).consumerCount).toBe(0);
  });
});
