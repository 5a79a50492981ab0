import { describeTopicAsAdmin } from "../tests/support/kafka-clients";
import { createDemoUser } from "../tests/support/factories";
import { expect, signInAs, test, unique } from "./support/fixtures";

// Issue 14's journey: a team set up by an admin runs a product from birth to retirement on its own.
test("an admin sets up a team with a prefix and a maintainer; overlapping prefixes are refused by name", async ({ browser }) => {
  const slug = unique("growth");
  const lena = await createDemoUser(`Lena ${slug}`);

  const ada = await signInAs(browser, "Ada Okafor");
  await ada.getByRole("link", { name: "Organisation" }).click();
  const form = ada.getByRole("form", { name: "New team" });
  await form.getByLabel("Team name").fill(`Growth ${slug}`);
  await form.getByLabel("Team identifier").fill(slug);
  await form.getByLabel("Domain").selectOption({ label: "Sales" });
  await form.getByLabel("Kafka principal").fill(`team-${slug}`);
  await form.getByLabel("Topic prefixes").fill("sales.");
  await form.getByRole("button", { name: "Create team" }).click();
  await expect(form.getByText('"sales." is already owned by team Sales Engineering.').last()).toBeVisible(); // at the field

  await form.getByLabel("Topic prefixes").fill(`${slug}.`);
  await form.getByRole("button", { name: "Create team" }).click();
  await expect(ada.getByRole("heading", { level: 1, name: `Growth ${slug}` })).toBeVisible();
  await expect(ada.getByRole("list", { name: "Topic prefixes" })).toContainText(`${slug}.`);
  await expect(ada.getByRole("list", { name: "Kafka principals" })).toContainText(`User:team-${slug}`);

  await ada.getByRole("textbox", { name: "Add a member by e-mail" }).fill(lena.email);
  await ada.getByLabel("Role of the new member").selectOption("MAINTAINER");
  await ada.getByRole("button", { name: "Add member" }).click();
  await expect(ada.getByRole("table", { name: "Members" })).toContainText(lena.name);

  const member = await signInAs(browser, lena.name);
  await member.getByRole("link", { name: "Teams" }).click();
  await expect(member.getByRole("row").filter({ hasText: `Growth ${slug}` })).toContainText("Maintainer");
});

test("a maintainer edits a product's metadata: a policy verdict shows while typing, the change is audited", async ({ browser }) => {
  const slug = unique("e2e-edit");
  const sam = await signInAs(browser, "Sam Rivera");
  await sam.goto("/products/new");
  await sam.getByLabel("Name").fill(`Edit me ${slug}`);
  await sam.getByLabel("Identifier").fill(slug);
  await sam.getByLabel("Description").fill("A product whose metadata changes after creation.");
  await sam.getByLabel("Partitions").fill("1");
  await sam.getByRole("button", { name: "Create data product" }).click();
  await expect(sam.getByRole("heading", { level: 1, name: `Edit me ${slug}` })).toBeVisible();

  await sam.getByRole("link", { name: "Edit product" }).click();
  await sam.getByLabel("Name").fill(`Edited ${slug}`);
  await sam.getByLabel("Tags").fill("orders, edited");
  // The server's policy, run in the browser as the box is ticked: no submit needed to see it.
  await sam.getByLabel(/Contains personal data/).check();
  await expect(sam.getByText("Products with personal data must be classified CONFIDENTIAL or higher.")).toBeVisible();
  await sam.getByLabel("Classification", { exact: true }).selectOption("CONFIDENTIAL");
  await expect(sam.getByText("Products with personal data must be classified CONFIDENTIAL or higher.")).toBeHidden();
  await sam.getByRole("button", { name: "Save changes" }).click();

  await expect(sam.getByRole("heading", { level: 1, name: `Edited ${slug}` })).toBeVisible();
  await expect(sam.getByText("Personal data")).toBeVisible();
  await expect(sam.getByRole("list", { name: "Tags" })).toContainText("edited");
});

test("a maintainer changes a live topic's retention and partitions; a decrease is refused as it is typed", async ({ browser }) => {
  const slug = unique("e2e-cfg");
  const topic = `sales.${slug}.v1`;
  const sam = await signInAs(browser, "Sam Rivera");
  await sam.goto("/products/new");
  await sam.getByLabel("Name").fill(`Config ${slug}`);
  await sam.getByLabel("Identifier").fill(slug);
  await sam.getByLabel("Description").fill("A product whose topic configuration changes.");
  await sam.getByLabel("Partitions").fill("2");
  await sam.getByRole("button", { name: "Create data product" }).click();
  await expect(sam.getByRole("heading", { level: 1, name: `Config ${slug}` })).toBeVisible();

  await sam.getByText("Change topic configuration").click();
  const form = sam.getByRole("form", { name: `Configuration of ${topic}` });
  await form.getByLabel("Partitions").fill("1");
  await expect(form.getByText("Kafka cannot remove partitions: this topic has 2")).toBeVisible();
  await form.getByLabel("Partitions").fill("3");
  await expect(form.getByText("Kafka cannot remove partitions")).toBeHidden();
  await form.getByLabel("Retention, hours").fill("48");
  await form.getByRole("button", { name: "Apply to Kafka" }).click();
  await expect(sam.getByText(`Applied to ${topic}`)).toBeVisible();

  const live = await describeTopicAsAdmin(topic);
  expect(live.partitions).toBe(3);
  expect(live.configs["retention.ms"]).toBe(String(48 * 3_600_000));
});
