import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { expect, signInAs, test, unique } from "./support/fixtures";

// The rest of the data contract on the real portal: an owner edits its objectives, terms and support,
// sees version 2 in the history, downloads the contract as ODCS YAML, then imports a new product from
// an ODCS file (one error shown at its line, fixed, previewed, created).

test("an owner edits the contract, downloads it as ODCS, and imports a product from an ODCS file", async ({ browser }) => {
  test.setTimeout(180_000);
  const slugOf = unique("e2e-contract");
  const product = { slug: slugOf, topic: `sales.${slugOf}.v1` };
  const sam = await signInAs(browser, "Sam Rivera");

  // Sam's team creates the product through the form (Kafka topic and registry subject included).
  await sam.goto("/products/new");
  await sam.getByLabel("Name").fill(`E2E Forecasts ${product.slug}`);
  await sam.getByLabel("Identifier").fill(product.slug);
  await sam.getByLabel("Description").fill("Forecasts for the contract journey.");
  await sam.getByLabel("Tags").fill("e2e");
  await sam.getByLabel("Retention, hours").fill("72");
  await sam.getByLabel("Schema (optional)").fill(JSON.stringify({ type: "record", name: "Forecast", fields: [{ name: "id", type: "string" }, { name: "qty", type: "int" }] }));
  await sam.getByRole("button", { name: "Create data product" }).click();
  await expect(sam.getByRole("heading", { level: 1, name: `E2E Forecasts ${product.slug}` })).toBeVisible();

  // Edit: availability, support, terms. The first save keeps the contract as created as version 1.
  await sam.goto(`/products/${product.slug}`);
  const contract = sam.getByRole("region", { name: "Contract", exact: true });
  await expect(contract.getByTestId("contract-availability")).toHaveText("No objective");
  await sam.getByText("Edit contract").click();
  await sam.getByLabel("Availability objective, % (optional)").fill("99.5");
  await sam.getByLabel("Support channel").fill("not a channel");
  await sam.getByLabel("Terms of use").fill("Use for **forecasts** only.\n\n<script>alert(1)</script>");
  await sam.getByRole("button", { name: "Save contract" }).click();
  await expect(sam.getByText("Enter an https:// link or an e-mail address.")).toBeVisible(); // at the field
  await sam.getByLabel("Support channel").fill("forecast-help@example.com");
  await sam.getByRole("button", { name: "Save contract" }).click();
  await expect(sam.getByText("Contract saved as version 2")).toBeVisible();
  await expect(contract.getByTestId("contract-availability")).toHaveText("99.5 %");
  await expect(contract.getByTestId("contract-support").getByRole("link", { name: "forecast-help@example.com" })).toHaveAttribute("href", "mailto:forecast-help@example.com");
  await expect(contract.getByTestId("contract-terms").locator("strong")).toHaveText("forecasts");
  await expect(contract.getByTestId("contract-terms").locator("script")).toHaveCount(0); // sanitized
  const history = sam.getByRole("region", { name: "Contract history" });
  await expect(history.getByText("Version 2", { exact: true })).toBeVisible();
  await expect(history.getByText("Version 1", { exact: true })).toBeVisible();

  // Download the ODCS YAML and read what it promises.
  const [download] = await Promise.all([sam.waitForEvent("download"), sam.getByRole("link", { name: "ODCS YAML" }).click()]);
  expect(download.suggestedFilename()).toBe(`${product.slug}.odcs.yaml`);
  const odcs = parse(await readFile((await download.path())!, "utf8")) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(odcs).toMatchObject({ apiVersion: "v3.0.2", kind: "DataContract", id: `${product.slug}-contract`, version: "2.0.0", status: "active", domain: "sales" });
  expect(odcs.description.limitations).toContain("Use for **forecasts** only.");
  expect(odcs.support).toEqual([expect.objectContaining({ url: "mailto:forecast-help@example.com" })]);
  expect(odcs.slaProperties).toEqual(expect.arrayContaining([expect.objectContaining({ property: "availability", value: 99.5 }), expect.objectContaining({ property: "retention", value: 72, unit: "h" })]));
  expect(odcs.servers[0]).toMatchObject({ type: "kafka", customProperties: expect.arrayContaining([{ property: "topic", value: product.topic }]) });
  expect(odcs.schema[0].properties.map((p: { name: string; logicalType: string }) => [p.name, p.logicalType])).toEqual([["id", "string"], ["qty", "integer"]]);

  // The stable URLs answer like the product page: a product nobody can see is a 404, a signed-out visitor signs in first.
  expect((await sam.request.get(`/products/${product.slug}/product.odps.yaml`)).status()).toBe(200);
  expect((await sam.request.get("/products/no-such-product/contract.odcs.yaml")).status()).toBe(404);
  const anonymous = await browser.newContext();
  const signedOut = await anonymous.request.get(`/products/${product.slug}/contract.odcs.yaml`, { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers().location).toContain("/signin");
  await anonymous.close();

  // Import a new product from an ODCS file: an error at its line, fixed, previewed, created.
  const slug = unique("e2e-imported");
  const lines = [
    "apiVersion: v3.0.2",
    "kind: DataContract",
    `id: ${slug}`,
    "version: 1.0.0",
    "status: active",
    "name: Imported deliveries",
    "description:",
    "  purpose: Deliveries imported from a data contract file.",
    "  limitations: Internal use only.",
    "tags: [e2e]",
    "schema:",
    "  - name: deliveries",
    "    properties:",
    "      - name: id",
    "        logicalType: uuid",
    "        required: true",
    "slaProperties:",
    "  - property: availability",
    "    value: 99",
    "    unit: percent",
  ];
  await sam.goto("/products/import");
  await sam.getByLabel("ODCS contract (YAML)").fill(lines.join("\n"));
  await sam.getByRole("button", { name: "Preview" }).click();
  await expect(sam.getByText(/^Line 15, column 9: logicalType is one of string, date, number, integer, object, array, boolean/)).toBeVisible();
  await expect(sam.getByRole("button", { name: "Create product" })).toHaveCount(0);
  lines[14] = "        logicalType: string";
  await sam.getByLabel("ODCS contract (YAML)").fill(lines.join("\n"));
  await sam.getByRole("button", { name: "Preview" }).click();
  await expect(sam.getByText("Preview: Imported deliveries")).toBeVisible();
  await expect(sam.getByText(`sales.${slug}.v1`)).toBeVisible();
  await sam.getByRole("button", { name: "Create product" }).click();
  await expect(sam.getByRole("heading", { level: 1, name: "Imported deliveries" })).toBeVisible();
  await expect(sam).toHaveURL(new RegExp(`/products/${slug}$`));
  const imported = sam.getByRole("region", { name: "Contract", exact: true });
  await expect(imported.getByTestId("contract-availability")).toHaveText("99 %");
  await expect(imported.getByTestId("contract-terms")).toContainText("Internal use only.");
});
