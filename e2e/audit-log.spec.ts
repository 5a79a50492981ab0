import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { testDb } from "../tests/support/factories";
import { expect, openAdminPage, signInAs, test, unique } from "./support/fixtures";

// Issue 17: an admin narrows the audit log with filters that live in the URL, follows a row to its
// target, and exports what the filters show.
test("an admin filters the audit log, shares the view as a link, and exports it as CSV and JSON Lines", async ({ browser }) => {
  const word = unique("auditword");
  const type = `e2e-${word}`;
  const product = await testDb().dataProduct.findFirstOrThrow({ select: { id: true, name: true, slug: true } });
  await testDb().auditEvent.createMany({
    data: [
      { action: `${type}.changed`, actorLabel: "system", targetType: "data-product", targetId: product.id, after: { note: `${word} one` } },
      { action: `${type}.changed`, actorLabel: "system", targetType: "data-product", targetId: product.id, after: { note: `${word} two` } },
      { action: `${type}.renamed`, actorLabel: "system", targetType: "data-product", targetId: product.id, after: { note: `${word} three` } },
    ],
  });

  const ada = await signInAs(browser, "Ada Okafor");
  await openAdminPage(ada, "Audit log");
  const filters = ada.getByRole("form", { name: "Filter the audit log" });
  await filters.getByLabel("Search the changes").fill(word);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(ada.getByText("3 matching events.")).toBeVisible();
  await expect(ada).toHaveURL(new RegExp(`q=${word}`));

  await filters.getByLabel("Action").selectOption(`${type}.changed`);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(ada.getByText("2 matching events.")).toBeVisible();
  const rows = ada.getByRole("row").filter({ hasText: `${type}.changed` });
  await expect(rows).toHaveCount(2);

  // The view is a link: opened afresh, the same two rows; an impossible date is said to be ignored.
  const shared = new URL(ada.url());
  shared.searchParams.set("to", "2026-02-30");
  await ada.goto(shared.toString());
  await expect(ada.getByText("2 matching events.")).toBeVisible();
  await expect(ada.getByRole("status")).toContainText("Not applied, not a valid value: to.");
  await expect(filters.getByLabel("Action")).toHaveValue(`${type}.changed`);
  expect((await new AxeBuilder({ page: ada }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  const [csv] = await Promise.all([ada.waitForEvent("download"), ada.getByRole("link", { name: "Export CSV" }).click()]);
  const csvText = await readFile((await csv.path())!, "utf8");
  const csvLines = csvText.trimEnd().split("\r\n");
  expect(csvLines[0]).toBe("at,actor,actorId,action,targetType,targetId,before,after");
  expect(csvLines.slice(1)).toHaveLength(2);
  expect(csvLines.slice(1).every((l) => l.includes(`${type}.changed`))).toBe(true);

  const [jsonl] = await Promise.all([ada.waitForEvent("download"), ada.getByRole("link", { name: "Export JSON Lines" }).click()]);
  const events = (await readFile((await jsonl.path())!, "utf8")).trimEnd().split("\n").map((l) => JSON.parse(l) as { action: string; after: { note: string } });
  expect(events.map((e) => e.after.note).sort()).toEqual([`${word} one`, `${word} two`]);

  // A row links to its target, by the name people know it by.
  await rows.first().getByRole("link", { name: product.name }).click();
  await expect(ada).toHaveURL(new RegExp(`/products/${product.slug}$`));
});

test("the export is for platform admins only", async ({ browser }) => {
  const priya = await signInAs(browser, "Priya Shah");
  const res = await priya.request.get("/admin/audit/export?format=csv");
  expect(res.status()).toBe(404);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get("/admin/audit/export")).status()).toBe(401);
  await anonymous.close();
});
