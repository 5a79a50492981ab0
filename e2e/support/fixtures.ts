import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

const signedInContexts = new Set<BrowserContext>();

/** Signs in through the demo picker, in a fresh browser context of its own (closed after the test). */
export async function signInAs(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext();
  signedInContexts.add(context);
  const page = await context.newPage();
  failOnConsoleErrors(page);
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in as ${name}` }).click();
  await expect(page.getByTestId("viewer-name")).toHaveText(name);
  return page;
}

const consoleErrors = new WeakMap<Page, string[]>();
const allowed = new WeakMap<Page, RegExp[]>();

/** For a test that expects an error response (a 404 page, say): the browser logs it, and that is fine. */
export function allowConsoleError(page: Page, pattern: RegExp) {
  allowed.set(page, [...(allowed.get(page) ?? []), pattern]);
}

/** Any console error in the browser fails the test: it is a bug the user would see. */
export function failOnConsoleErrors(page: Page) {
  const errors: string[] = [];
  consoleErrors.set(page, errors);
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
}

export const test = base.extend<{ checkConsole: void }>({
  checkConsole: [
    async ({ browser }, use) => {
      await use();
      try {
        for (const context of browser.contexts()) {
          for (const page of context.pages()) {
            const unexpected = (consoleErrors.get(page) ?? []).filter((e) => !(allowed.get(page) ?? []).some((p) => p.test(e)));
            expect(unexpected, "browser console errors").toEqual([]);
          }
        }
      } finally {
        // One test's signed-in users do not linger into the next.
        await Promise.all([...signedInContexts].map((c) => c.close()));
        signedInContexts.clear();
      }
    },
    { auto: true },
  ],
});

export { expect };

/** A name no earlier run used, so tests never trip over each other's data. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
