import { allowConsoleError, expect, signInAs, test, unique } from "./support/fixtures";

test("bad input on the create form gets a message at the field, and nothing is created", async ({ browser }) => {
  const page = await signInAs(browser, "Ivan Petrov");
  await page.goto("/products/new");
  await page.getByRole("button", { name: "Create data product" }).click();
  await expect(page.getByText("Use at least 3 characters.").first()).toBeVisible();
  await expect(page.getByText("Describe the product in a sentence or more.")).toBeVisible();

  // Passes the browser's checks, but the server's governance policies refuse it.
  const slug = unique("too-wide");
  await page.getByLabel("Name").fill("Too wide");
  await page.getByLabel("Identifier").fill(slug);
  await page.getByLabel("Description").fill("A product with more replicas than the cluster has brokers.");
  await page.getByLabel("Replication factor").fill("3");
  await page.getByRole("button", { name: "Create data product" }).click();
  await expect(page.getByText("The cluster has 1 broker, so the replication factor can be at most 1.")).toBeVisible();
  await expect(page.getByText("The data product was not created")).toBeVisible();

  allowConsoleError(page, /status of 404/);
  await page.goto(`/products/${slug}`);
  await expect(page.getByText("This data product does not exist, or you cannot see it")).toBeVisible();
});

test("drafts are invisible to other teams: their page answers as if it did not exist", async ({ browser }) => {
  const outsider = await signInAs(browser, "Mia Chen");
  allowConsoleError(outsider, /status of 404/);
  const response = await outsider.goto("/products/fraud-scores");
  expect(response?.status()).toBe(404);
  await expect(outsider.getByText("This data product does not exist, or you cannot see it")).toBeVisible();

  const owner = await signInAs(browser, "Paul Weber");
  await owner.goto("/products/fraud-scores");
  await expect(owner.getByRole("heading", { level: 1, name: "Fraud Scores" })).toBeVisible();
});

test("an invalid tag is explained at the tags field, and text of only invisible characters at its own", async ({ browser }) => {
  const page = await signInAs(browser, "Ivan Petrov");
  await page.goto("/products/new");
  await page.getByLabel("Name").fill("\u200b\u200b\u200b\u200b");
  await page.getByLabel("Identifier").fill(unique("bad-tag"));
  await page.getByLabel("Description").fill("A product whose tags are not tags.");
  await page.getByLabel("Tags").fill("orders, Real Time!");
  await page.getByRole("button", { name: "Create data product" }).click();
  await expect(page.getByLabel("Tags")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("“time!” is not a tag.", { exact: false })).toBeVisible();
  await expect(page.getByText("Type visible text: this holds only spaces or invisible characters.")).toBeVisible();
});
