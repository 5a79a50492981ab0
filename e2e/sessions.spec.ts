import type { Browser, Page } from "@playwright/test";
import { expect, openAccountMenu, openAdminPage, signInAs, test } from "./support/fixtures";

/** Another browser holding a copy of `page`'s cookies, as a stolen or shared cookie would be. */
async function copyOf(browser: Browser, page: Page): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies(await page.context().cookies());
  const copy = await context.newPage();
  await copy.goto("/catalog");
  await expect(copy.getByTestId("viewer-name")).toBeVisible();
  return copy;
}

async function expectSignedOut(page: Page) {
  await page.goto("/catalog");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcatalog$/);
  expect((await page.request.get("/api/search?q=orders")).status()).toBe(401);
}

test("signing out ends the session on the server: a copied cookie stops working too", async ({ browser }) => {
  const carla = await signInAs(browser, "Carla Mendes");
  const copy = await copyOf(browser, carla);
  await openAccountMenu(carla);
  await carla.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(carla).toHaveURL(/\/signin$/);
  await expectSignedOut(copy);
  await copy.context().close();
});

test("sign out everywhere ends every browser's session, a copied cookie's included", async ({ browser }) => {
  const first = await signInAs(browser, "Carla Mendes");
  const second = await signInAs(browser, "Carla Mendes");
  const copy = await copyOf(browser, first);
  await openAccountMenu(first);
  await first.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(first).toHaveURL(/\/signin$/);
  await expectSignedOut(second);
  await expectSignedOut(copy);
  await copy.context().close();
});

test("an admin signs a user out everywhere, and disables them until enabled again", async ({ browser }) => {
  const ivan = await signInAs(browser, "Ivan Petrov");
  const ada = await signInAs(browser, "Ada Okafor");
  await openAdminPage(ada, "Users");
  const row = ada.getByTestId("user-ivan@example.com");

  await row.getByRole("button", { name: "Sign Ivan Petrov out everywhere" }).click();
  await expect(ada.getByText(/Ivan Petrov is signed out everywhere/)).toBeVisible();
  await expectSignedOut(ivan);

  await ivan.getByRole("button", { name: "Sign in as Ivan Petrov" }).click();
  await expect(ivan.getByTestId("viewer-name")).toHaveText("Ivan Petrov");
  await row.getByRole("button", { name: "Disable Ivan Petrov" }).click();
  await expect(row.getByText("Disabled")).toBeVisible();
  await expectSignedOut(ivan);
  await ivan.getByRole("button", { name: "Sign in as Ivan Petrov" }).click();
  await expect(ivan.getByText("Sign-in failed")).toBeVisible();

  await row.getByRole("button", { name: "Enable Ivan Petrov" }).click();
  await expect(row.getByText("Active")).toBeVisible();
  await ivan.getByRole("button", { name: "Sign in as Ivan Petrov" }).click();
  await expect(ivan.getByTestId("viewer-name")).toHaveText("Ivan Petrov");

  await openAdminPage(ada, "Audit log");
  // A row of the log (the Action filter lists the same name among its options).
  await expect(ada.getByRole("row").filter({ hasText: "user.enabled" }).first()).toContainText("Ada Okafor");
});
