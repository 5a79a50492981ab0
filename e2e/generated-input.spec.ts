// Generated route segments and query parameters against the real `next start` (issue 11): no
// answer is a 500, and no page renders its error boundary, for anything a user can put in a URL.
// Prints: requests sent, HTTP 500s, error pages.
import fc from "fast-check";
import type { APIRequestContext } from "@playwright/test";
import { hostileText, NASTY_CHARS } from "../tests/support/hostile-input";
import { expect, signInAs, test } from "./support/fixtures";

/** Percent-escapes that decode to nothing valid, or to a surrogate: what a URL bar cannot make but a client can send. */
const BROKEN_ESCAPES = ["%FF", "%E0%A4%A", "%", "%zz", "%ED%A0%80", "%C0%AF", "%F4%90%80%80", "%00", "%0D%0A", "%09", "%E2%80%AE"];

/** A text as it appears in a URL: escaped when it can be, raw percent bytes when it cannot (lone surrogates). */
const inUrl = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return s.replace(/[^\w-]/gu, (c) => (c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff ? "%ED%A0%80" : encodeURIComponent(c)));
  }
};

const urlPiece = fc.oneof(
  { weight: 3, arbitrary: hostileText(20).map(inUrl) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...BROKEN_ESCAPES, "a", "orders", "-"), { minLength: 1, maxLength: 4 }).map((p) => p.join("")) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_CHARS).map(inUrl) },
  { weight: 1, arbitrary: fc.constantFrom("1e3", "0x10", "-1", "99999999999999999999999", "1".repeat(400), "true", "[1]") },
);

const SEGMENT_ROUTES = ["/products/", "/access/", "/api/auth/", "/", "/catalog/", "/admin/"];
const PAGES_WITH_PARAMS = ["/catalog", "/api/search", "/admin/audit", "/signin", "/access", "/notifications", "/products/new", "/admin/policies", "/admin/drift", "/api/health"];
const PARAM_NAMES = ["q", "domain", "team", "tag", "classification", "lifecycle", "access", "sort", "page", "limit", "facets", "target", "callbackUrl", "error", "id"];

const url = fc.oneof(
  fc.record({ base: fc.constantFrom(...SEGMENT_ROUTES), seg: urlPiece }).map(({ base, seg }) => `${base}${seg}`),
  fc
    .record({
      base: fc.constantFrom(...PAGES_WITH_PARAMS),
      params: fc.array(fc.record({ k: fc.constantFrom(...PARAM_NAMES), v: urlPiece }), { minLength: 1, maxLength: 4 }),
    })
    .map(({ base, params }) => `${base}?${params.map(({ k, v }) => `${k}=${v}`).join("&")}`),
);

/** A server-rendered error (error boundary) carries a numeric digest in the page's payload. */
const ERROR_DIGEST = /\\?"digest\\?":\\?"\d+\\?"/;

async function probe(request: APIRequestContext, path: string) {
  const res = await request.get(path, { maxRedirects: 0, failOnStatusCode: false });
  const body = res.headers()["content-type"]?.includes("text/html") ? await res.text() : "";
  return { status: res.status(), errorPage: ERROR_DIGEST.test(body) };
}

test("generated URLs never answer 500 nor render an error page", async ({ browser }) => {
  test.setTimeout(300_000);
  const page = await signInAs(browser, "Ada Okafor");
  const figures = { requests: 0, http500: 0, errorPages: 0 };
  const failures: string[] = [];
  await fc.assert(
    fc.asyncProperty(url, async (path) => {
      const { status, errorPage } = await probe(page.request, path);
      figures.requests++;
      if (status >= 500) figures.http500++;
      if (errorPage) figures.errorPages++;
      if (status >= 500 || errorPage) failures.push(`${status}${errorPage ? " (error page)" : ""} ${path}`);
    }),
    { numRuns: Number(process.env.MESHPORT_GENERATED_URLS ?? 400) },
  );
  console.log(`[generated-input] URLs (HTTP, next start): requests=${figures.requests} http500=${figures.http500} errorPages=${figures.errorPages}`);
  expect(failures).toEqual([]);
});

test("known bad URLs: malformed escapes are not found, bad parameters are explained", async ({ browser }) => {
  const page = await signInAs(browser, "Ada Okafor");
  for (const path of ["/products/%FF", "/access/%E0%A4%A", "/products/%00", "/access/x%E2%80%AE"]) {
    expect((await probe(page.request, path)).status, path).toBe(404);
  }
  for (const path of ["/signin?callbackUrl=/catalog%01x", "/signin?callbackUrl=%2Fcatalog%0D%0ALocation:%20x"]) {
    expect((await probe(page.request, path)).status, path).toBeLessThan(500);
  }
  for (const path of ["/admin/audit?page=1e400", "/admin/audit?page=99999999999999999999&target=a&target=b", "/admin/audit?target=%00"]) {
    expect((await probe(page.request, path)).status, path).toBe(200);
  }
  const search = await page.request.get("/api/search?q=a%00b", { failOnStatusCode: false });
  expect(search.status()).toBe(422);
  expect(((await search.json()) as { issues: { path: string }[] }).issues[0]?.path).toBe("q");

  await page.goto("/catalog?q=orders%00");
  await expect(page.getByText("Part of this link was not used")).toBeVisible();
  await expect(page.getByText(/Search text: Remove the control characters/)).toBeVisible();
});
