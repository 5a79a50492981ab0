import { expect, test } from "./support/fixtures";

test("a shared link opened while signed out lands on its view after sign-in", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/catalog?q=orders&domain=sales");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByRole("button", { name: "Sign in as Mia Chen" }).click();
  await expect(page).toHaveURL(/\/catalog\?q=orders&domain=sales$/);
  await expect(page.getByTestId("result-count")).toContainText("matching “orders”");

  // A product link too; and a callback pointing elsewhere is ignored.
  await context.clearCookies();
  await page.goto("/products/stock-levels");
  await page.getByRole("button", { name: "Sign in as Mia Chen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stock Levels" })).toBeVisible();

  await context.clearCookies();
  await page.goto("/signin?callbackUrl=%2F%2Fevil.example%2F");
  await page.getByRole("button", { name: "Sign in as Mia Chen" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/catalog$/);
  await context.close();
});
