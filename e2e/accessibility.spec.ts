import { expect, signInAs, test } from "./support/fixtures";
import { seriousViolations } from "./support/axe";

// The catalog and product pages are checked in catalog.spec.ts; these are the other daily pages.
test("access, request, creation, policy, audit and drift pages have no serious accessibility violations", async ({ browser }) => {
  const sam = await signInAs(browser, "Sam Rivera");
  for (const path of ["/access", "/products/new", "/products/import", "/notifications"]) {
    await sam.goto(path);
    await expect(sam.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(sam), path).toEqual([]);
  }
  await sam.goto("/access");
  await sam.getByRole("link", { name: "Details and comments" }).first().click();
  await expect(sam.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await seriousViolations(sam), "request page").toEqual([]);

  const ada = await signInAs(browser, "Ada Okafor");
  for (const path of ["/admin/policies", "/admin/policies/violations", "/admin/audit", "/admin/drift"]) {
    await ada.goto(path);
    await expect(ada.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(ada), path).toEqual([]);
  }
});
