import { defineConfig } from "@playwright/test";

const port = Number(process.env.MESHPORT_TEST_APP_PORT ?? 3100);
// next-auth builds its URLs with localhost; 127.0.0.1 would fail its CSRF check.
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  // Separate output folders let several checkouts of the stack run side by side.
  outputDir: process.env.MESHPORT_PW_OUTPUT ?? "test-results",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // One portal, one Kafka: journeys run one after the other.
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Root in a sandboxed VM with a closed network: no sandbox, no background calls home.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
