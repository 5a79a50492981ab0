import type { Browser, Page } from "@playwright/test";
import { expect, openAccountMenu, signInAs, test, unique } from "./support/fixtures";
import { TEST_IDP_NAME, TEST_IDP_PASSWORD, type TestIdpPerson } from "../tests/support/oidc/settings";
import { seriousViolations } from "./support/axe";

// Sign-in through a real OpenID Connect provider (tests/support/oidc, started by playwright.config.ts):
// authorization code flow with PKCE, the provider's groups mapped to teams by the rules a platform
// admin edits on /admin/sign-in, and sign-out that ends the provider's session too.
test.describe.configure({ mode: "serial" });

const SALES_GROUP = "meshport-sales";

/** From Meshport's sign-in page to the provider's login form. */
async function continueWithProvider(page: Page) {
  await page.goto("/signin");
  await page.getByRole("button", { name: `Continue with ${TEST_IDP_NAME}` }).click();
}

/** A person the portal has never seen (a fresh login of theirs), signed in through the provider. */
async function signInThroughProvider(browser: Browser, person: TestIdpPerson): Promise<{ page: Page; login: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = `${person}.${unique("e2e")}`;
  await continueWithProvider(page);
  await expect(page.getByRole("heading", { name: "Sign in to the test identity provider" })).toBeVisible();
  await page.getByLabel("Username").fill(login);
  await page.getByLabel("Password").fill(TEST_IDP_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/catalog$/);
  return { page, login };
}

test("a platform admin maps a provider group to a team on the sign-in rules page, which has no serious accessibility violations", async ({ browser }) => {
  const ada = await signInAs(browser, "Ada Okafor");
  await ada.goto("/admin/sign-in");
  await expect(ada.getByRole("heading", { level: 1, name: "Sign-in rules" })).toBeVisible();
  expect(await seriousViolations(ada), "/admin/sign-in").toEqual([]);

  await ada.getByLabel("Provider group", { exact: true }).fill(SALES_GROUP);
  await ada.getByLabel("Gives", { exact: true }).selectOption("member");
  await ada.getByLabel("Team", { exact: true }).selectOption({ label: "Sales Engineering" });
  await ada.getByRole("button", { name: "Add rule" }).click();
  // A rerun against the same database finds the rule there already; either way it is in force.
  const notice = ada.getByText(/Rule added|already in the set/);
  await expect(notice).toBeVisible();
  const rule = ada.getByRole("table", { name: "Sign-in rules" }).getByRole("row").filter({ hasText: SALES_GROUP });
  await expect(rule).toContainText("Team member");
  await expect(rule).toContainText("Sales Engineering");
  // The YAML editor shows the same set.
  await expect(ada.getByLabel("Sign-in rules file (YAML)")).toHaveValue(new RegExp(`group: ${SALES_GROUP}\\n\\s+role: member\\n\\s+team: sales`));
  // The page itself, once the toast (mid-fade, its contrast is undefined) has gone.
  await expect(notice).toBeHidden({ timeout: 10_000 });
  expect(await seriousViolations(ada), "/admin/sign-in with a rule").toEqual([]);
});

test("a first sign-in through the identity provider creates the user with the team of their group; signing out ends the provider's session", async ({ browser }) => {
  const { page, login } = await signInThroughProvider(browser, "ines");
  await expect(page.getByTestId("viewer-name")).toHaveText("Ines Sauer");
  await page.goto("/teams");
  await expect(page.getByRole("row").filter({ hasText: "Sales Engineering" })).toContainText("Member");

  // The provider keeps its own session: with Meshport's cookie gone, signing in again asks nothing.
  await page.context().clearCookies({ name: /^authjs\.session-token/ });
  await continueWithProvider(page);
  await expect(page).toHaveURL(/localhost:\d+\/catalog$/);
  await expect(page.getByTestId("viewer-name")).toHaveText("Ines Sauer");

  // Signing out of Meshport ends the provider's session too (RP-initiated logout with id_token_hint).
  await openAccountMenu(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign out of the test identity provider?" })).toBeVisible();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/signin$/);
  await continueWithProvider(page);
  await expect(page.getByRole("heading", { name: "Sign in to the test identity provider" })).toBeVisible();
  await expect(page.getByLabel("Password")).toBeEmpty();
  expect(login).toMatch(/^ines\./);
  await page.context().close();
});

test("a user in no mapped group sees the catalog and can request nothing until a team adds them", async ({ browser }) => {
  const { page } = await signInThroughProvider(browser, "noel");
  await expect(page.getByTestId("viewer-name")).toHaveText("Noel Quinn");
  await expect(page.getByTestId("result-count")).toBeVisible();
  await page.goto("/products/stock-levels");
  await expect(page.getByRole("heading", { level: 1, name: "Stock Levels" })).toBeVisible();
  await expect(page.getByText("Join a team to request access")).toBeVisible();
  await expect(page.getByRole("button", { name: /Request access/ })).toHaveCount(0);
  await page.goto("/teams");
  await expect(page.getByRole("table", { name: "Teams" }).getByText("Member", { exact: true })).toHaveCount(0);
  await page.context().close();
});
