import { createProductWithPorts, testDb } from "../tests/support/factories";
import { expect, signInAs, test, unique } from "./support/fixtures";
import { seriousViolations, TOASTS } from "./support/axe";

// Issue 15: an owner follows a product's lineage two hops downstream, by the list and by the drawing.
test("an owner opens a product's lineage and follows it two hops downstream", async ({ browser }) => {
  const run = unique("lin");
  const up = await createProductWithPorts({ teamSlug: "sales", slug: `${run}-orders`, name: `Orders ${run}`, ports: [{ partitions: 1, retentionHours: 6 }] });
  const mid = await createProductWithPorts({ teamSlug: "payments", slug: `${run}-revenue`, name: `Revenue ${run}`, ports: [{ partitions: 1, retentionHours: 6 }] });
  const down = await createProductWithPorts({ teamSlug: "marketing", slug: `${run}-forecast`, name: `Forecast ${run}`, ports: [{ partitions: 1, retentionHours: 6 }] });
  await testDb().inputPort.createMany({ data: [{ dataProductId: mid.id, upstreamProductId: up.id }, { dataProductId: down.id, upstreamProductId: mid.id }] });

  const sam = await signInAs(browser, "Sam Rivera");
  await sam.goto(`/products/${up.slug}`);
  await sam.getByRole("navigation", { name: "Product sections" }).getByRole("link", { name: "Lineage" }).click();
  await expect(sam.getByRole("heading", { level: 1, name: `Lineage of Orders ${run}` })).toBeVisible();
  const downstream = sam.getByRole("list", { name: "Downstream" });
  await expect(downstream.getByRole("listitem").filter({ hasText: `Revenue ${run}` })).toContainText("direct");
  await expect(downstream.getByRole("listitem").filter({ hasText: `Forecast ${run}` })).toContainText("2 hops");
  await expect(downstream.getByRole("listitem").filter({ hasText: `Forecast ${run}` })).toContainText("declared");
  await expect(sam.getByTestId("lineage-graph").getByText(`Forecast ${run}`)).toBeVisible();
  expect(await seriousViolations(sam, { exclude: TOASTS }), "product lineage").toEqual([]);

  // One hop by the list, the next by clicking a node of the drawing.
  await downstream.getByRole("link", { name: `Revenue ${run}` }).click();
  await expect(sam.getByRole("heading", { level: 1, name: `Revenue ${run}` })).toBeVisible();
  await sam.getByRole("navigation", { name: "Product sections" }).getByRole("link", { name: "Lineage" }).click();
  await expect(sam.getByRole("list", { name: "Upstream" })).toContainText(`Orders ${run}`);
  await sam.getByTestId("lineage-graph").getByText(`Forecast ${run}`).click();
  await expect(sam.getByRole("heading", { level: 1, name: `Forecast ${run}` })).toBeVisible();

  await sam.getByRole("link", { name: "Lineage", exact: true }).first().click();
  await expect(sam.getByRole("heading", { level: 1, name: "Lineage" })).toBeVisible();
  await expect(sam.getByRole("list", { name: "Flows" })).toContainText(`Revenue ${run}`);
  expect(await seriousViolations(sam, { exclude: TOASTS }), "mesh lineage").toEqual([]);
});
