import type { Page } from "@playwright/test";
import { createProductWithPorts } from "../tests/support/factories";
import { expect, signInAs, test, unique } from "./support/fixtures";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The page is no wider than the phone: wide tables scroll inside their own box, nothing scrolls the page sideways. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  // When it fails, the innermost elements that reach past the screen's edge say where to look.
  const culprits = width <= 390 ? [] : await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > 391 && ![...e.children].some((c) => c.getBoundingClientRect().right > 391))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} "${(e.textContent ?? "").slice(0, 40)}"`),
  );
  expect(width, `${what}: page width at 390 px; past the edge: ${culprits.join("; ")}`).toBeLessThanOrEqual(390);
}

/** A picture of the page in dark mode, for a person to look at (the test output keeps it). */
async function darkScreenshot(page: Page, name: string) {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(300); // buttons' colour transitions
  await page.screenshot({ path: test.info().outputPath(`${name}-dark-390.png`), fullPage: false });
  await page.emulateMedia({ colorScheme: "light" });
}

async function openMenu(page: Page) {
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  return page.getByRole("navigation", { name: "Main" });
}

// Issue 17: at a phone's width (390 px) the navigation, catalog, product page and the access forms work.
test("on a phone: the menu, the catalog, a product, requesting access and deciding it", async ({ browser }) => {
  const run = unique("phone");
  const name = `Orders ${run}`;
  const product = await createProductWithPorts({ teamSlug: "sales", slug: `${run}-orders`, name, ports: [{ partitions: 1, retentionHours: 6 }] });

  const sam = await signInAs(browser, "Sam Rivera", PHONE);
  // The navigation sits behind a menu button: closed, its links are not shown.
  const nav = sam.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();
  await openMenu(sam);
  await expect(nav).toBeVisible();
  const catalogLink = nav.getByRole("link", { name: "Catalog" });
  expect((await catalogLink.boundingBox())!.height, "a link's tap target").toBeGreaterThanOrEqual(40);
  await darkScreenshot(sam, "menu");
  // Escape closes it and gives the focus back to the button; the keyboard opens it again.
  await sam.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(sam.getByRole("button", { name: "Menu" })).toBeFocused();
  await sam.keyboard.press("Enter");
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: "Catalog" }).click();
  await expect(sam).toHaveURL(/\/catalog/);
  await expect(sam.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(nav).toBeHidden(); // the panel closed on the new page
  await expectNoSidewaysScroll(sam, "catalog");
  await darkScreenshot(sam, "catalog");
  // The results come first; the filters fold out from their own button.
  const filters = sam.getByRole("complementary", { name: "Filters" });
  await expect(filters).toBeHidden();
  await sam.getByRole("button", { name: "Filters" }).click();
  await expect(filters.getByRole("checkbox", { name: /Sales/ }).first()).toBeVisible();
  await expectNoSidewaysScroll(sam, "catalog with its filters");

  // Priya requests access from the product page, on her phone.
  const priya = await signInAs(browser, "Priya Shah", PHONE);
  await priya.goto(`/products/${product.slug}`);
  await expect(priya.getByRole("heading", { level: 1, name: name })).toBeVisible();
  await expectNoSidewaysScroll(priya, "product page");
  await priya.getByRole("button", { name: "Request access" }).click();
  await priya.getByLabel("Purpose").fill("Reconcile orders on the go.");
  await expectNoSidewaysScroll(priya, "request form");
  await darkScreenshot(priya, "request-form");
  await priya.getByRole("button", { name: "Send request" }).click();
  await expect(priya.getByTestId("access-state")).toContainText("Request pending");
  await darkScreenshot(priya, "product");

  // Sam finds it through the menu and decides it on the request's page.
  await (await openMenu(sam)).getByRole("link", { name: /Access requests/ }).click();
  await expect(sam.getByRole("heading", { level: 1, name: "Access requests" })).toBeVisible();
  const row = sam.getByTestId(`inbox-${product.slug}`);
  await expect(row).toContainText("Reconcile orders on the go.");
  await expectNoSidewaysScroll(sam, "access requests");
  await darkScreenshot(sam, "access");
  await row.getByRole("link", { name: "Details and comments" }).click();
  await expect(sam).toHaveURL(/\/access\/[^/]+$/);
  await expect(sam.getByTestId("request-status")).toBeVisible();
  await expectNoSidewaysScroll(sam, "request page");
  await darkScreenshot(sam, "request-page");
  const approve = sam.getByRole("button", { name: `Approve access to ${name}` });
  const box = (await approve.boundingBox())!;
  expect(box.x + box.width, "the decision buttons are on the screen").toBeLessThanOrEqual(390);
  await approve.click();
  await expect(sam.getByText(`Approved access to ${name}.`)).toBeVisible();
  await expect(sam.getByTestId("request-status")).toContainText(/Approved|Active/);
  await expectNoSidewaysScroll(sam, "request page, decided");

  await priya.reload();
  await expect(priya.getByTestId("access-state")).not.toContainText("Request pending");
});
