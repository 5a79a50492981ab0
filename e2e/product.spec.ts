import { expect, signInAs, test } from "./support/fixtures";

test("the product page shows live topic facts, schema versions, owners and copyable connection snippets", async ({ browser }) => {
  const page = await signInAs(browser, "Mia Chen");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/products/orders");
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();

  // Live from Kafka (the test broker runs): partitions and message counts.
  const live = page.getByTestId("live-sales.orders.v1").or(page.locator("[data-testid^='live-']").first());
  await expect(live.locator("[data-fact='Partitions']")).toHaveText(/^\d+$/);
  await expect(live.locator("[data-fact='Messages']")).toBeVisible();

  await expect(page.getByRole("list", { name: "Schema versions" }).getByText("v1")).toBeVisible();
  await expect(page.getByRole("list", { name: "Maintainers" })).toContainText("Sam Rivera");
  await expect(page.getByRole("link", { name: "sales-data@example.com" })).toBeVisible();

  await page.getByRole("tab", { name: "Python" }).click();
  await page.getByRole("button", { name: "Copy Python snippet" }).click();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toContain("from confluent_kafka import Consumer");
  expect(snippet).toContain('"sasl.username": "team-marketing"');
  expect(snippet).toContain("<your team's password>");
  await page.getByRole("tab", { name: "kcat" }).click();
  await expect(page.getByRole("tabpanel")).toContainText("kcat -C -b");
});
