import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { consumeOne, produceAs } from "../tests/support/kafka-clients";
import { expect, signInAs, test, unique } from "./support/fixtures";

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Reloads until the collector (every 5 s in tests) has put what we wait for on the page. */
async function reloadUntil(page: Page, check: () => Promise<void>, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await page.waitForTimeout(2000);
      await page.reload();
    }
  }
}

test("an owner sees a lagging consumer and a missed freshness objective on the dashboard", async ({ browser }) => {
  // A real consumer of Sam's Orders, as Marketing (granted in the demo mesh): it reads one message and
  // stops, so the rest of its partition is unread.
  const group = unique("team-marketing.e2e-dash");
  expect(await produceAs(undefined, "sales.orders.v1", JSON.stringify({ e2e: group }))).toBe("ok");
  expect(await consumeOne("team-marketing", "sales.orders.v1", group)).toHaveProperty("value");

  const sam = await signInAs(browser, "Sam Rivera");
  await sam.goto("/");
  await expect(sam).toHaveURL(/\/dashboard$/);
  await expect(sam.getByRole("heading", { level: 1, name: "Your products" })).toBeVisible();
  await expect(sam.getByTestId("dashboard-summary")).toContainText("5 products");
  await expect(sam.getByTestId("index-freshness")).toContainText(/as of \d+ s ago/);

  const orders = sam.getByTestId("product-row-orders");
  await reloadUntil(sam, async () => {
    await expect(orders).toContainText(/\d+ msg · /, { timeout: 1000 });
    await expect(orders.getByRole("cell").nth(3)).not.toHaveText("0", { timeout: 1000 });
  });
  // Order Lines promises data within 2 minutes and nothing arrived since the seed.
  await expect(sam.getByTestId("product-row-order-lines")).toContainText("Objective missed");
  await expect(sam.getByTestId("dashboard-summary")).toContainText(/[1-9]\d* freshness objectives? missed/);

  // Sortable: by product name, descending puts Store Footfall first.
  await sam.getByRole("button", { name: "Product" }).click();
  await sam.getByRole("button", { name: "Product" }).click();
  await expect(sam.getByRole("row").nth(1)).toContainText("Store Footfall");

  expect(await seriousViolations(sam)).toEqual([]);
});
