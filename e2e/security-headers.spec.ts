import { allowConsoleError, expect, test } from "./support/fixtures";

test("pages carry a nonce-based CSP and the security headers; Next's scripts carry the nonce", async ({ page, request }) => {
  const first = await request.get("/signin");
  const second = await request.get("/signin");
  const csp = first.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toMatch(/script-src [^;]*'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
  expect(csp).not.toMatch(/script-src [^;]*'unsafe-eval'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce!);
  expect(first.headers()).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin", "x-frame-options": "DENY" });
  expect(first.headers()["permissions-policy"]).toContain("camera=()");
  // Plain http here: no HSTS (a browser would ignore it anyway).
  expect(first.headers()["strict-transport-security"]).toBeUndefined();

  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // Static assets get the static headers too.
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  expect((await request.get(asset!)).headers()["x-content-type-options"]).toBe("nosniff");

  // Behind a TLS-terminating load balancer: HSTS, and insecure sub-resources are upgraded.
  const https = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect(https.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");

  // And the page really runs under it: hydrated, interactive, no violation logged (the fixture fails on one).
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in as Mia Chen" }).click();
  await expect(page.getByTestId("viewer-name")).toHaveText("Mia Chen");
});

test("a page in a frame of another site is refused by the browser", async ({ page, baseURL }) => {
  allowConsoleError(page, /frame-ancestors|X-Frame-Options/);
  const refused = page.waitForEvent("console", (m) => /frame-ancestors/.test(m.text()));
  await page.setContent(`<iframe id="f" src="${baseURL}/signin"></iframe>`);
  await refused;
  await expect(page.frameLocator("#f").getByRole("heading", { name: "Sign in to Meshport" })).toHaveCount(0);
});
