// Catalog search above EXACT_UP_TO matches (docs/decisions/0015, 0026): counts become estimates
// from a uniform sample and say so, pages are still exact (read in index order), narrow views
// stay exact, and drafts stay invisible. A domain of its own with 2,000 active products (1,200 of
// them with a second word) and 150 drafts of a team the viewer is not in, against the real
// PostgreSQL. Sample keys are random per run: each estimate is allowed 4.5 of its standard errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadViewer, type Viewer } from "@/lib/auth";
import { searchCatalog } from "@/lib/catalog";
import { EXACT_UP_TO, FACET_VALUES_LISTED, LARGE_SAMPLE, LARGE_SET_ABOVE } from "@/lib/catalog/search-sql";
import { parseCatalogSearch } from "@/lib/catalog/search-params";
import { unique, viewerByEmail } from "../support/viewers";

const run = unique("scale");
const domainSlug = `${run}-dom`;
// One word of this run only (letters), so text matches are ours whatever else the database holds.
const word = `quokka${run.replace(/[^a-z]/g, "")}`;
// In the names of WITH_SECOND_WORD of the products: a set between EXACT_UP_TO and LARGE_SET_ABOVE.
const secondWord = `wombat${run.replace(/[^a-z]/g, "")}`;
const ACTIVE = 2000;
const WITH_SECOND_WORD = 1200;
const DRAFTS = 150;
const CLASSES = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"] as const;
let outsider: Viewer; // mia: in neither team
let ownerTeamId: string; // the team that owns the 1,200 active products
const names: string[] = [];

const search = (params: Record<string, string | string[]>) => searchCatalog(outsider, parseCatalogSearch({ domain: domainSlug, ...params }));
const near = (actual: number, expected: number, tolerance: number) => Math.abs(actual - expected) <= expected * tolerance;
/**
 * 4.5 relative standard errors of a count estimated from `sample` of `set` products: given the
 * cutoff key q, the count's sampled part is Binomial(count, q), so its relative error is
 * sqrt((1 − q) / (count · q)). From 500 of 2,000: ±35 % for a class of 500, ±17 % for the total.
 */
const sampled = (count: number, sample = LARGE_SAMPLE, set = ACTIVE) => {
  const q = sample / set;
  return 4.5 * Math.sqrt((1 - q) / (count * q));
};

beforeAll(async () => {
  outsider = await viewerByEmail("mia@example.com");
  const domain = await db.domain.create({ data: { slug: domainSlug, name: `Scale ${run}` } });
  const team = await db.team.create({ data: { slug: `${run}-a`, name: `Scale Crew ${run}`, domainId: domain.id } });
  ownerTeamId = team.id;
  const drafts = await db.team.create({ data: { slug: `${run}-d`, name: `Draft Crew ${run}`, domainId: domain.id } });
  const rows = Array.from({ length: ACTIVE }, (_, i) => {
    // The product named exactly like the query sorts after all others by name (and none has
    // consumers), so only the relevance candidates' exact-name rule can put it first.
    const name = i === 0 ? word : `A ${word}${i % 5 < 3 ? ` ${secondWord}` : ""} Stream ${String(i).padStart(4, "0")}`;
    names.push(name);
    return {
      slug: `${run}-${i}`,
      name,
      domainId: domain.id,
      ownerTeamId: team.id,
      // alpha/beta split the catalog in halves; 45 filler tags (and "zrare" on three products)
      // make more tag values than a facet lists.
      tags: [i % 2 === 0 ? "alpha" : "beta", `filler${i % 45}`, ...(i < 3 ? ["zrare"] : [])],
      classification: CLASSES[Math.floor(i / 2) % 4]!,
    };
  });
  await db.dataProduct.createMany({ data: rows });
  await db.dataProduct.createMany({
    data: Array.from({ length: DRAFTS }, (_, i) => ({
      slug: `${run}-draft-${i}`,
      name: `${word} Draft ${i}`,
      domainId: domain.id,
      ownerTeamId: drafts.id,
      lifecycle: "DRAFT" as const,
      tags: ["secret"],
      classification: "INTERNAL" as const,
    })),
  });
}, 120_000);

afterAll(async () => {
  await db.dataProduct.deleteMany({ where: { domain: { slug: domainSlug } } });
  await db.team.deleteMany({ where: { slug: { in: [`${run}-a`, `${run}-d`] } } });
  await db.domain.deleteMany({ where: { slug: domainSlug } });
});

describe(`more than ${EXACT_UP_TO} matches`, () => {
  it("estimates the total and the facet counts from a sample, and flags them as estimates", async () => {
    expect(ACTIVE).toBeGreaterThan(EXACT_UP_TO);
    const r = await search({});
    expect(r.totalIsEstimate).toBe(true);
    // 2,000 is above LARGE_SET_ABOVE: estimated from the first LARGE_SAMPLE products only.
    expect(ACTIVE).toBeGreaterThan(LARGE_SET_ABOVE);
    expect(near(r.total, ACTIVE, sampled(ACTIVE))).toBe(true);
    const classes = r.facets!.classification;
    expect(classes.map((c) => c.value).sort()).toEqual([...CLASSES].sort());
    for (const c of classes) {
      expect(c.estimate).toBe(true);
      expect(near(c.count, ACTIVE / 4, sampled(ACTIVE / 4))).toBe(true);
    }
    expect(near(r.facets!.tag.find((t) => t.value === "alpha")!.count, ACTIVE / 2, sampled(ACTIVE / 2))).toBe(true);
  });

  it("never samples a draft the viewer may not see", async () => {
    const r = await search({});
    expect(r.facets!.lifecycle.map((l) => l.value)).toEqual(["ACTIVE"]);
    expect(r.facets!.tag.map((t) => t.value)).not.toContain("secret");
    expect(r.facets!.team.map((t) => t.value)).toEqual([`${run}-a`]);
    const text = await search({ q: word, sort: "name" });
    expect(text.items.map((i) => i.name)).not.toContain(`${word} Draft 0`);
  });

  it("pages through a sampled set exactly, in index order", async () => {
    const sorted = [...names].sort();
    const page1 = await search({ sort: "name" });
    const page2 = await search({ sort: "name", page: "2" });
    expect(page1.items.map((i) => i.name)).toEqual(sorted.slice(0, 20));
    expect(page2.items.map((i) => i.name)).toEqual(sorted.slice(20, 40));
  });

  it("ranks the product named like the query first, even when thousands match", async () => {
    const r = await search({ q: word });
    expect(r.totalIsEstimate).toBe(true);
    expect(r.items[0]?.name).toBe(word);
    expect(r.items).toHaveLength(20);
    // Relevance ranked the sample (and the names starting with the query): its pages end there.
    expect(r.rankedCount).toBeGreaterThanOrEqual(LARGE_SAMPLE);
    expect(r.rankedCount).toBeLessThan(r.total);
    expect(r.pages).toBe(Math.ceil(r.rankedCount! / 20));
    const last = await search({ q: word, page: String(r.pages) });
    expect(last.items.length).toBeGreaterThan(0);
    // Sorted by name, every match can be paged through.
    const byName = await search({ q: word, sort: "name" });
    expect(byName.rankedCount).toBeNull();
    expect(byName.pages).toBe(Math.ceil(byName.total / 20));
  });

  it(`estimates a set far above ${LARGE_SET_ABOVE} from ${LARGE_SAMPLE} products, a smaller one from ${EXACT_UP_TO}`, async () => {
    // Relevance ranks the sample (plus the one name starting with the query): rankedCount tells its size.
    const large = await search({ q: word });
    expect(large.rankedCount).toBeGreaterThanOrEqual(LARGE_SAMPLE);
    expect(large.rankedCount).toBeLessThanOrEqual(LARGE_SAMPLE + 1);
    const smaller = await search({ q: secondWord });
    expect(smaller.totalIsEstimate).toBe(true);
    expect(smaller.rankedCount).toBe(EXACT_UP_TO);
    // 1,000 of 1,200 products sampled: the estimate is close (standard error ~1.3 %).
    const ofSmaller = (count: number) => sampled(count, EXACT_UP_TO, WITH_SECOND_WORD);
    expect(near(smaller.total, WITH_SECOND_WORD, ofSmaller(WITH_SECOND_WORD))).toBe(true);
    expect(smaller.facets!.classification.every((c) => c.estimate && near(c.count, WITH_SECOND_WORD / 4, ofSmaller(WITH_SECOND_WORD / 4)))).toBe(true);
  });

  it("pages through 'I have access' in order when the viewer's team owns more than the sample", async () => {
    const user = await db.user.create({ data: { email: `${run}-member@example.com`, name: "Scale member" } });
    try {
      await db.membership.create({ data: { userId: user.id, teamId: ownerTeamId } });
      const member = (await loadViewer(user.id))!;
      const mine = (params: Record<string, string>) => searchCatalog(member, parseCatalogSearch({ domain: domainSlug, access: "mine", ...params }));
      const sorted = [...names].sort();
      const [page1, page2] = [await mine({ sort: "name" }), await mine({ sort: "name", page: "2" })];
      expect(page1.totalIsEstimate).toBe(true);
      expect(near(page1.total, ACTIVE, sampled(ACTIVE))).toBe(true);
      expect(page1.items.map((i) => i.name)).toEqual(sorted.slice(0, 20));
      expect(page2.items.map((i) => i.name)).toEqual(sorted.slice(20, 40));
      expect(page1.items.every((i) => i.hasAccess)).toBe(true);
      expect(page1.facets!.access).toEqual([expect.objectContaining({ value: "mine", selected: true, count: page1.total })]);
      // The member's drafts team is not theirs: its drafts stay out.
      const drafts = await mine({ lifecycle: "DRAFT" });
      expect(drafts.total).toBe(0);
    } finally {
      await db.user.delete({ where: { id: user.id } });
    }
  });

  it("counts ticked values over the results, so they add up to the estimated total", async () => {
    const r = await search({ tag: ["alpha", "beta"] });
    expect(r.totalIsEstimate).toBe(true);
    const ticked = r.facets!.tag.filter((t) => t.selected);
    expect(ticked.map((t) => t.value).sort()).toEqual(["alpha", "beta"]);
    for (const t of ticked) expect(t.estimate).toBe(true);
    // alpha and beta split the results in halves: their counts are the total, up to rounding.
    expect(Math.abs(ticked[0]!.count + ticked[1]!.count - r.total)).toBeLessThanOrEqual(1);
    // The unticked tags still list what ticking them too would add, up to FACET_VALUES_LISTED in all.
    expect(r.facets!.tag).toHaveLength(FACET_VALUES_LISTED);
  });
});

describe("views narrowed below the threshold", () => {
  it("counts exactly again, while a facet whose own filter is off may still be an estimate", async () => {
    const r = await search({ classification: "RESTRICTED" });
    expect(r.totalIsEstimate).toBe(false);
    expect(r.total).toBe(ACTIVE / 4);
    // The ticked value is counted over the results: exact, and the same as the total.
    const [ticked, ...others] = [...r.facets!.classification].sort((a, b) => Number(b.selected) - Number(a.selected));
    expect(ticked).toMatchObject({ value: "RESTRICTED", selected: true, count: ACTIVE / 4 });
    expect(ticked!.estimate ?? false).toBe(false);
    // The other values ignore the classification filter: all 1,200 products, sampled.
    expect(others.map((c) => c.value).sort()).toEqual(["CONFIDENTIAL", "INTERNAL", "PUBLIC"]);
    expect(others.every((c) => c.estimate)).toBe(true);
    // Tag counts honour it: 300 products, counted exactly.
    const tags = Object.fromEntries(r.facets!.tag.filter((t) => !t.value.startsWith("filler")).map((t) => [t.value, [t.count, t.estimate ?? false]]));
    expect(tags).toEqual({ alpha: [ACTIVE / 8, false], beta: [ACTIVE / 8, false] });
  });

  it("is exact for every facet when each set it counts is small", async () => {
    // alpha is exactly EXACT_UP_TO products: still counted exactly.
    expect(ACTIVE / 2).toBe(EXACT_UP_TO);
    const r = await search({ classification: "RESTRICTED", tag: "alpha" });
    expect(r.total).toBe(ACTIVE / 8);
    expect(r.totalIsEstimate).toBe(false);
    for (const values of Object.values(r.facets!)) for (const v of values) expect(v.estimate ?? false).toBe(false);
    // Tag counts ignore the tag filter and honour the classification one; the other way round for classification.
    const tags = r.facets!.tag.filter((t) => !t.value.startsWith("filler"));
    expect(Object.fromEntries(tags.map((t) => [t.value, t.count]))).toEqual({ alpha: ACTIVE / 8, beta: ACTIVE / 8 });
    const eighth = ACTIVE / 8;
    expect(Object.fromEntries(r.facets!.classification.map((c) => [c.value, c.count]))).toEqual({ PUBLIC: eighth, INTERNAL: eighth, CONFIDENTIAL: eighth, RESTRICTED: eighth });
  });
});

describe("facets with many values", () => {
  it(`lists the ${FACET_VALUES_LISTED} most frequent values, and a ticked value even when it is rare`, async () => {
    const all = await search({});
    expect(all.facets!.tag).toHaveLength(FACET_VALUES_LISTED);
    expect(all.facets!.tag.map((t) => t.value)).not.toContain("zrare");
    expect(all.facets!.tag.slice(0, 2).map((t) => t.value).sort()).toEqual(["alpha", "beta"]);

    const ticked = await search({ tag: "zrare" });
    expect(ticked.total).toBe(3);
    expect(ticked.facets!.tag).toHaveLength(FACET_VALUES_LISTED);
    expect(ticked.facets!.tag[0]).toMatchObject({ value: "zrare", selected: true });
  });
});
