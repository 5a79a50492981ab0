import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./support/fixtures";
import { seriousViolations } from "./support/axe";

const resultNames = (page: Page) => page.getByRole("list", { name: "Data products" }).getByRole("heading").allTextContents();

test("an analyst searches, filters by two facets, opens a product and shares the view", async ({ browser }) => {
  const page = await signInAs(browser, "Mia Chen");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/catalog");
  await expect(page.getByRole("heading", { name: "Data products" })).toBeVisible();

  // Search as you type (debounced; the URL follows).
  await page.getByRole("searchbox", { name: "Search data products" }).fill("ordrs");
  await expect(page).toHaveURL(/q=ordrs/);
  await expect(page.getByTestId("result-count")).toContainText("matching “ordrs”");
  await expect(page.getByRole("list", { name: "Data products" }).getByRole("link", { name: "Orders", exact: true })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search data products" }).fill("orders");
  await expect(page.getByTestId("result-count")).toContainText("matching “orders”");

  // Two facets.
  await page.getByRole("group", { name: "Domain" }).getByRole("checkbox", { name: /^Sales/ }).check();
  await expect(page).toHaveURL(/domain=sales/);
  await page.getByRole("group", { name: "Tags" }).getByRole("checkbox", { name: /^orders/ }).check();
  await expect(page).toHaveURL(/tag=orders/);
  const list = page.getByRole("list", { name: "Data products" });
  await expect(list).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("result-count")).toHaveText(/^\d+ data products? matching “orders”/);
  const count = await page.getByTestId("result-count").textContent();
  const names = await resultNames(page);
  // Other tests add products as they run; the demo mesh's two always match.
  expect(names).toEqual(expect.arrayContaining(["Orders", "Order Lines"]));

  // Share link: copied from the page, opened in a new page, same view.
  await page.getByRole("button", { name: "Copy a link to this view" }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/catalog\?q=orders&domain=sales&tag=orders/);
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByTestId("result-count")).toHaveText(count!);
  // A retrying assertion: the new page may still be hydrating when the count is already there.
  await expect(other.getByRole("list", { name: "Data products" }).getByRole("heading")).toHaveText(names);
  await expect(other.getByRole("group", { name: "Domain" }).getByRole("checkbox", { name: /^Sales/ })).toBeChecked();
  await other.close();

  // Open a product; Back returns to the same view.
  await page.getByRole("link", { name: "Order Lines" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Order Lines" })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/q=orders&domain=sales&tag=orders/);
  await expect(page.getByTestId("result-count")).toHaveText(count!);
  // …and once more, to the view before the tag filter.
  await page.goBack();
  await expect(page).not.toHaveURL(/tag=orders/);
  await expect(page.getByRole("group", { name: "Tags" }).getByRole("checkbox", { name: /^orders/ })).not.toBeChecked();
});

test("keyboard: / focuses the search, Ctrl-K jumps to a product", async ({ browser }) => {
  const page = await signInAs(browser, "Mia Chen");
  await page.goto("/catalog");
  const box = page.getByRole("searchbox", { name: "Search data products" });
  // Until the page has hydrated, no shortcut is listening yet: retry the key press.
  await expect(async () => {
    await page.getByRole("heading", { name: "Data products" }).click();
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 1000 });
  }).toPass();
  await expect(box).toHaveValue("");

  await page.getByRole("heading", { name: "Data products" }).click();
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Jump to a data product" });
  await expect(palette).toBeVisible();
  await palette.getByRole("combobox").fill("stock lev");
  await expect(palette.getByRole("option", { name: /Stock Levels/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/products\/stock-levels$/);
  await expect(page.getByRole("heading", { level: 1, name: "Stock Levels" })).toBeVisible();
});

test("empty results say what to do next; drafts of other teams never show", async ({ browser }) => {
  const page = await signInAs(browser, "Mia Chen");
  await page.goto("/catalog?q=xylophone%20quartz");
  await expect(page.getByText("No data products match “xylophone quartz”")).toBeVisible();
  await expect(page.getByRole("button", { name: "Clear search and filters" })).toBeVisible();
  await page.goto("/catalog?lifecycle=DRAFT");
  await expect(page.getByTestId("result-count")).toHaveText(/^0 data products/);
});

test("the search endpoint refuses anonymous callers", async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const res = await anonymous.get("/api/search?q=orders");
  expect(res.status()).toBe(401);
  await anonymous.dispose();
});

test("no serious accessibility violations on the catalog and product pages", async ({ browser }) => {
  const page = await signInAs(browser, "Mia Chen");
  await page.goto("/catalog?q=orders");
  await expect(page.getByTestId("result-count")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/products/orders");
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
