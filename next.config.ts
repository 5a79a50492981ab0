import type { NextConfig } from "next";
import { parseEnv } from "./lib/env";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

// Validated like the app's own environment: a wrong variable fails the build.
export default function config(phase: string): NextConfig {
  const env = parseEnv(process.env, phase);
  return {
    // kafkajs and pg are Node libraries; keep them out of the server bundle.
    serverExternalPackages: ["kafkajs", "pg", "pg-boss"],
    poweredByHeader: false,
    // Meshport runs behind a load balancer, which compresses; gzip in Node costs every request
    // CPU on the event loop (about 2 ms for a search answer). MESHPORT_COMPRESS=true turns it on
    // for an instance that serves browsers directly (docs/decisions/0016).
    compress: env.MESHPORT_COMPRESS,
    // Tests build into their own folder so a running demo's build is left alone.
    distDir: env.MESHPORT_DIST_DIR,
    // The request-independent security headers, on every response (docs/decisions/0031).
    async headers() {
      return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
    },
  };
}
