import { produceAs } from "../tests/support/kafka-clients";
import { expect, signInAs, test, unique } from "./support/fixtures";

// Data contracts on the real portal, registry and Kafka: an owner tries a breaking change, sees the
// diff, who would break and the refusal; then publishes a compatible version that a consumer sees.
const v1 = JSON.stringify({ type: "record", name: "Shipment", fields: [{ name: "id", type: "string" }, { name: "weight", type: "int" }] }, null, 2);
const breaking = JSON.stringify(
  { type: "record", name: "Shipment", fields: [{ name: "id", type: "string" }, { name: "weight", type: "int" }, { name: "carrier", type: "string" }] },
  null,
  2,
);
const compatible = JSON.stringify(
  { type: "record", name: "Shipment", fields: [{ name: "id", type: "string" }, { name: "weight", type: "long" }, { name: "carrier", type: ["null", "string"], default: null }] },
  null,
  2,
);

test("an owner is refused a breaking schema change with reasons and impact, then publishes a compatible one", async ({ browser }) => {
  test.setTimeout(240_000); // five users' steps with two Kafka round trips each: longer than the default on a loaded machine
  const slug = unique("e2e-ship");
  const topic = `sales.${slug}.v1`;

  // Sam creates a product with an Avro schema; Priya's team gets access.
  const sam = await signInAs(browser, "Sam Rivera");
  await sam.goto("/products/new");
  await sam.getByLabel("Name").fill(`E2E Shipments ${slug}`);
  await sam.getByLabel("Identifier").fill(slug);
  await sam.getByLabel("Description").fill("Shipments for the schema versions journey.");
  await sam.getByLabel("Tags").fill("e2e");
  await sam.getByLabel("Schema (optional)").fill('{"type": "record", "name": "Shipment", "fields": [{"name": "id", "type": "strng"}]}');
  await sam.getByRole("button", { name: "Create data product" }).click();
  await expect(sam.getByText(/Line 1, column \d+: Field id:/)).toBeVisible(); // at the field, nothing sent
  await sam.getByLabel("Schema (optional)").fill(v1);
  await sam.getByRole("button", { name: "Create data product" }).click();
  await expect(sam.getByRole("heading", { level: 1, name: `E2E Shipments ${slug}` })).toBeVisible();
  await expect(sam.getByText(`${topic}-value`)).toBeVisible();

  const priya = await signInAs(browser, "Priya Shah");
  await priya.goto(`/products/${slug}`);
  await priya.getByRole("button", { name: "Request access" }).click();
  await priya.getByLabel("Purpose").fill("Match shipments with captured payments.");
  await priya.getByRole("button", { name: "Send request" }).click();
  await expect(priya.getByTestId("access-state")).toContainText("Request pending");
  await sam.goto("/access");
  await sam.getByTestId(`inbox-${slug}`).getByRole("button", { name: /^Approve access/ }).click();
  await expect(sam.getByText(`Approved access to E2E Shipments ${slug}.`)).toBeVisible();

  // A breaking change: diff, verdicts, affected consumers, refusal, and the way out.
  await sam.goto(`/products/${slug}`);
  await sam.getByRole("link", { name: "Publish a new version" }).click();
  await expect(sam.getByRole("heading", { level: 1 })).toContainText(topic);
  await sam.getByLabel(/New schema/).fill(breaking);
  await sam.getByRole("button", { name: "Check compatibility" }).click();
  const before = sam.getByRole("region", { name: "Before you publish" });
  await expect(before.getByRole("list", { name: "Changes", exact: true })).toContainText("Field carrier (string) was added, required, without a default.");
  await expect(before.getByRole("list", { name: "Breaking changes" })).toContainText("New field carrier has no default");
  await expect(before.getByText("incompatible")).toBeVisible();
  await expect(before.getByRole("list", { name: "Affected consumers" })).toContainText("Payments Core");
  await expect(before.getByRole("list", { name: "Affected consumers" })).toContainText("team-payments.*");
  await expect(before.getByText("Refused: this version would break consumers")).toBeVisible();
  await expect(before.getByRole("button", { name: `Start sales.${slug}.v2` })).toBeVisible();
  await expect(before.getByRole("button", { name: /^Publish version/ })).toHaveCount(0);

  // A compatible one (int → long, an optional field): checked, then published.
  await sam.getByLabel(/New schema/).fill(compatible);
  await expect(sam.getByText("Edited since the check: check again")).toBeVisible();
  await sam.getByRole("button", { name: "Check compatibility" }).click();
  await expect(before.getByRole("list", { name: "Changes", exact: true })).toContainText("Field weight changed type from int to long.");
  await expect(before.getByText("no breaking change")).toBeVisible();
  await before.getByRole("button", { name: "Publish version 2" }).click();
  await expect(sam.getByRole("heading", { level: 1 })).toContainText(`Schema versions of ${topic}`);
  await expect(sam.getByRole("region", { name: "Changes from version 1 to 2" })).toContainText("Field carrier (null | string) was added with default null.");

  // Priya's team reads the port: she sees the new version.
  await priya.goto(`/products/${slug}`);
  await expect(priya.getByText("version 2 of 2")).toBeVisible();
  await priya.getByRole("link", { name: "Versions and diffs" }).click();
  await expect(priya.getByRole("region", { name: "Changes from version 1 to 2" })).toContainText("Field weight changed type from int to long.");
  await expect(priya.getByRole("link", { name: "Publish a new version" })).toHaveCount(0);

  // Sample data: Priya's team has access and sees the latest message; Ivan's team has none and sees no samples.
  expect(await produceAs("team-sales", topic, JSON.stringify({ id: "s-1", weight: 7, carrier: null }))).toBe("ok");
  await priya.goto(`/products/${slug}`);
  await expect(priya.getByRole("region", { name: `Sample data of ${topic}` })).toContainText('"id":"s-1"');
  const ivan = await signInAs(browser, "Ivan Petrov");
  await ivan.goto(`/products/${slug}`);
  await expect(ivan.getByRole("heading", { level: 1, name: `E2E Shipments ${slug}` })).toBeVisible();
  await expect(ivan.getByRole("region", { name: `Sample data of ${topic}` })).toHaveCount(0);
});
