import { allowConsoleError, expect, signInAs, test } from "./support/fixtures";

test("a platform admin changes a policy, sees it in the audit log, and others cannot", async ({ browser }) => {
  const ada = await signInAs(browser, "Ada Okafor");
  await ada.goto("/admin/policies");
  const maxPartitions = ada.getByLabel("Maximum partitions");
  // Read the current value once the form holds it (an early read can see the empty field).
  await expect(maxPartitions).toHaveValue(/^\d+$/);
  const original = await maxPartitions.inputValue();

  await ada.getByLabel("Minimum retention, hours").fill("48");
  await ada.getByLabel("Maximum retention, hours").fill("24");
  await ada.getByRole("button", { name: "Save policies" }).click();
  await expect(ada.getByText("The maximum retention must not be below the minimum.")).toBeVisible();

  await ada.getByLabel("Minimum retention, hours").fill("1");
  await ada.getByLabel("Maximum retention, hours").fill("2160");
  await maxPartitions.fill("24");
  await ada.getByRole("button", { name: "Save policies" }).click();
  await expect(ada.getByText("Policies saved")).toBeVisible();

  await ada.goto("/admin/audit");
  await expect(ada.getByRole("row").filter({ hasText: "policies.updated" }).first()).toContainText("Ada Okafor");

  // Put the default back so other journeys see the usual limits.
  await ada.goto("/admin/policies");
  await ada.getByLabel("Maximum partitions").fill(original);
  await ada.getByRole("button", { name: "Save policies" }).click();
  await expect(ada.getByText("Policies saved")).toBeVisible();

  const sam = await signInAs(browser, "Sam Rivera");
  allowConsoleError(sam, /status of 404/);
  expect((await sam.goto("/admin/policies"))?.status()).toBe(404);
  await expect(sam.getByText("This page does not exist, or you cannot see it")).toBeVisible();
  expect((await sam.goto("/admin/audit"))?.status()).toBe(404);
});

test("forms arrive with their values in the page itself, before any script runs", async ({ browser }) => {
  const ada = await signInAs(browser, "Ada Okafor");
  const html = await (await ada.request.get("/admin/policies")).text();
  const input = /<input[^>]*name="maxPartitions"[^>]*>/.exec(html)?.[0];
  expect(input).toBeDefined();
  expect(input).toMatch(/value="\d+"/);
  const select = /<select[^>]*name="piiMinClassification"[^>]*>[\s\S]*?<\/select>/.exec(html)?.[0];
  expect(select).toMatch(/<option[^>]*selected/);
});
