import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";

const signedInContexts = new Set<BrowserContext>();

/** Signs in through the demo picker, in a fresh browser context of its own (closed after the test); `options`: a phone's viewport, say. */
export async function signInAs(browser: Browser, name: string, options?: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  signedInContexts.add(context);
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in as ${name}` }).click();
  await expect(page.getByTestId("viewer-name")).toHaveText(name);
  return page;
}

/** Every page a test opens, in any context, with the console errors it logged. */
const watched = new Map<Page, string[]>();
const allowed = new WeakMap<Page, RegExp[]>();

/** For a test that expects an error response (a 404 page, say): the browser logs it, and that is fine. */
/** A platform admin's page, opened through the header's Admin menu (components/layout/nav-group.tsx). */
export async function openAdminPage(page: Page, name: string) {
  await page.getByRole("button", { name: "Admin", exact: true }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
}

/** The header's account menu (colour theme, sign out), on a wide screen; on a phone its items are in the Menu panel. */
export async function openAccountMenu(page: Page) {
  const button = page.getByRole("button").filter({ has: page.getByTestId("viewer-name") });
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
}

export function allowConsoleError(page: Page, pattern: RegExp) {
  allowed.set(page, [...(allowed.get(page) ?? []), pattern]);
}

// Runs in each page before its own scripts (Playwright injects it outside the page's CSP): a
// blocked script, style or connection is a console error, so it fails the test like any other.
function reportCspViolations() {
  document.addEventListener("securitypolicyviolation", (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile || document.URL}:${e.lineNumber})`);
  });
}

function watchPage(page: Page) {
  const errors: string[] = [];
  watched.set(page, errors);
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
}

async function watchContext(context: BrowserContext) {
  await context.addInitScript(reportCspViolations);
  context.on("page", watchPage);
}

export const test = base.extend<{ checkConsole: void }>({
  // The test's own default context too, for tests that use `page`.
  context: async ({ context }, provide) => {
    await watchContext(context);
    await provide(context);
  },
  checkConsole: [
    async ({ browser }, runTest) => {
      // Contexts a test opens itself (signInAs, browser.newContext) are watched from their first page.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const context = await newContext(...args);
        await watchContext(context);
        return context;
      };
      try {
        await runTest();
        for (const [page, errors] of watched) {
          const unexpected = errors.filter((e) => !(allowed.get(page) ?? []).some((p) => p.test(e)));
          expect(unexpected, `browser console errors on ${page.url()}`).toEqual([]);
        }
      } finally {
        browser.newContext = newContext;
        watched.clear();
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
