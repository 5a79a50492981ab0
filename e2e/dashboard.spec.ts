import type { Page } from "@playwright/test";
import { compareNames } from "../components/dashboard/compare-names";
import { consumeOne, produceAs } from "../tests/support/kafka-clients";
import { expect, signInAs, test, unique } from "./support/fixtures";
import { seriousViolations } from "./support/axe";

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
  await expect(sam.getByTestId("dashboard-summary")).toContainText(/\d+ products/);
  await expect(sam.getByTestId("index-freshness")).toContainText(/as of \d+ s ago/);

  const orders = sam.getByTestId("product-row-orders");
  await reloadUntil(sam, async () => {
    await expect(orders).toContainText(/\d+ msg · /, { timeout: 1000 });
    await expect(orders.getByRole("cell").nth(3)).not.toHaveText("0", { timeout: 1000 });
  });
  // Order Lines promises data within 2 minutes and nothing arrived since the seed.
  await expect(sam.getByTestId("product-row-order-lines")).toContainText("Objective missed");
  await expect(sam.getByTestId("dashboard-summary")).toContainText(/[1-9]\d* freshness objectives? missed/);

  // Sortable: by product name, descending on the second click.
  await sam.getByRole("button", { name: "Product" }).click();
  await sam.getByRole("button", { name: "Product" }).click();
  await expect(sam.getByRole("columnheader", { name: "Product" })).toHaveAttribute("aria-sort", "descending");
  const names = await sam.locator("tbody tr td:first-child a").allTextContents();
  expect(names).toEqual([...names].sort((a, b) => compareNames(b, a)));
  expect(await seriousViolations(sam), "/dashboard").toEqual([]);

  // The health tab: charts with axes and a legend, the consumer group with its lag, partitions.
  await sam.goto("/products/orders");
  await sam.getByRole("navigation", { name: "Product sections" }).getByRole("link", { name: "Health" }).click();
  await expect(sam).toHaveURL(/\/products\/orders\/health$/);
  await expect(sam.getByText("Produce rate", { exact: true })).toBeVisible();
  await expect(sam.getByText("Consumer lag (messages)")).toBeVisible();
  await expect(sam.locator(".recharts-cartesian-axis").first()).toBeVisible();
  await expect(sam.getByTestId(`consumer-group-${group}`)).toContainText("Marketing Analytics");
  await expect(sam.getByRole("table", { name: "Partitions of sales.orders.v1" })).toBeVisible();
  await sam.getByRole("link", { name: "7 days" }).click();
  await expect(sam).toHaveURL(/range=7d/);
  await expect(sam.getByText("Produce rate", { exact: true })).toBeVisible();
  expect(await seriousViolations(sam), "health tab").toEqual([]);
});

test("an owner revokes an unused grant in one step; a consumer opens My access", async ({ browser }) => {
  // Payments Core was granted Returns 19 days ago (demo mesh) and never read it: unused after 14 days.
  const carla = await signInAs(browser, "Carla Mendes");
  await carla.goto("/products/returns/health");
  const unused = carla.getByTestId("unused-grant-Payments Core");
  await expect(unused).toContainText("nothing consumed since it was granted");
  await unused.getByRole("button", { name: "Revoke Payments Core's unused access" }).click();
  await expect(carla.getByText("Revoked Payments Core's unused access.")).toBeVisible();
  await expect(carla.getByTestId("unused-grant-Payments Core")).toHaveCount(0);

  const priya = await signInAs(browser, "Priya Shah");
  await priya.goto("/");
  await priya.getByRole("link", { name: "My access" }).click();
  await expect(priya.getByRole("heading", { level: 1, name: "My access" })).toBeVisible();
  const grants = priya.getByRole("table", { name: "Your teams' grants" });
  await expect(grants).toContainText("Orders");
  await expect(grants).not.toContainText("Returns");
  expect(await seriousViolations(priya), "/my-access").toEqual([]);

  const ada = await signInAs(browser, "Ada Okafor");
  await ada.goto("/admin/cluster");
  await expect(ada.getByRole("heading", { level: 1, name: "Cluster" })).toBeVisible();
  await expect(ada.getByLabel("Cluster totals")).toContainText("Topics");
  expect(await seriousViolations(ada), "/admin/cluster").toEqual([]);
});
