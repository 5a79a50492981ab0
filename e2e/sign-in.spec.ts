import { expect, test } from "./support/fixtures";

test("a shared link opened while signed out lands on its view after sign-in", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/catalog?q=orders&domain=sales");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByRole("button", { name: "Sign in as Mia Chen" }).click();
  await expect(page).toHaveURL(/\/catalog\?q=orders&domain=sales$/);
  await expect(page.getByTestId("result-count")).toContainText("matching “orders”");

  // A product link too.
  await context.clearCookies();
  await page.goto("/products/stock-levels");
  await page.getByRole("button", { name: "Sign in as Mia Chen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stock Levels" })).toBeVisible();
  await context.close();
});

// Return paths a browser reads as another site (or that hold control characters, which used to
// answer 500): signing in with any of them lands on Meshport's catalog.
const BYPASSES = ["//evil.example/", "/\t/evil.example", "/\\evil.example", "\\/\\/evil.example", "https:evil.example", "/%09/evil.example", "javascript:alert(1)", "https://evil.example@localhost/", "/\uFF0F/evil.example", "/\r\n/evil.example"];

test("a return path that leads elsewhere is refused: signing in lands on Meshport", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const bad of BYPASSES) {
    await context.clearCookies();
    const response = await page.goto(`/signin?callbackUrl=${encodeURIComponent(bad)}`);
    expect(response?.status(), bad).toBe(200);
    await page.getByRole("button", { name: "Sign in as Mia Chen" }).click();
    await expect(page, bad).toHaveURL(/^http:\/\/localhost:\d+\/catalog$/);
    await expect(page.getByTestId("viewer-name")).toHaveText("Mia Chen");
  }
  // Signed in already: the sign-in page sends the user on, to Meshport too.
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/\t/evil.example")}`);
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/catalog$/);
  await context.close();
});
