import { defineConfig } from "@playwright/test";
import { toolEnv } from "./lib/env";
import { meshportOidcEnv } from "./tests/support/oidc/settings";

const port = toolEnv.MESHPORT_TEST_APP_PORT;
// next-auth builds its URLs with localhost; 127.0.0.1 would fail its CSRF check.
const baseURL = `http://localhost:${port}`;
// The OpenID Connect provider the sign-in journeys go through (tests/support/oidc).
const issuer = `http://localhost:${toolEnv.MESHPORT_TEST_OIDC_PORT}`;

export default defineConfig({
  testDir: "e2e",
  // Separate output folders let several checkouts of the stack run side by side.
  outputDir: toolEnv.MESHPORT_PW_OUTPUT,
  forbidOnly: toolEnv.CI,
  retries: 0,
  // One portal, one Kafka: journeys run one after the other.
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: toolEnv.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: toolEnv.CHROMIUM_PATH,
      // Root in a sandboxed VM with a closed network: no sandbox, no background calls home.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: "node --import tsx tests/support/oidc/server.ts",
      url: `${issuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: `node node_modules/next/dist/bin/next start -p ${port}`,
      url: `${baseURL}/api/health`,
      // Meshport signs in through that provider as a deployment does through its own (and keeps the demo picker).
      env: meshportOidcEnv({ issuer, appOrigin: baseURL }),
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
