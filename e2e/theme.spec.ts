import type { Page } from "@playwright/test";
import { createDemoUser, createProductWithPorts } from "../tests/support/factories";
import { expect, openAccountMenu, signInAs, test, unique } from "./support/fixtures";
import { seriousViolations, TOASTS } from "./support/axe";

/** What the page is drawn in: the stylesheet sets color-scheme (native controls, scrollbars) with the palette. */
const scheme = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

// Issue 17: dark mode follows the system until a user chooses, and the choice is theirs wherever they sign in.
/**
 * Waits until the server has kept the choice: the page switches at once, the save follows (a server action
 * whose answer sets the cookie), and a reload before it lands would render the old theme.
 */
async function saved(page: Page, theme: string, userId: string) {
  await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === "meshport-theme")?.value).toBe(`${theme}.${userId}`);
}

test("the theme follows the system until the user chooses one, and is kept for them", async ({ browser }) => {
  const user = await createDemoUser(`Theme ${unique("user")}`);
  const page = await signInAs(browser, user.name);
  const html = page.locator("html");

  // A new user's preference is "system": the page follows prefers-color-scheme, no script involved.
  await expect(html).toHaveAttribute("data-theme", "system");
  await openAccountMenu(page);
  await expect(page.getByRole("button", { name: "System theme" })).toHaveAttribute("aria-pressed", "true");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await scheme(page)).toBe("dark");
  const darkBackground = await pageBackground(page);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await scheme(page)).toBe("light");
  const lightBackground = await pageBackground(page);
  expect(darkBackground).not.toBe(lightBackground);

  // Dark, chosen while the system is light: kept after a reload, rendered by the server.
  await openAccountMenu(page);
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  await expect(html).toHaveAttribute("data-theme", "dark");
  expect(await scheme(page)).toBe("dark");
  await saved(page, "dark", user.id);
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  expect(await scheme(page)).toBe("dark");
  expect(await pageBackground(page)).toBe(darkBackground);
  await page.screenshot({ path: test.info().outputPath("catalog-dark-1280.png") });
  // The header's controls, the theme's included, fit a 1280 px screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  // The first response already says so (no flash of the light page).
  const response = await page.request.get("/catalog");
  expect(await response.text()).toMatch(/<html[^>]*data-theme="dark"/);

  // A new browser, signed in as the same user, with no cookie of theirs: the preference comes from the database.
  const elsewhere = await signInAs(browser, user.name);
  await expect(elsewhere.locator("html")).toHaveAttribute("data-theme", "dark");
  await openAccountMenu(elsewhere);
  await expect(elsewhere.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");

  // Light there, while that system is dark: light wins, in that browser and back in the first one.
  await elsewhere.emulateMedia({ colorScheme: "dark" });
  await openAccountMenu(elsewhere);
  await elsewhere.getByRole("button", { name: "Light theme" }).click();
  await expect(elsewhere.locator("html")).toHaveAttribute("data-theme", "light");
  await saved(elsewhere, "light", user.id);
  await elsewhere.reload();
  await expect(elsewhere.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await scheme(elsewhere)).toBe("light");

  // The cookie mirrors it, with whose it is (another user signing in on this browser does not inherit it).
  const context = elsewhere.context();
  const cookie = (await context.cookies()).find((c) => c.name === "meshport-theme");
  expect(cookie?.value).toBe(`light.${user.id}`);
  expect(cookie?.httpOnly).toBe(true);

  // Back to the system setting.
  await openAccountMenu(elsewhere);
  await elsewhere.getByRole("button", { name: "System theme" }).click();
  await expect(elsewhere.locator("html")).toHaveAttribute("data-theme", "system");
  await saved(elsewhere, "system", user.id);
  await elsewhere.reload();
  expect(await scheme(elsewhere)).toBe("dark");
  await elsewhere.emulateMedia({ colorScheme: "light" });
  expect(await scheme(elsewhere)).toBe("light");
});

test("signed-out visitors follow the system setting", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/signin");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  expect(await scheme(page)).toBe("dark");
  expect(await seriousViolations(page), "sign-in page, dark").toEqual([]);
});

// axe (WCAG AA contrast included) on the everyday pages, light and dark: the colours are the palette turned over.
test("catalog, product and access pages have no serious accessibility violations in light or dark", async ({ browser }) => {
  test.setTimeout(240_000); // ten axe runs on a loaded machine
  const run = unique("theme");
  const product = await createProductWithPorts({ teamSlug: "sales", slug: `${run}-orders`, name: `Orders ${run}`, ports: [{ partitions: 1, retentionHours: 6 }] });

  const priya = await signInAs(browser, "Priya Shah");
  await priya.goto(`/products/${product.slug}`);
  await priya.getByRole("button", { name: "Request access" }).click();
  await priya.getByLabel("Purpose").fill("Check the dark theme's contrast.");
  for (const colorScheme of ["light", "dark"] as const) {
    await priya.emulateMedia({ colorScheme });
    expect(await seriousViolations(priya), `request form, ${colorScheme}`).toEqual([]);
  }
  await priya.getByRole("button", { name: "Send request" }).click();
  await expect(priya.getByTestId("access-state")).toContainText("Request pending");

  const sam = await signInAs(browser, "Sam Rivera");
  await expect(sam.locator("html")).toHaveAttribute("data-theme", "system");
  await sam.goto("/access");
  const requestPage = await sam.getByTestId(`inbox-${product.slug}`).getByRole("link", { name: "Details and comments" }).getAttribute("href");
  for (const path of ["/catalog", `/products/${product.slug}`, "/access", requestPage!]) {
    await sam.goto(path);
    await expect(sam.getByRole("heading", { level: 1 })).toBeVisible();
    for (const colorScheme of ["light", "dark"] as const) {
      await sam.emulateMedia({ colorScheme });
      expect(await scheme(sam)).toBe(colorScheme);
      expect(await seriousViolations(sam, { exclude: TOASTS }), `${path}, ${colorScheme}`).toEqual([]);
    }
  }
});
