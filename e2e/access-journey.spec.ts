import { consumeOne, describeTopicAsAdmin, produceAs } from "../tests/support/kafka-clients";
import { expect, signInAs, test, unique } from "./support/fixtures";

// The walking skeleton's journey, on the real portal, PostgreSQL and Kafka:
// Sales creates a product; Payments requests access; Kafka refuses Payments'
// principal; Sales approves in the UI; the same principal now reads.
test("a team publishes a product, another gets read access once the owner approves", async ({ browser }) => {
  const slug = unique("e2e-orders");
  const topic = `sales.${slug}.v1`;

  // 1. Sam (Sales maintainer) creates the data product from the form.
  const sam = await signInAs(browser, "Sam Rivera");
  await sam.getByRole("link", { name: "New data product" }).first().click();
  await sam.getByLabel("Name").fill(`E2E Orders ${slug}`);
  await sam.getByLabel("Identifier").fill(slug);
  await sam.getByLabel("Description").fill("Orders placed during the **end-to-end** test.");
  await sam.getByLabel("Tags").fill("orders, e2e");
  await sam.getByLabel("Partitions").fill("2");
  await sam.getByLabel("Retention, hours").fill("12");
  await sam.getByRole("button", { name: "Create data product" }).click();

  await expect(sam.getByRole("heading", { level: 1, name: `E2E Orders ${slug}` })).toBeVisible();
  await expect(sam.getByText("Provisioned")).toBeVisible();
  await expect(sam.getByTestId(`live-${topic}`)).toContainText("2");

  // The topic really exists in Kafka, as chosen in the form.
  const described = await describeTopicAsAdmin(topic);
  expect(described.partitions).toBe(2);
  expect(described.replicationFactor).toBe(1);
  expect(described.configs["retention.ms"]).toBe(String(12 * 3_600_000));

  // Sales' principal got WRITE: it can produce the first message.
  expect(await produceAs("team-sales", topic, JSON.stringify({ orderId: "o-1", total: "12.50" }))).toBe("ok");

  // 2. Priya (Payments member) requests read access with a purpose.
  const priya = await signInAs(browser, "Priya Shah");
  await priya.goto(`/products/${slug}`);
  await priya.getByRole("button", { name: "Request access" }).click();
  await priya.getByRole("button", { name: "Send request" }).click();
  await expect(priya.getByText("Say what the data is for")).toBeVisible(); // field-level message, nothing sent
  await priya.getByLabel("Purpose").fill("Reconcile captured payments against orders.");
  await priya.getByRole("button", { name: "Send request" }).click();
  await expect(priya.getByTestId("access-state")).toContainText("Request pending");

  // 3. Before approval, Kafka refuses Payments' principal.
  const group = `team-payments.${slug}`;
  const before = await consumeOne("team-payments", topic, group, 10_000);
  expect(before).toHaveProperty("refused");
  expect((before as { refused: string }).refused).toMatch(/AUTHORIZATION_FAILED/);

  // 4. Sam approves from the access inbox.
  await sam.goto("/access");
  const row = sam.getByTestId(`inbox-${slug}`);
  await expect(row).toContainText("Payments Core");
  await expect(row).toContainText("Reconcile captured payments against orders.");
  await row.getByRole("button", { name: /^Approve access/ }).click();
  await expect(sam.getByText(`Approved access to E2E Orders ${slug}.`)).toBeVisible();
  await expect(row).toHaveCount(0); // it left the inbox

  // 5. Now the same principal reads the message.
  const after = await consumeOne("team-payments", topic, group);
  expect(after).toEqual({ value: JSON.stringify({ orderId: "o-1", total: "12.50" }) });

  // Priya sees the new state on the product page and in her requests.
  await priya.reload();
  await expect(priya.getByTestId("access-state")).toContainText("Access active");
  await priya.goto("/access");
  await expect(priya.getByTestId(`request-${slug}`)).toContainText("Active"); // approved, and the ACLs are applied
});
