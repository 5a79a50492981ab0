import { consumeOne, eventually, produceAs } from "../tests/support/kafka-clients";
import { expect, signInAs, test, unique } from "./support/fixtures";

// Personal data needs two approvals: Sales' maintainer, then data protection. Payments reads once
// both approved, sees every status change, and loses access (in Kafka too) when Sales revokes.
test("two-step approval for personal data, status on the request page, revocation", async ({ browser }) => {
  const slug = unique("e2e-pii");
  const name = `E2E Customers ${slug}`;
  const topic = `sales.${slug}.v1`;

  const sam = await signInAs(browser, "Sam Rivera");
  await sam.goto("/products/new");
  await sam.getByLabel("Name").fill(name);
  await sam.getByLabel("Identifier").fill(slug);
  await sam.getByLabel("Description").fill("Customer profiles for the access e2e test.");
  await sam.getByLabel("Tags").fill("customers, e2e");
  await sam.getByLabel("Classification", { exact: true }).selectOption("RESTRICTED");
  await sam.getByRole("checkbox", { name: /Contains personal data/ }).check();
  await sam.getByRole("button", { name: "Create data product" }).click();
  await expect(sam.getByRole("heading", { level: 1, name })).toBeVisible();
  expect(await produceAs("team-sales", topic, "customer-1")).toBe("ok");

  // Priya asks for Payments.
  const priya = await signInAs(browser, "Priya Shah");
  await priya.goto(`/products/${slug}`);
  await priya.getByRole("button", { name: "Request access" }).click();
  await priya.getByLabel("Purpose").fill("Match chargebacks to customers.");
  await priya.getByRole("button", { name: "Send request" }).click();
  await expect(priya.getByTestId("access-state")).toContainText("The owning team decides.");

  // Step 1: the owners.
  await sam.goto("/access");
  const row = sam.getByTestId(`inbox-${slug}`);
  await expect(row).toContainText("Match chargebacks to customers.");
  await row.getByRole("button", { name: /^Approve access/ }).click();
  await expect(sam.getByText("It now needs a data-protection approval")).toBeVisible();
  await expect(row).toHaveCount(0);

  await priya.reload();
  await expect(priya.getByTestId("access-state")).toContainText("data protection decides next");
  const group = `team-payments.${slug}`;
  expect(await consumeOne("team-payments", topic, `${group}.before`, 8000)).toHaveProperty("refused");

  // Step 2: data protection, who sees it in their inbox with a count in the navigation.
  const dana = await signInAs(browser, "Dana Kowalski");
  await expect(dana.getByRole("link", { name: /Access requests/ })).toContainText(/\d/);
  await dana.goto("/access");
  const dpRow = dana.getByTestId(`inbox-${slug}`);
  await expect(dpRow).toContainText("Data-protection step");
  await dpRow.getByRole("button", { name: /^Approve access/ }).click();
  await expect(dana.getByText(`Approved access to ${name}.`)).toBeVisible();

  // Priya sees it active, on the request page with both approvals, and her principal reads.
  await priya.goto("/access");
  await expect(priya.getByTestId(`request-${slug}`)).toContainText("Active");
  await priya.getByTestId(`request-${slug}`).getByRole("link", { name }).click();
  await expect(priya.getByTestId("request-status")).toContainText("Active");
  await expect(priya.getByText("✓ Sam Rivera")).toBeVisible();
  await expect(priya.getByText("✓ Dana Kowalski")).toBeVisible();
  await expect(priya.getByTestId("grant")).toContainText("ACLs applied");
  expect(await consumeOne("team-payments", topic, `${group}.after`)).toEqual({ value: "customer-1" });

  // Sam revokes from the product page's Consumers card, with a reason.
  await sam.goto(`/products/${slug}`);
  await sam.getByRole("button", { name: "Revoke Payments Core's access" }).click();
  await sam.getByLabel("Reason for revoking").fill("Chargeback matching moved to the settlements product.");
  await sam.getByRole("button", { name: "Confirm revocation" }).click();
  await expect(sam.getByText("Revoked Payments Core's access.")).toBeVisible();

  await priya.reload();
  await expect(priya.getByTestId("request-status")).toContainText("Revoked");
  await expect(priya.getByTestId("decision-reason")).toHaveText("Chargeback matching moved to the settlements product.");
  await expect(priya.getByTestId("notifications-bell")).toHaveAccessibleName(/unread/);
  const after = await eventually(() => consumeOne("team-payments", topic, `${group}.revoked`, 8000), (r) => "refused" in r);
  expect(after).toHaveProperty("refused");
});
