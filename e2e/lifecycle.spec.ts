import { describeTopicAsAdmin, topicExistsAsAdmin } from "../tests/support/kafka-clients";
import { createDemoUser, createTeamWithMembers, expireConsumerGrants, grantConsumeAccess, moveSunsetIntoThePast } from "../tests/support/factories";
import { expect, openAdminPage, signInAs, test, unique } from "./support/fixtures";

// Issue 14's journey: a team set up by an admin runs a product from birth to retirement on its own.
test("an admin sets up a team with a prefix and a maintainer; overlapping prefixes are refused by name", async ({ browser }) => {
  const slug = unique("growth");
  const lena = await createDemoUser(`Lena ${slug}`);

  const ada = await signInAs(browser, "Ada Okafor");
  await openAdminPage(ada, "Organisation");
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

test("a member runs a product's whole life: two output ports with a verdict fixed while typing, deprecation a consumer sees, retirement after the sunset", async ({ browser }) => {
  const slug = unique("life");
  const [maker, reader] = await Promise.all([createDemoUser(`Mira ${slug}`), createDemoUser(`Ravi ${slug}`)]);
  // Teams of the test's own: the owners with the prefix "<slug>.", and a consuming team.
  const owners = await createTeamWithMembers(`${slug}-own`, [{ userId: maker.id, role: "MAINTAINER" }], { prefix: `${slug}.` });
  const readers = await createTeamWithMembers(`${slug}-use`, [{ userId: reader.id, role: "MEMBER" }]);
  const name = `Parcels ${slug}`;
  const events = `${slug}.${slug}.v1`;
  const snapshot = `${slug}.${slug}.snapshot.v1`;

  const mira = await signInAs(browser, maker.name);
  await mira.goto("/products/new");
  await mira.getByLabel("Owning team").selectOption({ label: owners.name });
  await mira.getByLabel("Name").fill(name);
  await mira.getByLabel("Identifier").fill(slug);
  await mira.getByLabel("Description").fill("Every parcel scanned, as events and as a compacted snapshot.");
  const first = mira.getByRole("group", { name: "Output port 1" });
  await first.getByLabel("Partitions").fill("1");
  await mira.getByRole("button", { name: "Add another output port" }).click();
  const second = mira.getByRole("group", { name: "Output port 2" });
  await expect(second.getByLabel("Port", { exact: true })).toHaveValue("snapshot");
  // The naming policy, run in the browser as the topic is typed: no submit needed to see it.
  await second.getByLabel("Topic", { exact: true }).fill(`sales.${slug}.snapshot.v1`);
  await expect(second.getByText(`The topic "sales.${slug}.snapshot.v1" must start with the team's prefix "${slug}.".`)).toBeVisible();
  await second.getByLabel("Topic", { exact: true }).fill(snapshot);
  await expect(second.getByText("must start with the team's prefix")).toBeHidden();
  await second.getByLabel("Partitions").fill("1");
  await second.getByLabel("Cleanup policy").selectOption("compact");
  await mira.getByRole("button", { name: "Create data product" }).click();

  await expect(mira.getByRole("heading", { level: 1, name })).toBeVisible();
  // Each port is a card headed by its topic (the contract section names the topics too).
  await expect(mira.getByRole("heading", { level: 2, name: events, exact: true })).toBeVisible();
  await expect(mira.getByRole("heading", { level: 2, name: snapshot, exact: true })).toBeVisible();
  expect((await describeTopicAsAdmin(snapshot)).configs["cleanup.policy"]).toBe("compact");

  await grantConsumeAccess(slug, readers.id);
  const sunset = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await mira.reload();
  await mira.getByText("Deprecate this product").click();
  const deprecate = mira.getByRole("form", { name: "Deprecate this product" });
  await deprecate.getByLabel("Sunset date").fill(sunset);
  await deprecate.getByRole("button", { name: "Deprecate" }).click();
  // The page's banner (the toast says the same for a few seconds).
  await expect(mira.getByRole("article").getByText(`Deprecated: sunset on ${sunset}`)).toBeVisible();

  const ravi = await signInAs(browser, reader.name);
  await ravi.goto("/notifications");
  await expect(ravi.getByText(`${name} is deprecated: sunset on ${sunset}`)).toBeVisible();
  await ravi.goto(`/products/${slug}`);
  await expect(ravi.getByText(`Deprecated: sunset on ${sunset}`)).toBeVisible();

  // Retiring waits for the sunset and for every grant to end: the test cannot wait a week, so it moves the
  // sunset into the past and lets the consumer's grant expire, directly in the database.
  await expireConsumerGrants(slug);
  await moveSunsetIntoThePast(slug);
  await mira.reload();
  await mira.getByText("Retire this product").click();
  const retire = mira.getByRole("form", { name: "Retire this product" });
  await retire.getByLabel("Type the product's name to confirm").fill(slug);
  await expect(retire.getByText(`Type the product's name, ${name}, to confirm.`)).toBeVisible();
  await expect(retire.getByRole("button", { name: "Retire product" })).toBeDisabled();
  await retire.getByLabel("Type the product's name to confirm").fill(name);
  await retire.getByRole("button", { name: "Retire product" }).click();

  await expect(mira.getByText(/^Retired on /)).toBeVisible();
  await expect(mira.getByText("Deleted from Kafka", { exact: true })).toHaveCount(2); // each port's badge
  expect(await topicExistsAsAdmin(events)).toBe(false);
  expect(await topicExistsAsAdmin(snapshot)).toBe(false);
});
