import { expect, signInAs, test } from "./support/fixtures";

// The header of a platform admin, who sees the most links: one row at 1280 px with the admin pages behind
// an "Admin" disclosure, and the same pages listed in the phone menu.
test("a platform admin's header fits 1280 px; the Admin and account menus open, close by Escape, click outside and navigation", async ({ browser }) => {
  const ada = await signInAs(browser, "Ada Okafor", { viewport: { width: 1280, height: 800 } });
  const header = ada.locator("header").first();
  const nav = ada.getByRole("navigation", { name: "Main" });
  // One row: nothing in the bar reaches past its right edge or below its 56 px.
  const overflow = await header.evaluate((h) =>
    [...h.querySelectorAll("a, button, [data-testid=viewer-name]")]
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ text: (e.textContent ?? "").trim().slice(0, 30), r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.right > 1280 || r.bottom > 56)
      .map(({ text }) => text),
  );
  expect(overflow, "header items outside the 1280 × 56 px bar").toEqual([]);

  const admin = ada.getByRole("button", { name: "Admin", exact: true });
  const cluster = nav.getByRole("link", { name: "Cluster", exact: true });
  await expect(cluster).toBeHidden();
  await admin.click();
  await expect(admin).toHaveAttribute("aria-expanded", "true");
  await expect(cluster).toBeVisible();
  await ada.keyboard.press("Escape");
  await expect(cluster).toBeHidden();
  await expect(admin).toBeFocused();

  await admin.click();
  await ada.getByRole("heading", { level: 1 }).click(); // elsewhere on the page
  await expect(cluster).toBeHidden();

  // The account menu: the theme and signing out, behind the viewer's name.
  const account = ada.getByRole("button", { name: "Ada Okafor" });
  const signOut = ada.getByRole("button", { name: "Sign out", exact: true });
  await expect(signOut).toBeHidden();
  await account.click();
  await expect(account).toHaveAttribute("aria-expanded", "true");
  await expect(signOut).toBeVisible();
  await expect(ada.getByRole("group", { name: "Colour theme" })).toBeVisible();
  await ada.keyboard.press("Escape");
  await expect(signOut).toBeHidden();
  await expect(account).toBeFocused();

  await admin.click();
  await cluster.click();
  await expect(ada).toHaveURL(/\/admin\/cluster$/);
  await expect(ada.getByRole("heading", { level: 1, name: "Cluster" })).toBeVisible();
  await expect(admin).toHaveAttribute("aria-expanded", "false");
  await expect(cluster).toBeHidden();
});

test("on a phone the admin pages are listed in the menu under Admin, without a second button", async ({ browser }) => {
  const ada = await signInAs(browser, "Ada Okafor", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await ada.getByRole("button", { name: "Menu" }).click();
  const nav = ada.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("button", { name: "Admin", exact: true })).toBeHidden();
  for (const page of ["Organisation", "Policies", "Audit log", "ACL drift", "Users", "Sign-in", "Cluster"]) {
    await expect(nav.getByRole("link", { name: page, exact: true })).toBeVisible();
  }
  await nav.getByRole("link", { name: "Audit log", exact: true }).click();
  await expect(ada).toHaveURL(/\/admin\/audit/);
  await expect(nav).toBeHidden();
});
