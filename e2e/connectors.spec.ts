import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "../lib/env";
import { testDb } from "../tests/support/factories";
import { expect, signInAs, test, unique } from "./support/fixtures";
import { seriousViolations, TOASTS } from "./support/axe";

// Issue 15: a team runs a Kafka Connect pipeline from the portal, policy-checked, and sees it running.
test("a team creates a source connector from the plugin's form, is refused another team's topic, and sees it running", async ({ browser }) => {
  const slug = unique("e2e-conn");
  const sam = await signInAs(browser, "Sam Rivera");
  await sam.goto("/products/new");
  await sam.getByLabel("Name").fill(`Connected ${slug}`);
  await sam.getByLabel("Identifier").fill(slug);
  await sam.getByLabel("Description").fill("Filled by a FileStream source connector.");
  await sam.getByLabel("Partitions").fill("1");
  await sam.getByRole("button", { name: "Create data product" }).click();
  await expect(sam.getByRole("heading", { level: 1, name: `Connected ${slug}` })).toBeVisible();
  const topic = (await testDb().outputPort.findFirstOrThrow({ where: { dataProduct: { slug } } })).topic;
  const otherTeams = await testDb().outputPort.findFirstOrThrow({ where: { dataProduct: { ownerTeam: { slug: "payments" } } } });

  const dir = env.KAFKA_CONNECT_FILE_DIR;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${slug}.txt`);
  writeFileSync(file, "first\nsecond\n");

  await sam.getByRole("link", { name: "Connectors", exact: true }).click();
  await sam.getByRole("link", { name: "New connector" }).click();
  const form = sam.getByRole("form", { name: "New connector" });
  await form.getByLabel("Owning team").selectOption({ label: "Sales Engineering" });
  await form.getByLabel("Connector plugin").selectOption({ label: "FileStreamSourceConnector (source)" });
  await form.getByLabel("Connector name").fill(slug);
  await form.getByLabel("file (optional)").fill(file);
  await form.getByLabel("topic", { exact: true }).fill(otherTeams.topic);
  expect(await seriousViolations(sam, { exclude: TOASTS }), "new connector form").toEqual([]);
  await form.getByRole("button", { name: "Create connector" }).click();
  await expect(form.getByText(`A source connector writes only to your team's own topics; ${otherTeams.topic} is not one of them.`)).toBeVisible();

  await form.getByLabel("topic", { exact: true }).fill(topic);
  await form.getByRole("button", { name: "Create connector" }).click();
  await expect(sam.getByRole("heading", { level: 1, name: `sales.${slug}` })).toBeVisible();
  await expect(async () => {
    await sam.reload();
    await expect(sam.getByRole("table", { name: "Tasks" })).toContainText("Running", { timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  await expect(sam.getByText(file)).toBeVisible(); // the owner sees its settings
  expect(await seriousViolations(sam, { exclude: TOASTS }), "connector page").toEqual([]);

  // Another team sees the connector, never its settings.
  const priya = await signInAs(browser, "Priya Shah");
  await priya.goto("/connectors");
  await priya.getByRole("link", { name: `sales.${slug}` }).click();
  await expect(priya.getByText(/Only members of .* see this connector's settings/)).toBeVisible();
  await expect(priya.getByText(file)).toHaveCount(0);
  await expect(priya.getByRole("button", { name: "Pause" })).toHaveCount(0);

  await sam.getByRole("button", { name: "Pause" }).click();
  await expect(async () => {
    await sam.reload();
    await expect(sam.getByRole("button", { name: "Resume" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await sam.getByRole("button", { name: "Delete…" }).click();
  await sam.getByRole("button", { name: `Delete sales.${slug}` }).click();
  await expect(sam.getByRole("heading", { level: 1, name: "Connectors" })).toBeVisible();
  await expect(sam.getByRole("link", { name: `sales.${slug}` })).toHaveCount(0);
});
